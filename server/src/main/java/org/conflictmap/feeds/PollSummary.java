package org.conflictmap.feeds;

import java.util.List;

/**
 * What one poll of one feed did.
 *
 * @param url the feed
 * @param status how the poll went
 * @param added items that became new articles
 * @param duplicates new items whose article was already stored (same URL or text)
 * @param seen items already handled by an earlier poll, or repeated within this one
 * @param failed items the ingester refused (each is listed in {@code failures})
 * @param events events extracted from the new articles
 * @param datedByFetch new items without a usable date of their own, dated by the fetch
 * @param error why the whole feed failed, or null
 * @param failures one line per refused item: its link or title, and the reason
 */
public record PollSummary(
    String url,
    Status status,
    int added,
    int duplicates,
    int seen,
    int failed,
    int events,
    int datedByFetch,
    String error,
    List<String> failures) {

  /** How a poll went. */
  public enum Status {
    OK,
    NOT_MODIFIED,
    FAILED
  }

  public PollSummary {
    failures = List.copyOf(failures);
  }

  static PollSummary notModified(String url) {
    return new PollSummary(url, Status.NOT_MODIFIED, 0, 0, 0, 0, 0, 0, null, List.of());
  }

  static PollSummary failed(String url, String error) {
    return new PollSummary(url, Status.FAILED, 0, 0, 0, 0, 0, 0, error, List.of());
  }

  /** One line for people: "https://…: 2 new, 0 already stored, 1 seen, 0 failed". */
  public String line() {
    return switch (status) {
      case FAILED -> url + ": feed failed: " + error;
      case NOT_MODIFIED -> url + ": not modified since the last poll";
      case OK ->
          url
              + ": "
              + added
              + " new ("
              + events
              + " event(s)), "
              + duplicates
              + " already stored, "
              + seen
              + " seen, "
              + failed
              + " failed"
              + (datedByFetch > 0 ? "; " + datedByFetch + " undated, dated by the fetch" : "");
    };
  }
}
