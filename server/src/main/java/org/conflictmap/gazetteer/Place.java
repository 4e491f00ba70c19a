package org.conflictmap.gazetteer;

/**
 * A named place of the gazetteer.
 *
 * @param key stable key: the GeoNames id for GeoNames places, {@code country:SY} for countries,
 *     {@code admin1:SY.12} for first-level regions
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
    if (featureCode.startsWith("PCL")) {
      return Precision.COUNTRY;
    }
    if ("A".equals(featureClass) || featureCode.startsWith("ADM")) {
      return Precision.REGION;
    }
    return Precision.TOWN;
  }

  /** Key of the first-level region this place lies in, e.g. {@code admin1:SY.12}, or empty. */
  public String admin1Key() {
    return admin1 == null || admin1.isEmpty() ? "" : "admin1:" + countryCode + "." + admin1;
  }
}
