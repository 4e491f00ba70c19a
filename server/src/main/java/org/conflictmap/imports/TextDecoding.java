package org.conflictmap.imports;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Opens a text file as characters: UTF-8, or UTF-16 when a byte-order mark says so; the mark is
 * dropped. Bytes that are not UTF-8 (a Latin-1 or Windows-1252 file) are not guessed at: reading
 * them throws {@link java.nio.charset.MalformedInputException}, which the reader reports with the
 * row it reached.
 */
final class TextDecoding {
  private TextDecoding() {}

  static Reader open(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, 1 << 16);
    in.mark(4);
    int b0 = in.read();
    int b1 = in.read();
    int b2 = in.read();
    in.reset();
    Charset cs = StandardCharsets.UTF_8;
    int skip = 0;
    if (b0 == 0xEF && b1 == 0xBB && b2 == 0xBF) {
      skip = 3;
    } else if (b0 == 0xFE && b1 == 0xFF) {
      cs = StandardCharsets.UTF_16BE;
      skip = 2;
    } else if (b0 == 0xFF && b1 == 0xFE) {
      cs = StandardCharsets.UTF_16LE;
      skip = 2;
    } else if (b0 == 0 && b1 > 0) {
      cs = StandardCharsets.UTF_16BE; // UTF-16 without a mark: ASCII text has every other byte 0
    } else if (b0 > 0 && b1 == 0) {
      cs = StandardCharsets.UTF_16LE;
    }
    in.skipNBytes(skip);
    CharsetDecoder decoder =
        cs.newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    return new InputStreamReader(in, decoder);
  }

  /** What to tell a person whose file is not UTF-8. */
  static String notUtf8() {
    return "the file is not UTF-8 text (Latin-1 or Windows-1252?): save it as UTF-8 (with or"
        + " without a byte-order mark) or UTF-16 with a byte-order mark, and import it again";
  }
}
