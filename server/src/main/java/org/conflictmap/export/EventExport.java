package org.conflictmap.export;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.conflictmap.events.Actor;
import org.conflictmap.events.Event;
import org.conflictmap.events.EventJson;
import org.conflictmap.events.EventQuery;
import org.conflictmap.store.EventStore;

/**
 * Writes the events a filter matches as CSV (ACLED's column names), GeoJSON or KML, page by page as
 * they are read from the store, so an export of any size holds one page in memory.
 */
public final class EventExport {
  /** Rows read from the store at a time. */
  public static final int PAGE = 1000;

  /**
   * ACLED's public export columns, in its order (the ACLED codebook, 2023), then the columns
   * conflictmap adds after them so an export keeps every field it stores.
   */
  public static final List<String> ACLED_COLUMNS =
      List.of(
          "event_id_cnty",
          "event_date",
          "year",
          "time_precision",
          "disorder_type",
          "event_type",
          "sub_event_type",
          "actor1",
          "assoc_actor_1",
          "inter1",
          "actor2",
          "assoc_actor_2",
          "inter2",
          "interaction",
          "civilian_targeting",
          "iso",
          "region",
          "country",
          "admin1",
          "admin2",
          "admin3",
          "location",
          "latitude",
          "longitude",
          "geo_precision",
          "source",
          "source_scale",
          "notes",
          "fatalities",
          "tags",
          "timestamp");

  /** conflictmap's own fields, after ACLED's. */
  public static final List<String> EXTRA_COLUMNS =
      List.of(
          "cm_id",
          "cm_country_code",
          "cm_place_key",
          "cm_place_id",
          "cm_precision",
          "cm_event_date_end",
          "cm_injuries",
          "cm_planned",
          "cm_source_url",
          "cm_sentence",
          "cm_actor_countries",
          "cm_type_confidence",
          "cm_sentence_start",
          "cm_sentence_end",
          "cm_sources",
          "cm_actors",
          "cm_place_confidence");

  /** ACLED's disorder type of each event type (its 2023 codebook). */
  private static final Map<String, String> DISORDER =
      Map.of(
          "Battles", "Political violence",
          "Explosions/Remote violence", "Political violence",
          "Violence against civilians", "Political violence",
          "Riots", "Political violence; Demonstrations",
          "Protests", "Demonstrations",
          "Strategic developments", "Strategic developments");

  public enum Format {
    CSV("text/csv; charset=utf-8", "csv"),
    GEOJSON("application/geo+json; charset=utf-8", "geojson"),
    KML("application/vnd.google-earth.kml+xml; charset=utf-8", "kml");

    public final String contentType;
    public final String extension;

    Format(String contentType, String extension) {
      this.contentType = contentType;
      this.extension = extension;
    }
  }

  private EventExport() {}

  /** Writes every event matching {@code q} (its limit ignored); returns how many. */
  public static long write(
      EventStore store, EventQuery q, Format format, Writer out, ObjectMapper json)
      throws IOException {
    try {
      switch (format) {
        case CSV -> {
          row(out, header());
          return store.forEachPage(q, PAGE, page -> each(page, e -> row(out, csv(e))));
        }
        case GEOJSON -> {
          out.write("{\"type\":\"FeatureCollection\",\"features\":[\n");
          boolean[] first = {true};
          long n =
              store.forEachPage(
                  q,
                  PAGE,
                  page ->
                      each(
                          page,
                          e -> {
                            if (!first[0]) {
                              out.write(",\n");
                            }
                            first[0] = false;
                            out.write(EventJson.toFeature(e, json).toString());
                          }));
          out.write("\n]}\n");
          return n;
        }
        default -> {
          out.write(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
                  + "<kml xmlns=\"http://www.opengis.net/kml/2.2\"><Document>"
                  + "<name>conflictmap events</name>\n");
          long n = store.forEachPage(q, PAGE, page -> each(page, e -> out.write(kml(e))));
          out.write("</Document></kml>\n");
          return n;
        }
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private interface IoConsumer {
    void accept(Event e) throws IOException;
  }

  private static void each(List<Event> page, IoConsumer c) {
    try {
      for (Event e : page) {
        c.accept(e);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public static List<String> header() {
    return java.util.stream.Stream.concat(ACLED_COLUMNS.stream(), EXTRA_COLUMNS.stream()).toList();
  }

  /** One event as a CSV row, in {@link #header()}'s order. */
  public static List<String> csv(Event e) {
    List<Actor> actors = e.actors();
    String[] v = new String[ACLED_COLUMNS.size() + EXTRA_COLUMNS.size()];
    int i = 0;
    String cc = e.countryCode() == null ? "" : e.countryCode();
    v[i++] = e.eventIdCnty();
    v[i++] = e.eventDate().toString();
    v[i++] = Integer.toString(e.eventDate().getYear());
    v[i++] = Integer.toString(e.timePrecision());
    v[i++] = DISORDER.getOrDefault(e.eventType(), "");
    v[i++] = nz(e.eventType());
    v[i++] = nz(e.subEventType());
    v[i++] = actors.size() > 0 ? actors.get(0).name() : "";
    v[i++] = ""; // assoc_actor_1
    v[i++] = ""; // inter1
    v[i++] = actors.size() > 1 ? actors.get(1).name() : "";
    v[i++] =
        actors.size() > 2
            ? actors.subList(2, actors.size()).stream()
                .map(Actor::name)
                .collect(Collectors.joining("; "))
            : ""; // assoc_actor_2: the actors past the first two
    v[i++] = ""; // inter2
    v[i++] = ""; // interaction
    v[i++] = ""; // civilian_targeting
    v[i++] = ""; // iso (numeric)
    v[i++] = ""; // region
    v[i++] = cc.isEmpty() ? "" : new Locale("", cc).getDisplayCountry(Locale.ENGLISH);
    v[i++] = ""; // admin1
    v[i++] = ""; // admin2
    v[i++] = ""; // admin3
    v[i++] = nz(e.placeName());
    v[i++] = Double.toString(e.lat());
    v[i++] = Double.toString(e.lon());
    v[i++] = Integer.toString(e.geoPrecision());
    v[i++] = nz(e.articleTitle()); // source
    v[i++] = ""; // source_scale
    v[i++] = nz(e.notes());
    v[i++] = e.fatalities() == null ? "" : e.fatalities().toString();
    v[i++] = ""; // tags
    v[i++] = ""; // timestamp (ACLED's upload time; conflictmap keeps none per event)
    v[i++] = Long.toString(e.id());
    v[i++] = cc;
    v[i++] = nz(e.placeKey());
    v[i++] = e.placeId() == null ? "" : e.placeId().toString();
    v[i++] = nz(e.precision());
    v[i++] = e.eventDateEnd() == null ? "" : e.eventDateEnd().toString();
    v[i++] = e.injuries() == null ? "" : e.injuries().toString();
    v[i++] = Boolean.toString(e.planned());
    v[i++] = nz(e.sourceUrl());
    v[i++] = nz(e.sentence());
    v[i++] =
        actors.stream()
            .map(a -> a.countryCode() == null ? "" : a.countryCode())
            .collect(Collectors.joining("; "));
    v[i++] = e.typeConfidence() == null ? "" : e.typeConfidence().toString();
    v[i++] = Integer.toString(e.sentenceStart());
    v[i++] = Integer.toString(e.sentenceEnd());
    v[i++] = e.sources().size() > 1 ? sources(e) : ""; // one source: source, cm_source_url, …
    // "; " joins the actors above: a name holding it needs the list spelled out
    v[i++] = actors.stream().anyMatch(a -> a.name().contains("; ")) ? actorsJson(actors) : "";
    v[i++] = e.placeConfidence() == null ? "" : e.placeConfidence().toString();
    return List.of(v);
  }

  private static String actorsJson(List<Actor> actors) {
    com.fasterxml.jackson.databind.node.ArrayNode a =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    actors.forEach(x -> a.addObject().put("name", x.name()).put("country_code", x.countryCode()));
    return a.toString();
  }

  /** Every source of the event as a JSON array, with the GeoJSON export's names. */
  private static String sources(Event e) {
    com.fasterxml.jackson.databind.node.ArrayNode a =
        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
    for (org.conflictmap.events.EventSource s : e.sources()) {
      a.addObject()
          .put("article_title", s.articleTitle())
          .put("source_url", s.sourceUrl())
          .put("sentence", s.sentence())
          .put("sentence_start", s.sentenceStart())
          .put("sentence_end", s.sentenceEnd())
          .put("fatalities", s.fatalities())
          .put("injuries", s.injuries());
    }
    return a.toString();
  }

  private static String nz(String s) {
    return s == null ? "" : s;
  }

  /** RFC 4180: every field quoted when it holds a comma, quote or line break; CRLF line ends. */
  static void row(Writer out, List<String> fields) {
    try {
      for (int i = 0; i < fields.size(); i++) {
        if (i > 0) {
          out.write(',');
        }
        out.write(csvField(fields.get(i)));
      }
      out.write("\r\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static String csvField(String s) {
    // a leading = + - @ would run as a formula when the file is opened in a spreadsheet
    String safe =
        !s.isEmpty() && "=+-@".indexOf(s.charAt(0)) >= 0 && !looksNumeric(s) ? "'" + s : s;
    if (safe.indexOf(',') >= 0
        || safe.indexOf('"') >= 0
        || safe.indexOf('\n') >= 0
        || safe.indexOf('\r') >= 0) {
      return "\"" + safe.replace("\"", "\"\"") + "\"";
    }
    return safe;
  }

  private static boolean looksNumeric(String s) {
    return s.matches("[-+]?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");
  }

  private static String kml(Event e) {
    StringBuilder b = new StringBuilder(512);
    b.append("<Placemark id=\"event-").append(e.id()).append("\"><name>");
    b.append(xml(e.eventType() + " – " + nz(e.placeName()) + " – " + e.eventDate()));
    b.append("</name><description>").append(xml(nz(e.notes()))).append("</description>");
    b.append("<TimeStamp><when>").append(e.eventDate()).append("</when></TimeStamp>");
    b.append("<ExtendedData>");
    List<String> header = header();
    List<String> values = csv(e);
    for (int i = 0; i < header.size(); i++) {
      if (!values.get(i).isEmpty()) {
        b.append("<Data name=\"")
            .append(header.get(i))
            .append("\"><value>")
            .append(xml(values.get(i)))
            .append("</value></Data>");
      }
    }
    b.append("</ExtendedData><Point><coordinates>")
        .append(e.lon())
        .append(',')
        .append(e.lat())
        .append("</coordinates></Point></Placemark>\n");
    return b.toString();
  }

  /** XML text: escapes markup and drops characters XML 1.0 cannot hold. */
  static String xml(String s) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      switch (c) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&apos;");
        // a raw CR would come back from any XML parser as LF (XML 1.0, 2.11): keep it as a
        // reference
        case '\r' -> b.append("&#13;");
        default -> {
          if (c >= 0x20 || c == '\t' || c == '\n') {
            b.append(c);
          }
        }
      }
    }
    return b.toString();
  }
}
