package org.conflictmap.imports;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.IntConsumer;
import org.conflictmap.problem.InputException;
import org.conflictmap.store.EventImportStore;

/**
 * Imports a file of events, all or nothing: the file is parsed as it streams, its rows are written
 * in chunks through {@link EventImportStore} in one transaction, and if any row is refused the
 * transaction is rolled back and the answer lists every refused row (row, column, reason). A row is
 * identified by ACLED's {@code event_id_cnty}, else by a fingerprint of its fields: a row whose id
 * is already stored is skipped (importing a file twice stores it once), and two rows of one file
 * with the same id are refused.
 */
public final class EventImport {
  /** Rows written at a time inside the import's transaction. */
  static final int CHUNK = 2000;

  /** Refused rows listed in full; past this they are only counted. */
  public static final int MAX_LISTED = 200;

  /**
   * What an import did.
   *
   * @param rows the data rows read
   * @param added the events stored
   * @param known rows whose event was already stored, skipped
   */
  public record Summary(int rows, int added, int known) {}

  private EventImport() {}

  /**
   * Imports {@code in} into {@code store}; {@code progress} hears the number of rows read so far.
   * Throws an {@link InputException} (422) listing the refused rows when any is refused, with
   * nothing stored.
   */
  public static Summary run(
      InputStream in,
      ImportFormat format,
      EventImportStore store,
      ObjectMapper json,
      IntConsumer progress) {
    return store.inOneTransaction(s -> drive(in, format, s, json, progress));
  }

  /** Parses and checks {@code in} without storing anything (a dry run, and the benchmark's). */
  public static Summary check(InputStream in, ImportFormat format, ObjectMapper json) {
    return drive(in, format, items -> 0, json, n -> {});
  }

  private static Summary drive(
      InputStream in,
      ImportFormat format,
      EventImportStore.Session session,
      ObjectMapper json,
      IntConsumer progress) {
    Collector c = new Collector(new RowMapper(json), session, progress);
    boolean whole;
    try {
      whole =
          switch (format) {
            case ACLED_CSV -> CsvRows.read(TextDecoding.open(in), RowMapper.REQUIRED, c);
            case GEOJSON -> GeoJsonRows.read(TextDecoding.open(in), json, c);
            case KML -> KmlRows.read(in, c);
          };
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (whole && c.rows == 0 && c.problemCount == 0) {
      c.problem(new RowProblem(0, null, "the file holds no events"));
    }
    c.flush();
    if (c.problemCount > 0) {
      throw refused(c, format);
    }
    return new Summary(c.rows, c.added, c.known);
  }

  private static InputException refused(Collector c, ImportFormat format) {
    List<Map<String, Object>> rows = new ArrayList<>();
    for (RowProblem p : c.problems) {
      Map<String, Object> m = new java.util.LinkedHashMap<>();
      m.put("row", p.row());
      if (p.column() != null) {
        m.put("column", p.column());
      }
      m.put("reason", p.reason());
      rows.add(m);
    }
    RowProblem first = c.problems.get(0);
    String detail =
        c.problemCount
            + (c.problemCount == 1 ? " fault" : " faults")
            + " in the "
            + format.name
            + " file, nothing was imported; the first: "
            + (first.row() == 0 ? "" : "row " + first.row() + ", ")
            + (first.column() == null ? "" : first.column() + " ")
            + first.reason();
    Map<String, Object> ext = new HashMap<>();
    ext.put("rows_read", c.rows);
    ext.put("refused", c.problemCount);
    ext.put("errors", rows);
    if (c.problemCount > c.problems.size()) {
      ext.put("errors_listed", c.problems.size());
    }
    return new InputException(InputException.Kind.UNPROCESSABLE, "Import refused", detail, ext);
  }

  /** Maps rows, refuses duplicates, and hands accepted rows to the store in chunks. */
  private static final class Collector implements RowSink {
    final RowMapper mapper;
    final EventImportStore.Session session;
    final IntConsumer progress;
    final List<RowProblem> problems = new ArrayList<>();
    final List<RowProblem> scratch = new ArrayList<>();
    final Map<String, Integer> rowOfId = new HashMap<>();
    final List<EventImportStore.Item> pending = new ArrayList<>(CHUNK);
    int rows;
    int added;
    int known;
    int problemCount;

    Collector(RowMapper mapper, EventImportStore.Session session, IntConsumer progress) {
      this.mapper = mapper;
      this.session = session;
      this.progress = progress;
    }

    @Override
    public void row(int row, Map<String, String> fields) {
      rows++;
      scratch.clear();
      Optional<EventImportStore.Item> item = mapper.map(row, fields, scratch);
      scratch.forEach(this::problem);
      if (item.isPresent()) {
        String id = item.get().externalId();
        Integer before = rowOfId.putIfAbsent(id, row);
        if (before != null) {
          problem(
              new RowProblem(
                  row,
                  fields.containsKey("event_id_cnty") ? "event_id_cnty" : null,
                  "the same event as row " + before + " (" + id + ")"));
        } else if (problemCount == 0) {
          // once a row is refused nothing will be kept: stop writing, go on checking
          pending.add(item.get());
          if (pending.size() >= CHUNK) {
            flush();
          }
        }
      }
      if ((rows & 1023) == 0) {
        progress.accept(rows);
      }
    }

    @Override
    public void problem(RowProblem p) {
      problemCount++;
      if (problems.size() < MAX_LISTED) {
        problems.add(p);
      }
    }

    void flush() {
      if (!pending.isEmpty() && problemCount == 0) {
        int n = session.write(pending);
        added += n;
        known += pending.size() - n;
      }
      pending.clear();
      progress.accept(rows);
    }
  }
}
