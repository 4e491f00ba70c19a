package org.conflictmap.events;

import java.time.LocalDate;

/**
 * An article as submitted: title and url may be null, body is never blank, published may be null.
 */
public record NewArticle(String title, String body, String url, LocalDate published) {}
