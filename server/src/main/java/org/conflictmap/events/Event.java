package org.conflictmap.events;

import java.time.LocalDate;
import java.util.List;

/**
 * A stored event, joined with the article it was first reported in ({@code articleId}, {@code
 * sentence}: its primary source) and every source that reports it.
 *
 * @param fatalities null when no source states a figure; the lowest stated figure otherwise, or the
 *     editor's figure
 * @param eventDateEnd the last day of a date range, or null for a single day
 * @param injuries null when no source states a figure
 * @param planned true for an announced event that has not happened yet
 * @param typeConfidence how sure the type rules were, 0 to 1; null for events stored before it was
 *     kept
 * @param placeConfidence how likely the place is the one its reports mean, 0 to 1 (the best of its
 *     sources'); null for events stored before it was kept or written without it
 * @param sources every report of the event, oldest first
 * @param corroboration how many distinct articles report the event
 * @param corrected the fields an editor has corrected, in the order first corrected
 * @param externalId the id the imported file gave the event (ACLED's event_id_cnty), or null for an
 *     event that came from articles
 */
public record Event(
    long id,
    long articleId,
    String articleTitle,
    String sourceUrl,
    LocalDate eventDate,
    String eventType,
    String subEventType,
    int geoPrecision,
    int timePrecision,
    Integer fatalities,
    String notes,
    String placeKey,
    Long placeId,
    String placeName,
    String countryCode,
    String precision,
    double lat,
    double lon,
    String sentence,
    int sentenceStart,
    int sentenceEnd,
    LocalDate eventDateEnd,
    Integer injuries,
    boolean planned,
    List<Actor> actors,
    Double typeConfidence,
    Double placeConfidence,
    List<EventSource> sources,
    int corroboration,
    List<String> corrected,
    String externalId) {

  public Event {
    actors = actors == null ? List.of() : List.copyOf(actors);
    sources = sources == null ? List.of() : List.copyOf(sources);
    corrected = corrected == null ? List.of() : List.copyOf(corrected);
  }

  /**
   * ACLED's event_id_cnty: the imported file's own id when there was one, else the country code (XX
   * when unknown) and our id, as ACLED builds it.
   */
  public String eventIdCnty() {
    if (externalId != null) {
      return externalId;
    }
    return (countryCode == null || countryCode.isEmpty() ? "XX" : countryCode) + id;
  }

  /** The same event with other sources, corroboration and corrected fields. */
  public Event withDetails(List<EventSource> sources, int corroboration, List<String> corrected) {
    return new Event(
        id,
        articleId,
        articleTitle,
        sourceUrl,
        eventDate,
        eventType,
        subEventType,
        geoPrecision,
        timePrecision,
        fatalities,
        notes,
        placeKey,
        placeId,
        placeName,
        countryCode,
        precision,
        lat,
        lon,
        sentence,
        sentenceStart,
        sentenceEnd,
        eventDateEnd,
        injuries,
        planned,
        actors,
        typeConfidence,
        placeConfidence,
        sources,
        corroboration,
        corrected,
        externalId);
  }
}
