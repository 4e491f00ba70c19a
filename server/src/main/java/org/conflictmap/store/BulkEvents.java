package org.conflictmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import org.conflictmap.events.Actor;
import org.conflictmap.events.NewArticle;
import org.conflictmap.events.NewEvent;

/**
 * Writes many articles and their events at once with batched JDBC, one transaction per batch,
 * leaving exactly the rows ingest would write for the same reports (articles, events,
 * event_sources, each event's figures derived from its sources as {@link EventSources#refresh}
 * derives them). It does not look for matches among stored events: the caller hands it reports
 * already grouped into events, each group one event that ingest would merge (same type, date and
 * place) and no two groups that it would. For generated test and benchmark stores.
 */
public final class BulkEvents {
  private static final String INSERT_ARTICLE =
      "INSERT INTO articles (title, body, url, published, content_hash, ingested_at) VALUES (?, ?, ?, ?, ?, ?)";

  private final Database db;

  public BulkEvents(Database db) {
    this.db = Objects.requireNonNull(db);
  }

  /**
   * An article with its content hash (see {@code ArticleText.fingerprint}); {@code storedId} names
   * an article already in the store that the batch's reports cite, which is then not inserted.
   */
  public record ArticleRow(NewArticle article, String contentHash, Long storedId) {
    public ArticleRow(NewArticle article, String contentHash) {
      this(article, contentHash, null);
    }
  }

  /** One report of an event: which article of the batch says it, and what it says. */
  public record Report(int article, NewEvent event) {}

  /**
   * Articles and events: every event's reports in the order of their articles, the first being the
   * article that created the event in ingest's terms.
   */
  public record Batch(
      List<ArticleRow> articles, List<List<Report>> events, List<String> externalIds) {
    public Batch(List<ArticleRow> articles, List<List<Report>> events) {
      this(articles, events, null);
    }
  }

  // INSERT_EVENT plus the imported file's own id of the event, as its last parameter
  private static final String INSERT_EVENT_EXTERNAL =
      EventSources.INSERT_EVENT
          .replace(") VALUES (", ", external_id) VALUES (")
          .replaceFirst("\\?\\)$", "?, ?)");

  /** Writes the batch in one transaction; returns the ids of the events written, in order. */
  public long[] write(Batch batch) {
    return db.inTransaction(c -> write(c, batch));
  }

  /** Writes the batch in the caller's transaction on {@code c}. */
  static long[] write(Connection c, Batch batch) throws SQLException {
    Instant now = SqlValues.now();
    long[] articleIds = insertArticles(c, batch.articles(), now);
    long[] eventIds = insertEvents(c, batch, articleIds);
    insertSources(c, batch, articleIds, eventIds, now);
    return eventIds;
  }

  private static long[] insertArticles(Connection c, List<ArticleRow> rows, Instant now)
      throws SQLException {
    long[] ids = new long[rows.size()];
    int fresh = 0;
    try (PreparedStatement ps = c.prepareStatement(INSERT_ARTICLE, new String[] {"id"})) {
      for (int i = 0; i < rows.size(); i++) {
        ArticleRow r = rows.get(i);
        if (r.storedId() != null) {
          ids[i] = r.storedId();
          continue;
        }
        fresh++;
        NewArticle a = r.article();
        ps.setString(1, a.title());
        ps.setString(2, a.body());
        ps.setString(3, a.url());
        SqlValues.setDate(ps, 4, a.published());
        ps.setString(5, r.contentHash());
        SqlValues.setInstant(ps, 6, now);
        ps.addBatch();
      }
      if (fresh == 0) {
        return ids;
      }
      ps.executeBatch();
      long[] keys = keys(ps, fresh);
      for (int i = 0, k = 0; i < rows.size(); i++) {
        if (rows.get(i).storedId() == null) {
          ids[i] = keys[k++];
        }
      }
      return ids;
    }
  }

  private static long[] insertEvents(Connection c, Batch batch, long[] articleIds)
      throws SQLException {
    List<String> external = batch.externalIds();
    String sql = external == null ? EventSources.INSERT_EVENT : INSERT_EVENT_EXTERNAL;
    try (PreparedStatement ps = c.prepareStatement(sql, new String[] {"id"})) {
      for (int i = 0; i < batch.events().size(); i++) {
        List<Report> reports = batch.events().get(i);
        Report first = reports.get(0);
        NewEvent e = derived(reports);
        EventSources.bindEvent(ps, articleIds[first.article()], e);
        if (external != null) {
          ps.setString(EventSources.EVENT_PARAMS + 1, external.get(i));
        }
        ps.addBatch();
      }
      ps.executeBatch();
      return keys(ps, batch.events().size());
    }
  }

  private static void insertSources(
      Connection c, Batch batch, long[] articleIds, long[] eventIds, Instant now)
      throws SQLException {
    // in article order, as ingest would add them one article after another
    record Row(long eventId, Report report) {}
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < eventIds.length; i++) {
      for (Report r : batch.events().get(i)) {
        rows.add(new Row(eventIds[i], r));
      }
    }
    rows.sort(
        (a, b) ->
            a.report().article() != b.report().article()
                ? Integer.compare(a.report().article(), b.report().article())
                : Integer.compare(
                    a.report().event().sentenceStart(), b.report().event().sentenceStart()));
    try (PreparedStatement ps = c.prepareStatement(EventSources.INSERT_SOURCE)) {
      for (Row row : rows) {
        int article = row.report().article();
        EventSources.bindSource(
            ps,
            row.eventId(),
            articleIds[article],
            batch.articles().get(article).article().url(),
            row.report().event(),
            now);
        ps.addBatch();
      }
      ps.executeBatch();
    }
  }

  /**
   * The event's columns as {@link EventSources#refresh} leaves them: the first report's place, date
   * and text; the lowest stated figures; planned only if every report says so; actors united by
   * name; the highest confidence.
   */
  static NewEvent derived(List<Report> reports) {
    NewEvent first = reports.get(0).event();
    Integer fatalities = null;
    Integer injuries = null;
    boolean planned = true;
    double confidence = 0;
    Map<String, Actor> actors = new LinkedHashMap<>();
    for (Report r : reports) {
      NewEvent e = r.event();
      fatalities = lowest(fatalities, e.fatalities());
      injuries = lowest(injuries, e.injuries());
      planned &= e.planned();
      confidence = Math.max(confidence, EventSources.confidence(e));
      for (Actor a : e.actors()) {
        String key = a.name().toLowerCase(Locale.ROOT);
        Actor known = actors.get(key);
        if (known == null || (known.countryCode() == null && a.countryCode() != null)) {
          actors.put(key, a);
        }
      }
    }
    return new NewEvent(
        first.eventDate(),
        first.eventType(),
        first.subEventType(),
        first.geoPrecision(),
        first.timePrecision(),
        fatalities,
        first.notes(),
        first.placeKey(),
        first.placeId(),
        first.placeName(),
        first.countryCode(),
        first.precision(),
        first.lat(),
        first.lon(),
        first.sentence(),
        first.sentenceStart(),
        first.sentenceEnd(),
        first.eventDateEnd(),
        injuries,
        planned,
        List.copyOf(actors.values()),
        confidence,
        null);
  }

  private static Integer lowest(Integer a, Integer b) {
    if (a == null) {
      return b;
    }
    return b == null ? a : Math.min(a, b);
  }

  private static long[] keys(PreparedStatement ps, int n) throws SQLException {
    long[] out = new long[n];
    int i = 0;
    try (ResultSet rs = ps.getGeneratedKeys()) {
      while (rs.next() && i < n) {
        out[i++] = rs.getLong(1);
      }
    }
    if (i != n) {
      throw new SQLException("the batch insert returned " + i + " ids for " + n + " rows");
    }
    return out;
  }
}
