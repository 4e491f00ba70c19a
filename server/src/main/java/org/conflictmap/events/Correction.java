package org.conflictmap.events;

import java.time.Instant;

/**
 * One entry of an event's history: who changed which field when, from what to what. Values are text
 * as the API shows them; null is "not stated" (or "none").
 */
public record Correction(
    String editor, Instant at, String field, String oldValue, String newValue) {}
