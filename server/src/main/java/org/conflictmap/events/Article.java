package org.conflictmap.events;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A stored article. {@code contentHash} is the SHA-256 of its normalised body, used to spot
 * re-submissions.
 */
public record Article(
    long id,
    String title,
    String body,
    String url,
    LocalDate published,
    String contentHash,
    Instant ingestedAt) {}
