package org.conflictmap.http;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Text files of the web module read from the classpath once, for pages the server fills in. */
final class Resources {
  private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

  private Resources() {}

  static String text(String path) {
    return CACHE.computeIfAbsent(
        path,
        p -> {
          try (InputStream in = Resources.class.getResourceAsStream(p)) {
            if (in == null) {
              throw new IllegalStateException(p + " is not on the classpath");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        });
  }
}
