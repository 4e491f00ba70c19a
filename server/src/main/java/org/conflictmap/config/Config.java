package org.conflictmap.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * The one typed configuration. Every option has a default that works on a laptop; environment
 * variables ({@code CONFLICTMAP_PORT}, ...) override a properties file, and command-line flags
 * override both. See {@code conflictmap.example.properties} at the top of the repository for every
 * option.
 */
public final class Config {
  private final int port;
  private final Path dataDir;
  private final boolean sample;
  private final String jdbcUrl;
  private final String jdbcUser;
  private final String jdbcPassword;
  private final String tileUrl;
  private final String tileAttribution;
  private final long maxBodyBytes;

  private Config(
      int port,
      Path dataDir,
      boolean sample,
      String jdbcUrl,
      String jdbcUser,
      String jdbcPassword,
      String tileUrl,
      String tileAttribution,
      long maxBodyBytes) {
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0-65535, got " + port);
    }
    if (maxBodyBytes < 1024) {
      throw new IllegalArgumentException(
          "max body size must be at least 1024 bytes, got " + maxBodyBytes);
    }
    this.port = port;
    this.dataDir = dataDir;
    this.sample = sample;
    this.jdbcUrl = jdbcUrl;
    this.jdbcUser = jdbcUser;
    this.jdbcPassword = jdbcPassword;
    this.tileUrl = tileUrl;
    this.tileAttribution = tileAttribution;
    this.maxBodyBytes = maxBodyBytes;
  }

  /**
   * Port 7070, data in ./data, the sample loaded into an empty store, embedded H2, no online tiles,
   * 2 MB bodies.
   */
  public static Config defaults() {
    return new Config(7070, Path.of("data"), true, null, null, null, null, null, 2L * 1024 * 1024);
  }

  /**
   * Defaults, then a properties file (if given and present), then {@code CONFLICTMAP_*} environment
   * variables.
   */
  public static Config load(Optional<Path> propertiesFile, Map<String, String> env) {
    Properties p = new Properties();
    if (propertiesFile.isPresent() && Files.isRegularFile(propertiesFile.get())) {
      try (InputStream in = Files.newInputStream(propertiesFile.get())) {
        p.load(in);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + propertiesFile.get(), e);
      }
    }
    for (String key :
        new String[] {
          "port",
          "data",
          "sample",
          "jdbc.url",
          "jdbc.user",
          "jdbc.password",
          "tile.url",
          "tile.attribution",
          "max.body.bytes"
        }) {
      String envName = "CONFLICTMAP_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
      if (env.containsKey(envName)) {
        p.setProperty(key, env.get(envName));
      }
    }
    Config d = defaults();
    return new Config(
        Integer.parseInt(p.getProperty("port", String.valueOf(d.port))),
        Path.of(p.getProperty("data", d.dataDir.toString())),
        Boolean.parseBoolean(p.getProperty("sample", String.valueOf(d.sample))),
        blankToNull(p.getProperty("jdbc.url")),
        blankToNull(p.getProperty("jdbc.user")),
        blankToNull(p.getProperty("jdbc.password")),
        blankToNull(p.getProperty("tile.url")),
        blankToNull(p.getProperty("tile.attribution")),
        Long.parseLong(p.getProperty("max.body.bytes", String.valueOf(d.maxBodyBytes))));
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  public Config withPort(int port) {
    return new Config(
        port,
        dataDir,
        sample,
        jdbcUrl,
        jdbcUser,
        jdbcPassword,
        tileUrl,
        tileAttribution,
        maxBodyBytes);
  }

  public Config withDataDir(Path dir) {
    return new Config(
        port, dir, sample, jdbcUrl, jdbcUser, jdbcPassword, tileUrl, tileAttribution, maxBodyBytes);
  }

  public Config withSample(boolean load) {
    return new Config(
        port,
        dataDir,
        load,
        jdbcUrl,
        jdbcUser,
        jdbcPassword,
        tileUrl,
        tileAttribution,
        maxBodyBytes);
  }

  public Config withJdbc(String url, String user, String password) {
    return new Config(
        port, dataDir, sample, url, user, password, tileUrl, tileAttribution, maxBodyBytes);
  }

  public Config withTiles(String url, String attribution) {
    return new Config(
        port, dataDir, sample, jdbcUrl, jdbcUser, jdbcPassword, url, attribution, maxBodyBytes);
  }

  public Config withMaxBodyBytes(long bytes) {
    return new Config(
        port, dataDir, sample, jdbcUrl, jdbcUser, jdbcPassword, tileUrl, tileAttribution, bytes);
  }

  public int port() {
    return port;
  }

  public Path dataDir() {
    return dataDir;
  }

  /** Load the bundled sample article and zone when the store is empty. */
  public boolean sample() {
    return sample;
  }

  /**
   * A JDBC URL for an external database (PostgreSQL + PostGIS); empty means the embedded H2 in the
   * data dir.
   */
  public Optional<String> jdbcUrl() {
    return Optional.ofNullable(jdbcUrl);
  }

  public Optional<String> jdbcUser() {
    return Optional.ofNullable(jdbcUser);
  }

  public Optional<String> jdbcPassword() {
    return Optional.ofNullable(jdbcPassword);
  }

  /** An online XYZ tile URL template; empty means the bundled country layer alone. */
  public Optional<String> tileUrl() {
    return Optional.ofNullable(tileUrl);
  }

  public Optional<String> tileAttribution() {
    return Optional.ofNullable(tileAttribution);
  }

  /** Largest request body accepted, in bytes; larger ones get 413. */
  public long maxBodyBytes() {
    return maxBodyBytes;
  }
}
