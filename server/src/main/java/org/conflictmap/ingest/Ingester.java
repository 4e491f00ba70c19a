package org.conflictmap.ingest;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.OptionalLong;
import org.conflictmap.events.NewArticle;
import org.conflictmap.events.NewEvent;
import org.conflictmap.problem.InputException;
import org.conflictmap.store.IngestResult;
import org.conflictmap.store.IngestStore;

/**
 * Checks an article, extracts its events and stores both at once. Re-ingesting the same article
 * adds nothing.
 */
public final class Ingester {
  /** Longest body we read, in characters; a news article is a few thousand. */
  public static final int MAX_BODY_CHARS = 500_000;

  private static final int MAX_TITLE_CHARS = 500;
  private static final int MAX_URL_CHARS = 2000;
  private static final int TIME_PRECISION_DAY = 1;
  private static final int TIME_PRECISION_MONTH = 3;

  private final EventEval.Extraction extractor;
  private final IngestStore store;
  private final Clock clock;

  public Ingester(EventExtractor extractor, IngestStore store, Clock clock) {
    this(extractor::extract, store, clock);
  }

  /** With any extraction: the seam tests use to see whether the geoparser ran. */
  public Ingester(EventEval.Extraction extractor, IngestStore store, Clock clock) {
    this.extractor = extractor;
    this.store = store;
    this.clock = clock;
  }

  /**
   * Stores the article and its events, or finds it already stored; throws {@link InputException} on
   * bad input.
   */
  public IngestResult ingest(NewArticle article) {
    return ingest(article, false);
  }

  /**
   * As {@link #ingest(NewArticle)}; with {@code replace}, an article already stored under the same
   * url is updated to this text and its events re-derived, keeping editors' corrections and
   * deletions (see {@link IngestStore#replace}).
   */
  public IngestResult ingest(NewArticle article, boolean replace) {
    NewArticle a = validate(article);
    String hash = ArticleText.fingerprint(a.body());
    // A known text (or, unless replacing, a known url) is answered before the costly parse: two
    // indexed lookups. The write below checks again under the lock, so a race still ends well.
    OptionalLong known = store.findStored(replace ? null : a.url(), hash);
    if (known.isPresent()) {
      return new IngestResult(known.getAsLong(), true, List.of());
    }
    // without a date we only know the event happened by the time we read it: month precision,
    // ACLED's 3
    LocalDate date = a.published() != null ? a.published() : LocalDate.now(clock);
    int precision = a.published() != null ? TIME_PRECISION_DAY : TIME_PRECISION_MONTH;
    List<NewEvent> events = extractor.extract(a.body(), date, precision);
    return replace ? store.replace(a, hash, events) : store.save(a, hash, events);
  }

  private NewArticle validate(NewArticle a) {
    if (a.body() == null || a.body().isBlank()) {
      throw new InputException(
          InputException.Kind.UNPROCESSABLE, "Empty article", "the article body is empty");
    }
    if (a.body().length() > MAX_BODY_CHARS) {
      throw new InputException(
          InputException.Kind.TOO_LARGE,
          "Article too long",
          "the body has "
              + a.body().length()
              + " characters; at most "
              + MAX_BODY_CHARS
              + " are accepted");
    }
    if (a.body().indexOf('\u0000') >= 0) {
      throw new InputException(
          InputException.Kind.UNPROCESSABLE,
          "Binary content",
          "the body contains NUL characters: send the article as text");
    }
    String title = a.title() == null || a.title().isBlank() ? null : a.title().strip();
    if (title != null && title.length() > MAX_TITLE_CHARS) {
      throw new InputException(
          InputException.Kind.UNPROCESSABLE,
          "Title too long",
          "the title has "
              + title.length()
              + " characters; at most "
              + MAX_TITLE_CHARS
              + " are accepted");
    }
    String url = a.url() == null || a.url().isBlank() ? null : a.url().strip();
    if (url != null) {
      checkUrl(url);
    }
    if (a.published() != null && a.published().isAfter(LocalDate.now(clock).plusDays(1))) {
      throw new InputException(
          InputException.Kind.UNPROCESSABLE,
          "Date in the future",
          "published " + a.published() + " is after today; send the date the article appeared");
    }
    return new NewArticle(title, a.body(), url, a.published());
  }

  private static void checkUrl(String url) {
    try {
      URI uri = new URI(url);
      String scheme = uri.getScheme();
      if (url.length() > MAX_URL_CHARS
          || scheme == null
          || uri.getHost() == null
          || !(scheme.equalsIgnoreCase("http") || scheme.equalsIgnoreCase("https"))) {
        throw new URISyntaxException(url, "not an absolute http(s) URL");
      }
    } catch (URISyntaxException e) {
      throw new InputException(
          InputException.Kind.UNPROCESSABLE,
          "Invalid URL",
          "url must be an absolute http or https URL of at most " + MAX_URL_CHARS + " characters");
    }
  }
}
