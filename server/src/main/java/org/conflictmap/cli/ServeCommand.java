package org.conflictmap.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.UnknownHostException;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.conflictmap.App;
import org.conflictmap.config.Config;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(
    name = "serve",
    mixinStandardHelpOptions = true,
    description = "Serve the map and the API (the sample is loaded into an empty store).")
final class ServeCommand implements Callable<Integer> {
  @Option(
      names = "--port",
      paramLabel = "PORT",
      description = "HTTP port (default: 7070, or CONFLICTMAP_PORT).")
  Integer port;

  @Option(
      names = "--bind",
      paramLabel = "ADDRESS",
      description =
          "Address to listen on (default: 127.0.0.1, this machine only; 0.0.0.0 for every"
              + " address; or CONFLICTMAP_BIND).")
  String bind;

  @Option(
      names = "--write-rate",
      paramLabel = "N",
      description =
          "Writes a minute one client address may make, 0 for no limit (default: 600, or"
              + " CONFLICTMAP_WRITE_RATE_PER_MINUTE).")
  Integer writeRate;

  @Option(
      names = "--trusted-proxy",
      paramLabel = "ADDRESS",
      split = ",",
      description =
          "A reverse proxy in front of this server (address or CIDR range; repeatable): writes"
              + " from it count against the client its X-Forwarded-For names (default: none, or"
              + " CONFLICTMAP_TRUSTED_PROXIES).")
  java.util.List<String> trustedProxies;

  @Option(
      names = "--no-sample",
      description = "Start with an empty store instead of the bundled sample.")
  boolean noSample;

  @Option(
      names = "--open",
      description =
          "Laptop mode: anyone who can reach the port may write, no token asked. Never on a shared"
              + " network.")
  boolean open;

  @Mixin DataOptions data = new DataOptions();

  @Override
  public Integer call() throws InterruptedException {
    App app;
    try {
      app = start(System.out);
    } catch (PortInUse e) {
      System.err.println(e.getMessage());
      return 1;
    }
    // SIGTERM and Ctrl-C stop the server in order (App.close: stop accepting, finish the requests
    // in flight, close the store) and exit 0; a plain shutdown hook would run beside the JVM's
    // others and leave with 143. The hook stays for every other way out (System.exit elsewhere).
    CountDownLatch stop = new CountDownLatch(1);
    for (String name : new String[] {"TERM", "INT"}) {
      try {
        sun.misc.Signal.handle(new sun.misc.Signal(name), s -> stop.countDown());
      } catch (IllegalArgumentException e) {
        // this platform has no such signal (or the JVM reserved it): the hook below still closes
      }
    }
    Runtime.getRuntime().addShutdownHook(new Thread(app::close, "conflictmap-stop"));
    stop.await();
    app.close();
    return 0;
  }

  /** Starts serving and says so on {@code out}, with the first admin token if one was made. */
  App start(PrintStream out) {
    Config config = data.config();
    if (port != null) {
      config = config.withPort(port);
    }
    if (bind != null) {
      config = config.withBind(bind);
    }
    if (writeRate != null) {
      config = config.withWriteRatePerMinute(writeRate);
    }
    if (trustedProxies != null) {
      config = config.withTrustedProxies(String.join(",", trustedProxies));
    }
    if (noSample) {
      config = config.withSample(false);
    }
    if (open) {
      config = config.withOpen(true);
    }
    InetAddress address = address(config.bind());
    if (config.port() != 0 && !free(address, config.port())) {
      // before the store or the sample touch the data directory
      throw new PortInUse(
          address.isLoopbackAddress() || address.isAnyLocalAddress()
              ? "conflictmap: port "
                  + config.port()
                  + " is already in use; pick another with --port"
              : "conflictmap: port "
                  + config.port()
                  + " is already in use on "
                  + config.bind()
                  + ", or that is not an address of this machine; pick another --port or --bind");
    }
    if (config.open()) {
      out.println(
          "WARNING: --open: writes need NO token; anyone who can reach this port can change the"
              + " map");
    }
    App app = App.start(config);
    String host =
        address.isLoopbackAddress() || address.isAnyLocalAddress()
            ? "localhost"
            : address instanceof Inet6Address ? "[" + config.bind() + "]" : config.bind();
    out.println(
        "conflictmap is serving http://"
            + host
            + ":"
            + app.port()
            + "/ (data in "
            + config.dataDir().toAbsolutePath()
            + "; listening on "
            + (address.isAnyLocalAddress() ? "every address" : config.bind())
            + "); Ctrl-C stops it");
    app.firstAdminToken()
        .ifPresent(
            t ->
                out.println(
                    "first admin token (shown once, only its hash is kept; create more with"
                        + " `conflictmap tokens create NAME --role editor`): "
                        + t));
    return app;
  }

  /** The port asked for is taken: said in one line, before anything is touched. */
  static final class PortInUse extends RuntimeException {
    PortInUse(String message) {
      super(message);
    }
  }

  /** The bind address, or a one-line refusal naming it. */
  private static InetAddress address(String bind) {
    try {
      return InetAddress.getByName(bind.replace("[", "").replace("]", ""));
    } catch (UnknownHostException e) {
      throw new PortInUse(
          "conflictmap: cannot listen on " + bind + ": not an address of this host");
    }
  }

  /** Whether a server could listen on the port of that address now, as the server will. */
  static boolean free(InetAddress address, int port) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true); // as Jetty does: a socket in TIME_WAIT does not hold the port
      probe.bind(new InetSocketAddress(address, port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
