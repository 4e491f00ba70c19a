package org.conflictmap.events;

import java.time.LocalDate;

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
    int sentenceEnd) {}
