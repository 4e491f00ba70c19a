package org.conflictmap.config;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
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
  private static final String[] KEYS = {
    "port",
    "bind",
    "data",
    "sample",
    "jdbc.url",
    "jdbc.user",
    "jdbc.password",
    "tile.url",
    "tile.attribution",
    "max.body.bytes",
    "public.base.url",
    "editor.token",
    "open",
    "feeds",
    "feeds.interval.seconds",
    "read.timeout.seconds",
    "idle.timeout.seconds",
    "write.rate.per.minute",
    "trusted.proxies",
    "query.timeout.ms",
    "export.max.rows"
  };

  private final int port;
  private final String bind;
  private final Path dataDir;
  private final boolean sample;
  private final String jdbcUrl;
  private final String jdbcUser;
  private final String jdbcPassword;
  private final String tileUrl;
  private final String tileAttribution;
  private final long maxBodyBytes;
  private final String publicBaseUrl;
  private final String editorToken;
  private final boolean open;
  private final List<URI> feedUrls;
  private final Duration feedInterval;
  private final Duration readTimeout;
  private final Duration idleTimeout;
  private final int writeRatePerMinute;
  private final AddressRanges trustedProxies;
  private final Duration queryTimeout;
  private final long exportMaxRows;

  private Config(Builder b) {
    if (b.port < 0 || b.port > 65535) {
      throw new IllegalArgumentException("port must be 0-65535, got " + b.port);
    }
    if (b.maxBodyBytes < 1024) {
      throw new IllegalArgumentException(
          "max body size must be at least 1024 bytes, got " + b.maxBodyBytes);
    }
    if (b.feedInterval.compareTo(Duration.ofSeconds(10)) < 0) {
      throw new IllegalArgumentException(
          "feed interval must be at least 10 seconds, got " + b.feedInterval.toSeconds());
    }
    if (b.bind == null || b.bind.isBlank() || !b.bind.matches("[A-Za-z0-9.:\\-\\[\\]%]+")) {
      throw new IllegalArgumentException(
          "bind must be an address such as 127.0.0.1, 0.0.0.0 or ::1, got '" + b.bind + "'");
    }
    if (b.readTimeout.isNegative() || b.readTimeout.isZero()) {
      throw new IllegalArgumentException("read timeout must be positive, got " + b.readTimeout);
    }
    if (b.idleTimeout.isNegative() || b.idleTimeout.isZero()) {
      throw new IllegalArgumentException("idle timeout must be positive, got " + b.idleTimeout);
    }
    if (b.writeRatePerMinute < 0) {
      throw new IllegalArgumentException(
          "write rate must be 0 (no limit) or more, got " + b.writeRatePerMinute);
    }
    this.port = b.port;
    this.bind = b.bind.strip();
    this.dataDir = b.dataDir;
    this.sample = b.sample;
    this.jdbcUrl = b.jdbcUrl;
    this.jdbcUser = b.jdbcUser;
    this.jdbcPassword = b.jdbcPassword;
    this.tileUrl = b.tileUrl;
    this.tileAttribution = b.tileAttribution;
    this.maxBodyBytes = b.maxBodyBytes;
    this.publicBaseUrl = b.publicBaseUrl == null ? null : checkBaseUrl(b.publicBaseUrl);
    this.editorToken = b.editorToken;
    this.open = b.open;
    this.feedUrls = List.copyOf(b.feedUrls);
    this.feedInterval = b.feedInterval;
    this.readTimeout = b.readTimeout;
    this.idleTimeout = b.idleTimeout;
    this.writeRatePerMinute = b.writeRatePerMinute;
    this.trustedProxies = b.trustedProxies;
    if (b.queryTimeout.isNegative() || b.queryTimeout.isZero()) {
      throw new IllegalArgumentException(
          "query.timeout.ms must be positive, got " + b.queryTimeout.toMillis());
    }
    this.queryTimeout = b.queryTimeout;
    if (b.exportMaxRows < 1) {
      throw new IllegalArgumentException(
          "export.max.rows must be at least 1, got " + b.exportMaxRows);
    }
    this.exportMaxRows = b.exportMaxRows;
  }

  /**
   * Port 7070 on the loopback address only, data in ./data, the sample loaded into an empty store,
   * embedded H2, no online tiles, 2 MB bodies, links relative to the request's own host, writes
   * only with a bearer token, no feeds, feeds polled every 15 minutes once configured, a request
   * read in 30 s at most, a silent connection closed after 30 s, 600 writes a minute per client
   * address.
   */
  public static Config defaults() {
    return new Builder().build();
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
    for (String key : KEYS) {
      String envName = "CONFLICTMAP_" + key.toUpperCase(Locale.ROOT).replace('.', '_');
      if (env.containsKey(envName)) {
        p.setProperty(key, env.get(envName));
      }
    }
    Builder d = new Builder();
    Builder b = new Builder();
    b.port = Integer.parseInt(p.getProperty("port", String.valueOf(d.port)));
    b.bind = p.getProperty("bind", d.bind);
    b.dataDir = Path.of(p.getProperty("data", d.dataDir.toString()));
    b.sample = Boolean.parseBoolean(p.getProperty("sample", String.valueOf(d.sample)));
    b.jdbcUrl = blankToNull(p.getProperty("jdbc.url"));
    b.jdbcUser = blankToNull(p.getProperty("jdbc.user"));
    b.jdbcPassword = blankToNull(p.getProperty("jdbc.password"));
    b.tileUrl = blankToNull(p.getProperty("tile.url"));
    b.tileAttribution = blankToNull(p.getProperty("tile.attribution"));
    b.maxBodyBytes =
        Long.parseLong(p.getProperty("max.body.bytes", String.valueOf(d.maxBodyBytes)));
    b.publicBaseUrl = blankToNull(p.getProperty("public.base.url"));
    b.editorToken = blankToNull(p.getProperty("editor.token"));
    b.open = Boolean.parseBoolean(p.getProperty("open", "false"));
    b.feedUrls = parseFeeds(p.getProperty("feeds", ""));
    b.feedInterval =
        Duration.ofSeconds(
            Long.parseLong(
                p.getProperty(
                    "feeds.interval.seconds", String.valueOf(d.feedInterval.toSeconds()))));
    b.readTimeout =
        Duration.ofSeconds(
            Long.parseLong(
                p.getProperty("read.timeout.seconds", String.valueOf(d.readTimeout.toSeconds()))));
    b.idleTimeout =
        Duration.ofSeconds(
            Long.parseLong(
                p.getProperty("idle.timeout.seconds", String.valueOf(d.idleTimeout.toSeconds()))));
    b.writeRatePerMinute =
        Integer.parseInt(
            p.getProperty("write.rate.per.minute", String.valueOf(d.writeRatePerMinute)));
    b.trustedProxies = AddressRanges.parse(p.getProperty("trusted.proxies", ""));
    b.queryTimeout =
        Duration.ofMillis(
            Long.parseLong(
                p.getProperty("query.timeout.ms", String.valueOf(d.queryTimeout.toMillis()))));
    b.exportMaxRows =
        Long.parseLong(p.getProperty("export.max.rows", String.valueOf(d.exportMaxRows)));
    return b.build();
  }

  private static String blankToNull(String s) {
    return s == null || s.isBlank() ? null : s.strip();
  }

  private static List<URI> parseFeeds(String value) {
    return Arrays.stream(value.split("[,\\s]+"))
        .filter(s -> !s.isBlank())
        .map(Config::feedUri)
        .toList();
  }

  private static URI feedUri(String s) {
    try {
      URI u = new URI(s.strip());
      String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
      if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
        throw new IllegalArgumentException("a feed must be an http(s) URL, got " + s);
      }
      return u;
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("a feed must be an http(s) URL, got " + s, e);
    }
  }

  private static String checkBaseUrl(String s) {
    URI u;
    try {
      u = new URI(s);
    } catch (URISyntaxException e) {
      throw new IllegalArgumentException("public base URL is not a URL: " + s, e);
    }
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    if (!scheme.equals("http") && !scheme.equals("https") || u.getHost() == null) {
      throw new IllegalArgumentException("public base URL must be an absolute http(s) URL: " + s);
    }
    // Stored without a trailing slash so that base + "/events/1" is always one slash.
    return s.endsWith("/") ? s.substring(0, s.length() - 1) : s;
  }

  private Builder toBuilder() {
    Builder b = new Builder();
    b.port = port;
    b.bind = bind;
    b.dataDir = dataDir;
    b.sample = sample;
    b.jdbcUrl = jdbcUrl;
    b.jdbcUser = jdbcUser;
    b.jdbcPassword = jdbcPassword;
    b.tileUrl = tileUrl;
    b.tileAttribution = tileAttribution;
    b.maxBodyBytes = maxBodyBytes;
    b.publicBaseUrl = publicBaseUrl;
    b.editorToken = editorToken;
    b.open = open;
    b.feedUrls = feedUrls;
    b.feedInterval = feedInterval;
    b.readTimeout = readTimeout;
    b.idleTimeout = idleTimeout;
    b.writeRatePerMinute = writeRatePerMinute;
    b.trustedProxies = trustedProxies;
    b.queryTimeout = queryTimeout;
    b.exportMaxRows = exportMaxRows;
    return b;
  }

  /** The address to listen on: {@code 127.0.0.1} (default), {@code 0.0.0.0} for every address. */
  public Config withBind(String address) {
    Builder b = toBuilder();
    b.bind = address;
    return b.build();
  }

  /**
   * How long a client may take to send one request's headers, and again its body, and how long a
   * connection may stay silent.
   */
  public Config withTimeouts(Duration read, Duration idle) {
    Builder b = toBuilder();
    b.readTimeout = read;
    b.idleTimeout = idle;
    return b.build();
  }

  /** Writes a minute one client address may make; 0 means no limit. */
  public Config withWriteRatePerMinute(int perMinute) {
    Builder b = toBuilder();
    b.writeRatePerMinute = perMinute;
    return b.build();
  }

  /**
   * Reverse proxies whose {@code X-Forwarded-For} is believed (addresses or CIDR ranges, comma
   * separated); see {@link #trustedProxies()}.
   */
  public Config withTrustedProxies(String list) {
    Builder b = toBuilder();
    b.trustedProxies = AddressRanges.parse(list);
    return b.build();
  }

  public Config withPort(int port) {
    Builder b = toBuilder();
    b.port = port;
    return b.build();
  }

  public Config withDataDir(Path dir) {
    Builder b = toBuilder();
    b.dataDir = dir;
    return b.build();
  }

  public Config withSample(boolean load) {
    Builder b = toBuilder();
    b.sample = load;
    return b.build();
  }

  public Config withJdbc(String url, String user, String password) {
    Builder b = toBuilder();
    b.jdbcUrl = url;
    b.jdbcUser = user;
    b.jdbcPassword = password;
    return b.build();
  }

  public Config withTiles(String url, String attribution) {
    Builder b = toBuilder();
    b.tileUrl = url;
    b.tileAttribution = attribution;
    return b.build();
  }

  public Config withMaxBodyBytes(long bytes) {
    Builder b = toBuilder();
    b.maxBodyBytes = bytes;
    return b.build();
  }

  public Config withPublicBaseUrl(String url) {
    Builder b = toBuilder();
    b.publicBaseUrl = blankToNull(url);
    return b.build();
  }

  /**
   * Laptop mode: writes need no token. Never the default; {@code serve --open} or {@code open=true}
   * asks for it.
   */
  public Config withOpen(boolean open) {
    Builder b = toBuilder();
    b.open = open;
    return b.build();
  }

  public Config withEditorToken(String token) {
    Builder b = toBuilder();
    b.editorToken = blankToNull(token);
    return b.build();
  }

  /** How long one read of events may run before it is cancelled (answered 503). */
  public Config withQueryTimeout(Duration timeout) {
    Builder b = toBuilder();
    b.queryTimeout = timeout;
    return b.build();
  }

  /** The most events one GeoPackage export may hold (it is built in a temporary file first). */
  public Config withExportMaxRows(long rows) {
    Builder b = toBuilder();
    b.exportMaxRows = rows;
    return b.build();
  }

  public Config withFeeds(List<URI> urls, Duration interval) {
    Builder b = toBuilder();
    b.feedUrls = urls;
    b.feedInterval = interval;
    return b.build();
  }

  public int port() {
    return port;
  }

  /** The address the server listens on. */
  public String bind() {
    return bind;
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

  /**
   * The public address of this server (scheme, host, optional path prefix; no trailing slash), used
   * in every share link, Open Graph tag and oEmbed answer. Empty means links are built from the
   * request's own scheme and host.
   */
  public Optional<String> publicBaseUrl() {
    return Optional.ofNullable(publicBaseUrl);
  }

  /**
   * The bearer token that editors send to change zones and correct events. Empty means edits are
   * open, which suits a laptop; a public deployment sets one.
   */
  /** True when writes need no token (laptop mode). */
  public boolean open() {
    return open;
  }

  public Optional<String> editorToken() {
    return Optional.ofNullable(editorToken);
  }

  /** RSS or Atom feeds polled for new articles; empty means no polling. */
  public List<URI> feedUrls() {
    return feedUrls;
  }

  /** How often each feed is polled. */
  public Duration feedInterval() {
    return feedInterval;
  }

  /**
   * The most time a client gets to send a request's headers, and again its body; a client still
   * sending after that is cut off, however steadily it dribbles.
   */
  public Duration readTimeout() {
    return readTimeout;
  }

  /** How long a connection may stay silent before it is closed. */
  public Duration idleTimeout() {
    return idleTimeout;
  }

  /**
   * Writes (any method but GET, HEAD, OPTIONS) a minute one client address may make, in bursts of
   * up to as many; over it a write gets 429 with Retry-After. 0 means no limit.
   */
  public int writeRatePerMinute() {
    return writeRatePerMinute;
  }

  /**
   * The reverse proxies in front of this server. A request from one of them is counted (for the
   * write limit) against the client its {@code X-Forwarded-For} names: the rightmost address in
   * that header that is not itself a trusted proxy. From any other peer the header is ignored, so a
   * client cannot pick its own address. None by default.
   */
  public AddressRanges trustedProxies() {
    return trustedProxies;
  }

  /** How long one read of events may run before the database cancels it. */
  public Duration queryTimeout() {
    return queryTimeout;
  }

  /**
   * The most events one GeoPackage export may hold; a larger request is refused with 413 before
   * anything is written (the file is built on disk before it is sent).
   */
  public long exportMaxRows() {
    return exportMaxRows;
  }

  private static final class Builder {
    int port = 7070;
    String bind = "127.0.0.1";
    Path dataDir = Path.of("data");
    boolean sample = true;
    String jdbcUrl;
    String jdbcUser;
    String jdbcPassword;
    String tileUrl;
    String tileAttribution;
    long maxBodyBytes = 2L * 1024 * 1024;
    String publicBaseUrl;
    String editorToken;
    boolean open;
    List<URI> feedUrls = List.of();
    Duration feedInterval = Duration.ofMinutes(15);
    Duration readTimeout = Duration.ofSeconds(30);
    Duration idleTimeout = Duration.ofSeconds(30);
    int writeRatePerMinute = 600;
    AddressRanges trustedProxies = AddressRanges.none();
    Duration queryTimeout = Duration.ofSeconds(5);
    long exportMaxRows = 1_000_000;

    Config build() {
      return new Config(this);
    }
  }
}
