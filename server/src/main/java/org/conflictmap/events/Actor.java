package org.conflictmap.events;

/**
 * An actor named for an event, as the text names it ("Russian-backed regime forces", "Turkey").
 *
 * @param name the words of the text that name the actor
 * @param countryCode ISO 3166-1 alpha-2 of the actor's country where the text says it, else null
 */
public record Actor(String name, String countryCode) {}
