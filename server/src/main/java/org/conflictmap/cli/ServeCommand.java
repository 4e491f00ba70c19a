package org.conflictmap.cli;

import java.io.IOException;
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

  @Mixin DataOptions data = new DataOptions();

  @Override
  public Integer call() throws InterruptedException {
    Config config = data.config();
    if (port != null) {
      config = config.withPort(port);
    }
    if (noSample) {
      config = config.withSample(false);
    }
    if (config.port() != 0 && !free(config.port())) {
      // before the store or the sample touch the data directory
      System.err.println(
          "conflictmap: port " + config.port() + " is already in use; pick another with --port");
      return 1;
    }
    App app = App.start(config);
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  app.close();
                  stopped.countDown();
                }));
    System.out.println(
        "conflictmap is serving http://localhost:"
            + app.port()
            + "/ (data in "
            + config.dataDir().toAbsolutePath()
            + "); Ctrl-C stops it");
    stopped.await();
    return 0;
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
