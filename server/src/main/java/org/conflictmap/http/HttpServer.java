package org.conflictmap.http;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.javalin.Javalin;
import io.javalin.http.HttpResponseException;
import io.javalin.http.staticfiles.Location;
import jakarta.servlet.DispatcherType;
import java.util.EnumSet;
import java.util.concurrent.atomic.AtomicReference;
import org.conflictmap.config.Config;
import org.conflictmap.problem.BusyException;
import org.conflictmap.problem.InputException;
import org.conflictmap.store.StoreException;
import org.conflictmap.zones.ZoneImport;
import org.eclipse.jetty.ee10.servlet.FilterHolder;
import org.eclipse.jetty.http.HttpException;
import org.eclipse.jetty.io.EofException;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.handler.EagerContentHandler;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Every route, static file and error mapping, wired in one place. */
public final class HttpServer {
  private static final Logger LOG = LoggerFactory.getLogger(HttpServer.class);

  /** Request threads at most; Jetty's selector threads come out of these too. */
  static final int MAX_THREADS = 200;

  /** How long a stopping server waits for the requests in flight before it stops anyway. */
  public static final java.time.Duration STOP_GRACE = java.time.Duration.ofSeconds(10);

  private HttpServer() {}

  /** The server for {@code api}, listening on the configured bind address and port once started. */
  public static Javalin create(Api api) {
    Config settings = api.config();
    AtomicReference<Server> jetty = new AtomicReference<>();
    return Javalin.create(
        config -> {
          config.startup.showJavalinBanner = false;
          config.http.maxRequestSize = settings.maxBodyBytes();
          // Bounded threads; a slow client holds none of them (see below), so they go to real work.
          QueuedThreadPool threads = new QueuedThreadPool(MAX_THREADS, 8, 60_000);
          threads.setName("conflictmap-http");
          config.jetty.threadPool = threads;
          config.jetty.modifyServer(jetty::set);
          config.jetty.addConnector(
              (server, http) -> {
                ServerConnector c = new ServerConnector(server, new HttpConnectionFactory(http));
                c.setHost(settings.bind());
                c.setPort(settings.port());
                c.setIdleTimeout(settings.idleTimeout().toMillis());
                server.addBean(new ReadDeadline(c, settings.readTimeout()));
                return c;
              });
          config.events.serverStarting(
              () -> {
                Server server = jetty.get();
                // The whole body is read without a thread before a route sees it: a client
                // dribbling its body holds a socket, not one of the threads.
                server.insertHandler(
                    new EagerContentHandler(
                        new EagerContentHandler.RetainedContentLoaderFactory(
                            Math.max(settings.maxBodyBytes(), ZoneImport.MAX_BYTES), -1, true)));
                if (!settings.open()) {
                  // a write without a token is refused before its body is read
                  server.insertHandler(new WriteAuthGate());
                }
                // Graceful stop: the connectors stop accepting, requests in flight finish (the
                // store is closed only after, see App.close), idle connections are closed.
                server.setStopTimeout(STOP_GRACE.toMillis());
                server.insertHandler(new Draining());
                if (settings.writeRatePerMinute() > 0) {
                  // outermost: a client over its limit is refused before its body is read
                  server.insertHandler(
                      new WriteRateLimit(settings.writeRatePerMinute(), settings.trustedProxies()));
                }
              });
          config.staticFiles.add("/public", Location.CLASSPATH);
          config.staticFiles.enableWebjars();
          config.routes.before(ctx -> ctx.header("X-Content-Type-Options", "nosniff"));
          config.routes.before(FramePolicy::apply);
          config.routes.before(CrossSite::headers);
          config.routes.before(CrossSite::refuseSimpleCrossSiteWrite);
          config.jetty.modifyServer(server -> server.setErrorHandler(new ProblemErrorHandler()));
          config.jetty.modifyServletContextHandler(
              h ->
                  h.addFilter(
                      new FilterHolder(new NoMethodOverride()),
                      "/*",
                      EnumSet.of(DispatcherType.REQUEST)));
          // HEAD is answered by the GET route, body counted and dropped (HeadAsGet).
          config.jetty.modifyServletContextHandler(
              h ->
                  h.addFilter(
                      new FilterHolder(new HeadAsGet()), "/*", EnumSet.of(DispatcherType.REQUEST)));
          // Tokens are compared case-exactly: Jetty's per-connection header cache matches header
          // lines case-insensitively and would hand a reused connection the earlier request's value
          // (a token differing only in case would pass). No cache, no interning of values.
          config.jetty.modifyHttpConfiguration(
              h -> {
                h.setHeaderCacheSize(0);
                h.setHeaderCacheCaseSensitive(true);
              });
          new AuthRoutes(api).register(config.routes);

          new ArticleRoutes(api).register(config.routes);
          // before EventRoutes, so /api/events/latest is not read as an event id
          new LiveRoutes(api).register(config.routes);
          // before EventRoutes: /api/events/{id} would take "clusters" for an id
          new AggregateRoutes(api, api.aggregates()).register(config.routes);
          new EventRoutes(api).register(config.routes);
          new CorrectionRoutes(api).register(config.routes);
          new OutlineRoutes(api).register(config.routes);
          new ZoneRoutes(api).register(config.routes);
          new PlaceRoutes(api).register(config.routes);
          new LabelRoutes(api).register(config.routes);
          new FeedRoutes(api).register(config.routes);
          new EventPageRoutes(api).register(config.routes);
          new PreviewRoutes(api).register(config.routes);
          new OEmbedRoutes(api).register(config.routes);
          new OgcRoutes(api).register(config.routes);
          new ExportRoutes(api).register(config.routes);
          new ImportRoutes(api).register(config.routes);

          config.routes.exception(
              InputException.class,
              (e, ctx) -> {
                if (e.kind() == InputException.Kind.UNAUTHORIZED) {
                  ctx.header("WWW-Authenticate", "Bearer realm=\"conflictmap\"");
                }
                Problems.write(
                    ctx, api.json(), e.kind().status(), e.title(), e.detail(), e.extensions());
              });
          config.routes.exception(
              JsonProcessingException.class,
              (e, ctx) ->
                  Problems.write(
                      ctx,
                      api.json(),
                      400,
                      "Malformed JSON",
                      "the body is not valid JSON: " + e.getOriginalMessage()));
          config.routes.exception(
              HttpResponseException.class,
              (e, ctx) ->
                  Problems.write(
                      ctx,
                      api.json(),
                      e.getStatus(),
                      titleFor(e.getStatus()),
                      detailFor(e, ctx.path())));
          config.routes.exception(
              BusyException.class,
              (e, ctx) -> {
                ctx.header("Retry-After", Long.toString(e.retryAfter().toSeconds()));
                Problems.write(ctx, api.json(), 503, "Server busy", e.detail());
              });
          config.routes.exception(
              StoreException.class,
              (e, ctx) -> {
                if (e.isQueryTimeout()) {
                  // the database cancelled the read at query.timeout.ms: the core is free again
                  ctx.header("Retry-After", "5");
                  Problems.write(
                      ctx,
                      api.json(),
                      503,
                      "Query took too long",
                      "the database stopped this query after "
                          + api.config().queryTimeout().toMillis()
                          + " ms; narrow the filter (a smaller bbox or a shorter datetime) or try"
                          + " again later");
                  return;
                }
                if (e.isLockConflict()) {
                  // another writer held what this one needed: rolled back, safe to retry
                  ctx.header("Retry-After", "2");
                  Problems.write(
                      ctx,
                      api.json(),
                      503,
                      "Busy",
                      "another change to the same data was in progress and this one waited too"
                          + " long; nothing was changed, try again");
                  return;
                }
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                Problems.write(
                    ctx,
                    api.json(),
                    500,
                    "Internal error",
                    "the server could not complete the request; nothing was changed");
              });
          config.routes.exception(
              Exception.class,
              (e, ctx) -> {
                int refused = badRequestStatus(e);
                if (refused > 0) {
                  Problems.write(
                      ctx,
                      api.json(),
                      refused,
                      "Bad request",
                      "the request body is not well-formed HTTP (its framing or length)");
                  return;
                }
                LOG.error("{} {} failed", ctx.method(), ctx.path(), e);
                Problems.write(
                    ctx,
                    api.json(),
                    500,
                    "Internal error",
                    "the server could not complete the request; nothing was changed");
              });
        });
  }

  /**
   * The 4xx status when reading the request failed because of the client (a broken chunked body, a
   * body cut short), or 0 when the failure is ours.
   */
  private static int badRequestStatus(Throwable e) {
    for (Throwable t = e; t != null; t = t.getCause()) {
      if (t instanceof HttpException h) {
        int code = h.getCode();
        return code >= 400 && code < 500 ? code : 400;
      }
      if (t instanceof EofException) {
        return 400;
      }
    }
    return 0;
  }

  private static String titleFor(int status) {
    return switch (status) {
      case 404 -> "Not found";
      case 405 -> "Method not allowed";
      case 413 -> "Body too large";
      default -> "Request refused";
    };
  }

  private static String detailFor(HttpResponseException e, String path) {
    return switch (e.getStatus()) {
      case 404 -> "nothing is served at " + path;
      case 413 -> "the request body is larger than this server accepts";
      default -> e.getMessage();
    };
  }

  /**
   * Counts the requests in flight for a graceful stop. A request that arrives on a kept-alive
   * connection once the stop has begun is not served (the store is about to close) and not given a
   * 5xx: its connection is closed unanswered, as a closed port would refuse it, so the client
   * retries elsewhere or later knowing nothing was done.
   */
  static final class Draining extends org.eclipse.jetty.server.handler.GracefulHandler {
    @Override
    public boolean handle(
        org.eclipse.jetty.server.Request request,
        org.eclipse.jetty.server.Response response,
        org.eclipse.jetty.util.Callback callback)
        throws Exception {
      if (isShutdown()) {
        request.getConnectionMetaData().getConnection().getEndPoint().close();
        callback.failed(new EofException("the server is stopping"));
        return true;
      }
      return super.handle(request, response, callback);
    }
  }
}
