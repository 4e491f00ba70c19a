package org.conflictmap.zones;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.Place;
import org.conflictmap.gazetteer.Precision;
import org.locationtech.jts.geom.Polygon;

/**
 * Approximate outlines of regions and countries, for events located only that coarsely (ACLED
 * geo-precision 3). No region polygons are bundled, so an outline is the concave hull of the
 * gazetteer's towns in the region, widened a little: it shows roughly where the event may be, not
 * the legal border. Built on first request and cached.
 */
public final class RegionOutlines {
  /** JTS concave-hull ratio: follows the towns, without deep bays between them. */
  private static final double EDGE_LENGTH_RATIO = 0.3;

  /** About 5 km, so border towns fall inside. */
  private static final double BUFFER_DEGREES = 0.05;

  private static final int CACHE_SIZE = 256;

  /**
   * Most towns a hull is drawn from. A full GeoNames import has hundreds of thousands of towns in a
   * large country, whose hull would take seconds and hundreds of megabytes; beyond this many, one
   * town per grid cell is enough (the bundled gazetteer's largest area, the US, has about 21,000).
   */
  static final int MAX_HULL_TOWNS = 25_000;

  private final Gazetteer gazetteer;
  private final int maxHullTowns;
  private volatile Map<String, List<double[]>> townsByArea;
  private final Map<String, Optional<Outline>> cache =
      new LinkedHashMap<>(64, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Optional<Outline>> eldest) {
          return size() > CACHE_SIZE;
        }
      };

  /** A region's approximate outline and how many towns it was drawn from. */
  public record Outline(Place place, Polygon polygon, int towns) {}

  public RegionOutlines(Gazetteer gazetteer) {
    this(gazetteer, MAX_HULL_TOWNS);
  }

  RegionOutlines(Gazetteer gazetteer, int maxHullTowns) {
    this.gazetteer = gazetteer;
    this.maxHullTowns = maxHullTowns;
  }

  /**
   * The outline of the region or country with this gazetteer key; empty for an unknown key, a town,
   * or an area with fewer than three towns.
   */
  public Optional<Outline> outline(String key) {
    synchronized (cache) {
      Optional<Outline> known = cache.get(key);
      if (known != null) {
        return known;
      }
    }
    Optional<Outline> built = build(key);
    synchronized (cache) {
      cache.put(key, built);
    }
    return built;
  }

  private Optional<Outline> build(String key) {
    Optional<Place> area = gazetteer.byKey(key).filter(p -> p.precision() != Precision.TOWN);
    if (area.isEmpty()) {
      return Optional.empty();
    }
    List<double[]> towns = towns().getOrDefault(key, List.of());
    if (towns.size() < 3) {
      return Optional.empty();
    }
    List<double[]> drawn = towns;
    double cell = 0;
    while (drawn.size() > maxHullTowns) {
      cell = cell == 0 ? BUFFER_DEGREES : cell * 2;
      drawn = onePerCell(towns, cell);
    }
    // a town left out lies within a cell's diagonal of one drawn, so widening by that keeps it in
    double buffer = BUFFER_DEGREES + cell * Math.sqrt(2);
    try {
      return Optional.of(
          new Outline(
              area.get(), ZoneRecipe.concaveHull(drawn, EDGE_LENGTH_RATIO, buffer), towns.size()));
    } catch (IllegalStateException | IllegalArgumentException e) {
      return Optional.empty(); // towns on one line enclose no area
    }
  }

  /** The first town of each grid cell of this many degrees. */
  private static List<double[]> onePerCell(List<double[]> towns, double cell) {
    Set<Long> seen = new HashSet<>();
    List<double[]> kept = new ArrayList<>();
    for (double[] lonLat : towns) {
      long x = (long) Math.floor(lonLat[0] / cell);
      long y = (long) Math.floor(lonLat[1] / cell);
      if (seen.add(x << 32 ^ (y & 0xffffffffL))) {
        kept.add(lonLat);
      }
    }
    return kept;
  }

  /** Town positions by region key and by country key, indexed once. */
  private Map<String, List<double[]>> towns() {
    Map<String, List<double[]>> index = townsByArea;
    if (index == null) {
      synchronized (this) {
        index = townsByArea;
        if (index == null) {
          index = new HashMap<>();
          for (Place p : gazetteer.places()) {
            if (p.precision() != Precision.TOWN) {
              continue;
            }
            double[] lonLat = {p.lon(), p.lat()};
            if (!p.admin1Key().isEmpty()) {
              index.computeIfAbsent(p.admin1Key(), k -> new ArrayList<>()).add(lonLat);
            }
            index.computeIfAbsent("country:" + p.countryCode(), k -> new ArrayList<>()).add(lonLat);
          }
          townsByArea = index;
        }
      }
    }
    return index;
  }

  /** The outline as a GeoJSON Feature whose properties say it is approximate. */
  public static ObjectNode toFeature(Outline o, ObjectMapper m) {
    ObjectNode f = m.createObjectNode();
    f.put("type", "Feature");
    f.set("geometry", ZoneJson.geometry(o.polygon(), m));
    ObjectNode p = f.putObject("properties");
    p.put("place_key", o.place().key());
    p.put("name", o.place().name());
    p.put("country_code", o.place().countryCode());
    p.put("precision", o.place().precision().label());
    p.put("approximate", true);
    p.put("method", "concave hull of the gazetteer's towns in the area, widened by about 5 km");
    p.put("towns", o.towns());
    return f;
  }
}
