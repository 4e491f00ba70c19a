package org.conflictmap.bench;

import java.io.IOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import org.conflictmap.store.TokenStore;

/**
 * The long fuzz run: {@code fuzz-http [--tries N] [--seed S] [--http-share F]}. Starts the server
 * in this process on loopback port 0 (a fresh store with the sample), then sends N inputs: a share
 * F (default 0.25) as HTTP requests to every read endpoint with fuzzed query parameters and path
 * ids (NaN, Infinity, hex floats, huge numbers, other scripts' digits, empty, repeated, raw {@code
 * %00}, very long), one in 200 of them a POST of a mutated article, zone or KML file; the rest
 * straight to the parsers as {@code fuzz} does. Prints inputs tried, 5xx, refusals that are not
 * problem+json, requests with no answer and parser crashes. Goal: all zero.
 */
final class HttpFuzzBench {
  private static final List<String> VIEW =
      List.of("bbox", "center", "zoom", "datetime", "type", "zone", "q", "layers", "event");

  /** Template and parameters of every read endpoint (as in {@code QueryParamPropertiesTest}). */
  private static final Map<String, List<String>> ENDPOINTS = new LinkedHashMap<>();

  static {
    ENDPOINTS.put("/api/events", List.of("bbox", "datetime", "limit", "type", "q", "zone"));
    ENDPOINTS.put("/api/events/{id}", List.of());
    ENDPOINTS.put("/api/events/{id}/history", List.of());
    ENDPOINTS.put("/api/event-types", List.of());
    ENDPOINTS.put("/api/articles/{id}", List.of());
    ENDPOINTS.put("/api/me", List.of());
    ENDPOINTS.put("/api/audit", List.of("limit", "before"));
    ENDPOINTS.put("/api/places/{id}/outline", List.of());
    ENDPOINTS.put("/api/geocode", List.of("q", "limit"));
    ENDPOINTS.put("/api/countries", List.of());
    ENDPOINTS.put("/api/config", List.of());
    ENDPOINTS.put("/api/feeds", List.of());
    ENDPOINTS.put("/api/zones", List.of("at"));
    ENDPOINTS.put("/api/zones/{id}", List.of());
    ENDPOINTS.put("/api/zones/export", List.of("format", "at"));
    ENDPOINTS.put("/api/zones/density", List.of("datetime", "at"));
    ENDPOINTS.put("/api/zones/{id}/history", List.of());
    ENDPOINTS.put("/api/zones/{id}/versions/{version}", List.of());
    ENDPOINTS.put("/api/zones/{id}/events", List.of("bbox", "datetime", "limit", "type", "q"));
    ENDPOINTS.put("/api/zones/{id}/stats", List.of("interval", "datetime"));
    ENDPOINTS.put("/", VIEW);
    ENDPOINTS.put("/embed", VIEW);
    ENDPOINTS.put("/events/{id}", List.of());
    ENDPOINTS.put("/events/{id}/preview.png", List.of());
    ENDPOINTS.put("/preview.png", VIEW);
    ENDPOINTS.put("/oembed", List.of("url", "maxwidth", "maxheight", "format"));
  }

  private static final String[] NUMBERS = {
    "0",
    "-0",
    "1",
    "-1",
    "36.5",
    "35.9",
    "-180",
    "180",
    "-90",
    "90",
    "180.0000001",
    "7.5",
    "18",
    "19",
    "NaN",
    "-NaN",
    "Infinity",
    "-Infinity",
    "0x1p3",
    "0X1.8P1",
    "1e308",
    "1e309",
    "-1e-400",
    "4.9E-324",
    "1d",
    "2f",
    "+1",
    ".5",
    "5.",
    "1..2",
    "١٢",
    "١٢.٥",
    "１",
    "٣٦",
    "2147483648",
    "-2147483649",
    "9223372036854775808",
    "9".repeat(400),
    " 1",
    "1 ",
    "1_0",
    "017",
    ""
  };
  private static final String[] EDGE = {
    "",
    " ",
    ",",
    ",,,",
    "/",
    "..",
    "../..",
    "\u0000",
    "a\u0000b",
    "\uFEFF1",
    "\u202E",
    "%",
    "&",
    "=",
    "#",
    "?",
    "+",
    "\\",
    "'",
    "\"",
    "<script>",
    "' OR 1=1--",
    "null",
    "[]",
    "💥",
    "İ",
    "\r\n",
    "\t",
    "x".repeat(5000),
    "9".repeat(10_000),
    "2019-08-01",
    "2019-08-31/2019-08-01",
    "2019-02-30",
    "2019-13-01",
    "0000-01-01",
    "+99999-01-01",
    "-999999999-01-01",
    "2019-08-01T10:00:00Z",
    "2019-08-01T",
    "2019-08-01/..",
    "../2019-08-31",
    "２٠١٩-08-01",
    "Battles",
    "battles,PROTESTS",
    "Battles,,Riots,",
    "Unclassified",
    "countries,zones,events",
    "roads",
    "json",
    "xml",
    "geojson",
    "kml",
    "day",
    "week",
    "month",
    "Idlib",
    "Москва",
    "1,2,3,4,",
    "1,2,3,4",
    "-180,-90,180,90",
    "30,30,40,40",
    "36,35",
    "NaN,NaN,NaN,NaN",
    "1e999,0,1,1",
    "0x1p3,0,1,1",
    "١,٢,٣,٤"
  };
  private static final String[] RAW = {
    "%00",
    "%zz",
    "%",
    "%4",
    "%C0%AF",
    "%FF",
    "%ED%A0%80",
    "%F4%90%80%80",
    "+",
    "%2B",
    "a%00b",
    "%E2%80%AE",
    "%25",
    "é",
    "ü%00",
    "%0D%0A",
    ";",
    "%26",
    "%3D"
  };
  private static final String[] IDS = {
    "1",
    "2",
    "3",
    "4",
    "5",
    "country:SY",
    "admin1:SY.09",
    "country:TR",
    "0",
    "-1",
    "+1",
    "01",
    "١",
    "9223372036854775808",
    "1e3",
    "0x1",
    "%00",
    "%zz",
    "%2F",
    "..",
    "NaN",
    "%F0%9F%92%A5",
    "1.0",
    "%20",
    ""
  };
  private static final String[] TYPES = {
    "Battles",
    "Protests",
    "Riots",
    "Violence against civilians",
    "Explosions/Remote violence",
    "Strategic developments",
    "Unclassified"
  };

  private HttpFuzzBench() {}

  static void run(String[] args) throws Exception {
    long tries = 1_000_000;
    long seed = System.nanoTime();
    double httpShare = 0.25;
    for (int i = 0; i < args.length - 1; i++) {
      switch (args[i]) {
        case "--tries" -> tries = Long.parseLong(args[i + 1]);
        case "--seed" -> seed = Long.parseLong(args[i + 1]);
        case "--http-share" -> httpShare = Double.parseDouble(args[i + 1]);
        default -> {}
      }
    }
    Path data = Files.createTempDirectory("conflictmap-fuzz-http");
    try (App app = App.start(Config.defaults().withPort(0).withDataDir(data).withSample(true));
        RawClient client = new RawClient(app.port())) {
      String editor = app.tokens().create("fuzz-editor", TokenStore.Role.EDITOR).secret();
      String admin = app.tokens().create("fuzz-admin", TokenStore.Role.ADMIN).secret();
      Tally tally = new Tally();
      FuzzBench.Parsers parsers = FuzzBench.parsers();
      SplittableRandom rnd = new SplittableRandom(seed);
      String base = "http://127.0.0.1:" + app.port();
      long start = System.nanoTime();
      long nextReport = start + 60_000_000_000L;
      for (long done = 0; done < tries; done++) {
        if (rnd.nextDouble() >= httpShare) {
          parsers.attemptOne(rnd);
        } else if (rnd.nextInt(200) == 0) {
          write(client, editor, rnd, tally);
        } else {
          read(client, admin, base, rnd, tally);
        }
        if (System.nanoTime() > nextReport) {
          nextReport += 60_000_000_000L;
          System.out.printf(
              "  %,d inputs, %,d over HTTP, %d 5xx, %d not problem+json, %d no answer%n",
              done + 1, tally.requests, tally.serverErrors, tally.badRefusals, tally.noAnswer);
        }
      }
      double s = (System.nanoTime() - start) / 1e9;
      long inputs = parsers.tried() + tally.requests;
      System.out.printf(
          "fuzz-http seed %d: %,d inputs in %.0f s (%.0f/s): %,d to the parsers, %,d over HTTP"
              + " (%.0f requests/s)%n",
          seed, inputs, s, inputs / s, parsers.tried(), tally.requests, tally.requests / s);
      parsers.print();
      System.out.printf(
          "%-36s %9s %9s %9s %5s %5s %5s%n",
          "endpoint", "requests", "2xx/3xx", "4xx", "5xx", "bad4xx", "noans");
      tally.perEndpoint.forEach(
          (k, v) ->
              System.out.printf(
                  "%-36s %,9d %,9d %,9d %5d %5d %5d%n", k, v[0], v[1], v[2], v[3], v[4], v[5]));
      for (String e : tally.examples) {
        System.out.println("  failure: " + e);
      }
      System.out.printf(
          "HTTP: %,d requests, %d 5xx, %d refusals not problem+json, %d no answer;"
              + " parsers: %d crashes%n",
          tally.requests, tally.serverErrors, tally.badRefusals, tally.noAnswer, parsers.crashes());
    } finally {
      deleteTree(data);
    }
  }

  private static void read(
      RawClient client, String admin, String base, SplittableRandom rnd, Tally tally) {
    List<String> names = new ArrayList<>(ENDPOINTS.keySet());
    String template = names.get(rnd.nextInt(names.size()));
    String path = template.replace("{id}", pathPart(rnd)).replace("{version}", pathPart(rnd));
    String query = query(ENDPOINTS.get(template), base, rnd);
    String target = query.isEmpty() ? path : path + "?" + query;
    String token = template.equals("/api/audit") ? admin : null;
    tally.send(client, template, "GET", target, token, null, null);
  }

  private static void write(RawClient client, String editor, SplittableRandom rnd, Tally tally) {
    int which = rnd.nextInt(4);
    String path = which == 0 ? "/api/articles" : which == 1 ? "/api/zones" : "/api/zones/import";
    String type =
        which == 0
            ? "text/plain"
            : which == 3 ? "application/vnd.google-earth.kml+xml" : "application/geo+json";
    // POST /api/zones takes one Feature; the import takes a FeatureCollection or KML
    String seed = which == 0 ? "article" : which == 1 ? "feature" : which == 3 ? "kml" : "geojson";
    byte[] body = FuzzBench.mutatedInput(seed, rnd);
    tally.send(client, "POST " + path, "POST", path, editor, type, body);
  }

  private static String pathPart(SplittableRandom rnd) {
    return rnd.nextInt(8) == 0 ? enc(decoded(rnd)) : IDS[rnd.nextInt(IDS.length)];
  }

  static String query(List<String> names, String base, SplittableRandom rnd) {
    int n = rnd.nextInt(5);
    List<String> pairs = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      int pick = rnd.nextInt(20);
      String name;
      if (pick < 17 && !names.isEmpty()) {
        name = names.get(rnd.nextInt(names.size()));
      } else if (pick < 19) {
        name = new String[] {"bbox", "limit", "q", "x", "BBOX", "bbox[]", ""}[rnd.nextInt(7)];
      } else {
        name = randomString(rnd, 8);
      }
      if (rnd.nextInt(20) == 0) {
        pairs.add(enc(name));
        continue;
      }
      String value = rnd.nextInt(5) < 3 ? enc(typical(name, base, rnd)) : wire(rnd);
      pairs.add(enc(name) + "=" + value);
    }
    return String.join("&", pairs);
  }

  private static String wire(SplittableRandom rnd) {
    if (rnd.nextInt(5) > 0) {
      return enc(decoded(rnd));
    }
    String raw = RAW[rnd.nextInt(RAW.length)];
    return switch (rnd.nextInt(3)) {
      case 0 -> raw + enc(decoded(rnd));
      case 1 -> enc(decoded(rnd)) + raw;
      default -> raw;
    };
  }

  private static String decoded(SplittableRandom rnd) {
    int k = rnd.nextInt(13);
    if (k < 4) {
      return EDGE[rnd.nextInt(EDGE.length)];
    }
    if (k < 8) {
      int n = 1 + rnd.nextInt(5);
      List<String> parts = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        parts.add(NUMBERS[rnd.nextInt(NUMBERS.length)]);
      }
      return String.join(",", parts);
    }
    if (k < 10) {
      String chars = "0123456789,.-+eExXpP/ ";
      StringBuilder b = new StringBuilder();
      for (int i = rnd.nextInt(30); i > 0; i--) {
        b.append(chars.charAt(rnd.nextInt(chars.length())));
      }
      return b.toString();
    }
    if (k < 12) {
      return randomString(rnd, 40);
    }
    StringBuilder b = new StringBuilder();
    for (int i = 2000 + rnd.nextInt(18_000); i > 0; i--) {
      b.append((char) (32 + rnd.nextInt(95)));
    }
    return b.toString();
  }

  /** Any UTF-16 units, lone surrogates included. */
  private static String randomString(SplittableRandom rnd, int max) {
    StringBuilder b = new StringBuilder();
    for (int i = rnd.nextInt(max + 1); i > 0; i--) {
      b.append((char) (rnd.nextBoolean() ? rnd.nextInt(128) : rnd.nextInt(0x10000)));
    }
    return b.toString();
  }

  private static String typical(String name, String base, SplittableRandom rnd) {
    return switch (name) {
      case "bbox" -> lon(rnd) + "," + lat(rnd) + "," + lon(rnd) + "," + lat(rnd);
      case "center" -> lon(rnd) + "," + lat(rnd);
      case "zoom" -> trim(Math.round((rnd.nextDouble() * 27 - 2) * 10) / 10.0);
      case "datetime" ->
          switch (rnd.nextInt(4)) {
            case 0 -> day(rnd);
            case 1 -> day(rnd) + "/..";
            case 2 -> "../" + day(rnd);
            default -> day(rnd) + "/" + day(rnd);
          };
      case "at" -> day(rnd);
      case "limit", "before", "maxwidth", "maxheight" -> String.valueOf(rnd.nextInt(20_006) - 5);
      case "zone", "event" -> String.valueOf(rnd.nextInt(8) - 1);
      case "type" -> {
        int n = rnd.nextInt(4);
        List<String> t = new ArrayList<>();
        for (int i = 0; i < n; i++) {
          t.add(TYPES[rnd.nextInt(TYPES.length)]);
        }
        yield String.join(",", t);
      }
      case "q" ->
          new String[] {"Idlib", "Aleppo", "shelling", "x", "%", "_", "*", "'", "Москва"}
              [rnd.nextInt(9)];
      case "layers" ->
          new String[] {"countries", "zones,events", "roads", "", "events"}[rnd.nextInt(5)];
      case "format" -> new String[] {"json", "geojson", "kml", "xml", "JSON", ""}[rnd.nextInt(6)];
      case "interval" -> new String[] {"day", "week", "month", "year", "Day"}[rnd.nextInt(5)];
      case "url" ->
          switch (rnd.nextInt(5)) {
            case 0 -> base + "/?" + query(VIEW, base, rnd);
            case 1 -> base + "/embed?" + query(VIEW, base, rnd);
            case 2 -> base + "/events/" + pathPart(rnd);
            case 3 ->
                new String[] {"javascript:alert(1)", "http://[::1", "//127.0.0.1/", base}
                    [rnd.nextInt(4)];
            default -> decoded(rnd);
          };
      default -> decoded(rnd);
    };
  }

  private static String lon(SplittableRandom rnd) {
    return trim(Math.round((rnd.nextDouble() * 400 - 200) * 1000) / 1000.0);
  }

  private static String lat(SplittableRandom rnd) {
    return trim(Math.round((rnd.nextDouble() * 200 - 100) * 1000) / 1000.0);
  }

  private static String day(SplittableRandom rnd) {
    return String.format(
        "%04d-%02d-%02d", 1990 + rnd.nextInt(41), rnd.nextInt(14), rnd.nextInt(33));
  }

  private static String trim(double d) {
    String s = Double.toString(d);
    return s.endsWith(".0") ? s.substring(0, s.length() - 2) : s;
  }

  private static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  private static void deleteTree(Path dir) throws IOException {
    try (var files = Files.walk(dir)) {
      files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    }
  }

  /** Counts per endpoint: requests, 2xx/3xx, 4xx, 5xx, 4xx not problem+json, no answer. */
  private static final class Tally {
    final Map<String, long[]> perEndpoint = new LinkedHashMap<>();
    final List<String> examples = new ArrayList<>();
    long requests;
    long serverErrors;
    long badRefusals;
    long noAnswer;

    void send(
        RawClient client,
        String endpoint,
        String method,
        String target,
        String token,
        String type,
        byte[] body) {
      long[] c = perEndpoint.computeIfAbsent(endpoint, k -> new long[6]);
      requests++;
      c[0]++;
      RawClient.Response r;
      try {
        r = client.send(method, target, token, type, body);
      } catch (IOException e) {
        noAnswer++;
        c[5]++;
        example("no answer (" + e.getMessage() + ")", method, target);
        return;
      }
      int s = r.status();
      boolean oembedFormat =
          endpoint.equals("/oembed") && s == 501 && r.body().contains("Format not implemented");
      if (s < 400) {
        c[1]++;
      } else if (s < 500 || oembedFormat) {
        c[2]++;
        boolean htmlPage =
            endpoint.equals("/events/{id}") && s == 404 && r.contentType().startsWith("text/html");
        if (!htmlPage && !r.contentType().startsWith("application/problem+json")) {
          badRefusals++;
          c[4]++;
          example(s + " as " + r.contentType(), method, target);
        }
      } else {
        serverErrors++;
        c[3]++;
        example(s + " " + abbreviate(r.body()), method, target);
      }
    }

    void example(String what, String method, String target) {
      if (examples.size() < 20) {
        examples.add(what + " <- " + method + " " + abbreviate(target));
      }
    }
  }

  private static String abbreviate(String s) {
    return s.length() > 200 ? s.substring(0, 200) + "...(" + s.length() + " chars)" : s;
  }
}
