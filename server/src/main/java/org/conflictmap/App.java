package org.conflictmap;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.conflictmap.config.Config;
import org.conflictmap.feeds.FeedScheduler;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.geoparse.Geoparser;
import org.conflictmap.http.Api;
import org.conflictmap.http.CountryLayer;
import org.conflictmap.http.HttpServer;
import org.conflictmap.ingest.EventExtractor;
import org.conflictmap.ingest.Ingester;
import org.conflictmap.sample.SampleData;
import org.conflictmap.store.AuditStore;
import org.conflictmap.store.Database;
import org.conflictmap.store.EventAggregates;
import org.conflictmap.store.EventImportStore;
import org.conflictmap.store.EventStore;
import org.conflictmap.store.FeedStore;
import org.conflictmap.store.IngestStore;
import org.conflictmap.store.LatestEvents;
import org.conflictmap.store.TokenStore;
import org.conflictmap.store.ZoneEventStore;
import org.conflictmap.store.ZoneStore;
import org.conflictmap.store.ZoneVersionStore;
import org.conflictmap.zones.CountryOutlines;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The running application: store, geoparser and HTTP server, built from one {@link Config}. */
public final class App implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(App.class);

  private final Database db;
  private final Javalin http;
  private final FeedScheduler feeds;

  /** The name of the admin token made when a fresh store is served. */
  public static final String FIRST_ADMIN = "first-admin";

  private final Api api;
  private final String firstAdminToken;

  private App(Database db, Javalin http, FeedScheduler feeds, Api api, String firstAdminToken) {
    this.db = db;
    this.http = http;
    this.feeds = feeds;
    this.api = api;
    this.firstAdminToken = firstAdminToken;
  }

  /**
   * The admin token made on this start because the store had none (not open, no {@code
   * editor.token}); empty on every later start. Shown once; only its hash is stored.
   */
  public Optional<String> firstAdminToken() {
    return Optional.ofNullable(firstAdminToken);
  }

  /** The token store, for the command line and the tests to create tokens on a running server. */
  public TokenStore tokens() {
    return api.tokens();
  }

  /** Opens the store, loads the sample into an empty store if asked, and starts serving. */
  public static App start(Config config) {
    Services s = Services.open(config);
    try {
      if (config.sample() && s.isEmpty()) {
        SampleData.Loaded loaded =
            SampleData.load(s.ingester(), s.zones(), s.gazetteer(), s.json());
        LOG.info(
            "loaded the sample: {} event(s) and {} zone(s)",
            loaded.article().events().size(),
            loaded.zones().size());
      }
      Api api =
          new Api(
              config,
              s.json(),
              s.gazetteer(),
              s.ingester(),
              s.articles(),
              s.events(),
              s.zones(),
              CountryLayer.bundled(),
              s.zoneVersions(),
              s.zoneEvents(),
              new FeedStore(s.db()),
              new TokenStore(s.db()),
              new AuditStore(s.db()),
              new LatestEvents(s.db()),
              new EventAggregates(s.db()),
              new EventImportStore(s.db()));
      String firstAdmin = null;
      if (!config.open() && config.editorToken().isEmpty() && api.tokens().count() == 0) {
        // a fresh store with no way to write: make the first admin token, shown once
        firstAdmin = api.tokens().create(FIRST_ADMIN, TokenStore.Role.ADMIN).secret();
      }
      Javalin http = HttpServer.create(api).start(); // on config.bind() and config.port()
      return new App(
          s.db(), http, FeedScheduler.start(config, api.feeds(), s.ingester()), api, firstAdmin);
    } catch (RuntimeException e) {
      s.db().close();
      throw e;
    }
  }

  public int port() {
    return http.port();
  }

  private final java.util.concurrent.atomic.AtomicBoolean closed =
      new java.util.concurrent.atomic.AtomicBoolean();

  /**
   * Stops in the order that loses nothing: feeds; then Jetty stops accepting, answers the requests
   * in flight (up to {@link HttpServer#STOP_GRACE}) and stops; the store closes last. Safe to call
   * twice (the signal handler and the shutdown hook).
   */
  @Override
  public void close() {
    if (!closed.compareAndSet(false, true)) {
      return;
    }
    try {
      feeds.close();
      try {
        http.stop();
      } catch (RuntimeException e) {
        // Jetty stops everything even when requests outlast the grace period; it only reports
        // the overrun afterwards. Those requests were cut, not acknowledged: close the store.
        if (!(rootCause(e) instanceof java.util.concurrent.TimeoutException)) {
          throw e;
        }
        System.err.println(
            "conflictmap: requests still running after "
                + HttpServer.STOP_GRACE
                + " were cut at shutdown");
      }
    } finally {
      db.close();
    }
  }

  private static Throwable rootCause(Throwable e) {
    Throwable t = e;
    while (t.getCause() != null && t.getCause() != t) {
      t = t.getCause();
    }
    return t;
  }

  /** The domain services, shared by the server and the command line. */
  public record Services(
      Database db,
      ObjectMapper json,
      Gazetteer gazetteer,
      Ingester ingester,
      IngestStore articles,
      EventStore events,
      ZoneStore zones,
      ZoneVersionStore zoneVersions,
      ZoneEventStore zoneEvents)
      implements AutoCloseable {

    public static Services open(Config config) {
      // the gazetteer loads on its own thread while the store opens and migrates
      CompletableFuture<Gazetteer> loading =
          CompletableFuture.supplyAsync(() -> Gazetteer.open(config.dataDir()));
      Database db =
          config
              .jdbcUrl()
              .map(
                  url ->
                      Database.connect(
                          url, config.jdbcUser().orElse(null), config.jdbcPassword().orElse(null)))
              .orElseGet(() -> Database.embedded(config.dataDir()));
      ObjectMapper json = new ObjectMapper();
      Gazetteer gazetteer;
      try {
        gazetteer = loading.join();
      } catch (CompletionException e) {
        db.close();
        throw e.getCause() instanceof RuntimeException r ? r : e;
      }
      IngestStore articles = new IngestStore(db);
      Ingester ingester =
          new Ingester(new EventExtractor(new Geoparser(gazetteer)), articles, Clock.systemUTC());
      return new Services(
          db,
          json,
          gazetteer,
          ingester,
          articles,
          new EventStore(db, config.queryTimeout()),
          new ZoneStore(db),
          new ZoneVersionStore(db),
          new ZoneEventStore(db, CountryOutlines::bundled));
    }

    boolean isEmpty() {
      return articles.countArticles() == 0 && zones.count() == 0;
    }

    @Override
    public void close() {
      db.close();
    }
  }
}
