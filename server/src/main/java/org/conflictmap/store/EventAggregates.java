package org.conflictmap.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.conflictmap.events.EventQuery;
import org.conflictmap.problem.InputException;
import org.locationtech.jts.geom.Envelope;

/**
 * Counts of stored events per grid cell and per period, under the same filter as {@link
 * EventStore#find}: a map at a million events draws a few hundred aggregates, and their counts add
 * up to the list's count exactly.
 */
public final class EventAggregates {
  public static final int MIN_ZOOM = 0;
  public static final int MAX_ZOOM = 20;

  /** Cells a request may span (256 × 256): more than any screen shows at ~64 px per cell. */
  public static final long MAX_GRID = 65_536;

  /** Buckets a histogram may hold: 13 years of days. */
  public static final int MAX_BUCKETS = 5_000;

  private final Database db;

  /** Chooses the index a grid reads, by the rule the list follows. */
  private final EventStore indexes;

  public EventAggregates(Database db) {
    this.db = Objects.requireNonNull(db);
    this.indexes = new EventStore(db);
  }

  /**
   * One grid cell's events: how many, their mean position, and the event's id when there is just
   * one.
   */
  public record Cell(long count, double lon, double lat, Optional<Long> eventId) {}

  /** The cells of a view, and their total. */
  public record Grid(int zoom, double cellDegrees, long total, List<Cell> cells) {}

  /** One period's count; {@code start} is the first day of the day, ISO week or month. */
  public record Bucket(LocalDate start, long count) {}

  /** Histogram buckets. */
  public enum Period {
    DAY,
    WEEK,
    MONTH;

    /** Parses {@code day}, {@code week} or {@code month}, any case. */
    public static Optional<Period> parse(String s) {
      for (Period p : values()) {
        if (p.name().equalsIgnoreCase(s)) {
          return Optional.of(p);
        }
      }
      return Optional.empty();
    }
  }

  /**
   * Degrees of a grid cell at a web-map zoom: a quarter of a 256-pixel tile, so a cell is about 64
   * pixels wide on screen.
   */
  public static double cellDegrees(int zoom) {
    return 90.0 / (1L << zoom);
  }

  /**
   * The events matching {@code q} (its limit ignored) grouped into square cells of {@link
   * #cellDegrees} anchored at 0°,0°. Refuses a zoom out of range, or a view of more than {@link
   * #MAX_GRID} cells at that zoom.
   */
  public Grid grid(EventQuery q, int zoom) {
    if (zoom < MIN_ZOOM || zoom > MAX_ZOOM) {
      throw new InputException(
          InputException.Kind.MALFORMED,
          "Invalid zoom",
          "zoom must be between " + MIN_ZOOM + " and " + MAX_ZOOM + ", got " + zoom);
    }
    double cell = cellDegrees(zoom);
    Envelope view = q.bbox().filter(b -> !b.isNull()).orElse(new Envelope(-180, 180, -90, 90));
    long across = (long) Math.ceil(view.getWidth() / cell) + 1;
    long down = (long) Math.ceil(view.getHeight() / cell) + 1;
    if (across * down > MAX_GRID) {
      throw new InputException(
          InputException.Kind.UNPROCESSABLE,
          "View too large for this zoom",
          String.format(
              Locale.ROOT,
              "at zoom %d a cell is %.6f degrees, so this bbox spans %d cells (at most %d):"
                  + " give a smaller bbox or a lower zoom",
              zoom,
              cell,
              across * down,
              MAX_GRID));
    }
    EventStore.Filter f = EventStore.Filter.of(q);
    // The cell size is a literal computed here from an integer zoom, not a parameter: both
    // databases must see the GROUP BY expressions and the selected ones as the same expression.
    // It is cast to a double: a plain 22.5 is a NUMERIC in H2, which then divides every row's
    // longitude in decimal arithmetic (a third of the grid's time at the world view).
    String size = "CAST(" + cell + " AS DOUBLE PRECISION)";
    String gx = "FLOOR(e.lon / " + size + ")";
    String gy = "FLOOR(e.lat / " + size + ")";
    return db.inTransaction(
        c -> {
          // H2 must be told which index to read (a narrow date window: the date index, 15 times
          // faster than the box index for a month of the world, which playback asks for)
          String sql =
              "SELECT COUNT(*), AVG(e.lon), AVG(e.lat), MIN(e.id) FROM events e"
                  + indexes.hint(c, q)
                  + f.join()
                  + f.where()
                  + " GROUP BY "
                  + gx
                  + ", "
                  + gy;
          try (PreparedStatement ps = f.prepare(c, sql);
              ResultSet rs = ps.executeQuery()) {
            List<Cell> cells = new ArrayList<>();
            long total = 0;
            while (rs.next()) {
              long n = rs.getLong(1);
              total += n;
              cells.add(
                  new Cell(
                      n,
                      rs.getDouble(2),
                      rs.getDouble(3),
                      n == 1 ? Optional.of(rs.getLong(4)) : Optional.empty()));
            }
            return new Grid(zoom, cell, total, cells);
          }
        });
  }

  /**
   * How many events matching {@code q} fall in each day, ISO week (from Monday) or month, oldest
   * first; periods without events are left out. Refuses a histogram of more than {@link
   * #MAX_BUCKETS} buckets.
   */
  public List<Bucket> histogram(EventQuery q, Period period) {
    EventStore.Filter f = EventStore.Filter.of(q);
    // Days are grouped in SQL and weeks and months here: the databases disagree on the first day
    // of a week (H2's DATE_TRUNC starts on Sunday, PostgreSQL's on Monday), and a store holds a
    // few thousand days at most.
    String sql =
        "SELECT e.event_date, COUNT(*) FROM events e"
            + f.join()
            + f.where()
            + " GROUP BY e.event_date ORDER BY 1";
    TreeMap<LocalDate, Long> buckets =
        db.inTransaction(
            c -> {
              try (PreparedStatement ps = f.prepare(c, sql);
                  ResultSet rs = ps.executeQuery()) {
                TreeMap<LocalDate, Long> out = new TreeMap<>();
                while (rs.next()) {
                  out.merge(
                      start(rs.getObject(1, LocalDate.class), period), rs.getLong(2), Long::sum);
                }
                return out;
              }
            });
    if (buckets.size() > MAX_BUCKETS) {
      throw new InputException(
          InputException.Kind.UNPROCESSABLE,
          "Too many buckets",
          "these events span more than "
              + MAX_BUCKETS
              + " "
              + period.name().toLowerCase(Locale.ROOT)
              + "s: give a shorter datetime interval or a longer bucket");
    }
    List<Bucket> out = new ArrayList<>(buckets.size());
    buckets.forEach((day, n) -> out.add(new Bucket(day, n)));
    return out;
  }

  /** The first day of the period a day falls in: itself, its ISO week's Monday, its month's 1st. */
  static LocalDate start(LocalDate day, Period period) {
    return switch (period) {
      case DAY -> day;
      case WEEK ->
          day.with(java.time.temporal.TemporalAdjusters.previousOrSame(java.time.DayOfWeek.MONDAY));
      case MONTH -> day.withDayOfMonth(1);
    };
  }
}
