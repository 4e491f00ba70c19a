package org.conflictmap.imports;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.CharacterCodingException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads CSV (RFC 4180: commas, fields quoted with {@code "} may hold commas, quotes doubled and
 * line breaks; CRLF or LF line ends) one record at a time, the first record being the column names.
 * A record with another number of fields than the header, or a quote left open at the end, is
 * reported with its row; blank lines are skipped.
 */
final class CsvRows {
  private static final int MAX_FIELD = 1 << 20;

  private final Reader in;
  private final char[] buf = new char[1 << 16];
  private int pos;
  private int len;
  private int line = 1;

  private CsvRows(Reader in) {
    this.in = in;
  }

  /**
   * Reads every record into {@code sink}; returns false when the file could not be read to its end
   * (a problem says why).
   */
  static boolean read(Reader in, Set<String> required, RowSink sink) throws IOException {
    CsvRows csv = new CsvRows(in);
    List<String> header;
    try {
      header = csv.record();
    } catch (CharacterCodingException e) {
      sink.problem(new RowProblem(0, null, TextDecoding.notUtf8()));
      return false;
    }
    if (header == null) {
      sink.problem(
          new RowProblem(0, null, "the file is empty: the first line must name the columns"));
      return false;
    }
    if (!checkHeader(header, required, sink)) {
      return false;
    }
    int row = 0;
    while (true) {
      List<String> fields;
      try {
        fields = csv.record();
      } catch (CharacterCodingException e) {
        sink.problem(new RowProblem(row + 1, null, TextDecoding.notUtf8()));
        return false;
      } catch (Unterminated e) {
        sink.problem(new RowProblem(row + 1, null, e.getMessage()));
        return false;
      }
      if (fields == null) {
        return true;
      }
      if (fields.size() == 1 && fields.get(0).isEmpty()) {
        continue; // a blank line
      }
      row++;
      if (fields.size() != header.size()) {
        sink.problem(
            new RowProblem(
                row,
                null,
                "has "
                    + fields.size()
                    + " fields where the header names "
                    + header.size()
                    + " columns (an unquoted comma, or a quote not closed?)"));
        continue;
      }
      Map<String, String> values = new HashMap<>(header.size() * 2);
      for (int i = 0; i < header.size(); i++) {
        values.put(header.get(i), fields.get(i));
      }
      sink.row(row, values);
    }
  }

  private static boolean checkHeader(List<String> header, Set<String> required, RowSink sink) {
    boolean ok = true;
    Set<String> seen = new HashSet<>();
    for (String h : header) {
      if (!seen.add(h)) {
        sink.problem(new RowProblem(0, h, "the header names column '" + h + "' twice"));
        ok = false;
      }
    }
    if (header.size() == 1 && (header.get(0).contains(";") || header.get(0).contains("\t"))) {
      sink.problem(
          new RowProblem(
              0,
              null,
              "the header is one column: columns must be separated by commas, not semicolons or"
                  + " tabs"));
      return false;
    }
    for (String r : required) {
      if (!seen.contains(r)) {
        sink.problem(
            new RowProblem(
                0,
                r,
                "the header has no column '"
                    + r
                    + "': the first line must hold ACLED's column names (event_id_cnty,"
                    + " event_date, event_type, latitude, longitude, geo_precision, …)"));
        ok = false;
      }
    }
    return ok;
  }

  /** Thrown for a quote still open at the end of the file. */
  static final class Unterminated extends IOException {
    Unterminated(String message) {
      super(message);
    }
  }

  private int next() throws IOException {
    if (pos == len) {
      len = in.read(buf, 0, buf.length);
      pos = 0;
      if (len <= 0) {
        len = 0;
        return -1;
      }
    }
    return buf[pos++];
  }

  private int peek() throws IOException {
    int c = next();
    if (c >= 0) {
      pos--;
    }
    return c;
  }

  /** The next record's fields, or null at the end of the file. */
  private List<String> record() throws IOException {
    int c = next();
    if (c < 0) {
      return null;
    }
    List<String> fields = new ArrayList<>(48);
    StringBuilder f = new StringBuilder(32);
    int startLine = line;
    boolean quoted = false;
    boolean wasQuoted = false;
    while (true) {
      if (c < 0) {
        if (quoted) {
          throw new Unterminated("a quoted field opened on line " + startLine + " is never closed");
        }
        fields.add(f.toString());
        return fields;
      }
      if (quoted) {
        if (c == '"') {
          if (peek() == '"') {
            next();
            f.append('"');
          } else {
            quoted = false;
          }
        } else {
          if (c == '\n') {
            line++;
          }
          append(f, (char) c);
        }
      } else if (c == '"' && f.length() == 0 && !wasQuoted) {
        quoted = true;
        wasQuoted = true;
      } else if (c == ',') {
        fields.add(f.toString());
        f.setLength(0);
        wasQuoted = false;
      } else if (c == '\r' && peek() == '\n') {
        // CRLF: the LF ends the record
      } else if (c == '\n') {
        line++;
        fields.add(f.toString());
        return fields;
      } else {
        append(f, (char) c);
      }
      c = next();
    }
  }

  private static void append(StringBuilder f, char c) throws IOException {
    if (f.length() >= MAX_FIELD) {
      throw new Unterminated("a field is longer than " + MAX_FIELD + " characters");
    }
    f.append(c);
  }
}
