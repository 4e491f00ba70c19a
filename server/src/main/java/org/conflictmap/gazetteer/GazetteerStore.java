package org.conflictmap.gazetteer;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Where the gazetteer comes from and where its built index is kept.
 *
 * <p>Layout inside the data directory: {@code gazetteer/places.tsv.gz} is a gazetteer imported with
 * {@code gazetteer import} (the bundled one is used when there is none), and {@code
 * gazetteer/index.bin} is the built index of whichever is in use (see {@link GazetteerCache}). The
 * index records a hash of its source, so a new bundled file, a new import or a new index format
 * makes it stale; a stale, truncated or damaged index is rebuilt and replaced atomically (written
 * to a temporary file, then renamed).
 *
 * <p>A gazetteer is immutable, so one instance per source serves a whole JVM.
 */
public final class GazetteerStore {
  private static final Logger LOG = LoggerFactory.getLogger(GazetteerStore.class);

  static final String DIR = "gazetteer";
  static final String IMPORTED = "places.tsv.gz";
  static final String INDEX = "index.bin";

  private static final Object LOCK = new Object();
  private static byte[] lastHash;
  private static Gazetteer last;

  private GazetteerStore() {}

  /** The imported gazetteer file of a data directory, whether or not it exists. */
  public static Path importedFile(Path dataDir) {
    return dataDir.resolve(DIR).resolve(IMPORTED);
  }

  static Path indexFile(Path dataDir) {
    return dataDir.resolve(DIR).resolve(INDEX);
  }

  static Gazetteer open(Path dataDir) {
    return open(dataDir, true);
  }

  /**
   * As {@link Gazetteer#open} but never returns an instance this JVM already holds: reads the
   * cached index, or builds and caches it. For benchmarks and tools that measure a cold start.
   */
  public static Gazetteer loadUnshared(Path dataDir) {
    return open(dataDir, false);
  }

  /** The bundled gazetteer, parsed once per JVM. */
  static Gazetteer bundled() {
    byte[] bytes = bundledBytes();
    byte[] hash = hash(bytes, "bundled");
    synchronized (LOCK) {
      if (last != null && Arrays.equals(lastHash, hash)) {
        return last;
      }
      Gazetteer g = GazetteerLoader.load(new ByteArrayInputStream(bytes));
      remember(hash, g);
      return g;
    }
  }

  /**
   * @param shared whether an instance this JVM already built from the same source may be returned
   *     instead of reading the index (tests of the cache pass false)
   */
  static Gazetteer open(Path dataDir, boolean shared) {
    Path imported = importedFile(dataDir);
    boolean useImport = Files.isRegularFile(imported);
    byte[] bundled = useImport ? null : bundledBytes();
    byte[] hash = useImport ? importHash(imported) : hash(bundled, "bundled");
    synchronized (LOCK) {
      if (shared && last != null && Arrays.equals(lastHash, hash)) {
        return last;
      }
      // the one remembered is about to be replaced: let it go first, so that a large gazetteer
      // is never held twice while its successor loads
      remember(null, null);
      Path index = indexFile(dataDir);
      if (Files.isRegularFile(index)) {
        try {
          Gazetteer g = GazetteerCache.read(index, hash);
          remember(hash, g);
          return g;
        } catch (GazetteerCache.Unusable e) {
          LOG.warn("rebuilding the gazetteer index {}: {}", index, e.getMessage());
        } catch (IOException e) {
          LOG.warn("rebuilding the gazetteer index {}: cannot read it ({})", index, e.toString());
        }
      }
      Gazetteer g;
      if (useImport) {
        LOG.info("building the gazetteer index from {}", imported);
        try (InputStream in = Files.newInputStream(imported)) {
          g = GazetteerLoader.load(in);
        } catch (IOException e) {
          throw new UncheckedIOException("cannot read the imported gazetteer " + imported, e);
        }
      } else {
        g = GazetteerLoader.load(new ByteArrayInputStream(bundled));
      }
      writeIndex(g, hash, index);
      remember(hash, g);
      return g;
    }
  }

  private static void remember(byte[] hash, Gazetteer g) {
    lastHash = hash;
    last = g;
  }

  /** Writes the index next to where it belongs, then renames it into place. */
  private static void writeIndex(Gazetteer g, byte[] hash, Path index) {
    Path tmp = null;
    try {
      Files.createDirectories(index.getParent());
      tmp = Files.createTempFile(index.getParent(), INDEX, ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp)) {
        GazetteerCache.write(g, hash, out);
      }
      try {
        Files.move(tmp, index, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(tmp, index, StandardCopyOption.REPLACE_EXISTING);
      }
      tmp = null;
    } catch (IOException e) {
      // a read-only data directory only costs the next start its speed
      LOG.warn("cannot cache the gazetteer index in {}: {}", index.getParent(), e.toString());
    } finally {
      if (tmp != null) {
        try {
          Files.deleteIfExists(tmp);
        } catch (IOException ignored) {
          // nothing more to do: a leftover .tmp file is harmless
        }
      }
    }
  }

  private static byte[] bundledBytes() {
    try (InputStream in = Gazetteer.class.getResourceAsStream(GazetteerLoader.BUNDLED)) {
      if (in == null) {
        throw new IllegalStateException(
            "the bundled gazetteer " + GazetteerLoader.BUNDLED + " is not on the classpath");
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the bundled gazetteer", e);
    }
  }

  /**
   * An imported file can be a gigabyte: it is identified by its size and modification time (an
   * import always writes a new file), not by hashing its contents at every start.
   */
  private static byte[] importHash(Path file) {
    try {
      ByteBuffer id = ByteBuffer.allocate(16);
      id.putLong(Files.size(file)).putLong(Files.getLastModifiedTime(file).toMillis());
      return hash(id.array(), "imported " + file.toAbsolutePath());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read the imported gazetteer " + file, e);
    }
  }

  /**
   * SHA-256 over the source, the index format and the JDK's major version (the loader adds the
   * JDK's localised country names, which a new JDK may change).
   */
  private static byte[] hash(byte[] source, String what) {
    try {
      MessageDigest d = MessageDigest.getInstance("SHA-256");
      d.update(
          (what + "|" + GazetteerCache.FORMAT + "|" + Runtime.version().feature() + "|")
              .getBytes(StandardCharsets.UTF_8));
      d.update(source);
      return d.digest();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JDK", e);
    }
  }
}
