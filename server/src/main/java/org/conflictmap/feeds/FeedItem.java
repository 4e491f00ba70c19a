package org.conflictmap.feeds;

import java.time.OffsetDateTime;
import java.util.Optional;
import org.conflictmap.ingest.ArticleText;

/**
 * One RSS item or Atom entry as read from the feed, its text already plain (HTML stripped). Any
 * field but {@link #key()} may be null: feeds in the wild leave out almost everything.
 *
 * @param guid the RSS guid, RSS 1.0 rdf:about or Atom id
 * @param link the article's absolute http(s) address
 * @param title plain-text title
 * @param text plain-text body from content:encoded, description, Atom content or summary
 * @param published when the item says it was published (RSS pubDate or dc:date, Atom published)
 * @param updated when the item says it was last updated (Atom updated)
 */
public record FeedItem(
    String guid,
    String link,
    String title,
    String text,
    OffsetDateTime published,
    OffsetDateTime updated) {

  /** Keys longer than this are hashed so that they fit the store's column. */
  static final int MAX_KEY_CHARS = 500;

  /**
   * What identifies the item within its feed, so that it is ingested once even when its text is
   * edited later: the guid, else the link, else a hash of title and text.
   */
  public String key() {
    String k =
        guid != null
            ? guid
            : link != null
                ? link
                : "sha256:" + ArticleText.fingerprint(orEmpty(title) + "\n" + orEmpty(text));
    return k.length() <= MAX_KEY_CHARS ? k : "sha256:" + ArticleText.fingerprint(k);
  }

  /** The item's own date: published, else updated. */
  public Optional<OffsetDateTime> date() {
    return Optional.ofNullable(published != null ? published : updated);
  }

  private static String orEmpty(String s) {
    return s == null ? "" : s;
  }
}
