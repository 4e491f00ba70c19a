package org.conflictmap.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.conflictmap.config.Config;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.gazetteer.GazetteerStore;
import picocli.CommandLine.Option;

/** Options every command that opens the store or the gazetteer shares. */
final class DataOptions {
  @Option(
      names = "--data",
      paramLabel = "DIR",
      description = "Data directory (default: ./data, or CONFLICTMAP_DATA).")
  Path data;

  @Option(
      names = "--config",
      paramLabel = "FILE",
      description = "Properties file with defaults (default: ./conflictmap.properties if present).")
  Path configFile;

  @Option(
      names = "--db",
      paramLabel = "JDBC_URL",
      description =
          "Store in this database instead of the embedded one, e.g."
              + " jdbc:postgresql://host:5432/conflictmap (PostGIS; user and password from"
              + " CONFLICTMAP_JDBC_USER / CONFLICTMAP_JDBC_PASSWORD or the URL).")
  String db;

  /**
   * The gazetteer imported into the data directory with {@code gazetteer import}, if there is one,
   * else the bundled one. Unlike the server, this never creates the data directory or its index for
   * the bundled gazetteer: a one-off command leaves no files behind.
   */
  Gazetteer gazetteer() {
    Path dir = config().dataDir();
    if (Files.isRegularFile(GazetteerStore.importedFile(dir))) {
      System.err.println("using the gazetteer imported into " + dir);
      return Gazetteer.open(dir);
    }
    return Gazetteer.loadDefault();
  }

  /** Defaults, then the properties file, then the environment, then these flags. */
  Config config() {
    Path file = configFile != null ? configFile : Path.of("conflictmap.properties");
    Config c = Config.load(Optional.of(file), System.getenv());
    if (data != null) {
      c = c.withDataDir(data);
    }
    return db != null
        ? c.withJdbc(db, c.jdbcUser().orElse(null), c.jdbcPassword().orElse(null))
        : c;
  }
}
