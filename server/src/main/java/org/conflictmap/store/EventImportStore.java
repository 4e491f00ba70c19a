package org.conflictmap.store;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import org.conflictmap.events.NewArticle;
import org.conflictmap.events.NewEvent;

/**
 * Writes imported events (rows of an ACLED or conflictmap file) through {@link BulkEvents}, all in
 * one transaction that the caller commits only if every row of the file was accepted. A row whose
 * external id is already stored is skipped, so importing a file twice stores its events once. Each
 * source becomes a report of an article: the stored article with its URL when there is one, else an
 * article made for it (title, the source's sentence as body).
 */
public final class EventImportStore {
  /** One source of an imported event. */
  public record Source(
      String title,
      String url,
      String sentence,
      int sentenceStart,
      int sentenceEnd,
      Integer fatalities,
      Integer injuries) {}

  /** One accepted row: its external id, the event, and its sources (at least one). */
  public record Item(String externalId, NewEvent event, List<Source> sources) {
    public Item {
      Objects.requireNonNull(externalId);
      sources = List.copyOf(sources);
      if (sources.isEmpty()) {
        throw new IllegalArgumentException("an imported event needs a source");
      }
    }
  }

  /** Writes chunks of rows inside the import's transaction. */
  public interface Session {
    /** Stores the rows not stored yet; returns how many were added (the rest were known). */
    int write(List<Item> items);
  }

  /** Thrown by the work to roll the whole import back. */
  public static final class Refused extends RuntimeException {
    public Refused(String message) {
      super(message, null, false, false);
    }
  }

  private static final int IN_BATCH = 500;

  private final Database db;

  public EventImportStore(Database db) {
    this.db = Objects.requireNonNull(db);
  }

  /** The work of one import, run with a session on one connection. */
  public interface Work<T> {
    T run(Session session);
  }

  /**
   * Runs {@code work} in one transaction: committed when it returns, rolled back when it throws (a
   * {@link Refused} among others), so the file is stored whole or not at all.
   */
  public <T> T inOneTransaction(Work<T> work) {
    return db.inTransaction(
        c -> {
          if (!db.isH2()) {
            // The lookup of stored external ids runs once per chunk with the same text, so after
            // five runs PostgreSQL keeps a generic plan made while this transaction's rows were
            // few: a scan of events, which then grows with every chunk (100,000 rows: 522 s,
            // most of it in that lookup). Planned afresh each time, it reads the unique index.
            try (var st = c.createStatement()) {
              st.execute("SET LOCAL plan_cache_mode = force_custom_plan");
            }
          }
          Session s =
              items -> {
                try {
                  return write(c, items);
                } catch (SQLException e) {
                  throw new StoreException("Database error: " + e.getMessage(), e);
                }
              };
          return work.run(s);
        });
  }

  private static int write(Connection c, List<Item> items) throws SQLException {
    Set<String> known = storedExternalIds(c, items);
    List<Item> fresh = new ArrayList<>(items.size());
    for (Item it : items) {
      if (!known.contains(it.externalId())) {
        fresh.add(it);
      }
    }
    if (fresh.isEmpty()) {
      return 0;
    }
    Map<String, Long> storedArticles = storedArticlesByUrl(c, fresh);
    List<BulkEvents.ArticleRow> articles = new ArrayList<>();
    Map<String, Integer> articleOfUrl = new HashMap<>();
    List<List<BulkEvents.Report>> events = new ArrayList<>(fresh.size());
    List<String> externalIds = new ArrayList<>(fresh.size());
    for (Item it : fresh) {
      List<BulkEvents.Report> reports = new ArrayList<>(it.sources().size());
      for (int i = 0; i < it.sources().size(); i++) {
        Source s = it.sources().get(i);
        int article;
        if (s.url() != null && articleOfUrl.containsKey(s.url())) {
          article = articleOfUrl.get(s.url());
        } else {
          article = articles.size();
          NewArticle a =
              new NewArticle(s.title(), s.sentence() == null ? "" : s.sentence(), s.url(), null);
          String hash =
              s.url() != null
                  ? "import:" + sha256("url\u0000" + s.url())
                  : "import:" + sha256("row\u0000" + it.externalId() + "\u0000" + i);
          articles.add(new BulkEvents.ArticleRow(a, hash, storedArticles.get(s.url())));
          if (s.url() != null) {
            articleOfUrl.put(s.url(), article);
          }
        }
        reports.add(new BulkEvents.Report(article, reported(it.event(), s)));
      }
      events.add(reports);
      externalIds.add(it.externalId());
    }
    BulkEvents.write(c, new BulkEvents.Batch(articles, events, externalIds));
    return fresh.size();
  }

  /** The event as one source reports it: its sentence and figures. */
  private static NewEvent reported(NewEvent e, Source s) {
    return new NewEvent(
        e.eventDate(),
        e.eventType(),
        e.subEventType(),
        e.geoPrecision(),
        e.timePrecision(),
        s.fatalities(),
        e.notes(),
        e.placeKey(),
        e.placeId(),
        e.placeName(),
        e.countryCode(),
        e.precision(),
        e.lat(),
        e.lon(),
        s.sentence(),
        s.sentenceStart(),
        s.sentenceEnd(),
        e.eventDateEnd(),
        s.injuries(),
        e.planned(),
        e.actors(),
        e.typeConfidence(),
        e.placeConfidence());
  }

  private static Set<String> storedExternalIds(Connection c, List<Item> items) throws SQLException {
    Set<String> out = new HashSet<>();
    List<String> ids = items.stream().map(Item::externalId).toList();
    for (int from = 0; from < ids.size(); from += IN_BATCH) {
      List<String> part = ids.subList(from, Math.min(ids.size(), from + IN_BATCH));
      String sql =
          "SELECT external_id FROM events WHERE external_id IN (" + marks(part.size()) + ")";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < part.size(); i++) {
          ps.setString(i + 1, part.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.add(rs.getString(1));
          }
        }
      }
    }
    return out;
  }

  private static Map<String, Long> storedArticlesByUrl(Connection c, List<Item> items)
      throws SQLException {
    List<String> urls =
        items.stream()
            .flatMap(it -> it.sources().stream())
            .map(Source::url)
            .filter(Objects::nonNull)
            .distinct()
            .toList();
    Map<String, Long> out = new HashMap<>();
    for (int from = 0; from < urls.size(); from += IN_BATCH) {
      List<String> part = urls.subList(from, Math.min(urls.size(), from + IN_BATCH));
      String sql = "SELECT url, id FROM articles WHERE url IN (" + marks(part.size()) + ")";
      try (PreparedStatement ps = c.prepareStatement(sql)) {
        for (int i = 0; i < part.size(); i++) {
          ps.setString(i + 1, part.get(i));
        }
        try (ResultSet rs = ps.executeQuery()) {
          while (rs.next()) {
            out.put(rs.getString(1), rs.getLong(2));
          }
        }
      }
    }
    return out;
  }

  private static String marks(int n) {
    return String.join(", ", java.util.Collections.nCopies(n, "?"));
  }

  static String sha256(String s) {
    try {
      return HexFormat.of()
          .formatHex(
              MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
