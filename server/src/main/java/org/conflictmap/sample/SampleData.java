package org.conflictmap.sample;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.Place;
import org.conflictmap.ingest.ArticleText;
import org.conflictmap.ingest.Ingester;
import org.conflictmap.store.IngestResult;
import org.conflictmap.store.ZoneStore;
import org.conflictmap.zones.Zone;
import org.conflictmap.zones.ZoneDraft;
import org.conflictmap.zones.ZoneKind;
import org.conflictmap.zones.ZoneRecipe;

/**
 * The bundled sample: a short article in our own words on the talks of 27 August 2019
 * (geodata/sample/), and the zones of geodata/zones/ — the four Astana de-escalation zones of May
 * 2017 and the Sochi demilitarised strip of September 2018 — each built from the towns its recipe
 * lists.
 */
public final class SampleData {
  static final String ARTICLE = "/geodata/sample/article.txt";
  static final String IDLIB_ZONE = "/geodata/zones/idlib.json";

  /** The sample zones, Idlib first. */
  public static final List<String> ZONES =
      List.of(
          IDLIB_ZONE,
          "/geodata/zones/northern-homs.json",
          "/geodata/zones/eastern-ghouta.json",
          "/geodata/zones/south-west.json",
          "/geodata/zones/sochi-strip.json");

  /** The name sample zones are recorded under in their history. */
  public static final String EDITOR = "sample";

  private SampleData() {}

  /** What loading the sample stored; {@code zone} is the Idlib zone. */
  public record Loaded(IngestResult article, Zone zone, List<Zone> zones) {}

  public static Loaded load(
      Ingester ingester, ZoneStore zones, Gazetteer gazetteer, ObjectMapper json) {
    IngestResult article = ingester.ingest(ArticleText.parse(read(ARTICLE), null));
    List<ZoneDraft> drafts = new ArrayList<>();
    for (String resource : ZONES) {
      drafts.add(zone(resource, gazetteer, json));
    }
    List<Zone> stored = new ArrayList<>();
    for (ZoneDraft d : drafts) {
      stored.add(zones.create(d, EDITOR));
    }
    return new Loaded(article, stored.get(0), stored);
  }

  /** The Idlib de-escalation zone, built from the recipe in its geodata file. */
  public static ZoneDraft idlibZone(Gazetteer gazetteer, ObjectMapper json) {
    return zone(IDLIB_ZONE, gazetteer, json);
  }

  /** A sample zone, built from the recipe in its geodata file. */
  public static ZoneDraft zone(String resource, Gazetteer gazetteer, ObjectMapper json) {
    try {
      JsonNode z = json.readTree(read(resource));
      JsonNode recipe = z.path("recipe");
      List<double[]> towns = new ArrayList<>();
      for (JsonNode town : recipe.path("towns")) {
        String key = town.path("geonameid").asText();
        Place p =
            gazetteer
                .byKey(key)
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "sample zone town "
                                + town.path("name").asText()
                                + " ("
                                + key
                                + ") is not in the gazetteer"));
        towns.add(new double[] {p.lon(), p.lat()});
      }
      @SuppressWarnings("unchecked")
      Map<String, Object> style = json.convertValue(z.path("style"), Map.class);
      String method = recipe.path("method").asText();
      var geometry =
          switch (method) {
            case "concave-hull" ->
                ZoneRecipe.concaveHull(
                    towns,
                    recipe.path("edge_length_ratio").asDouble(),
                    recipe.path("buffer_degrees").asDouble());
            case "line-buffer" -> ZoneRecipe.lineBuffer(towns, recipe.path("width_km").asDouble());
            default ->
                throw new IllegalStateException(
                    resource + ": unknown recipe method '" + method + "'");
          };
      return new ZoneDraft(
          z.path("name").asText(),
          ZoneKind.fromWire(z.path("kind").asText()).orElse(ZoneKind.OTHER),
          z.path("description").asText(),
          style,
          LocalDate.parse(z.path("valid_from").asText()),
          z.path("valid_to").isTextual() ? LocalDate.parse(z.path("valid_to").asText()) : null,
          geometry);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String read(String resource) {
    try (InputStream in = SampleData.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing sample resource " + resource);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
