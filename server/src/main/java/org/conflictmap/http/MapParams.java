package org.conflictmap.http;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.Set;
import java.util.TreeSet;
import org.conflictmap.events.EventQuery;
import org.locationtech.jts.geom.Envelope;

/**
 * A view of the map as {@link ViewGrammar} reads it: the frame ({@code bbox}, or {@code center}
 * with {@code zoom}), every event filter, the layers shown and the event opened. The map's own URL,
 * {@code /embed}, {@code /preview.png}, oEmbed and the view card read it; the browser reads the
 * same names in {@code js/urlState.js}.
 */
public record MapParams(
    Optional<Envelope> bbox,
    Optional<ViewGrammar.Center> center,
    EventQuery filters,
    Optional<Set<String>> layers,
    Optional<Long> event) {

  public static final Set<String> NAMES = ViewGrammar.VIEW;

  /**
   * Reads a view from a query string's values; names outside the view are left to the caller (an
   * endpoint that takes options besides the view checks them itself).
   */
  public static MapParams parse(Map<String, List<String>> query) {
    ViewGrammar g = new ViewGrammar(query);
    Optional<ViewGrammar.Center> center = g.center();
    EventQuery filters = g.filters(EventQuery.DEFAULT_LIMIT);
    return new MapParams(filters.bbox(), center, filters, g.layers(), g.event());
  }

  public Optional<LocalDate> from() {
    return filters.from();
  }

  public Optional<LocalDate> to() {
    return filters.to();
  }

  public Set<String> types() {
    return filters.types();
  }

  public Optional<String> q() {
    return filters.text();
  }

  public Optional<Long> zone() {
    return filters.zone();
  }

  /** Whether any filter narrows the events (the frame aside). */
  public boolean filtered() {
    EventQuery f = filters;
    return !f.types().isEmpty()
        || f.text().isPresent()
        || f.zone().isPresent()
        || f.from().isPresent()
        || f.to().isPresent()
        || !f.countries().isEmpty()
        || f.actor().isPresent()
        || !f.precisions().isEmpty()
        || f.minFatalities().isPresent()
        || f.minConfidence().isPresent();
  }

  /** The view's filters within another box and up to another limit. */
  public EventQuery query(Optional<Envelope> box, int limit) {
    EventQuery f = filters;
    return new EventQuery(
        box,
        f.from(),
        f.to(),
        limit,
        f.types(),
        f.text(),
        f.zone(),
        f.countries(),
        f.actor(),
        f.precisions(),
        f.minFatalities(),
        Optional.empty(),
        f.minConfidence());
  }

  /** The view as query parameters again, in a fixed order so equal views give equal URLs. */
  public Map<String, String> toQuery() {
    Map<String, String> out = new LinkedHashMap<>();
    bbox.ifPresent(b -> out.put("bbox", ViewGrammar.bboxText(b)));
    center.ifPresent(
        c -> {
          out.put("center", ViewGrammar.number(c.lon()) + "," + ViewGrammar.number(c.lat()));
          out.put("zoom", ViewGrammar.number(c.zoom()));
        });
    EventQuery f = filters;
    if (f.from().isPresent() || f.to().isPresent()) {
      String a = f.from().map(LocalDate::toString).orElse("..");
      String b = f.to().map(LocalDate::toString).orElse("..");
      out.put("datetime", a.equals(b) ? a : a + "/" + b);
    }
    if (!f.types().isEmpty()) {
      out.put("type", String.join(",", new TreeSet<>(f.types())));
    }
    f.text().ifPresent(v -> out.put("q", v));
    f.zone().ifPresent(v -> out.put("zone", v.toString()));
    if (!f.countries().isEmpty()) {
      out.put("country", String.join(",", new TreeSet<>(f.countries())));
    }
    f.actor().ifPresent(v -> out.put("actor", v));
    if (!f.precisions().isEmpty()) {
      out.put("precision", joined(f.precisions()));
    }
    f.minFatalities().ifPresent(v -> out.put("min_fatalities", v.toString()));
    OptionalDouble c = f.minConfidence();
    if (c.isPresent()) {
      out.put("min_confidence", ViewGrammar.number(c.getAsDouble()));
    }
    layers.ifPresent(v -> out.put("layers", String.join(",", new TreeSet<>(v))));
    event.ifPresent(v -> out.put("event", v.toString()));
    return out;
  }

  private static String joined(Set<Integer> values) {
    StringBuilder s = new StringBuilder();
    for (int v : new TreeSet<>(values)) {
      s.append(s.length() == 0 ? "" : ",").append(v);
    }
    return s.toString();
  }
}
