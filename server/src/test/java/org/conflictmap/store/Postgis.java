package org.conflictmap.store;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A fresh PostgreSQL + PostGIS database per test, from the server named by {@code
 * CONFLICTMAP_TEST_POSTGIS} (a JDBC URL of a database the user may create databases from, e.g.
 * {@code jdbc:postgresql://127.0.0.1:55432/postgres}; user and password in {@code
 * CONFLICTMAP_TEST_POSTGIS_USER} / {@code _PASSWORD}). {@code .ci/run} starts one. Without it the
 * PostGIS variants of the store tests are skipped, except in CI, where they must run.
 */
public final class Postgis {
  private static final String URL = System.getenv("CONFLICTMAP_TEST_POSTGIS");
  private static final String USER = envOr("CONFLICTMAP_TEST_POSTGIS_USER", "conflictmap");
  private static final String PASSWORD = envOr("CONFLICTMAP_TEST_POSTGIS_PASSWORD", "conflictmap");
  private static final String TEMPLATE = "conflictmap_test_template";
  private static final AtomicInteger SEQ = new AtomicInteger();
  private static final List<String> CREATED = new ArrayList<>();
  private static boolean templateReady;

  private Postgis() {}

  /** Skips the calling test when no PostGIS is configured, or fails it in CI. */
  public static void assumeConfigured() {
    if (URL == null && "true".equals(System.getenv("CI"))) {
      throw new AssertionError(
          "CI must run the PostGIS store tests: set CONFLICTMAP_TEST_POSTGIS (see .ci/run)");
    }
    assumeTrue(URL != null, "no PostGIS configured (CONFLICTMAP_TEST_POSTGIS)");
  }

  /** The JDBC URL of a new, empty database with PostGIS, dropped when the JVM exits. */
  public static synchronized String freshDatabaseUrl() {
    assumeConfigured();
    String name = "conflictmap_t" + ProcessHandle.current().pid() + "_" + SEQ.incrementAndGet();
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
        var s = c.createStatement()) {
      if (!templateReady) {
        s.execute("DROP DATABASE IF EXISTS " + TEMPLATE + " WITH (FORCE)");
        s.execute("CREATE DATABASE " + TEMPLATE);
        try (Connection t = DriverManager.getConnection(urlOf(TEMPLATE), USER, PASSWORD);
            var ts = t.createStatement()) {
          ts.execute("CREATE EXTENSION IF NOT EXISTS postgis");
        }
        templateReady = true;
        Runtime.getRuntime().addShutdownHook(new Thread(Postgis::dropAll));
      }
      s.execute("CREATE DATABASE " + name + " TEMPLATE " + TEMPLATE);
      CREATED.add(name);
    } catch (SQLException e) {
      throw new IllegalStateException("cannot create a PostGIS test database at " + URL, e);
    }
    return urlOf(name);
  }

  /** A migrated store in a new database. */
  public static Database fresh() {
    return Database.connect(freshDatabaseUrl(), USER, PASSWORD);
  }

  public static String user() {
    return USER;
  }

  public static String password() {
    return PASSWORD;
  }

  /** The server URL with another database name in place of the configured one. */
  private static String urlOf(String database) {
    int slash = URL.lastIndexOf('/');
    int query = URL.indexOf('?', slash);
    return URL.substring(0, slash + 1) + database + (query < 0 ? "" : URL.substring(query));
  }

  private static synchronized void dropAll() {
    try (Connection c = DriverManager.getConnection(URL, USER, PASSWORD);
        var s = c.createStatement()) {
      for (String name : CREATED) {
        s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
      }
      s.execute("DROP DATABASE IF EXISTS " + TEMPLATE + " WITH (FORCE)");
    } catch (SQLException e) {
      System.err.println("could not drop the PostGIS test databases: " + e.getMessage());
    }
  }

  private static String envOr(String key, String fallback) {
    String v = System.getenv(key);
    return v == null || v.isBlank() ? fallback : v;
  }
}
