package org.conflictmap.zones;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.conflictmap.problem.InputException;
import org.junit.jupiter.api.Test;

/** Files the fuzzer found crashing the KML reader: each is now a refusal a client can act on. */
class KmlHostileTest {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static void refused(String kml, int status) {
    assertThatThrownBy(
            () ->
                ZoneImport.plan(
                    kml.getBytes(StandardCharsets.UTF_8),
                    ZoneImport.Format.KML,
                    Optional.empty(),
                    JSON))
        .isInstanceOfSatisfying(
            InputException.class,
            e -> org.assertj.core.api.Assertions.assertThat(e.kind().status()).isEqualTo(status));
  }

  @Test
  void anUnknownEncodingIsMalformed() {
    refused("<?xml version=\"1.0\" encoding=\"x-bogus\"?><kml/>", 400);
  }

  @Test
  void fifteenThousandNestedMultiGeometriesAreRefused() {
    int depth = 15_000;
    refused(
        "<kml><Placemark>"
            + "<MultiGeometry>".repeat(depth)
            + "</MultiGeometry>".repeat(depth)
            + "</Placemark></kml>",
        422);
  }
}
