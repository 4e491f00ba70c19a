package org.conflictmap.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.zip.GZIPInputStream;

/** The bundled Natural Earth country borders, read once and served as they are. */
public final class CountryLayer {
  static final String RESOURCE = "/geodata/countries.geojson.gz";
  private final byte[] geojson;

  private CountryLayer(byte[] geojson) {
    this.geojson = geojson;
  }

  public static CountryLayer bundled() {
    try (InputStream in = CountryLayer.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            "the bundled borders " + RESOURCE + " are not on the classpath");
      }
      return new CountryLayer(new GZIPInputStream(in).readAllBytes());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  byte[] geojson() {
    return geojson;
  }
}
