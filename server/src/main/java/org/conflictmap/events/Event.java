package org.conflictmap.events;

import java.time.LocalDate;

/** A stored event, joined with the article it came from. */
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
    int sentenceEnd) {}
