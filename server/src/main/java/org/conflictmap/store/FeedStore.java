package org.conflictmap.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What the feed poller remembers: each feed's validators and last result, and every item it has
 * seen with the article it produced or the reason it was refused.
 */
public final class FeedStore {
  private static final int MAX_TEXT = 2000;

  /** What became of an item. */
  public enum ItemStatus {
    /** A new article was stored. */
    INGESTED,
    /** The article was already stored (same URL or text), from this feed or elsewhere. */
    DUPLICATE,
    /** The ingester refused it; the reason is kept. */
    FAILED;

    String code() {
      return name().toLowerCase(Locale.ROOT);
    }

    static ItemStatus of(String code) {
      return valueOf(code.toUpperCase(Locale.ROOT));
    }
  }

  /**
   * A feed as last polled.
   *
   * @param lastStatus "ok", "not-modified" or "failed"; null before the first poll
   * @param datedByFetch ingested items that had no usable date and were dated by the fetch
   */
  public record Feed(
      String url,
      String etag,
      String lastModified,
      Instant lastPolledAt,
      String lastStatus,
      Instant lastOkAt,
      String lastError,
      Instant lastErrorAt,
      long ingested,
      long duplicates,
      long failed,
      long datedByFetch) {}

  /** An item seen in a feed. */
  public record Item(
      String key,
      String link,
      String title,
      ItemStatus status,
      Long articleId,
      String dateSource,
      int attempts,
      String reason,
      Instant firstSeenAt,
      Instant lastAttemptAt) {}

  /** The outcome of one attempt to ingest an item. */
  public record Outcome(
      String key,
      String link,
      String title,
      ItemStatus status,
      Long articleId,
      String dateSource,
      String reason) {}

  private static final String FEED_COLUMNS =
      "f.url, f.etag, f.last_modified, f.last_polled_at, f.last_status, f.last_ok_at,"
          + " f.last_error, f.last_error_at,"
          + " (SELECT COUNT(*) FROM feed_items i WHERE i.feed_id = f.id AND i.status = 'ingested'),"
          + " (SELECT COUNT(*) FROM feed_items i WHERE i.feed_id = f.id AND i.status = 'duplicate'),"
          + " (SELECT COUNT(*) FROM feed_items i WHERE i.feed_id = f.id AND i.status = 'failed'),"
          + " (SELECT COUNT(*) FROM feed_items i WHERE i.feed_id = f.id AND i.status = 'ingested'"
          + " AND i.date_source = 'fetched')";

  private static final String ITEM_COLUMNS =
      "i.item_key, i.link, i.title, i.status, i.article_id, i.date_source, i.attempts, i.reason,"
          + " i.first_seen_at, i.last_attempt_at";

  private final Database db;

  /**
   * Runs a round of polling unless one is running already here or in another server on the same
   * database; empty when skipped.
   */
  public <T> java.util.Optional<T> exclusively(java.util.function.Supplier<T> round) {
    return db.exclusively("feed-polling", round);
  }

  public FeedStore(Database db) {
    this.db = Objects.requireNonNull(db);
  }

  /** The feed with this URL, if it was ever polled. */
  public Optional<Feed> feed(String url) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement("SELECT " + FEED_COLUMNS + " FROM feeds f WHERE f.url = ?")) {
            ps.setString(1, url);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(feed(rs)) : Optional.empty();
            }
          }
        });
  }

  /** Every feed ever polled, by URL. */
  public List<Feed> feeds() {
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps =
                  c.prepareStatement("SELECT " + FEED_COLUMNS + " FROM feeds f ORDER BY f.url");
              ResultSet rs = ps.executeQuery()) {
            List<Feed> out = new ArrayList<>();
            while (rs.next()) {
              out.add(feed(rs));
            }
            return out;
          }
        });
  }

  /** The item with this key in this feed, if it was seen before. */
  public Optional<Item> item(String feedUrl, String key) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + ITEM_COLUMNS
                      + " FROM feed_items i JOIN feeds f ON f.id = i.feed_id"
                      + " WHERE f.url = ? AND i.item_key = ?")) {
            ps.setString(1, feedUrl);
            ps.setString(2, key);
            try (ResultSet rs = ps.executeQuery()) {
              return rs.next() ? Optional.of(item(rs)) : Optional.empty();
            }
          }
        });
  }

  /** The most recently refused items of a feed, newest first. */
  public List<Item> failedItems(String feedUrl, int limit) {
    return db.inTransaction(
        c -> {
          try (PreparedStatement ps =
              c.prepareStatement(
                  "SELECT "
                      + ITEM_COLUMNS
                      + " FROM feed_items i JOIN feeds f ON f.id = i.feed_id"
                      + " WHERE f.url = ? AND i.status = 'failed'"
                      + " ORDER BY i.last_attempt_at DESC, i.item_key FETCH FIRST ? ROWS ONLY")) {
            ps.setString(1, feedUrl);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
              List<Item> out = new ArrayList<>();
              while (rs.next()) {
                out.add(item(rs));
              }
              return out;
            }
          }
        });
  }

  /**
   * Records an attempt at an item: the first one inserts it, a retry of a failed item updates it
   * and counts the attempt.
   */
  public void recordItem(String feedUrl, Outcome o, Instant at) {
    db.inTransaction(
        c -> {
          long feedId = feedId(c, feedUrl);
          try (PreparedStatement update =
              c.prepareStatement(
                  "UPDATE feed_items SET link = ?, title = ?, status = ?, article_id = ?,"
                      + " date_source = ?, reason = ?, attempts = attempts + 1, last_attempt_at = ?"
                      + " WHERE feed_id = ? AND item_key = ?")) {
            setItem(update, 1, o, at);
            update.setLong(8, feedId);
            update.setString(9, o.key());
            if (update.executeUpdate() == 1) {
              return null;
            }
          }
          try (PreparedStatement insert =
              c.prepareStatement(
                  "INSERT INTO feed_items (link, title, status, article_id, date_source, reason,"
                      + " last_attempt_at, feed_id, item_key, first_seen_at, attempts)"
                      + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1)")) {
            setItem(insert, 1, o, at);
            insert.setLong(8, feedId);
            insert.setString(9, o.key());
            SqlValues.setInstant(insert, 10, at);
            insert.executeUpdate();
          }
          return null;
        });
  }

  /** A poll that got the feed (or a 304): keeps the validators for the next conditional GET. */
  public void recordSuccess(
      String feedUrl, Instant at, boolean notModified, String etag, String lastModified) {
    db.inTransaction(
        c -> {
          long feedId = feedId(c, feedUrl);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE feeds SET etag = ?, last_modified = ?, last_polled_at = ?,"
                      + " last_status = ?, last_ok_at = ? WHERE id = ?")) {
            ps.setString(1, clip(etag, 1024));
            ps.setString(2, clip(lastModified, 200));
            SqlValues.setInstant(ps, 3, at);
            ps.setString(4, notModified ? "not-modified" : "ok");
            SqlValues.setInstant(ps, 5, at);
            ps.setLong(6, feedId);
            ps.executeUpdate();
          }
          return null;
        });
  }

  /** A poll that failed: the validators stay, so the next poll fetches the whole feed again. */
  public void recordFailure(String feedUrl, Instant at, String error) {
    db.inTransaction(
        c -> {
          long feedId = feedId(c, feedUrl);
          try (PreparedStatement ps =
              c.prepareStatement(
                  "UPDATE feeds SET last_polled_at = ?, last_status = 'failed', last_error = ?,"
                      + " last_error_at = ? WHERE id = ?")) {
            SqlValues.setInstant(ps, 1, at);
            ps.setString(2, clip(error, MAX_TEXT));
            SqlValues.setInstant(ps, 3, at);
            ps.setLong(4, feedId);
            ps.executeUpdate();
          }
          return null;
        });
  }

  private static long feedId(Connection c, String url) throws SQLException {
    try (PreparedStatement ps = c.prepareStatement("SELECT id FROM feeds WHERE url = ?")) {
      ps.setString(1, url);
      try (ResultSet rs = ps.executeQuery()) {
        if (rs.next()) {
          return rs.getLong(1);
        }
      }
    }
    try (PreparedStatement ps =
        c.prepareStatement("INSERT INTO feeds (url) VALUES (?)", new String[] {"id"})) {
      ps.setString(1, url);
      ps.executeUpdate();
      try (ResultSet keys = ps.getGeneratedKeys()) {
        keys.next();
        return keys.getLong(1);
      }
    }
  }

  private static void setItem(PreparedStatement ps, int i, Outcome o, Instant at)
      throws SQLException {
    ps.setString(i, clip(o.link(), 2048));
    ps.setString(i + 1, clip(o.title(), 1000));
    ps.setString(i + 2, o.status().code());
    SqlValues.setLong(ps, i + 3, o.articleId());
    ps.setString(i + 4, o.dateSource());
    ps.setString(i + 5, clip(o.reason(), MAX_TEXT));
    SqlValues.setInstant(ps, i + 6, at);
  }

  private static Feed feed(ResultSet rs) throws SQLException {
    return new Feed(
        rs.getString(1),
        rs.getString(2),
        rs.getString(3),
        SqlValues.getInstant(rs, "last_polled_at"),
        rs.getString(5),
        SqlValues.getInstant(rs, "last_ok_at"),
        rs.getString(7),
        SqlValues.getInstant(rs, "last_error_at"),
        rs.getLong(9),
        rs.getLong(10),
        rs.getLong(11),
        rs.getLong(12));
  }

  private static Item item(ResultSet rs) throws SQLException {
    return new Item(
        rs.getString("item_key"),
        rs.getString("link"),
        rs.getString("title"),
        ItemStatus.of(rs.getString("status")),
        SqlValues.getLong(rs, "article_id"),
        rs.getString("date_source"),
        rs.getInt("attempts"),
        rs.getString("reason"),
        SqlValues.getInstant(rs, "first_seen_at"),
        SqlValues.getInstant(rs, "last_attempt_at"));
  }

  private static String clip(String s, int max) {
    return s == null || s.length() <= max ? s : s.substring(0, max - 1) + "\u2026";
  }
}
