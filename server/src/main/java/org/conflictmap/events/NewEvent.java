package org.conflictmap.events;

import java.time.LocalDate;
import java.util.List;

/**
 * An event extracted from an article, before it is stored. Field names follow ACLED where ACLED has
 * the field.
 *
 * @param placeKey the gazetteer key of the resolved place
 * @param placeId the GeoNames id of the place, or null
 * @param precision town, region or country (see {@link
 *     org.conflictmap.gazetteer.Precision#label()})
 * @param fatalities null when the text states no figure
 * @param sentenceStart character offset of the sentence in the article body (inclusive)
 * @param sentenceEnd character offset of the sentence end (exclusive)
 * @param eventDateEnd the last day of a date range ("since May"), or null for a single day
 * @param injuries null when the text states no figure
 * @param planned true for an announced event that has not happened yet
 * @param actors the actors the text names for the event, in order of appearance
 * @param typeConfidence how sure the type rules are, 0 to 1 (0 for "Unclassified")
 * @param placeConfidence how likely the place is the one the text means, 0 to 1; null when no model
 *     judged it (generated or test events)
 */
public record NewEvent(
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
    double typeConfidence,
    Double placeConfidence) {

  public NewEvent {
    actors = actors == null ? List.of() : List.copyOf(actors);
  }

  /** The same event with another place confidence. */
  public NewEvent withPlaceConfidence(Double c) {
    return new NewEvent(
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
        c);
  }
}
