package org.conflictmap.http;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;

/**
 * Values for fuzzing query parameters: the edge cases parsers get wrong (NaN, Infinity, hex floats,
 * huge and tiny numbers, other scripts' digits, empty, {@code %00}, very long), values shaped like
 * each parameter's own grammar, and arbitrary Unicode.
 */
final class FuzzValues {
  private FuzzValues() {}

  static final String[] NUMBERS = {
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
    "-90.5",
    "18",
    "19",
    "7.5",
    "NaN",
    "-NaN",
    "Infinity",
    "-Infinity",
    "+Infinity",
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
    "2147483647",
    "2147483648",
    "-2147483649",
    "9223372036854775807",
    "9223372036854775808",
    "9".repeat(400),
    "0." + "0".repeat(300) + "1",
    " 1",
    "1 ",
    "1_0",
    "0b1",
    "017",
    ""
  };

  static final String[] EDGE = {
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
    "\uD800",
    "\uDFFF",
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
    "<img src=x onerror=1>",
    "' OR 1=1--",
    "null",
    "true",
    "[]",
    "{}",
    "💥",
    "ǅ",
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
    "２０１９-08-01",
    "2019-08-01/2019-08-31/2019-09-01",
    "Battles",
    "battles,PROTESTS",
    "Battles,,Riots,",
    "Unclassified",
    "Explosions/Remote violence",
    "countries,zones,events",
    "roads",
    "json",
    "xml",
    "geojson",
    "kml",
    "day",
    "week",
    "month",
    "DAY",
    "true",
    "false",
    "Idlib",
    "Aleppo",
    "Москва",
    "دمشق",
    "1,2,3,4,",
    "1,2,3,4",
    "-180,-90,180,90",
    "30,30,40,40",
    "36,35",
    "-181,0,0,0",
    "0,0,0,0",
    "NaN,NaN,NaN,NaN",
    "1e999,0,1,1",
    "0x1p3,0,1,1",
    "١,٢,٣,٤"
  };

  /** Already percent-encoded (or raw) pieces a URI class would refuse to build. */
  static final String[] RAW = {
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
    "%2C%2C",
    "é",
    "ü%00",
    "%0D%0A",
    "%3B",
    ";",
    "%26",
    "%3D"
  };

  static String enc(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  /** A decoded value: edge cases, number lists, shaped strings or any Unicode. */
  static Arbitrary<String> decoded() {
    Arbitrary<String> numberList =
        Arbitraries.of(NUMBERS).list().ofMinSize(1).ofMaxSize(5).map(l -> String.join(",", l));
    Arbitrary<String> numberish =
        Arbitraries.strings().withChars("0123456789,.-+eExXpP/ ").ofMaxLength(30);
    return Arbitraries.frequencyOf(
        Tuple.of(4, Arbitraries.of(EDGE)),
        Tuple.of(4, numberList),
        Tuple.of(2, numberish),
        Tuple.of(2, Arbitraries.strings().all().ofMaxLength(40)),
        Tuple.of(1, Arbitraries.strings().ascii().ofMinLength(2000).ofMaxLength(20_000)));
  }

  /** A value as it goes on the wire: mostly percent-encoded, sometimes with raw pieces. */
  static Arbitrary<String> wire(Arbitrary<String> decoded) {
    return Arbitraries.frequencyOf(
        Tuple.of(8, decoded.map(FuzzValues::enc)),
        Tuple.of(
            2,
            Combinators.combine(decoded, Arbitraries.of(RAW), Arbitraries.integers().between(0, 2))
                .as(
                    (d, raw, where) ->
                        where == 0 ? raw + enc(d) : where == 1 ? enc(d) + raw : raw)));
  }

  /** One query: names mostly from {@code names}, sometimes repeated, unknown or without '='. */
  static Arbitrary<String> query(List<String> names, Map<String, Arbitrary<String>> typical) {
    Arbitrary<String> name =
        Arbitraries.frequencyOf(
            Tuple.of(17, names.isEmpty() ? Arbitraries.of("bbox") : Arbitraries.of(names)),
            Tuple.of(2, Arbitraries.of("bbox", "limit", "q", "x", "BBOX", "bbox[]", "")),
            Tuple.of(1, Arbitraries.strings().all().ofMaxLength(8)));
    Arbitrary<String> pair =
        name.flatMap(
            n -> {
              Arbitrary<String> value =
                  typical.containsKey(n)
                      ? Arbitraries.frequencyOf(
                          Tuple.of(3, typical.get(n).map(FuzzValues::enc)),
                          Tuple.of(2, wire(decoded())))
                      : wire(decoded());
              return Arbitraries.frequencyOf(
                  Tuple.of(19, value.map(v -> enc(n) + "=" + v)),
                  Tuple.of(1, Arbitraries.just(enc(n))));
            });
    return pair.list().ofMinSize(0).ofMaxSize(4).map(l -> String.join("&", l));
  }
}
