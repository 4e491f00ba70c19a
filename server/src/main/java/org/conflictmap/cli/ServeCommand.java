package org.conflictmap.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
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
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.close();
                  stopped.countDown();
                }));
    stopped.await();
    return 0;
  }

  /** Starts serving and says so on {@code out}, with the first admin token if one was made. */
  App start(PrintStream out) {
    Config config = data.config();
    if (port != null) {
      config = config.withPort(port);
    }
    if (noSample) {
      config = config.withSample(false);
    }
    if (open) {
      config = config.withOpen(true);
    }
    if (config.port() != 0 && !free(config.port())) {
      // before the store or the sample touch the data directory
      throw new PortInUse(
          "conflictmap: port " + config.port() + " is already in use; pick another with --port");
    }
    if (config.open()) {
      out.println(
          "WARNING: --open: writes need NO token; anyone who can reach this port can change the"
              + " map");
    }
    App app = App.start(config);
    out.println(
        "conflictmap is serving http://localhost:"
            + app.port()
            + "/ (data in "
            + config.dataDir().toAbsolutePath()
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

  /** Whether a server could listen on the port now (on every address, as the server does). */
  static boolean free(int port) {
    try (ServerSocket probe = new ServerSocket()) {
      probe.setReuseAddress(true); // as Jetty does: a socket in TIME_WAIT does not hold the port
      probe.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
