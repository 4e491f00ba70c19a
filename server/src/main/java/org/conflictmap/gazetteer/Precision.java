package org.conflictmap.gazetteer;

/**
 * How precisely a resolved place pins an event: a town, a first-level region, or a whole country.
 */
public enum Precision {
  TOWN,
  REGION,
  COUNTRY;

  /**
   * ACLED geo-precision code: 1 a named town, 3 a region or larger (2, "near a town", is set by the
   * parser).
   */
  public int acledCode() {
    return this == TOWN ? 1 : 3;
  }

  public String label() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
