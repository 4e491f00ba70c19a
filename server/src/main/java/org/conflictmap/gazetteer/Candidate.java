package org.conflictmap.gazetteer;

/** A place proposed for a name, with the score that ranked it (higher is better). */
public record Candidate(Place place, double score) {}
