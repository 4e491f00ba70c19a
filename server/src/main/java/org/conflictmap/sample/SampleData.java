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
 * The bundled sample (geodata/sample/): a short article in our own words on the talks of 27 August
 * 2019 and the Idlib de-escalation zone, whose outline is built from the towns its recipe lists.
 */
public final class SampleData {
  static final String ARTICLE = "/geodata/sample/article.txt";
  static final String IDLIB_ZONE = "/geodata/sample/idlib-zone.json";

  private SampleData() {}

  /** What loading the sample stored. */
  public record Loaded(IngestResult article, Zone zone) {}

  public static Loaded load(
      Ingester ingester, ZoneStore zones, Gazetteer gazetteer, ObjectMapper json) {
    IngestResult article = ingester.ingest(ArticleText.parse(read(ARTICLE), null));
    Zone zone = zones.create(idlibZone(gazetteer, json));
    return new Loaded(article, zone);
  }

  /** The Idlib de-escalation zone, built from the recipe in its geodata file. */
  public static ZoneDraft idlibZone(Gazetteer gazetteer, ObjectMapper json) {
    try {
      JsonNode z = json.readTree(read(IDLIB_ZONE));
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
      return new ZoneDraft(
          z.path("name").asText(),
          ZoneKind.fromWire(z.path("kind").asText()).orElse(ZoneKind.OTHER),
          z.path("description").asText(),
          style,
          LocalDate.parse(z.path("valid_from").asText()),
          z.path("valid_to").isTextual() ? LocalDate.parse(z.path("valid_to").asText()) : null,
          ZoneRecipe.concaveHull(
              towns,
              recipe.path("edge_length_ratio").asDouble(),
              recipe.path("buffer_degrees").asDouble()));
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
