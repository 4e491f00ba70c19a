package org.conflictmap.store;

import java.util.List;
import org.conflictmap.events.Event;

/**
 * What {@link IngestStore#save} did.
 *
 * @param articleId the new article's id, or the id of the article it duplicates
 * @param duplicate true when nothing was written because the article was already stored
 * @param events the stored events (empty for a duplicate)
 */
public record IngestResult(long articleId, boolean duplicate, List<Event> events) {
  public IngestResult {
    events = List.copyOf(events);
  }
}
