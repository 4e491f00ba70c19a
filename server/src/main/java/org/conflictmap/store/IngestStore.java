package org.conflictmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.conflictmap.events.Article;
import org.conflictmap.events.Event;
import org.conflictmap.events.NewArticle;
import org.conflictmap.events.NewEvent;

/** Stores articles with the events extracted from them, refusing re-submissions. */
public final class IngestStore {
  private static final String INSERT_ARTICLE =
      "INSERT INTO articles (title, body, url, published, content_hash, ingested_at) VALUES (?, ?, ?, ?, ?, ?)";
  private static final String INSERT_EVENT =
      "INSERT INTO events (article_id, event_date, event_type, sub_event_type,"
          + " geo_precision, time_precision, fatalities, notes, place_key, place_id, place_name, country_code,"
          + " precision, lat, lon, geom, sentence, sentence_start, sentence_end)"
          + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ST_GeomFromWKB(?, 4326), ?, ?, ?)";

  private final Database db;

  public IngestStore(Database db) {
    this.db = Objects.requireNonNull(db);
  }

  /**
   * Stores the article and its events in one transaction, unless an article with the same url or
   * content hash is already stored: then nothing is written and the existing article's id comes
   * back with {@code duplicate = true}.
   */
  public IngestResult save(NewArticle article, String contentHash, List<NewEvent> events) {
    Objects.requireNonNull(contentHash, "contentHash");
    try {
      return db.inTransaction(
          c -> {
            OptionalLong existing = findDuplicate(c, article.url(), contentHash);
            if (existing.isPresent()) {
              return new IngestResult(existing.getAsLong(), true, List.of());
            }
            long id = insertArticle(c, article, contentHash);
            List<Event> stored = new ArrayList<>(events.size());
            for (NewEvent e : events) {
              stored.add(toEvent(insertEvent(c, id, e), id, article, e));
            }
            return new IngestResult(id, false, stored);
          });
    } catch (StoreException e) {
      // two requests with the same article raced past the lookup; the loser reports the winner's
      // article
      if (e.isUniqueViolation()) {
        OptionalLong winner = db.inTransaction(c -> findDuplicate(c, article.url(), contentHash));
        if (winner.isPresent()) {
          return new IngestResult(winner.getAsLong(), true, List.of());
        }
      }
      throw e;
    }
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

  private static OptionalLong findDuplicate(Connection c, String url, String contentHash)
      throws SQLException {
    String sql =
        url == null
            ? "SELECT id FROM articles WHERE content_hash = ? ORDER BY id"
            : "SELECT id FROM articles WHERE content_hash = ? OR url = ? ORDER BY id";
    try (PreparedStatement ps = c.prepareStatement(sql)) {
      ps.setString(1, contentHash);
      if (url != null) {
        ps.setString(2, url);
      }
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

  private static long insertEvent(Connection c, long articleId, NewEvent e) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement(INSERT_EVENT, new String[] {"id"})) {
      ps.setLong(1, articleId);
      SqlValues.setDate(ps, 2, e.eventDate());
      ps.setString(3, e.eventType());
      ps.setString(4, e.subEventType());
      ps.setInt(5, e.geoPrecision());
      ps.setInt(6, e.timePrecision());
      SqlValues.setInteger(ps, 7, e.fatalities());
      ps.setString(8, e.notes());
      ps.setString(9, e.placeKey());
      SqlValues.setLong(ps, 10, e.placeId());
      ps.setString(11, e.placeName());
      ps.setString(12, e.countryCode());
      ps.setString(13, e.precision());
      ps.setDouble(14, e.lat());
      ps.setDouble(15, e.lon());
      ps.setBytes(16, SqlValues.wkb(SqlValues.point(e.lon(), e.lat())));
      ps.setString(17, e.sentence());
      ps.setInt(18, e.sentenceStart());
      ps.setInt(19, e.sentenceEnd());
      ps.executeUpdate();
      return generatedId(ps);
    }
  }

  private static long generatedId(PreparedStatement ps) throws SQLException {
    try (ResultSet keys = ps.getGeneratedKeys()) {
      if (!keys.next()) {
        throw new SQLException("Insert returned no generated id");
      }
      return keys.getLong(1);
    }
  }

  private static Event toEvent(long id, long articleId, NewArticle a, NewEvent e) {
    return new Event(
        id,
        articleId,
        a.title(),
        a.url(),
        e.eventDate(),
        e.eventType(),
        e.subEventType(),
        e.geoPrecision(),
        e.timePrecision(),
        e.fatalities(),
        e.notes(),
        e.placeKey(),
        e.placeId(),
        e.placeName(),
        e.countryCode(),
        e.precision(),
        e.lat(),
        e.lon(),
        e.sentence(),
        e.sentenceStart(),
        e.sentenceEnd());
  }
}
