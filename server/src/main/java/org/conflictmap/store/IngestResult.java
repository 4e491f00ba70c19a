package org.conflictmap.store;

import java.util.List;
import org.conflictmap.events.Event;

/**
 * What {@link IngestStore#save} did.
 *
 * @param articleId the new article's id, or the id of the article it duplicates
 * @param duplicate true when nothing was written because the article was already stored
 * @param events the events the article reports, new or merged with earlier reports (empty for a
 *     duplicate)
 * @param replaced true when an article stored under the same url was replaced by this one
 */
public record IngestResult(
    long articleId, boolean duplicate, List<Event> events, boolean replaced) {
  public IngestResult {
    events = List.copyOf(events);
  }

  public IngestResult(long articleId, boolean duplicate, List<Event> events) {
    this(articleId, duplicate, events, false);
  }
}
