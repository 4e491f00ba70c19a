package org.conflictmap.ingest;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.conflictmap.events.NewArticle;
import org.conflictmap.problem.InputException;

/** Reads articles from plain text and fingerprints their bodies. */
public final class ArticleText {
  /**
   * "date 2019-08-27" at the very start, alone on its line or followed by the text (as in the
   * founding article).
   */
  private static final Pattern DATE_LINE =
      Pattern.compile("\\A\\s*date\\s+(\\S+)[ \\t]*(?:\\R|[ \\t]+|\\z)");

  private static final Pattern ISO_DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
  private static final int MAX_TITLE = 200;

  private ArticleText() {}

  /**
   * A plain-text article: an optional first line {@code date YYYY-MM-DD}, then an optional title
   * line followed by a blank line, then the body.
   */
  public static NewArticle parse(String raw, String url) {
    String text = raw.replace("\r\n", "\n").replace('\r', '\n');
    LocalDate published = null;
    Matcher m = DATE_LINE.matcher(text);
    if (m.find()) {
      published = parseDate(m.group(1), "date line");
      text = text.substring(m.end());
    }
    text = text.strip();
    String title = null;
    int blank = text.indexOf("\n\n");
    if (blank > 0 && blank <= MAX_TITLE) {
      String first = text.substring(0, blank).strip();
      if (!first.contains("\n") && !first.matches(".*[.!?\"\u201D]$")) {
        title = first;
        text = text.substring(blank).strip();
      }
    }
    return new NewArticle(title, text, url, published);
  }

  /** An ISO date (YYYY-MM-DD) or a clear refusal naming the field. */
  public static LocalDate parseDate(String value, String field) {
    if (!ISO_DATE.matcher(value).matches()) {
      throw new InputException(
          InputException.Kind.UNPROCESSABLE,
          "Invalid date",
          field + " must be an ISO date YYYY-MM-DD, got '" + abbreviate(value) + "'");
    }
    try {
      return LocalDate.parse(value);
    } catch (DateTimeException e) {
      throw new InputException(
          InputException.Kind.UNPROCESSABLE,
          "Invalid date",
          field + " '" + value + "' is not a calendar date");
    }
  }

  /**
   * SHA-256 of the body with white space collapsed and case folded, so a re-pasted copy is the same
   * article.
   */
  public static String fingerprint(String body) {
    String canonical = body.strip().replaceAll("\\s+", " ").toLowerCase(java.util.Locale.ROOT);
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(canonical.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
