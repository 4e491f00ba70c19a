package org.conflictmap.imports;

/**
 * Why a row of an imported file was refused.
 *
 * @param row the data row (1 the first row after a CSV header, the first feature or Placemark); 0
 *     for the file as a whole (its header, its encoding)
 * @param column the column (or property) at fault, or null when it is the row as a whole
 * @param reason what is wrong, in words a person can act on
 */
public record RowProblem(int row, String column, String reason) {}
