package org.conflictmap.gazetteer;

import java.io.BufferedOutputStream;
import java.io.ByteArrayInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.zip.CRC32;
import java.util.zip.CheckedInputStream;

/**
 * The built gazetteer as one binary file, so that a start reads arrays instead of parsing and
 * folding millions of names. Layout (big-endian): magic, format version, the 32-byte hash of the
 * source it was built from, the place columns as {@link PlaceTable} holds them, the demonyms, the
 * name index arrays, then a CRC-32 of everything before it. A file whose magic, version, source
 * hash or checksum does not match is not used: the caller rebuilds it from the source.
 *
 * <p>The file is streamed both ways, straight between the arrays and a small buffer: a full
 * GeoNames index is over a gigabyte, and reading it whole before copying it into arrays would need
 * twice the heap.
 */
final class GazetteerCache {
  private static final int MAGIC = 0x434D475A; // "CMGZ"

  /** Bump when the layout or anything the loader derives from a row changes. */
  static final int FORMAT = 3;

  private static final int HEADER = 8 + 32;

  private GazetteerCache() {}

  /** Why a cache file cannot be used; the message says what was wrong with it. */
  static final class Unusable extends Exception {
    Unusable(String message) {
      super(message);
    }
  }

  static void write(Gazetteer g, byte[] sourceHash, OutputStream target) throws IOException {
    CRC32 crc = new CRC32();
    DataOutputStream out =
        new DataOutputStream(
            new BufferedOutputStream(new java.util.zip.CheckedOutputStream(target, crc), 1 << 16));
    out.writeInt(MAGIC);
    out.writeInt(FORMAT);
    out.write(sourceHash);
    PlaceTable t = g.table();
    for (String[] table : new String[][] {t.countries, t.admin1s, t.classes, t.codes}) {
      writeStrings(out, table);
    }
    writeChars(out, t.names);
    writeInts(out, t.nameStart);
    for (char[] column : new char[][] {t.country, t.admin1, t.featureClass, t.featureCode}) {
      writeChars(out, column);
    }
    for (int[] column : new int[][] {t.geonameId, t.lat, t.lon, t.population}) {
      writeInts(out, column);
    }
    writeInts(out, t.keyedRows);
    writeStrings(out, t.keys);
    writeSide(out, t.bigIds);
    writeSide(out, t.bigPopulations);
    out.writeInt(t.exactPositions.size());
    for (var e : new TreeMap<>(t.exactPositions).entrySet()) {
      out.writeInt(e.getKey());
      out.writeDouble(e.getValue()[0]);
      out.writeDouble(e.getValue()[1]);
    }
    writeInts(out, t.byGeonameId);
    Map<String, Integer> demonyms = g.demonymRows();
    out.writeInt(demonyms.size());
    for (String d : demonyms.keySet().stream().sorted().toList()) {
      writeChars(out, d.toCharArray());
      out.writeInt(demonyms.get(d));
    }
    NameIndex names = g.names();
    writeChars(out, names.chars);
    writeInts(out, names.nameStart);
    writeInts(out, names.postStart);
    writeInts(out, names.posts);
    writeInts(out, names.table);
    out.writeInt(names.longestNameWords);
    out.flush();
    // the checksum covers everything written so far; it is not part of itself
    long sum = crc.getValue();
    DataOutputStream tail = new DataOutputStream(target);
    tail.writeLong(sum);
    tail.flush();
  }

  static Gazetteer read(Path file, byte[] sourceHash) throws IOException, Unusable {
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, Files.size(file), sourceHash);
    }
  }

  static Gazetteer read(byte[] bytes, byte[] sourceHash) throws Unusable {
    try {
      return read(new ByteArrayInputStream(bytes), bytes.length, sourceHash);
    } catch (IOException e) {
      throw new Unusable("unreadable: " + e);
    }
  }

  /** Reads {@code length} bytes of index from {@code raw}. */
  static Gazetteer read(InputStream raw, long length, byte[] sourceHash)
      throws IOException, Unusable {
    if (length < HEADER + 8) {
      throw new Unusable("too short (" + length + " bytes)");
    }
    CRC32 crc = new CRC32();
    Reader in = new Reader(new CheckedInputStream(raw, crc), length - 8);
    if (in.getInt() != MAGIC) {
      throw new Unusable("not a conflictmap gazetteer index");
    }
    int format = in.getInt();
    if (format != FORMAT) {
      throw new Unusable("index format " + format + ", this version reads " + FORMAT);
    }
    byte[] hash = new byte[32];
    for (int i = 0; i < hash.length; i++) {
      hash[i] = in.getByte();
    }
    if (!Arrays.equals(hash, sourceHash)) {
      throw new Unusable("built from another gazetteer file");
    }
    try {
      String[][] tables = new String[4][];
      for (int c = 0; c < 4; c++) {
        tables[c] = readStrings(in);
      }
      char[] placeNames = in.chars();
      int[] placeNameStart = in.ints();
      char[][] codes = new char[4][];
      for (int c = 0; c < 4; c++) {
        codes[c] = in.chars();
      }
      int[][] numbers = new int[4][];
      for (int c = 0; c < 4; c++) {
        numbers[c] = in.ints();
      }
      int[] keyedRows = in.ints();
      String[] keys = readStrings(in);
      Map<Integer, Long> bigIds = readSide(in);
      Map<Integer, Long> bigPopulations = readSide(in);
      Map<Integer, double[]> exactPositions = new HashMap<>();
      for (int i = in.length(20); i > 0; i--) {
        exactPositions.put(
            in.getInt(),
            new double[] {
              Double.longBitsToDouble(in.getLong()), Double.longBitsToDouble(in.getLong())
            });
      }
      int[] byGeonameId = in.ints();
      Map<String, Integer> demonyms = new HashMap<>();
      for (int i = in.length(8); i > 0; i--) {
        demonyms.put(new String(in.chars()), in.getInt());
      }
      char[] chars = in.chars();
      int[] nameStart = in.ints();
      int[] postStart = in.ints();
      int[] posts = in.ints();
      int[] table = in.ints();
      int longest = in.getInt();
      if (in.remaining() != 0) {
        throw new Unusable("trailing bytes after the index");
      }
      long sum = crc.getValue();
      long stored = new DataInputStream(raw).readLong();
      if (sum != stored) {
        throw new Unusable("checksum mismatch (truncated or damaged)");
      }
      // a checksum can collide: what the arrays point at is checked all the same
      PlaceTable places =
          new PlaceTable(
              placeNames,
              placeNameStart,
              tables,
              codes,
              numbers,
              keyedRows,
              keys,
              bigIds,
              bigPopulations,
              exactPositions,
              byGeonameId);
      if (byGeonameId.length != places.size() - keyedRows.length) {
        throw new Unusable("place id order of the wrong length");
      }
      for (int row : byGeonameId) {
        if (row < 0 || row >= places.size()) {
          throw new Unusable("place id order out of range");
        }
      }
      for (int row : demonyms.values()) {
        if (row < 0 || row >= places.size()) {
          throw new Unusable("demonym out of range");
        }
      }
      for (int p : posts) {
        if (p < 0 || p >= places.size()) {
          throw new Unusable("name index points past the places");
        }
      }
      // a table from a damaged file could send a lookup round in circles: check it points in range
      int used = 0;
      for (int v : table) {
        if (v < 0 || v > nameStart.length - 1) {
          throw new Unusable("name table out of range");
        }
        used += v == 0 ? 0 : 1;
      }
      if (used != nameStart.length - 1) {
        throw new Unusable("name table does not hold every name once");
      }
      return new Gazetteer(
          places, new NameIndex(chars, nameStart, postStart, posts, table, longest), demonyms);
    } catch (EOFException e) {
      throw new Unusable("truncated");
    } catch (RuntimeException e) {
      // inconsistent contents mean "rebuild", never a crash
      throw new Unusable("unreadable contents: " + e);
    }
  }

  private static void writeStrings(DataOutputStream out, String[] strings) throws IOException {
    out.writeInt(strings.length);
    for (String s : strings) {
      writeChars(out, s.toCharArray());
    }
  }

  private static String[] readStrings(Reader in) throws IOException {
    String[] strings = new String[in.length(4)];
    for (int i = 0; i < strings.length; i++) {
      strings[i] = new String(in.chars());
    }
    return strings;
  }

  private static void writeSide(DataOutputStream out, Map<Integer, Long> side) throws IOException {
    out.writeInt(side.size());
    for (var e : new TreeMap<>(side).entrySet()) {
      out.writeInt(e.getKey());
      out.writeLong(e.getValue());
    }
  }

  private static Map<Integer, Long> readSide(Reader in) throws IOException {
    Map<Integer, Long> side = new HashMap<>();
    for (int i = in.length(12); i > 0; i--) {
      side.put(in.getInt(), in.getLong());
    }
    return side;
  }

  private static void writeChars(DataOutputStream out, char[] a) throws IOException {
    out.writeInt(a.length);
    ByteBuffer buf = ByteBuffer.allocate(1 << 16);
    for (char c : a) {
      if (!buf.hasRemaining()) {
        out.write(buf.array(), 0, buf.position());
        buf.clear();
      }
      buf.putChar(c);
    }
    out.write(buf.array(), 0, buf.position());
  }

  private static void writeInts(DataOutputStream out, int[] a) throws IOException {
    out.writeInt(a.length);
    ByteBuffer buf = ByteBuffer.allocate(1 << 16);
    for (int v : a) {
      if (!buf.hasRemaining()) {
        out.write(buf.array(), 0, buf.position());
        buf.clear();
      }
      buf.putInt(v);
    }
    out.write(buf.array(), 0, buf.position());
  }

  /**
   * Reads numbers and arrays from a stream through one buffer, never past {@code length} bytes.
   * Every array length is checked against the bytes left, so a damaged file cannot ask for 8 GB.
   */
  private static final class Reader {
    private final InputStream in;
    private final ByteBuffer buf = ByteBuffer.allocate(1 << 20);
    private long unread;

    Reader(InputStream in, long length) {
      this.in = in;
      this.unread = length;
      buf.limit(0);
    }

    long remaining() {
      return unread + buf.remaining();
    }

    /** At least {@code n} bytes in the buffer, or EOFException. */
    private void need(int n) throws IOException {
      if (buf.remaining() >= n) {
        return;
      }
      buf.compact();
      while (buf.position() < n) {
        int room = (int) Math.min(buf.capacity() - buf.position(), unread);
        int r = room == 0 ? -1 : in.read(buf.array(), buf.position(), room);
        if (r < 0) {
          buf.flip();
          throw new EOFException();
        }
        buf.position(buf.position() + r);
        unread -= r;
      }
      buf.flip();
    }

    byte getByte() throws IOException {
      need(1);
      return buf.get();
    }

    int getInt() throws IOException {
      need(4);
      return buf.getInt();
    }

    long getLong() throws IOException {
      need(8);
      return buf.getLong();
    }

    int length(int elementBytes) throws IOException {
      int n = getInt();
      if (n < 0 || (long) n * elementBytes > remaining()) {
        throw new IllegalStateException("array of " + n + " elements overruns the file");
      }
      return n;
    }

    char[] chars() throws IOException {
      char[] a = new char[length(2)];
      for (int off = 0; off < a.length; ) {
        need(2);
        int k = Math.min(buf.remaining() / 2, a.length - off);
        buf.asCharBuffer().get(a, off, k);
        buf.position(buf.position() + 2 * k);
        off += k;
      }
      return a;
    }

    int[] ints() throws IOException {
      int[] a = new int[length(4)];
      for (int off = 0; off < a.length; ) {
        need(4);
        int k = Math.min(buf.remaining() / 4, a.length - off);
        buf.asIntBuffer().get(a, off, k);
        buf.position(buf.position() + 4 * k);
        off += k;
      }
      return a;
    }
  }
}
