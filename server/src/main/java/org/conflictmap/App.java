package org.conflictmap;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.Javalin;
import java.time.Clock;
import org.conflictmap.config.Config;
import org.conflictmap.gazetteer.Gazetteer;
import org.conflictmap.geoparse.Geoparser;
import org.conflictmap.http.Api;
import org.conflictmap.http.CountryLayer;
import org.conflictmap.http.HttpServer;
import org.conflictmap.ingest.EventExtractor;
import org.conflictmap.ingest.Ingester;
import org.conflictmap.sample.SampleData;
import org.conflictmap.store.Database;
import org.conflictmap.store.EventStore;
import org.conflictmap.store.IngestStore;
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

  private App(Database db, Javalin http) {
    this.db = db;
    this.http = http;
  }

  /** Opens the store, loads the sample into an empty store if asked, and starts serving. */
  public static App start(Config config) {
    Services s = Services.open(config);
    try {
      if (config.sample() && s.isEmpty()) {
        SampleData.Loaded loaded =
            SampleData.load(s.ingester(), s.zones(), s.gazetteer(), s.json());
        LOG.info(
            "loaded the sample: {} event(s) and zone '{}'",
            loaded.article().events().size(),
            loaded.zone().name());
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
              s.zoneEvents());
      Javalin http = HttpServer.create(api).start(config.port());
      return new App(s.db(), http);
    } catch (RuntimeException e) {
      s.db().close();
      throw e;
    }
  }

  public int port() {
    return http.port();
  }

  @Override
  public void close() {
    http.stop();
    db.close();
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
      Gazetteer gazetteer = BundledGazetteer.get();
      Database db =
          config
              .jdbcUrl()
              .map(
                  url ->
                      Database.connect(
                          url, config.jdbcUser().orElse(null), config.jdbcPassword().orElse(null)))
              .orElseGet(() -> Database.embedded(config.dataDir()));
      ObjectMapper json = new ObjectMapper();
      IngestStore articles = new IngestStore(db);
      Ingester ingester =
          new Ingester(new EventExtractor(new Geoparser(gazetteer)), articles, Clock.systemUTC());
      return new Services(
          db,
          json,
          gazetteer,
          ingester,
          articles,
          new EventStore(db),
          new ZoneStore(db),
          new ZoneVersionStore(db),
          new ZoneEventStore(db, CountryOutlines.bundled()));
    }

    boolean isEmpty() {
      return articles.countArticles() == 0 && zones.count() == 0;
    }

    @Override
    public void close() {
      db.close();
    }
  }

  /**
   * The bundled gazetteer, loaded once per JVM: it is immutable and takes a few seconds to build.
   */
  static final class BundledGazetteer {
    private static volatile Gazetteer instance;

    private BundledGazetteer() {}

    static Gazetteer get() {
      Gazetteer g = instance;
      if (g == null) {
        synchronized (BundledGazetteer.class) {
          g = instance;
          if (g == null) {
            instance = g = Gazetteer.loadDefault();
          }
        }
      }
      return g;
    }
  }
}
