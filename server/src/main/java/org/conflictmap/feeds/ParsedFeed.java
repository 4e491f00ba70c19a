package org.conflictmap.feeds;

import java.util.List;

/**
 * A feed document read by {@link FeedParser}.
 *
 * @param format "rss", "rdf" (RSS 1.0) or "atom"
 * @param title the channel's or feed's title, or null
 * @param items the items in document order, including any the feed repeats
 */
public record ParsedFeed(String format, String title, List<FeedItem> items) {
  public ParsedFeed {
    items = List.copyOf(items);
  }
}
