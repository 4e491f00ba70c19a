package org.conflictmap.zones;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.zip.GZIPInputStream;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.prep.PreparedGeometry;
import org.locationtech.jts.geom.prep.PreparedGeometryFactory;
import org.locationtech.jts.io.ParseException;
import org.locationtech.jts.io.geojson.GeoJsonReader;

/**
 * The bundled Natural Earth country outlines by ISO 3166 alpha-2 code. An event located only to a
 * country counts as inside a zone when the zone holds the whole country (the outline says so); one
 * whose country merely overlaps the zone is left out, and counted as such.
 */
public final class CountryOutlines {
  static final String RESOURCE = "/geodata/countries.geojson.gz";
  private static volatile CountryOutlines bundled;

  private final Map<String, Geometry> byCode;

  CountryOutlines(Map<String, Geometry> byCode) {
    this.byCode = Map.copyOf(byCode);
  }

  /** The outlines bundled with the app, read once per JVM. */
  public static CountryOutlines bundled() {
    CountryOutlines c = bundled;
    if (c == null) {
      synchronized (CountryOutlines.class) {
        if (bundled == null) {
          bundled = read();
        }
        c = bundled;
      }
    }
    return c;
  }

  /** Codes of the countries the zone holds entirely (usually none). */
  public Set<String> coveredBy(Geometry zone) {
    PreparedGeometry p = PreparedGeometryFactory.prepare(zone);
    Set<String> out = new TreeSet<>();
    byCode.forEach(
        (code, g) -> {
          if (zone.getEnvelopeInternal().covers(g.getEnvelopeInternal()) && p.covers(g)) {
            out.add(code);
          }
        });
    return out;
  }

  /** Codes of the countries the zone overlaps at all. */
  public Set<String> touchedBy(Geometry zone) {
    PreparedGeometry p = PreparedGeometryFactory.prepare(zone);
    Set<String> out = new TreeSet<>();
    byCode.forEach(
        (code, g) -> {
          if (zone.getEnvelopeInternal().intersects(g.getEnvelopeInternal()) && p.intersects(g)) {
            out.add(code);
          }
        });
    return out;
  }

  /** The outline of a country, if bundled. */
  public java.util.Optional<Geometry> outline(String code) {
    return java.util.Optional.ofNullable(byCode.get(code));
  }

  private static CountryOutlines read() {
    try (InputStream in = CountryOutlines.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("the bundled borders " + RESOURCE + " are missing");
      }
      JsonNode fc = new ObjectMapper().readTree(new GZIPInputStream(in));
      GeoJsonReader reader = new GeoJsonReader(ZoneGeometry.WGS84);
      Map<String, Geometry> out = new LinkedHashMap<>();
      for (JsonNode f : fc.path("features")) {
        String code = f.path("properties").path("iso_a2").asText("");
        if (code.length() == 2) {
          // Natural Earth's 110m outlines are not all valid: a zero buffer makes them usable
          Geometry g = reader.read(f.path("geometry").toString());
          out.put(code, g.isValid() ? g : g.buffer(0));
        }
      }
      return new CountryOutlines(out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (ParseException e) {
      throw new IllegalStateException("the bundled borders are not GeoJSON: " + e.getMessage(), e);
    }
  }
}
