package org.conflictmap.preview;

import java.awt.Color;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.conflictmap.events.Event;
import org.conflictmap.events.EventWhen;
import org.conflictmap.zones.Zone;
import org.locationtech.jts.geom.Envelope;

/**
 * Preview images for an event page and for a whole view of the map, built as {@link Scene}s and
 * cached by scene: an unchanged event over unchanged zones is drawn once, and any edit to either
 * makes a new scene and so a new picture.
 */
public final class Previews {
  /** An event page's preview shows the region around the event, as the map does at this zoom. */
  public static final double EVENT_ZOOM = 7;

  private static final int CACHE_ENTRIES = 256;
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

  private final PreviewRenderer renderer;
  private final Map<Scene, byte[]> cache =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<Scene, byte[]> eldest) {
          return size() > CACHE_ENTRIES;
        }
      };

  public Previews(PreviewRenderer renderer) {
    this.renderer = renderer;
  }

  /** The PNG for a scene, drawn at most once while it stays in the cache. */
  public byte[] png(Scene scene) {
    synchronized (cache) {
      byte[] hit = cache.get(scene);
      if (hit != null) {
        return hit;
      }
    }
    byte[] png = renderer.renderPng(scene);
    synchronized (cache) {
      cache.put(scene, png);
    }
    return png;
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
