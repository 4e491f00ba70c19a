package org.conflictmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.locks.ReentrantLock;
import org.conflictmap.events.Article;
import org.conflictmap.events.Event;
import org.conflictmap.events.NewArticle;
import org.conflictmap.events.NewEvent;

/**
 * Stores articles with the events extracted from them, refusing re-submissions and merging reports
 * of one event from several articles (see {@link EventSources}).
 */
public final class IngestStore {
  private static final String INSERT_ARTICLE =
      "INSERT INTO articles (title, body, url, published, content_hash, ingested_at) VALUES (?, ?, ?, ?, ?, ?)";
  private final Database db;
  private final ReentrantLock writers = new ReentrantLock(true);

  public IngestStore(Database db) {
    this.db = Objects.requireNonNull(db);
  }

  /**
   * Stores the article and its events in one transaction, unless an article with the same url or
   * content hash is already stored: then nothing is written and the existing article's id comes
   * back with {@code duplicate = true}. An event already reported by another article (same type,
   * overlapping dates, same place within a few km) gains this article as a source instead of being
   * stored twice; the result lists it with its sources.
   */
  public IngestResult save(NewArticle article, String contentHash, List<NewEvent> events) {
    return write(article, contentHash, events, false);
  }

  /**
   * Stores an article as {@link #save} does, except that an article already stored under the same
   * url is replaced: its text is updated and its events are re-derived. Editors' work survives: a
   * report the new text still makes goes back to the event it fed before, however an editor moved,
   * retyped or refigured it, and a deleted event stays deleted. Events that only this article
   * reported and that the new text no longer reports are removed, unless an editor corrected them.
   */
  public IngestResult replace(NewArticle article, String contentHash, List<NewEvent> events) {
    return write(article, contentHash, events, article.url() != null);
  }

  private IngestResult write(
      NewArticle article, String contentHash, List<NewEvent> events, boolean replace) {
    Objects.requireNonNull(contentHash, "contentHash");
    // In this process, writers queue here rather than on the database lock, which may time out.
    // Only the write transaction is serialised: the text was parsed before, and the commit is
    // forced to the disk after the lock is released, shared with the writers behind it.
    Database.Committed<Outcome> done;
    writers.lock();
    try {
      done =
          db.commit(
              c -> {
                lockIngest(c);
                OptionalLong byUrl = replace ? findByUrl(c, article.url()) : OptionalLong.empty();
                if (byUrl.isPresent()) {
                  return new Outcome(
                      replaceArticle(c, byUrl.getAsLong(), article, contentHash, events), -1, null);
                }
                OptionalLong existing = findDuplicate(c, article.url(), contentHash);
                if (existing.isPresent()) {
                  return new Outcome(
                      new IngestResult(existing.getAsLong(), true, List.of()), -1, null);
                }
                long id = insertArticle(c, article, contentHash);
                return new Outcome(
                    null, id, attachIds(c, id, article.url(), events, new ArrayList<>()));
              });
    } catch (StoreException e) {
      // two processes with the same article raced past the lookup; the loser reports the winner's
      if (e.isUniqueViolation()) {
        OptionalLong winner = findStored(article.url(), contentHash);
        if (winner.isPresent()) {
          return new IngestResult(winner.getAsLong(), true, List.of());
        }
      }
      throw e;
    } finally {
      writers.unlock();
    }
    db.awaitDurable(done.ticket());
    Outcome o = done.value();
    if (o.result() != null) {
      return o.result();
    }
    // read back after the lock: the answer shows the events as stored, merged with what other
    // writers have added since, and the next writer need not wait for this read
    return new IngestResult(
        o.articleId(), false, db.inTransaction(c -> EventRows.byIds(c, o.eventIds())));
  }

  /** What a write transaction did: a finished result, or the new article and its events. */
  private record Outcome(IngestResult result, long articleId, List<Long> eventIds) {}

  /**
   * The stored article with this content hash or (when given) this url, the older if both match;
   * two lookups by the unique indexes, without taking the writers' lock. Callers use it to answer a
   * re-submission before parsing it.
   */
  public OptionalLong findStored(String url, String contentHash) {
    return db.inTransaction(c -> findDuplicate(c, url, contentHash));
  }

  private static IngestResult replaceArticle(
      Connection c, long id, NewArticle article, String contentHash, List<NewEvent> events)
      throws SQLException {
    OptionalLong sameText = findDuplicate(c, null, contentHash);
    if (sameText.isPresent()) {
      // unchanged text (or the text of another stored article): nothing to replace
      return new IngestResult(sameText.getAsLong(), true, List.of());
    }
    try (PreparedStatement ps =
        c.prepareStatement(
            "UPDATE articles SET title = ?, body = ?, published = ?, content_hash = ?, ingested_at = ?"
                + " WHERE id = ?")) {
      ps.setString(1, article.title());
      ps.setString(2, article.body());
      SqlValues.setDate(ps, 3, article.published());
      ps.setString(4, contentHash);
      SqlValues.setInstant(ps, 5, SqlValues.now());
      ps.setLong(6, id);
      ps.executeUpdate();
    }
    List<EventSources.PreviousSource> previous = previousSources(c, id);
    Set<Long> before = new LinkedHashSet<>();
    previous.forEach(p -> before.add(p.eventId()));
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM event_sources WHERE article_id = ?")) {
      ps.setLong(1, id);
      ps.executeUpdate();
    }
    List<Event> stored = attachAll(c, id, article.url(), events, previous);
    for (Event e : stored) {
      before.remove(e.id());
    }
    for (long eventId : before) {
      if (EventSources.refresh(c, eventId) == 0) {
        dropIfUnedited(c, eventId);
      }
    }
    return new IngestResult(id, false, stored, true);
  }

  /** Attaches every report, then re-derives the events they touched; returns the live ones. */
  private static List<Event> attachAll(
      Connection c,
      long articleId,
      String url,
      List<NewEvent> events,
      List<EventSources.PreviousSource> previous)
      throws SQLException {
    return EventRows.byIds(c, attachIds(c, articleId, url, events, previous));
  }

  /** As {@link #attachAll}, returning the touched events' ids. */
  private static List<Long> attachIds(
      Connection c,
      long articleId,
      String url,
      List<NewEvent> events,
      List<EventSources.PreviousSource> previous)
      throws SQLException {
    Set<Long> touched = new LinkedHashSet<>();
    // events this article made from one report each, already written as a refresh would write
    // them: refreshing them (four statements, one an UPDATE of every index of the row) was a
    // quarter of the time ingest holds the writers' lock
    Set<Long> fresh = new HashSet<>();
    for (NewEvent e : events) {
      EventSources.Attached a = EventSources.attach(c, articleId, url, e, previous);
      if (!touched.add(a.eventId())) {
        fresh.remove(a.eventId()); // a second report of it in this article
      } else if (a.created() && EventSources.insertedAsDerived(e)) {
        fresh.add(a.eventId());
      }
    }
    for (long eventId : touched) {
      if (!fresh.contains(eventId)) {
        EventSources.refresh(c, eventId);
      }
    }
    return List.copyOf(touched);
  }

  /**
   * An event the new text no longer reports and nobody else does goes, unless an editor touched it:
   * a correction or a deletion is a decision to keep.
   */
  private static void dropIfUnedited(Connection c, long eventId) throws SQLException {
    if (!EventSources.correctedFields(c, eventId).isEmpty()) {
      return;
    }
    try (PreparedStatement ps =
        c.prepareStatement("DELETE FROM events WHERE id = ? AND deleted_at IS NULL")) {
      ps.setLong(1, eventId);
      ps.executeUpdate();
    }
  }

  private static List<EventSources.PreviousSource> previousSources(Connection c, long articleId)
      throws SQLException {
    List<EventSources.PreviousSource> out = new ArrayList<>();
    try (PreparedStatement ps =
        c.prepareStatement(
            "SELECT event_id, ext_event_type, ext_event_date, ext_event_date_end, ext_place_key,"
                + " ext_lat, ext_lon, ext_geo_precision FROM event_sources WHERE article_id = ? ORDER BY id")) {
      ps.setLong(1, articleId);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          LocalDate from = SqlValues.getDate(rs, "ext_event_date");
          LocalDate to = SqlValues.getDate(rs, "ext_event_date_end");
          out.add(
              new EventSources.PreviousSource(
                  rs.getLong("event_id"),
                  new EventSources.Report(
                      rs.getString("ext_event_type"),
                      from,
                      to == null ? from : to,
                      rs.getString("ext_place_key"),
                      rs.getDouble("ext_lat"),
                      rs.getDouble("ext_lon"),
                      rs.getInt("ext_geo_precision"))));
        }
      }
    }
    return out;
  }

  /**
   * Takes the ingest lock row: writers that may merge events run one at a time, across processes
   * too (PostgreSQL), so two reports of one event cannot both decide it is new.
   */
  private static void lockIngest(Connection c) throws SQLException {
    try (PreparedStatement ps =
        c.prepareStatement("SELECT id FROM ingest_lock WHERE id = 1 FOR UPDATE")) {
      ps.executeQuery().close();
    }
  }

  private static OptionalLong findByUrl(Connection c, String url) throws SQLException {
    return findOne(c, "SELECT id FROM articles WHERE url = ?", url);
  }

  /** The stored article with this id. */
  public Optional<Article> article(long id) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT id, title, body, url, published, content_hash, ingested_at FROM articles WHERE id = ?")) {
            ps.setLong(1, id);
            try (ResultSet rs = ps.executeQuery()) {
              if (!rs.next()) {
                return Optional.empty();
              }
              return Optional.of(
                  new Article(
                      rs.getLong("id"),
                      rs.getString("title"),
                      rs.getString("body"),
                      rs.getString("url"),
                      SqlValues.getDate(rs, "published"),
                      rs.getString("content_hash"),
                      SqlValues.getInstant(rs, "ingested_at")));
            }
          }
        });
  }

  /** How many articles are stored. */
  public long countArticles() {
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM articles");
              ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
          }
        });
  }

  /**
   * Two lookups, each answered by its unique index: {@code content_hash = ? OR url = ?} made H2
   * scan every article.
   */
  private static OptionalLong findDuplicate(Connection c, String url, String contentHash)
      throws SQLException {
    OptionalLong byHash = findOne(c, "SELECT id FROM articles WHERE content_hash = ?", contentHash);
    OptionalLong byUrl = url == null ? OptionalLong.empty() : findByUrl(c, url);
    if (byHash.isPresent() && byUrl.isPresent()) {
      return OptionalLong.of(Math.min(byHash.getAsLong(), byUrl.getAsLong()));
    }
    return byHash.isPresent() ? byHash : byUrl;
  }

  private static OptionalLong findOne(Connection c, String sql, String value) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, value);
      try (ResultSet rs = ps.executeQuery()) {
        return rs.next() ? OptionalLong.of(rs.getLong(1)) : OptionalLong.empty();
      }
    }
  }

  private static long insertArticle(Connection c, NewArticle a, String contentHash)
      throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT_ARTICLE, new String[] {"id"})) {
      ps.setString(1, a.title());
      ps.setString(2, a.body());
      ps.setString(3, a.url());
      SqlValues.setDate(ps, 4, a.published());
      ps.setString(5, contentHash);
      SqlValues.setInstant(ps, 6, SqlValues.now());
      ps.executeUpdate();
      return generatedId(ps);
    }
  }

  static long generatedId(PreparedStatement ps) throws SQLException {
    try (ResultSet keys = ps.getGeneratedKeys()) {
      if (!keys.next()) {
        throw new SQLException("Insert returned no generated id");
      }
      return keys.getLong(1);
    }
  }
}
