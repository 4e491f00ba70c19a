package org.conflictmap.gazetteer;

/**
 * A named place of the gazetteer.
 *
 * @param key stable key: the GeoNames id for GeoNames places, {@code country:SY} for countries,
 *     {@code admin1:SY.12} for first-level regions, {@code admin2:US.KY.125} for second-level ones,
 *     {@code continent:EU} for continents and {@code region:middle-east} for world regions, seas
 *     and other named areas
 * @param geonameId the GeoNames id, or null where the source has none
 * @param countryCode ISO 3166-1 alpha-2 code, upper case
 * @param admin1 GeoNames first-level admin code within the country ("12"), may be empty
 */
public record Place(
    String key,
    Long geonameId,
    String name,
    String countryCode,
    String admin1,
    String featureClass,
    String featureCode,
    double lat,
    double lon,
    long population) {

  public Precision precision() {
    // a former state (PCLH: the Soviet Union) is an area of today's map, not a country of it
    if (featureCode.startsWith("PCL") && !"PCLH".equals(featureCode)) {
      return Precision.COUNTRY;
    }
    // areas (A), regions (L), waters (H) and land forms (T) pin an event no closer than a region
    if ("P".equals(featureClass) && !featureCode.startsWith("ADM")) {
      return Precision.TOWN;
    }
    return Precision.REGION;
  }

  /**
   * Whether this is one of the named areas our own tables add (world regions, seas, rivers,
   * islands, conflict areas, airports: keys such as {@code region:}, never a bare GeoNames id)
   * rather than a town or an administrative area. Such a place has no population, yet news means it
   * over a village of its name. A GeoNames feature of the same classes does not count: a full
   * import holds millions of streams, hills and oil fields, and those must not outrank towns.
   */
  public boolean wellKnownFeature() {
    return !"P".equals(featureClass)
        && !"A".equals(featureClass)
        && !key.isEmpty()
        && !Character.isDigit(key.charAt(0));
  }

  /**
   * A section of a town, a locality, a historical or an abandoned settlement (GeoNames PPLX, PPLL,
   * PPLH, PPLQ): a lesser reading of a name than a living town's.
   */
  public boolean minorSettlement() {
    return featureCode.startsWith("PPLX")
        || "PPLL".equals(featureCode)
        || "PPLH".equals(featureCode)
        || "PPLQ".equals(featureCode);
  }

  /** Key of the first-level region this place lies in, e.g. {@code admin1:SY.12}, or empty. */
  public String admin1Key() {
    return admin1 == null || admin1.isEmpty() ? "" : "admin1:" + countryCode + "." + admin1;
  }
}
