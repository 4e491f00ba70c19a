package org.conflictmap.geoparse;

/** A sentence of a text: its character span (end exclusive) and its text. */
public record Sentence(int start, int end, String text) {
  public boolean contains(int offset) {
    return offset >= start && offset < end;
  }
}
