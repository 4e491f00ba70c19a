package org.conflictmap.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Consumer;
import org.conflictmap.ingest.ArticleText;
import org.conflictmap.problem.InputException;
import org.conflictmap.zones.ZoneImport;

/**
 * Mutation fuzzing straight to the input parsers (article text, GeoJSON and KML zone files): {@code
 * fuzz [--tries N] [--seed S]}. An input may be refused (an {@link InputException}, which the API
 * answers as a 4xx problem); anything else thrown is a crash, the API's 500. Prints inputs tried,
 * refusals and crashes per parser, with the first crashing inputs.
 */
final class FuzzBench {
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String GEOJSON =
      "{\"type\":\"FeatureCollection\",\"features\":[{\"type\":\"Feature\",\"properties\":"
          + "{\"name\":\"Idlib front\",\"kind\":\"frontline\",\"valid_from\":\"2024-01-02\"},"
          + "\"geometry\":{\"type\":\"Polygon\",\"coordinates\":[[[36.5,35.8],[36.9,35.8],"
          + "[36.9,36.1],[36.5,36.1],[36.5,35.8]]]}}]}";

  /** The collection's one Feature, for {@code POST /api/zones}. */
  private static final String FEATURE =
      GEOJSON.substring(GEOJSON.indexOf("[{") + 1, GEOJSON.length() - 2);

  private static final String KML =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?><kml xmlns=\"http://www.opengis.net/kml/2.2\">"
          + "<Document><Placemark><name>Zone</name><TimeSpan><begin>2024-01-02</begin></TimeSpan>"
          + "<MultiGeometry><Polygon><outerBoundaryIs><LinearRing><coordinates>36.5,35.8 36.9,35.8"
          + " 36.9,36.1 36.5,36.1 36.5,35.8</coordinates></LinearRing></outerBoundaryIs></Polygon>"
          + "</MultiGeometry></Placemark></Document></kml>";
  private static final String ARTICLE =
      "date 2024-03-05\nShelling near Idlib\n\nOn Monday, shelling hit Saraqib, 20 km east of"
          + " Idlib, killing three people.";
  private static final String[] TOKENS = {
    "{",
    "}",
    "[",
    "]",
    ",",
    ":",
    "\"",
    "null",
    "-1e999",
    "1e308",
    "NaN",
    "\u0000",
    "\uD800",
    "\"coordinates\":",
    "\"type\":\"Polygon\"",
    "\"type\":\"GeometryCollection\",\"geometries\":[",
    "\"valid_from\":\"2024-02-30\"",
    "<Polygon>",
    "</Polygon>",
    "<MultiGeometry>",
    "<!DOCTYPE x [",
    "<!ENTITY a \"aaaa\">",
    "&a;",
    "<?xml version=\"1.0\" encoding=\"x-bogus\"?>",
    "]]>",
    "<![CDATA[",
    "180.0000001,90",
    "-0,-0",
    "date 9999-99-99\n",
    "\n\n",
    "\r",
    "١٢",
    "\u202E",
    "\uFEFF",
    "0x1p3",
    "1e-400",
    "<coordinates>",
    "</coordinates>",
    " ",
    "\t"
  };

  private FuzzBench() {}

  static void run(String[] args) {
    long tries = 1_000_000;
    long seed = System.nanoTime();
    for (int i = 0; i < args.length - 1; i++) {
      if (args[i].equals("--tries")) {
        tries = Long.parseLong(args[i + 1]);
      } else if (args[i].equals("--seed")) {
        seed = Long.parseLong(args[i + 1]);
      }
    }
    Parsers parsers = parsers();
    SplittableRandom rnd = new SplittableRandom(seed);
    long start = System.nanoTime();
    while (parsers.tried() < tries) {
      parsers.attemptOne(rnd);
    }
    parsers.attemptDeep();
    double s = (System.nanoTime() - start) / 1e9;
    long done = parsers.tried();
    System.out.printf("fuzz seed %d: %,d inputs in %.1f s (%.0f/s)%n", seed, done, s, done / s);
    parsers.print();
    System.out.println("crashes (would be 5xx): " + parsers.crashes());
  }

  /** The three parsers as fuzz targets, tried in turn. */
  static Parsers parsers() {
    Map<String, Target> targets = new LinkedHashMap<>();
    targets.put(
        "geojson",
        new Target(
            GEOJSON, b -> ZoneImport.plan(b, ZoneImport.Format.GEOJSON, Optional.empty(), JSON)));
    targets.put(
        "kml",
        new Target(KML, b -> ZoneImport.plan(b, ZoneImport.Format.KML, Optional.empty(), JSON)));
    targets.put(
        "article",
        new Target(ARTICLE, b -> ArticleText.parse(new String(b, StandardCharsets.UTF_8), null)));
    return new Parsers(targets);
  }

  /** A mutation of a seed input: "geojson" (a collection), "feature", "kml" or "article". */
  static byte[] mutatedInput(String target, SplittableRandom rnd) {
    String seed =
        switch (target) {
          case "kml" -> KML;
          case "article" -> ARTICLE;
          case "feature" -> FEATURE;
          default -> GEOJSON;
        };
    return mutate(seed.getBytes(StandardCharsets.UTF_8), rnd);
  }

  /** Inputs tried, refusals and crashes per parser. */
  static final class Parsers {
    private final Map<String, Target> targets;
    private final List<Target> order;
    private int next;

    Parsers(Map<String, Target> targets) {
      this.targets = targets;
      this.order = new ArrayList<>(targets.values());
    }

    void attemptOne(SplittableRandom rnd) {
      Target t = order.get(next);
      next = (next + 1) % order.size();
      t.attempt(mutate(t.seed, rnd));
    }

    /** 15,000-deep nesting, for the parsers' recursion. */
    void attemptDeep() {
      for (var e : targets.entrySet()) {
        e.getValue().attempt(deep(e.getKey().equals("kml"), 15_000));
      }
    }

    long tried() {
      return targets.values().stream().mapToLong(t -> t.tried).sum();
    }

    long crashes() {
      return targets.values().stream().mapToLong(t -> t.crashes).sum();
    }

    void print() {
      System.out.printf("%-8s %10s %10s %8s%n", "parser", "inputs", "refused", "crashes");
      for (var e : targets.entrySet()) {
        Target t = e.getValue();
        System.out.printf("%-8s %,10d %,10d %8d%n", e.getKey(), t.tried, t.refused, t.crashes);
        for (String c : t.examples) {
          System.out.println("  crash: " + c);
        }
      }
    }
  }

  private static byte[] deep(boolean kml, int depth) {
    String open = kml ? "<MultiGeometry>" : "{\"type\":\"GeometryCollection\",\"geometries\":[";
    String close = kml ? "</MultiGeometry>" : "]}";
    StringBuilder b = new StringBuilder();
    if (kml) {
      b.append("<kml><Placemark>");
    }
    b.append(open.repeat(depth)).append(close.repeat(depth));
    if (kml) {
      b.append("</Placemark></kml>");
    }
    return b.toString().getBytes(StandardCharsets.UTF_8);
  }

  private static byte[] mutate(byte[] seed, SplittableRandom rnd) {
    byte[] b = seed;
    int n = 1 + rnd.nextInt(4);
    for (int k = 0; k < n; k++) {
      int len = b.length;
      int at = len == 0 ? 0 : rnd.nextInt(len);
      switch (rnd.nextInt(6)) {
        case 0 -> {
          if (len > 0) {
            b = b.clone();
            b[at] = (byte) rnd.nextInt(256);
          }
        }
        case 1 -> {
          int cut = Math.min(len - at, rnd.nextInt(16));
          b = concat(slice(b, 0, at), slice(b, at + cut, len));
        }
        case 2 -> {
          byte[] t = TOKENS[rnd.nextInt(TOKENS.length)].getBytes(StandardCharsets.UTF_8);
          b = concat(concat(slice(b, 0, at), t), slice(b, at, len));
        }
        case 3 -> {
          int l = Math.min(len - at, rnd.nextInt(40));
          byte[] chunk = slice(b, at, at + l);
          b = concat(concat(slice(b, 0, at), chunk), slice(b, at, len));
        }
        case 4 -> {
          b = slice(b, 0, at);
        }
        default -> {
          StringBuilder digits = new StringBuilder();
          for (int i = rnd.nextInt(12); i >= 0; i--) {
            digits.append((char) ('0' + rnd.nextInt(10)));
          }
          String t = (rnd.nextBoolean() ? "-" : "") + digits;
          b =
              concat(
                  concat(slice(b, 0, at), t.getBytes(StandardCharsets.US_ASCII)),
                  slice(b, at, len));
        }
      }
    }
    return b;
  }

  private static byte[] slice(byte[] b, int from, int to) {
    byte[] out = new byte[Math.max(0, to - from)];
    System.arraycopy(b, from, out, 0, out.length);
    return out;
  }

  private static byte[] concat(byte[] a, byte[] c) {
    byte[] out = new byte[a.length + c.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(c, 0, out, a.length, c.length);
    return out;
  }

  private static final class Target {
    final byte[] seed;
    final Consumer<byte[]> parse;
    long tried;
    long refused;
    long crashes;
    final List<String> examples = new ArrayList<>();

    Target(String seed, Consumer<byte[]> parse) {
      this.seed = seed.getBytes(StandardCharsets.UTF_8);
      this.parse = parse;
    }

    void attempt(byte[] input) {
      tried++;
      try {
        parse.accept(input);
      } catch (InputException e) {
        refused++;
      } catch (Throwable e) {
        crashes++;
        if (examples.size() < 5) {
          String in = new String(input, StandardCharsets.UTF_8);
          examples.add(
              e.getClass().getSimpleName()
                  + ": "
                  + String.valueOf(e.getMessage()).lines().findFirst().orElse("")
                  + " <- "
                  + (in.length() > 160 ? in.substring(0, 160) + "..." : in).replace("\n", "\\n"));
        }
      }
    }
  }
}
