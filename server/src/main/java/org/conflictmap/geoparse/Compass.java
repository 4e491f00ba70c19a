package org.conflictmap.geoparse;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The compass and distance words that place something relative to a named place ("north of Hama",
 * "20 km from Idlib", "northern Idlib"), shared by the geoparser and event extraction.
 */
public final class Compass {
  /** Compass points: "north of Hama". */
  public static final Set<String> POINTS =
      Set.of(
          "north",
          "south",
          "east",
          "west",
          "northeast",
          "northwest",
          "southeast",
          "southwest",
          "north-east",
          "north-west",
          "south-east",
          "south-west");

  /** Compass adjectives: "northern Idlib", a part of a region. */
  public static final Set<String> SIDES =
      Set.of(
          "northern",
          "southern",
          "eastern",
          "western",
          "northeastern",
          "northwestern",
          "southeastern",
          "southwestern",
          "north-eastern",
          "north-western",
          "south-eastern",
          "south-western");

  /** Units of a distance from a place: "20 km from Idlib". */
  public static final Set<String> UNITS = Set.of("km", "kilometres", "kilometers", "miles");

  /** Words that measure from a reference place: compass points and distance units. */
  public static final Set<String> DIRECTIONS = union(POINTS, UNITS);

  private Compass() {}

  /** One unmodifiable set of every word of the given sets. */
  @SafeVarargs
  public static Set<String> union(Set<String>... sets) {
    return Arrays.stream(sets).flatMap(Set::stream).collect(Collectors.toUnmodifiableSet());
  }
}
