package org.conflictmap.gazetteer;

import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The fields a place shows wherever it is written out: the API's geocoder and the geoparse command
 * alike.
 */
public final class PlaceJson {
  private PlaceJson() {}

  /**
   * Writes {@code place_key, place_id, name, country_code, feature_code, precision, lat, lon} into
   * {@code o}.
   */
  public static ObjectNode write(ObjectNode o, Place p) {
    o.put("place_key", p.key());
    o.put("place_id", p.geonameId()); // null where the place has no GeoNames id
    o.put("name", p.name());
    o.put("country_code", p.countryCode());
    o.put("feature_code", p.featureCode());
    o.put("precision", p.precision().label());
    o.put("lat", p.lat());
    o.put("lon", p.lon());
    return o;
  }
}
