package org.conflictmap.events;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The streamed FeatureCollection is byte for byte the one the tree made. */
class EventJsonStreamTest {
  private static final ObjectMapper M = new ObjectMapper();

  /** Every field set, non-ASCII and characters JSON escapes included. */
  static Event full() {
    return new Event(
        41,
        7,
        "Shelling \"near\" Kharkiv — Харків",
        "https://example.org/a?b=1&c=<2>",
        LocalDate.of(2022, 5, 1),
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        1,
        2,
        3,
        "notes\nwith a line break\tand a tab \u0001",
        "geonames:706483",
        706483L,
        "Kharkiv",
        "UA",
        "town",
        49.98081,
        36.25272,
        "Shelling hit Kharkiv on 1 May 2022, killing three people.",
        10,
        67,
        LocalDate.of(2022, 5, 3),
        5,
        true,
        List.of(new Actor("Russian forces", "RU"), new Actor("Civilians (Ukraine)", null)),
        0.8125,
        0.6,
        List.of(
            new EventSource(7, "First", "https://example.org/a", "s1", 0, 2, 3, null),
            new EventSource(8, null, null, "s2 é", 4, 9, null, 1)),
        2,
        List.of("fatalities", "place"),
        null);
  }

  /** Every field that may be null left null, no lists. */
  static Event sparse() {
    return new Event(
        42,
        9,
        null,
        null,
        LocalDate.of(2019, 12, 31),
        "Protests",
        "Peaceful protest",
        3,
        1,
        null,
        null,
        "adm1:SY.09",
        null,
        "Idlib Governorate",
        "SY",
        "region",
        -0.5,
        180.0,
        "",
        0,
        0,
        null,
        null,
        false,
        List.of(),
        null,
        null,
        List.of(),
        1,
        List.of(),
        null);
  }

  private static String streamed(
      List<Event> events, EventJsonStream.Matched matched, Optional<String> next)
      throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (JsonGenerator g = M.getFactory().createGenerator(out)) {
      EventJsonStream.write(g, events, matched, next);
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  /** What /api/events wrote before: the tree, edited as the route edited it, as a string. */
  private static String tree(List<Event> events, long matched, boolean exact, String next) {
    ObjectNode fc = EventJson.toFeatureCollection(events, matched, M);
    if (!exact) {
      fc.remove("numberMatched");
      fc.put("numberMatchedAtLeast", matched);
    }
    if (next != null) {
      fc.putArray("links")
          .addObject()
          .put("rel", "next")
          .put("type", "application/geo+json")
          .put("href", next);
    }
    return fc.toString();
  }

  @Test
  void theSameBytesAsTheTree() throws IOException {
    List<Event> events = List.of(full(), sparse(), full());
    assertThat(streamed(events, new EventJsonStream.Matched(3, true), Optional.empty()))
        .isEqualTo(tree(events, 3, true, null));
    assertThat(streamed(List.of(), new EventJsonStream.Matched(0, true), Optional.empty()))
        .isEqualTo(tree(List.of(), 0, true, null));
  }

  @Test
  void theSameBytesWithACappedCountAndANextLink() throws IOException {
    List<Event> events = List.of(sparse(), full());
    String next = "/api/events?bbox=1%2C2%2C3%2C4&limit=2&cursor=abc";
    assertThat(streamed(events, new EventJsonStream.Matched(10_000, false), Optional.of(next)))
        .isEqualTo(tree(events, 10_000, false, next));
    assertThat(streamed(events, new EventJsonStream.Matched(57, true), Optional.of(next)))
        .isEqualTo(tree(events, 57, true, next));
  }
}
