package org.conflictmap.preview;

import java.awt.Color;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Supplier;
import java.util.regex.Pattern;
import org.conflictmap.events.Event;
import org.conflictmap.events.EventWhen;
import org.conflictmap.problem.BusyException;
import org.conflictmap.zones.Zone;
import org.locationtech.jts.geom.Envelope;

/**
 * Preview images for an event page and for a whole view of the map, built as {@link Scene}s and
 * cached by scene: an unchanged event over unchanged zones is drawn once, and any edit to either
 * makes a new scene and so a new picture. Drawing is bounded: one picture per core at a time, a
 * cache bounded in bytes, and a request that waits too long is answered 503 rather than drawn.
 * While every renderer is busy, a request for an event or view that was drawn before gets its last
 * picture at once (a social card a few seconds behind an edit) instead of queueing behind the
 * renderers: under a stream of edits every request would otherwise need a new drawing.
 */
public final class Previews {
  /** An event page's preview shows the region around the event, as the map does at this zoom. */
  public static final double EVENT_ZOOM = 7;

  private static final DateTimeFormatter DAY =
      DateTimeFormatter.ofPattern("d MMM uuuu", Locale.ENGLISH);
  private static final Pattern HEX = Pattern.compile("#[0-9a-fA-F]{6}");
  private static final Color DEFAULT_ZONE = new Color(0xe0633a);
  // the same colours as the map's legend (web js/format.js)
  private static final Map<String, Color> TYPE_COLORS =
      Map.of(
          "battles", new Color(0xe4572e),
          "explosions/remote violence", new Color(0xf3a712),
          "violence against civilians", new Color(0xc2185b),
          "protests", new Color(0x4fa3e0),
          "riots", new Color(0x8e7cc3),
          "strategic developments", new Color(0x7fb069));
  private static final Color OTHER_TYPE = new Color(0xa0a7b4);

  /** The cache's budget: a few hundred pictures, whatever their size, never the heap. */
  static final long CACHE_BYTES = 32L * 1024 * 1024;

  /** How long a request waits for a free renderer before it is told to come back later. */
  static final Duration WAIT = Duration.ofSeconds(15);

  /**
   * How long the picture of a view (a URL of {@code /preview.png}) is reused while events keep
   * arriving: a map that takes several reports a second would otherwise draw every request anew.
   */
  public static final Duration VIEW_FRESH = Duration.ofSeconds(60);

  private final Function<Scene, byte[]> render;
  private final Semaphore renderers;
  private final long cacheBytes;
  private final Duration wait;
  private final ConcurrentHashMap<Object, CompletableFuture<byte[]>> inFlight =
      new ConcurrentHashMap<>();
  private final LinkedHashMap<Object, byte[]> cache = new LinkedHashMap<>(64, 0.75f, true);
  private final LinkedHashMap<Object, byte[]> latest = new LinkedHashMap<>(64, 0.75f, true);
  private final LongSupplier clock;
  private long cachedBytes;
  private long latestBytes;

  /**
   * Draws with {@code renderer}, one picture per core at a time: each drawing holds a few megabytes
   * of raster and the PNG encoder pins arrays for the garbage collector, so drawing as many as
   * requests arrive ran a 512 MB heap out of memory under load.
   */
  public Previews(PreviewRenderer renderer) {
    this(
        renderer::renderPng,
        Math.max(1, Runtime.getRuntime().availableProcessors()),
        CACHE_BYTES,
        WAIT,
        System::currentTimeMillis);
  }

  /**
   * @param render draws a scene as PNG bytes
   * @param concurrent how many scenes may be drawn at once
   * @param cacheBytes how many bytes of pictures the cache may hold
   * @param wait how long a request waits for a free renderer before {@link BusyException}
   * @param clock milliseconds, for how long a view's picture stays fresh
   */
  public Previews(
      Function<Scene, byte[]> render,
      int concurrent,
      long cacheBytes,
      Duration wait,
      LongSupplier clock) {
    if (concurrent < 1) {
      throw new IllegalArgumentException("concurrent must be at least 1: " + concurrent);
    }
    this.render = render;
    this.renderers = new Semaphore(concurrent, true);
    this.cacheBytes = cacheBytes;
    this.wait = wait;
    this.clock = clock;
  }

  /**
   * The PNG for a scene. A cached scene is answered at once; requests for a scene being drawn wait
   * for that one drawing; any other waits for a free renderer, at most {@link #WAIT}.
   *
   * @throws BusyException when no renderer came free in time
   */
  public byte[] png(Scene scene) {
    return fetch(null, scene, () -> scene);
  }

  /**
   * The PNG for a scene of {@code subject} (an event's id, say): like {@link #png(Scene)}, but
   * while every renderer is busy the last picture drawn for that subject is answered at once, if
   * there is one, and the new scene is drawn by a later request.
   */
  public byte[] png(Object subject, Scene scene) {
    return fetch(subject, scene, () -> scene);
  }

  /**
   * The PNG for a view named by its query string: drawn from {@code scene} (which may read the
   * store) at most once per {@link #VIEW_FRESH} however many requests and writes arrive, so it may
   * lag the data by that much. Bounded like {@link #png(Scene)}.
   */
  public byte[] view(String query, Supplier<Scene> scene) {
    return fetch(
        new ViewSubject(query),
        new ViewKey(query, clock.getAsLong() / VIEW_FRESH.toMillis()),
        scene);
  }

  /** A view's query string, whatever the period: what its last picture is kept under. */
  private record ViewSubject(String query) {}

  /** A view's query string within one freshness period. */
  private record ViewKey(String query, long period) {}

  private byte[] fetch(Object subject, Object key, Supplier<Scene> scene) {
    byte[] hit = cached(key);
    if (hit != null) {
      return hit;
    }
    byte[] stale = subject == null ? null : last(subject);
    CompletableFuture<byte[]> mine = new CompletableFuture<>();
    CompletableFuture<byte[]> running = inFlight.putIfAbsent(key, mine);
    if (running != null) {
      return stale != null ? stale : join(running);
    }
    try {
      // it may have been finished and cached between the first look and taking the slot
      byte[] png = cached(key);
      if (png == null) {
        boolean free = renderers.tryAcquire();
        if (!free && stale != null) {
          mine.complete(stale);
          return stale;
        }
        png = free ? drawnHolding(scene.get()) : drawn(scene.get());
        remember(key, png);
        if (subject != null) {
          rememberLast(subject, png);
        }
      }
      mine.complete(png);
      return png;
    } catch (RuntimeException | Error e) {
      mine.completeExceptionally(e);
      throw e;
    } finally {
      inFlight.remove(key, mine);
    }
  }

  /** The bytes the cache holds now. */
  long cachedBytes() {
    synchronized (cache) {
      return cachedBytes;
    }
  }

  private byte[] drawn(Scene scene) {
    boolean got;
    try {
      got = renderers.tryAcquire(wait.toMillis(), TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw busy();
    }
    if (!got) {
      throw busy();
    }
    return drawnHolding(scene);
  }

  /** Draws with a renderer already taken, and gives it back. */
  private byte[] drawnHolding(Scene scene) {
    try {
      return render.apply(scene);
    } finally {
      renderers.release();
    }
  }

  private BusyException busy() {
    return new BusyException(
        "every preview renderer is busy; the picture was not drawn, try again shortly",
        Duration.ofSeconds(5));
  }

  private static byte[] join(CompletableFuture<byte[]> running) {
    try {
      return running.join();
    } catch (CompletionException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw e;
    }
  }

  private byte[] cached(Object key) {
    synchronized (cache) {
      return cache.get(key);
    }
  }

  private void remember(Object key, byte[] png) {
    if (png.length > cacheBytes) {
      return;
    }
    synchronized (cache) {
      byte[] old = cache.put(key, png);
      cachedBytes += png.length - (old == null ? 0 : old.length);
      Iterator<Map.Entry<Object, byte[]>> eldest = cache.entrySet().iterator();
      while (cachedBytes > cacheBytes && eldest.hasNext()) {
        cachedBytes -= eldest.next().getValue().length;
        eldest.remove();
      }
    }
  }

  private byte[] last(Object subject) {
    synchronized (latest) {
      return latest.get(subject);
    }
  }

  /** Keeps the newest picture of each subject, in half the cache's budget again. */
  private void rememberLast(Object subject, byte[] png) {
    if (png.length > cacheBytes / 2) {
      return;
    }
    synchronized (latest) {
      byte[] old = latest.put(subject, png);
      latestBytes += png.length - (old == null ? 0 : old.length);
      Iterator<Map.Entry<Object, byte[]>> eldest = latest.entrySet().iterator();
      while (latestBytes > cacheBytes / 2 && eldest.hasNext()) {
        latestBytes -= eldest.next().getValue().length;
        eldest.remove();
      }
    }
  }

  /** The frame of an event's preview: centred on the event. */
  public static Projection eventFrame(Event e) {
    return new Projection(
        e.lon(), e.lat(), EVENT_ZOOM, PreviewRenderer.WIDTH, PreviewRenderer.MAP_HEIGHT);
  }

  /** The event, large, over the zones in force on its date. */
  public static Scene eventScene(Event e, List<Zone> zones) {
    List<Scene.ZoneShape> shapes =
        zones.stream()
            .filter(
                z ->
                    inForce(
                        z,
                        e.eventDate(),
                        e.eventDateEnd() == null ? e.eventDate() : e.eventDateEnd()))
            .map(Previews::shape)
            .toList();
    String place = orDefault(e.placeName(), "Unknown place");
    String date = EventWhen.describe(e, EventWhen.SHORT);
    String type = orDefault(e.eventType(), "Unclassified");
    if (e.subEventType() != null && !e.subEventType().isBlank()) {
      type += " · " + e.subEventType();
    }
    String title = orDefault(e.articleTitle(), "Untitled article");
    String quote = e.sentence() == null || e.sentence().isBlank() ? "" : "“" + e.sentence() + "”";
    return new Scene(
        eventFrame(e),
        shapes,
        List.of(new Scene.Marker(e.lon(), e.lat(), typeColor(e.eventType()), true)),
        new Scene.Caption(place + " · " + date, type + " · " + title, quote));
  }

  /**
   * A view of the map: the frame, the events it matched (small markers), the zones in force during
   * the interval, and a caption that says what is shown.
   */
  public static Scene viewScene(
      Projection frame,
      List<Event> events,
      long matched,
      List<Zone> zones,
      Optional<LocalDate> from,
      Optional<LocalDate> to,
      String filterSummary) {
    List<Scene.ZoneShape> shapes =
        zones.stream()
            .filter(z -> inForce(z, from.orElse(null), to.orElse(null)))
            .map(Previews::shape)
            .toList();
    List<Scene.Marker> markers =
        events.stream()
            .map(e -> new Scene.Marker(e.lon(), e.lat(), typeColor(e.eventType()), false))
            .toList();
    String headline = matched == 1 ? "1 event" : matched + " events";
    String dates =
        from.isEmpty() && to.isEmpty()
            ? "all dates"
            : from.map(DAY::format).orElse("…") + " – " + to.map(DAY::format).orElse("…");
    return new Scene(frame, shapes, markers, new Scene.Caption(headline, dates, filterSummary));
  }

  /** The frame for a view given by its envelope. */
  public static Projection viewFrame(Envelope bbox) {
    return Projection.fit(bbox, PreviewRenderer.WIDTH, PreviewRenderer.MAP_HEIGHT, 0, 18);
  }

  /**
   * Whether the zone's validity overlaps the interval; open ends on either side overlap anything.
   */
  static boolean inForce(Zone z, LocalDate from, LocalDate to) {
    boolean startedBy = z.validFrom() == null || to == null || !z.validFrom().isAfter(to);
    boolean notEndedBefore = z.validTo() == null || from == null || !z.validTo().isBefore(from);
    return startedBy && notEndedBefore;
  }

  public static Color typeColor(String eventType) {
    if (eventType == null) {
      return OTHER_TYPE;
    }
    return TYPE_COLORS.getOrDefault(eventType.strip().toLowerCase(Locale.ROOT), OTHER_TYPE);
  }

  private static Scene.ZoneShape shape(Zone z) {
    Object c = z.style() == null ? null : z.style().get("color");
    Color color =
        c instanceof String s && HEX.matcher(s).matches()
            ? new Color(Integer.parseInt(s.substring(1), 16))
            : DEFAULT_ZONE;
    return new Scene.ZoneShape(z.geometry(), color);
  }

  private static String orDefault(String s, String dflt) {
    return s == null || s.isBlank() ? dflt : s.strip();
  }
}
