package org.conflictmap.http;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.conflictmap.events.Event;
import org.conflictmap.events.EventQuery;
import org.conflictmap.events.EventWhen;
import org.conflictmap.problem.InputException;

/**
 * The title and description a shared link to the map ({@code /?…}) shows as its card: what the
 * filters choose (event types, zone or text, period) and how many events they match. A link that
 * opens an event takes that event's card. A query that cannot be read gives the plain card; the map
 * itself then says what is wrong with the link.
 */
record ViewCard(String title, String description) {
  static final ViewCard PLAIN =
      new ViewCard("conflictmap", "Conflict events reported in the news, on a map.");

  static ViewCard of(Api api, Map<String, List<String>> query) {
    MapParams view;
    try {
      view = MapParams.parse(query);
    } catch (InputException e) {
      return PLAIN;
    }
    if (view.event().isPresent()) {
      Optional<Event> e = api.events().get(view.event().get());
      if (e.isPresent()) {
        return new ViewCard(EventPageRoutes.title(e.get()), EventPageRoutes.description(e.get()));
      }
    }
    if (!view.filtered() && view.bbox().isEmpty()) {
      return PLAIN;
    }
    StringBuilder what =
        new StringBuilder(
            view.types().isEmpty()
                ? "Conflict events"
                : String.join(", ", new TreeSet<>(view.types())));
    view.zone()
        .flatMap(id -> api.zones().get(id))
        .ifPresent(z -> what.append(" in ").append(z.name() == null ? "a zone" : z.name()));
    view.q().ifPresent(q -> what.append(" matching “").append(q).append("”"));
    String period = period(view);
    String title = period.isEmpty() ? what.toString() : what + ", " + period;
    long n = api.events().count(view.query(view.bbox(), EventQuery.DEFAULT_LIMIT));
    String count = n == 0 ? "No events" : n == 1 ? "1 event" : n + " events";
    String description =
        count
            + (view.bbox().isPresent() ? " in this area" : "")
            + (period.isEmpty() ? "" : ", " + period)
            + ", mapped from news articles on conflictmap.";
    return new ViewCard(title + " · conflictmap", description);
  }

  static String period(MapParams view) {
    var from = view.from().orElse(null);
    var to = view.to().orElse(null);
    if (from == null && to == null) {
      return "";
    }
    if (from == null) {
      return "until " + EventWhen.LONG.format(to);
    }
    if (to == null) {
      return "since " + EventWhen.LONG.format(from);
    }
    if (from.equals(to)) {
      return EventWhen.LONG.format(from);
    }
    return EventWhen.LONG.format(from) + " – " + EventWhen.LONG.format(to);
  }
}
