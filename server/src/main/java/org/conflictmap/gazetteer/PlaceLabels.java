package org.conflictmap.gazetteer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.locationtech.jts.geom.Envelope;

/**
 * What an offline base map writes on itself: country names when zoomed out, first-level region
 * names and then ever smaller towns (by population) as the zoom grows, at most one label per grid
 * cell so they do not pile up. Indexed once from the gazetteer; a query is a scan of one list.
 */
public final class PlaceLabels {
  /** Most labels one answer carries. */
  public static final int MAX_LABELS = 120;

  /**
   * Grid cells across the box: one label per cell keeps their number down; the map hides the labels
   * that still overlap. Coarser, a big city lost its cell to a bigger neighbour (Aleppo to
   * Gaziantep at zoom 6).
   */
  private static final int GRID = 16;

  /** What a label names; the map draws each kind in its own style. */
  public enum Kind {
    COUNTRY,
    REGION,
    TOWN
  }

  /** A name to write at a point. */
  public record Label(
      String key, String name, Kind kind, double lon, double lat, long population) {}

  private final List<Label> countries;
  private final List<Label> regions;
  private final List<Label> towns;

  private PlaceLabels(List<Label> countries, List<Label> regions, List<Label> towns) {
    this.countries = countries;
    this.regions = regions;
    this.towns = towns;
  }

  /** The labels of this gazetteer, largest places first. */
  public static PlaceLabels of(Gazetteer gazetteer) {
    List<Label> countries = new ArrayList<>();
    List<Label> regions = new ArrayList<>();
    List<Label> towns = new ArrayList<>();
    for (Place p : gazetteer.places()) {
      if (p.key().startsWith("country:") && p.precision() == Precision.COUNTRY) {
        countries.add(new Label(p.key(), p.name(), Kind.COUNTRY, p.lon(), p.lat(), p.population()));
      } else if (p.key().startsWith("admin1:")) {
        regions.add(new Label(p.key(), p.name(), Kind.REGION, p.lon(), p.lat(), p.population()));
      } else if (p.precision() == Precision.TOWN && !p.minorSettlement() && p.population() > 0) {
        towns.add(new Label(p.key(), p.name(), Kind.TOWN, p.lon(), p.lat(), p.population()));
      }
    }
    Comparator<Label> biggest = Comparator.comparingLong(Label::population).reversed();
    countries.sort(biggest);
    regions.sort(biggest);
    towns.sort(biggest);
    return new PlaceLabels(List.copyOf(countries), List.copyOf(regions), List.copyOf(towns));
  }

  /** The smallest town written at this zoom (Leaflet's zoom levels). */
  public static long minPopulation(double zoom) {
    if (zoom < 4) return 2_000_000;
    if (zoom < 5) return 500_000;
    if (zoom < 6) return 150_000;
    if (zoom < 7) return 50_000;
    if (zoom < 8) return 15_000;
    if (zoom < 9) return 5_000;
    if (zoom < 10) return 1_000;
    return 0;
  }

  /**
   * The labels inside {@code box} at {@code zoom}: countries up to zoom 6, regions from 5 to 9,
   * towns by population as the zoom grows; bigger places win a crowded cell.
   */
  public List<Label> in(Envelope box, double zoom) {
    List<Label> out = new ArrayList<>();
    // most important first, as the map hides the later of two labels that overlap: zoomed out the
    // countries, closer in the cities (Beirut before LEBANON), then the regions
    boolean citiesFirst = zoom >= 5;
    if (citiesFirst) pickTowns(box, zoom, out);
    if (zoom < 7) pick(countries, box, 0, new HashSet<>(), out, MAX_LABELS);
    if (!citiesFirst) pickTowns(box, zoom, out);
    if (zoom >= 5 && zoom < 10) pick(regions, box, 0, new HashSet<>(), out, MAX_LABELS / 4);
    return out;
  }

  private void pickTowns(Envelope box, double zoom, List<Label> out) {
    if (zoom >= 3) pick(towns, box, minPopulation(zoom), new HashSet<>(), out, MAX_LABELS * 3 / 4);
  }

  /** The first-level regions whose label point lies in {@code box}, largest first. */
  public List<Label> regionsIn(Envelope box, int most) {
    List<Label> out = new ArrayList<>();
    for (Label l : regions) {
      if (out.size() >= most) break;
      if (box.contains(l.lon(), l.lat())) out.add(l);
    }
    return out;
  }

  private static void pick(
      List<Label> from, Envelope box, long minPop, Set<Long> taken, List<Label> out, int most) {
    double cw = box.getWidth() / GRID;
    double ch = box.getHeight() / GRID;
    int added = 0;
    for (Label l : from) {
      if (out.size() >= MAX_LABELS || added >= most || l.population() < minPop) {
        return; // sorted by population: the rest are smaller
      }
      if (!box.contains(l.lon(), l.lat())) continue;
      long cx = cw > 0 ? (long) Math.floor((l.lon() - box.getMinX()) / cw) : 0;
      long cy = ch > 0 ? (long) Math.floor((l.lat() - box.getMinY()) / ch) : 0;
      if (!taken.add(cx * 1000 + cy)) continue;
      out.add(l);
      added++;
    }
  }
}
