package org.conflictmap.cli;

import java.nio.file.Path;
import java.util.Optional;
import org.conflictmap.config.Config;
import picocli.CommandLine.Option;

/** Options every command that opens the store shares. */
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

  /** Defaults, then the properties file, then the environment, then these flags. */
  Config config() {
    Path file = configFile != null ? configFile : Path.of("conflictmap.properties");
    Config c = Config.load(Optional.of(file), System.getenv());
    return data != null ? c.withDataDir(data) : c;
  }
}
