package org.conflictmap.imports;

import java.util.Map;

/** Where a file reader hands each row it reads, as column names and text values. */
interface RowSink {
  /** One row; {@code fields} maps column names (CSV names, see EventExport) to their text. */
  void row(int row, Map<String, String> fields);

  /** A fault of the file or of one row that the reader found before mapping it. */
  void problem(RowProblem problem);
}
