package org.conflictmap.http;

import io.javalin.config.RoutesConfig;
import io.javalin.http.Context;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.conflictmap.events.Event;
import org.conflictmap.events.EventQuery;
import org.conflictmap.preview.BaseMap;
import org.conflictmap.preview.GazetteerContext;
import org.conflictmap.preview.PreviewRenderer;
import org.conflictmap.preview.Previews;
import org.conflictmap.preview.Projection;
import org.conflictmap.preview.Scene;
import org.conflictmap.zones.Zone;
import org.locationtech.jts.geom.Envelope;

/**
 * Link-preview images drawn on the server: {@code /events/{id}/preview.png} for an event page and
 * {@code /preview.png?} + the map's parameter set for a whole view.
 */
final class PreviewRoutes {
  /** The world as the map first shows it, when a view names no place. */
  private static final Envelope WORLD = new Envelope(-170, 190, -58, 78);

  private static final int MAX_MARKERS = 5000;
  private final Api api;
  private volatile Previews previews;

  PreviewRoutes(Api api) {
    this.api = api;
  }

  void register(RoutesConfig routes) {
    routes.get("/events/{id}/preview.png", this::eventPreview);
    routes.get("/preview.png", this::viewPreview);
  }

  private void eventPreview(Context ctx) {
    Params.allowOnly(ctx, Set.of());
    long id = Params.id(ctx);
    Event e = api.events().get(id).orElseThrow(() -> Params.notFound("event", id));
    png(ctx, previews().png(e.id(), Previews.eventScene(e, api.zones().list())));
  }

  private void viewPreview(Context ctx) {
    Params.allowOnly(ctx, MapParams.NAMES);
    MapParams view = MapParams.parse(ctx.queryParamMap());
    String query = ctx.queryString() == null ? "" : ctx.queryString();
    png(ctx, previews().view(query, () -> viewScene(view)));
  }

  /** What a view shows now: its frame, the events and zones it matches, and its caption. */
  private Scene viewScene(MapParams view) {
    Optional<Event> focus =
        view.event()
            .map(id -> api.events().get(id).orElseThrow(() -> Params.notFound("event", id)));
    List<Zone> zones = api.zones().list();
    if (view.zone().isPresent()) {
      long zoneId = view.zone().get();
      zones = zones.stream().filter(z -> z.id() == zoneId).toList();
      if (zones.isEmpty()) {
        throw Params.notFound("zone", zoneId);
      }
    }
    Projection frame = frame(view, focus, zones);
    Set<String> layers = view.layers().orElse(ViewGrammar.LAYERS);
    EventQuery q = view.query(Optional.of(frame.bounds()), MAX_MARKERS);
    List<Event> events = layers.contains("events") ? api.events().find(q) : List.of();
    long matched = events.size() < MAX_MARKERS ? events.size() : api.events().count(q);
    Scene scene =
        Previews.viewScene(
            frame,
            events,
            matched,
            layers.contains("zones") ? zones : List.of(),
            view.from(),
            view.to(),
            summary(view));
    if (focus.isPresent()) {
      // the focused event is drawn large, over the others
      Event e = focus.get();
      List<Scene.Marker> markers = new ArrayList<>(scene.markers());
      markers.add(new Scene.Marker(e.lon(), e.lat(), Previews.typeColor(e.eventType()), true));
      scene = new Scene(scene.projection(), scene.zones(), markers, scene.caption());
    }
    return scene;
  }

  /** The view's own frame; else the event it opens; else its zone; else the world. */
  private static Projection frame(MapParams view, Optional<Event> focus, List<Zone> zones) {
    if (view.center().isPresent()) {
      ViewGrammar.Center c = view.center().get();
      return new Projection(
          c.lon(), c.lat(), c.zoom(), PreviewRenderer.WIDTH, PreviewRenderer.MAP_HEIGHT);
    }
    if (view.bbox().isPresent()) {
      return Previews.viewFrame(view.bbox().get());
    }
    if (focus.isPresent()) {
      return Previews.eventFrame(focus.get());
    }
    if (view.zone().isPresent()) {
      Envelope env = new Envelope();
      zones.forEach(z -> env.expandToInclude(z.geometry().getEnvelopeInternal()));
      env.expandBy(Math.max(env.getWidth(), env.getHeight()) * 0.15);
      return Previews.viewFrame(env);
    }
    return Previews.viewFrame(WORLD);
  }

  private static String summary(MapParams view) {
    StringBuilder s = new StringBuilder();
    if (!view.types().isEmpty()) {
      s.append(String.join(", ", new TreeSet<>(view.types())));
    }
    view.q()
        .ifPresent(
            q -> {
              if (s.length() > 0) {
                s.append(" · ");
              }
              s.append("matching “").append(q).append("”");
            });
    return s.length() == 0 ? "All event types" : s.toString();
  }

  private Previews previews() {
    Previews p = previews;
    if (p == null) {
      synchronized (this) {
        p = previews;
        if (p == null) {
          previews =
              p =
                  new Previews(
                      new PreviewRenderer(
                          BaseMap.bundled(), new GazetteerContext(api.gazetteer())));
        }
      }
    }
    return p;
  }

  private static void png(Context ctx, byte[] png) {
    // a changed event or zone changes the picture, so caches keep it only briefly
    ctx.header("Cache-Control", "public, max-age=300");
    ctx.contentType("image/png").result(png);
  }
}
