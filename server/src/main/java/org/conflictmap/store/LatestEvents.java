package org.conflictmap.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.conflictmap.events.Event;
import org.conflictmap.events.EventQuery;

/**
 * The events most recently added, newest first, with when their first article arrived: what a live
 * map polls for ("3 new events", "5 min ago"). Ids only grow, so {@code id > after} is "new since".
 */
public final class LatestEvents {
  private final Database db;

  public LatestEvents(Database db) {
    this.db = Objects.requireNonNull(db);
  }

  /** One poll's answer: the newest live id, how many live events are newer than the cursor. */
  public record Page(
      long latestId, long newCount, List<Event> events, Map<Long, Instant> reported) {}

  /**
   * Live events with an id above {@code after} (0: all), newest first, at most {@code limit}, and
   * how many there are in all.
   */
  public Page after(long after, int limit) {
    return after(after, limit, EventQuery.all());
  }

  /**
   * As {@link #after(long, int)}, counting and listing only the events that match {@code filter}
   * (its limit and cursor ignored), so a filtered map's "N new" is about what it shows. The cursor
   * {@code latestId} stays the newest live id of all, so a later change of filter does not turn
   * events that were there when the page opened into news.
   */
  public Page after(long after, int limit, EventQuery filter) {
    EventStore.Filter f = EventStore.Filter.of(filter.fromStart());
    int idParam = f.params().size() + 1;
    return db.inTransaction(
        c -> {
          long latest;
          long count;
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT COALESCE(MAX(e.id), 0) FROM events e WHERE "
                      + EventRows.LIVE
                      + " AND e.id > ?")) {
            ps.setLong(1, after);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              latest = rs.getLong(1);
            }
          }
          try (PreparedStatement ps =
              f.prepare(
                  c, "SELECT COUNT(*) FROM events e" + f.join() + f.where() + " AND e.id > ?")) {
            ps.setLong(idParam, after);
            try (ResultSet rs = ps.executeQuery()) {
              rs.next();
              count = rs.getLong(1);
            }
          }
          Map<Long, Instant> reported = new LinkedHashMap<>();
          try (PreparedStatement ps =
              f.prepare(
                  c,
                  "SELECT e.id, a.ingested_at FROM events e JOIN articles a ON a.id = e.article_id"
                      + f.join()
                      + f.where()
                      + " AND e.id > ? ORDER BY e.id DESC FETCH FIRST "
                      + Math.max(0, limit)
                      + " ROWS ONLY")) {
            ps.setLong(idParam, after);
            try (ResultSet rs = ps.executeQuery()) {
              while (rs.next()) {
                reported.put(rs.getLong(1), SqlValues.getInstant(rs, "ingested_at"));
              }
            }
          }
          if (latest == 0 && after > 0) {
            latest = after;
          }
          List<Event> events = EventRows.byIds(c, new ArrayList<>(reported.keySet()));
          return new Page(latest, count, events, reported);
        });
  }
}
