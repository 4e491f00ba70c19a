package org.conflictmap.zones;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.conflictmap.problem.InputException;
import org.conflictmap.problem.InputException.Kind;
import org.junit.jupiter.api.Test;

class ZoneJsonTest {
  private static final ObjectMapper M = new ObjectMapper();
  private static final String SQUARE =
      "{'type':'Polygon','coordinates':[[[36.5,35.5],[37.5,35.5],[37.5,36.5],[36.5,36.5],[36.5,35.5]]]}";

  private static JsonNode json(String s) throws Exception {
    return M.readTree(s.replace('\'', '"'));
  }

  private static JsonNode feature(String properties) throws Exception {
    return json("{'type':'Feature','geometry':" + SQUARE + ",'properties':{" + properties + "}}");
  }

  private static InputException refusal(JsonNode body) {
    return catchThrowableOfType(InputException.class, () -> ZoneJson.fromFeature(body));
  }

  private static InputException refusal(String properties) throws Exception {
    return refusal(feature(properties));
  }

  @Test
  void readsAFullFeature() throws Exception {
    ZoneDraft d =
        ZoneJson.fromFeature(
            feature(
                "'name':' Idlib ','kind':'de-escalation-zone','description':'Astana',"
                    + "'style':{'color':'#c0392b','fillColor':'#fff','weight':2,'opacity':0.8,'fillOpacity':0.15,"
                    + "'dashArray':'5, 10'},'valid_from':'2017-05-04','valid_to':'2020-03-05'"));
    assertThat(d.name()).isEqualTo("Idlib");
    assertThat(d.kind()).isEqualTo(ZoneKind.DE_ESCALATION_ZONE);
    assertThat(d.description()).isEqualTo("Astana");
    assertThat(d.style())
        .containsEntry("color", "#c0392b")
        .containsEntry("weight", 2)
        .containsEntry("fillOpacity", 0.15)
        .containsEntry("dashArray", "5, 10");
    assertThat(d.validFrom()).isEqualTo(LocalDate.of(2017, 5, 4));
    assertThat(d.validTo()).isEqualTo(LocalDate.of(2020, 3, 5));
    assertThat(d.geometry().getArea()).isEqualTo(1.0);
  }

  @Test
  void defaultsOptionalFields() throws Exception {
    ZoneDraft d =
        ZoneJson.fromFeature(feature("'name':'Zone','valid_from':'2017-05-04','valid_to':null"));
    assertThat(d.kind()).isEqualTo(ZoneKind.OTHER);
    assertThat(d.description()).isNull();
    assertThat(d.style()).isEmpty();
    assertThat(d.validTo()).isNull();
  }

  @Test
  void polygonRoundTripsThroughToFeature() throws Exception {
    JsonNode in =
        feature(
            "'name':'Idlib','kind':'area-of-control','style':{'color':'#abc'},"
                + "'valid_from':'2017-05-04'");
    ObjectNode out = ZoneJson.toFeature(stored(ZoneJson.fromFeature(in)), M);
    assertThat(out.get("type").asText()).isEqualTo("Feature");
    assertThat(out.get("id").asLong()).isEqualTo(7);
    assertThat(out.get("geometry")).isEqualTo(in.get("geometry"));
    assertThat(out.get("geometry").has("crs")).isFalse();
    JsonNode p = out.get("properties");
    assertThat(p.get("name").asText()).isEqualTo("Idlib");
    assertThat(p.get("kind").asText()).isEqualTo("area-of-control");
    assertThat(p.get("style")).isEqualTo(json("{'color':'#abc'}"));
    assertThat(p.get("valid_from").asText()).isEqualTo("2017-05-04");
    assertThat(p.get("valid_to").isNull()).isTrue();
    assertThat(p.get("created_at").asText()).isEqualTo("2024-01-02T03:04:05Z");
    // what a client GETs it can PUT back unchanged
    ZoneDraft again = ZoneJson.fromFeature(out);
    assertThat(again.geometry().equalsExact(ZoneJson.fromFeature(in).geometry())).isTrue();
    assertThat(again.name()).isEqualTo("Idlib");
  }

  @Test
  void multiPolygonRoundTripsAndComesOutCounterClockwise() throws Exception {
    // the second part is given clockwise; decimals so that Jackson's number nodes compare equal
    JsonNode in =
        json(
            "{'type':'Feature','properties':{'name':'Two','valid_from':'2020-01-01'},'geometry':"
                + "{'type':'MultiPolygon','coordinates':[[[[0.5,0.5],[1.5,0.5],[1.5,1.5],[0.5,1.5],[0.5,0.5]]],"
                + "[[[2.5,2.5],[2.5,3.5],[3.5,3.5],[3.5,2.5],[2.5,2.5]]]]}}");
    ObjectNode out = ZoneJson.toFeature(stored(ZoneJson.fromFeature(in)), M);
    assertThat(out.at("/geometry/type").asText()).isEqualTo("MultiPolygon");
    assertThat(out.at("/geometry/coordinates/0")).isEqualTo(in.at("/geometry/coordinates/0"));
    assertThat(out.at("/geometry/coordinates/1"))
        .isEqualTo(json("[[[2.5,2.5],[3.5,2.5],[3.5,3.5],[2.5,3.5],[2.5,2.5]]]"));
    assertThat(ZoneJson.fromFeature(out).geometry().getNumGeometries()).isEqualTo(2);
  }

  @Test
  void writesAFeatureCollection() throws Exception {
    Zone z = stored(ZoneJson.fromFeature(feature("'name':'A','valid_from':'2020-01-01'")));
    ObjectNode fc = ZoneJson.toFeatureCollection(List.of(z, z), M);
    assertThat(fc.get("type").asText()).isEqualTo("FeatureCollection");
    assertThat(fc.get("features")).hasSize(2);
    assertThat(ZoneJson.toFeatureCollection(List.of(), M).get("features")).isEmpty();
  }

  @Test
  void refusesAMissingOrEmptyBody() throws Exception {
    assertThat(refusal((JsonNode) null).kind()).isEqualTo(Kind.MALFORMED);
    assertThat(refusal(json("{}")).kind()).isEqualTo(Kind.MALFORMED);
    assertThat(refusal(M.missingNode()).kind()).isEqualTo(Kind.MALFORMED);
  }

  @Test
  void refusesABareGeometryWithAHint() throws Exception {
    InputException e = refusal(json(SQUARE));
    assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
    assertThat(e.detail()).contains("Feature");
  }

  @Test
  void refusesUnknownPropertiesListingThem() throws Exception {
    InputException e = refusal("'name':'A','valid_from':'2020-01-01','colour':'red','owner':'x'");
    assertThat(e.kind()).isEqualTo(Kind.MALFORMED);
    assertThat(e.detail()).contains("colour, owner");
    assertThat(e.extensions()).containsEntry("fields", List.of("colour", "owner"));
  }

  @Test
  void toleratesReadOnlyProperties() throws Exception {
    ZoneDraft d =
        ZoneJson.fromFeature(
            feature(
                "'id':3,'name':'A','valid_from':'2020-01-01',"
                    + "'created_at':'2024-01-01T00:00:00Z','updated_at':'2024-01-01T00:00:00Z'"));
    assertThat(d.name()).isEqualTo("A");
  }

  @Test
  void refusesAMissingOrBlankName() throws Exception {
    InputException missing = refusal("'valid_from':'2020-01-01'");
    assertThat(missing.kind()).isEqualTo(Kind.MALFORMED);
    assertThat(missing.detail()).contains("name");
    assertThat(refusal("'name':'  ','valid_from':'2020-01-01'").kind())
        .isEqualTo(Kind.UNPROCESSABLE);
    assertThat(refusal("'name':'" + "x".repeat(201) + "','valid_from':'2020-01-01'").kind())
        .isEqualTo(Kind.UNPROCESSABLE);
    InputException wrongType = refusal("'name':5,'valid_from':'2020-01-01'");
    assertThat(wrongType.kind()).isEqualTo(Kind.MALFORMED);
    assertThat(wrongType.detail()).contains("name");
  }

  @Test
  void refusesBadDatesNamingTheField() throws Exception {
    InputException missing = refusal("'name':'A'");
    assertThat(missing.kind()).isEqualTo(Kind.MALFORMED);
    assertThat(missing.detail()).contains("valid_from");
    InputException bad = refusal("'name':'A','valid_from':'2020-02-30'");
    assertThat(bad.kind()).isEqualTo(Kind.MALFORMED);
    assertThat(bad.detail()).contains("valid_from").contains("YYYY-MM-DD");
    assertThat(refusal("'name':'A','valid_from':'2020-01-01','valid_to':'5 May 2020'").detail())
        .contains("valid_to");
  }

  @Test
  void refusesValidToBeforeValidFrom() throws Exception {
    InputException e = refusal("'name':'A','valid_from':'2020-01-02','valid_to':'2020-01-01'");
    assertThat(e.kind()).isEqualTo(Kind.UNPROCESSABLE);
    assertThat(e.detail()).contains("valid_to (2020-01-01)").contains("valid_from (2020-01-02)");
    // the same day is a one-day zone
    assertThat(
            ZoneJson.fromFeature(
                    feature("'name':'A','valid_from':'2020-01-02','valid_to':'2020-01-02'"))
                .validTo())
        .isEqualTo(LocalDate.of(2020, 1, 2));
  }

  @Test
  void refusesUnknownKinds() throws Exception {
    InputException e = refusal("'name':'A','valid_from':'2020-01-01','kind':'warzone'");
    assertThat(e.kind()).isEqualTo(Kind.UNPROCESSABLE);
    assertThat(e.detail()).contains("de-escalation-zone");
  }

  @Test
  void refusesBadStyles() throws Exception {
    InputException colour = refusal("'name':'A','valid_from':'2020-01-01','style':{'color':'red'}");
    assertThat(colour.kind()).isEqualTo(Kind.UNPROCESSABLE);
    assertThat(colour.detail()).contains("style.color").contains("#rrggbb");
    assertThat(
            refusal("'name':'A','valid_from':'2020-01-01','style':{'fillColor':'#12345'}").kind())
        .isEqualTo(Kind.UNPROCESSABLE);
    InputException unknown =
        refusal("'name':'A','valid_from':'2020-01-01','style':{'className':'x'}");
    assertThat(unknown.kind()).isEqualTo(Kind.MALFORMED);
    assertThat(unknown.detail()).contains("className");
    assertThat(refusal("'name':'A','valid_from':'2020-01-01','style':{'opacity':2}").kind())
        .isEqualTo(Kind.UNPROCESSABLE);
    assertThat(refusal("'name':'A','valid_from':'2020-01-01','style':{'weight':'2'}").kind())
        .isEqualTo(Kind.MALFORMED);
    assertThat(refusal("'name':'A','valid_from':'2020-01-01','style':{'dashArray':'1;x'}").kind())
        .isEqualTo(Kind.UNPROCESSABLE);
    assertThat(refusal("'name':'A','valid_from':'2020-01-01','style':'red'").kind())
        .isEqualTo(Kind.MALFORMED);
  }

  @Test
  void refusesAnInvalidGeometryInsideAFeature() throws Exception {
    JsonNode body =
        json(
            "{'type':'Feature','properties':{'name':'A','valid_from':'2020-01-01'},"
                + "'geometry':{'type':'Polygon','coordinates':[[[0,0],[2,2],[2,0],[0,2],[0,0]]]}}");
    assertThat(refusal(body).kind()).isEqualTo(Kind.UNPROCESSABLE);
  }

  @Test
  void refusesALongDescription() throws Exception {
    assertThat(
            refusal("'name':'A','valid_from':'2020-01-01','description':'" + "x".repeat(5001) + "'")
                .kind())
        .isEqualTo(Kind.UNPROCESSABLE);
  }

  private static Zone stored(ZoneDraft d) {
    Instant t = Instant.parse("2024-01-02T03:04:05Z");
    return new Zone(
        7,
        d.name(),
        d.kind(),
        d.description(),
        d.style(),
        d.validFrom(),
        d.validTo(),
        d.geometry(),
        t,
        t);
  }
}
