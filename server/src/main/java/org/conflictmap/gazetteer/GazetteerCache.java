package org.conflictmap.gazetteer;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.CRC32;

/**
 * The built gazetteer as one binary file, so that a start reads arrays instead of parsing and
 * folding two million names. Layout (big-endian): magic, format version, the 32-byte hash of the
 * source it was built from, the places, the demonyms, the name index arrays, then a CRC-32 of
 * everything before it. A file whose magic, version, source hash or checksum does not match is not
 * used: the caller rebuilds it from the source.
 */
final class GazetteerCache {
  private static final int MAGIC = 0x434D475A; // "CMGZ"

  /** Bump when the layout or anything the loader derives from a row changes. */
  static final int FORMAT = 2;

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
    List<Place> places = g.places();
    int n = places.size();
    // small strings (country, admin1 and feature codes) once, in a dictionary
    Map<String, Integer> dict = new HashMap<>();
    List<String> dictOrder = new ArrayList<>();
    int[][] coded = new int[4][n];
    StringBuilder text = new StringBuilder(n * 24);
    int[] textStart = new int[2 * n + 1];
    long[] geonameIds = new long[n];
    long[] populations = new long[n];
    long[] lats = new long[n];
    long[] lons = new long[n];
    for (int i = 0; i < n; i++) {
      Place p = places.get(i);
      String[] small = {p.countryCode(), p.admin1(), p.featureClass(), p.featureCode()};
      for (int c = 0; c < 4; c++) {
        Integer code = dict.get(small[c]);
        if (code == null) {
          code = dictOrder.size();
          dict.put(small[c], code);
          dictOrder.add(small[c]);
        }
        coded[c][i] = code;
      }
      textStart[2 * i] = text.length();
      text.append(p.key());
      textStart[2 * i + 1] = text.length();
      text.append(p.name());
      geonameIds[i] = p.geonameId() == null ? -1 : p.geonameId();
      populations[i] = p.population();
      lats[i] = Double.doubleToRawLongBits(p.lat());
      lons[i] = Double.doubleToRawLongBits(p.lon());
    }
    textStart[2 * n] = text.length();
    out.writeInt(dictOrder.size());
    for (String d : dictOrder) {
      writeChars(out, d.toCharArray());
    }
    for (int[] column : coded) {
      writeInts(out, column);
    }
    char[] textChars = new char[text.length()];
    text.getChars(0, text.length(), textChars, 0);
    writeChars(out, textChars);
    writeInts(out, textStart);
    for (long[] column : new long[][] {geonameIds, populations, lats, lons}) {
      writeLongs(out, column);
    }
    Map<Place, Integer> ids = new HashMap<>();
    for (int i = 0; i < places.size(); i++) {
      ids.put(places.get(i), i);
    }
    Map<String, Place> demonyms = g.demonyms();
    out.writeInt(demonyms.size());
    for (String d : demonyms.keySet().stream().sorted().toList()) {
      writeChars(out, d.toCharArray());
      out.writeInt(ids.get(demonyms.get(d)));
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
    return read(Files.readAllBytes(file), sourceHash);
  }

  static Gazetteer read(byte[] bytes, byte[] sourceHash) throws Unusable {
    if (bytes.length < 8 + 32 + 8) {
      throw new Unusable("too short (" + bytes.length + " bytes)");
    }
    ByteBuffer all = ByteBuffer.wrap(bytes);
    if (all.getInt(0) != MAGIC) {
      throw new Unusable("not a conflictmap gazetteer index");
    }
    if (all.getInt(4) != FORMAT) {
      throw new Unusable("index format " + all.getInt(4) + ", this version reads " + FORMAT);
    }
    if (!Arrays.equals(Arrays.copyOfRange(bytes, 8, 40), sourceHash)) {
      throw new Unusable("built from another gazetteer file");
    }
    CRC32 crc = new CRC32();
    crc.update(bytes, 0, bytes.length - 8);
    if (crc.getValue() != all.getLong(bytes.length - 8)) {
      throw new Unusable("checksum mismatch (truncated or damaged)");
    }
    try {
      ByteBuffer in = ByteBuffer.wrap(bytes, 40, bytes.length - 48).slice();
      String[] dict = new String[in.getInt()];
      for (int d = 0; d < dict.length; d++) {
        dict[d] = new String(readChars(in));
      }
      int[] cc = readInts(in);
      int[] admin1 = readInts(in);
      int[] fclass = readInts(in);
      int[] fcode = readInts(in);
      char[] text = readChars(in);
      int[] textStart = readInts(in);
      long[] geonameIds = readLongs(in);
      long[] populations = readLongs(in);
      long[] lats = readLongs(in);
      long[] lons = readLongs(in);
      int n = cc.length;
      List<Place> places = new ArrayList<>(n);
      for (int i = 0; i < n; i++) {
        int k = textStart[2 * i];
        int m = textStart[2 * i + 1];
        places.add(
            new Place(
                new String(text, k, m - k),
                geonameIds[i] < 0 ? null : geonameIds[i],
                new String(text, m, textStart[2 * i + 2] - m),
                dict[cc[i]],
                dict[admin1[i]],
                dict[fclass[i]],
                dict[fcode[i]],
                Double.longBitsToDouble(lats[i]),
                Double.longBitsToDouble(lons[i]),
                populations[i]));
      }
      int demonymCount = in.getInt();
      Map<String, Place> demonyms = new HashMap<>(demonymCount * 2);
      for (int i = 0; i < demonymCount; i++) {
        String d = new String(readChars(in));
        demonyms.put(d, places.get(in.getInt()));
      }
      ByteBuffer rest = in;
      char[] chars = readChars(rest);
      int[] nameStart = readInts(rest);
      int[] postStart = readInts(rest);
      int[] posts = readInts(rest);
      int[] table = readInts(rest);
      int longest = rest.getInt();
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
      if (rest.hasRemaining()) {
        throw new Unusable("trailing bytes after the index");
      }
      return new Gazetteer(
          places, new NameIndex(chars, nameStart, postStart, posts, table, longest), demonyms);
    } catch (RuntimeException e) {
      // a checksum can collide; inconsistent contents still mean "rebuild", never a crash
      throw new Unusable("unreadable contents: " + e);
    }
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

  private static void writeLongs(DataOutputStream out, long[] a) throws IOException {
    out.writeInt(a.length);
    ByteBuffer buf = ByteBuffer.allocate(1 << 16);
    for (long v : a) {
      if (!buf.hasRemaining()) {
        out.write(buf.array(), 0, buf.position());
        buf.clear();
      }
      buf.putLong(v);
    }
    out.write(buf.array(), 0, buf.position());
  }

  /** An array length that the remaining bytes can hold, so a damaged file cannot ask for 8 GB. */
  private static int length(ByteBuffer in, int elementBytes) {
    int n = in.getInt();
    if (n < 0 || (long) n * elementBytes > in.remaining()) {
      throw new IllegalStateException("array of " + n + " elements overruns the file");
    }
    return n;
  }

  private static char[] readChars(ByteBuffer in) {
    char[] a = new char[length(in, 2)];
    in.asCharBuffer().get(a);
    in.position(in.position() + a.length * 2);
    return a;
  }

  private static long[] readLongs(ByteBuffer in) {
    long[] a = new long[length(in, 8)];
    in.asLongBuffer().get(a);
    in.position(in.position() + a.length * 8);
    return a;
  }

  private static int[] readInts(ByteBuffer in) {
    int[] a = new int[length(in, 4)];
    in.asIntBuffer().get(a);
    in.position(in.position() + a.length * 4);
    return a;
  }
}
