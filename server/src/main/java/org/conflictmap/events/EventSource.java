package org.conflictmap.events;

/**
 * One article's report of an event: the evidence an analyst checks.
 *
 * @param sourceUrl the article's URL, or null for a pasted article without one
 * @param sentenceStart character offset of the sentence in the article body (inclusive)
 * @param sentenceEnd character offset of the sentence end (exclusive)
 * @param fatalities the figure this report gives, or null when it states none
 * @param injuries the figure this report gives, or null when it states none
 */
public record EventSource(
    long articleId,
    String articleTitle,
    String sourceUrl,
    String sentence,
    int sentenceStart,
    int sentenceEnd,
    Integer fatalities,
    Integer injuries) {}
