package org.conflictmap.eval;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;
import org.conflictmap.problem.InputException;

/**
 * Reads an annotated corpus (LGL, GeoWebNews or WikToR-style news XML) and checks every record
 * against its article: a record whose offsets do not cover its name is moved to the nearest
 * occurrence of the name, or dropped if there is none, each with a warning, so that no figure is
 * computed on misplaced spans.
 */
public final class CorpusReader {
  /** How far from the stated offset a misplaced name is looked for, in characters. */
  static final int REALIGN_WINDOW = 200;

  private final boolean oneBased;
  private final List<String> warnings = new ArrayList<>();
  private CorpusFormat format;
  private int realigned;
  private int dropped;

  private CorpusReader(CorpusFormat requested, boolean oneBased) {
    this.oneBased = oneBased;
    this.format = requested;
  }

  /**
   * Reads a corpus file.
   *
   * @param format the format, or null to recognise it from the records
   * @param oneBased the offsets count from 1 (both start and end move down by one)
   * @throws InputException if the file is missing, is not well-formed XML, or holds no toponyms
   */
  public static Corpus read(Path file, CorpusFormat format, boolean oneBased) {
    try (InputStream in = Files.newInputStream(file)) {
      return read(file.getFileName().toString(), in, format, oneBased);
    } catch (NoSuchFileException e) {
      throw new InputException(InputException.Kind.NOT_FOUND, "no such corpus", file.toString());
    } catch (IOException e) {
      throw new InputException(
          InputException.Kind.MALFORMED, "cannot read the corpus", file + ": " + e.getMessage());
    }
  }

  public static Corpus read(String name, InputStream in, CorpusFormat format, boolean oneBased) {
    return new CorpusReader(format, oneBased).parse(name, in);
  }

  private Corpus parse(String name, InputStream in) {
    List<GoldArticle> articles = new ArrayList<>();
    XMLInputFactory factory = XMLInputFactory.newFactory();
    // a corpus is data: no DTDs, no external entities
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    try {
      XMLStreamReader x = factory.createXMLStreamReader(in);
      String articleId = null;
      String text = null;
      List<Map<String, String>> records = new ArrayList<>();
      Map<String, String> record = null;
      int articleNo = 0;
      StringBuilder chars = new StringBuilder();
      while (x.hasNext()) {
        int event = x.next();
        if (event == XMLStreamConstants.START_ELEMENT) {
          String el = x.getLocalName();
          chars.setLength(0);
          switch (el) {
            case "article" -> {
              articleNo++;
              articleId =
                  firstNonNull(
                      x.getAttributeValue(null, "docid"), x.getAttributeValue(null, "file"));
              if (articleId == null) {
                articleId = "#" + articleNo;
              }
              text = null;
              records = new ArrayList<>();
            }
            case "toponym", "location" -> {
              record = new HashMap<>();
              record.put("@element", el);
            }
            case "gaztag" -> {
              if (record != null) {
                record.put("@gaztag", "yes");
                String id = x.getAttributeValue(null, "geonameid");
                if (id != null) {
                  record.put("@geonameid", id);
                }
              }
            }
            default -> {}
          }
        } else if (event == XMLStreamConstants.CHARACTERS
            || event == XMLStreamConstants.CDATA
            || event == XMLStreamConstants.SPACE) {
          chars.append(x.getText());
        } else if (event == XMLStreamConstants.END_ELEMENT) {
          String el = x.getLocalName();
          if (el.equals("toponym") || el.equals("location")) {
            if (record != null) {
              records.add(record);
            }
            record = null;
          } else if (el.equals("text") && record == null) {
            text = chars.toString();
          } else if (el.equals("article")) {
            articles.add(article(articleId, text, records));
          } else if (record != null && !record.containsKey(el)) {
            // the first element of a name wins: LGL's gaztag <name> comes after its <phrase>
            record.put(el, chars.toString().trim());
          }
          chars.setLength(0);
        }
      }
    } catch (XMLStreamException e) {
      String where =
          e.getLocation() == null
              ? ""
              : " (line "
                  + e.getLocation().getLineNumber()
                  + ", column "
                  + e.getLocation().getColumnNumber()
                  + ")";
      throw new InputException(
          InputException.Kind.MALFORMED,
          "malformed corpus XML",
          name + where + ": " + firstLine(e.getMessage()));
    }
    Corpus corpus =
        new Corpus(
            name,
            format == null ? CorpusFormat.LGL : format,
            articles,
            warnings,
            realigned,
            dropped);
    if (corpus.articles().isEmpty() || corpus.toponymCount() == 0) {
      throw new InputException(
          InputException.Kind.UNPROCESSABLE,
          "empty corpus",
          name
              + " has "
              + corpus.articles().size()
              + " articles and no usable toponyms"
              + (dropped > 0 ? " (" + dropped + " records dropped)" : ""));
    }
    return corpus;
  }

  private GoldArticle article(String id, String text, List<Map<String, String>> records) {
    if (format == null && !records.isEmpty()) {
      format = detect(records.get(0));
    }
    List<GoldToponym> gold = new ArrayList<>(records.size());
    if (text == null) {
      if (!records.isEmpty()) {
        warn(id, "article has no <text>; its " + records.size() + " records are dropped");
        dropped += records.size();
      }
      return new GoldArticle(id, "", gold);
    }
    for (Map<String, String> r : records) {
      GoldToponym t = toponym(id, text, r);
      if (t != null) {
        gold.add(t);
      }
    }
    return new GoldArticle(id, text, gold);
  }

  private static CorpusFormat detect(Map<String, String> record) {
    if (record.get("@element").equals("location")) {
      return CorpusFormat.WIKINEWS;
    }
    return record.containsKey("extractedName") ? CorpusFormat.GWN : CorpusFormat.LGL;
  }

  /** One gold toponym from a record, or null (with a warning) if it is not a usable toponym. */
  private GoldToponym toponym(String article, String text, Map<String, String> r) {
    CorpusFormat f = format == null ? CorpusFormat.LGL : format;
    if (f == CorpusFormat.GWN
        && CorpusFormat.GWN_NOT_TOPONYMS.contains(r.getOrDefault("type", ""))) {
      return null;
    }
    String name =
        switch (f) {
          case LGL -> r.get("phrase");
          case GWN -> r.get("extractedName");
          case WIKINEWS -> r.get("name");
        };
    Integer start = integer(r.get("start"));
    Integer end = integer(r.get("end"));
    String label =
        "'" + (name == null ? "?" : name) + "' at " + r.get("start") + "-" + r.get("end");
    if (start == null || end == null) {
      warn(article, label + ": start and end must be whole numbers; record dropped");
      dropped++;
      return null;
    }
    if (oneBased) {
      start--;
      end--;
    }
    int[] span = place(text, start, end, name);
    if (span == null) {
      warn(
          article,
          label
              + (name == null || name.isBlank()
                  ? ": offsets outside the text or no name; record dropped"
                  : ": the text there is not the name and the name is not nearby; record dropped"));
      dropped++;
      return null;
    }
    if (span[0] != start || span[1] != end) {
      warn(
          article, label + ": offsets did not match the name; moved to " + span[0] + "-" + span[1]);
      realigned++;
    }
    String rawLat = first(r, "lat", "latitude");
    String rawLon = first(r, "lon", "longitude");
    double lat = coordinate(rawLat, 90);
    double lon = coordinate(rawLon, 180);
    if (Double.isNaN(lat) && rawLat != null && !rawLat.isBlank()
        || Double.isNaN(lon) && rawLon != null && !rawLon.isBlank()) {
      warn(article, label + ": coordinates " + rawLat + ", " + rawLon + " are not usable");
    }
    if (Double.isNaN(lat) != Double.isNaN(lon)) {
      warn(article, label + ": only one of latitude and longitude is usable; no coordinates");
      lat = Double.NaN;
      lon = Double.NaN;
    }
    Long id = longOrNull(f == CorpusFormat.LGL ? r.get("@geonameid") : r.get("geonamesID"));
    return new GoldToponym(span[0], span[1], text.substring(span[0], span[1]), lat, lon, id);
  }

  /**
   * Where the name really is: the stated span if it holds the name (or there is no name to check),
   * else the occurrence of the name nearest to the stated start, within {@link #REALIGN_WINDOW}.
   */
  static int[] place(String text, int start, int end, String name) {
    boolean inside = 0 <= start && start < end && end <= text.length();
    if (name == null || name.isBlank()) {
      return inside ? new int[] {start, end} : null;
    }
    if (inside && sameName(text.substring(start, end), name)) {
      return new int[] {start, end};
    }
    String needle = name.strip();
    int best = -1;
    int from = Math.max(0, start - REALIGN_WINDOW);
    int to = Math.min(text.length(), start + REALIGN_WINDOW + needle.length());
    for (int i = text.indexOf(needle, from);
        i >= 0 && i + needle.length() <= to;
        i = text.indexOf(needle, i + 1)) {
      if (best < 0 || Math.abs(i - start) < Math.abs(best - start)) {
        best = i;
      }
    }
    return best < 0 ? null : new int[] {best, best + needle.length()};
  }

  /** Equal but for runs of white space, which annotators and XML tools collapse. */
  private static boolean sameName(String inText, String name) {
    return inText.equals(name)
        || inText.strip().replaceAll("\\s+", " ").equals(name.strip().replaceAll("\\s+", " "));
  }

  private void warn(String article, String message) {
    warnings.add("article " + article + ": " + message);
  }

  private static String first(Map<String, String> r, String a, String b) {
    return r.containsKey(a) ? r.get(a) : r.get(b);
  }

  private static String firstNonNull(String a, String b) {
    return a != null ? a : b;
  }

  private static Integer integer(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return Integer.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static Long longOrNull(String s) {
    if (s == null || s.isBlank()) {
      return null;
    }
    try {
      return Long.valueOf(s.strip());
    } catch (NumberFormatException e) {
      return null;
    }
  }

  private static double coordinate(String s, double limit) {
    if (s == null || s.isBlank()) {
      return Double.NaN;
    }
    try {
      double v = Double.parseDouble(s.strip());
      return Double.isFinite(v) && Math.abs(v) <= limit ? v : Double.NaN;
    } catch (NumberFormatException e) {
      return Double.NaN;
    }
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "not well-formed";
    }
    int nl = s.indexOf('\n');
    String line = nl >= 0 ? s.substring(nl + 1).strip() : s.strip();
    return line.isEmpty() ? s.strip() : line;
  }
}
