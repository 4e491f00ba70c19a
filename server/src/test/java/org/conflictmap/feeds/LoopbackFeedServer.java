package org.conflictmap.feeds;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A real HTTP server on loopback for feed tests (the JDK's com.sun.net.httpserver), serving feeds
 * whose content a test can change between polls, and recording every request it gets.
 */
public final class LoopbackFeedServer implements AutoCloseable {
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Map<String, List<Headers>> requests = new ConcurrentHashMap<>();

  public LoopbackFeedServer() throws IOException {
    server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
    // one thread per exchange, so a deliberately slow feed does not hold up the others
    server.setExecutor(threads);
    server.start();
  }

  public URI url(String path) {
    return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + path);
  }

  /** Serves whatever {@code body} holds at request time, with an ETag derived from it. */
  public URI feed(String path, AtomicReference<String> body) {
    return handle(
        path,
        ex -> {
          String text = body.get();
          String etag = "\"" + Integer.toHexString(text.hashCode()) + "\"";
          ex.getResponseHeaders().set("ETag", etag);
          if (etag.equals(ex.getRequestHeaders().getFirst("If-None-Match"))) {
            ex.sendResponseHeaders(304, -1);
            ex.close();
            return;
          }
          send(ex, 200, "application/rss+xml", text);
        });
  }

  /** Serves a fixed document. */
  public URI fixed(String path, String contentType, String body) {
    return handle(path, ex -> send(ex, 200, contentType, body));
  }

  /** Serves at this path with a handler of the test's own. */
  public URI handle(String path, HttpHandler handler) {
    server.createContext(
        path,
        ex -> {
          requests
              .computeIfAbsent(path, p -> new CopyOnWriteArrayList<>())
              .add(ex.getRequestHeaders());
          try {
            handler.handle(ex);
          } catch (IOException e) {
            // the client went away (a timeout or a refused body): nothing to answer
          } finally {
            ex.close();
          }
        });
    return url(path);
  }

  /** The request headers of every request made to this path, in order. */
  public List<Headers> requests(String path) {
    return requests.getOrDefault(path, List.of());
  }

  public static void send(HttpExchange ex, int status, String contentType, String body)
      throws IOException {
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    ex.getResponseHeaders().set("Content-Type", contentType);
    ex.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
    try (OutputStream out = ex.getResponseBody()) {
      out.write(bytes);
    }
  }

  @Override
  public void close() {
    server.stop(0);
    threads.shutdownNow();
  }

  /** An RSS 2.0 document with these items. */
  public static String rss(String... items) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        + "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\">"
        + "<channel><title>Test wire</title><link>https://wire.example/</link>"
        + String.join("", items)
        + "</channel></rss>";
  }

  /** An RSS item; null parts are left out. */
  public static String item(
      String guid, String link, String title, String description, String pubDate) {
    StringBuilder b = new StringBuilder("<item>");
    if (guid != null) {
      b.append("<guid isPermaLink=\"false\">").append(guid).append("</guid>");
    }
    if (link != null) {
      b.append("<link>").append(link).append("</link>");
    }
    if (title != null) {
      b.append("<title>").append(title).append("</title>");
    }
    if (description != null) {
      b.append("<description><![CDATA[").append(description).append("]]></description>");
    }
    if (pubDate != null) {
      b.append("<pubDate>").append(pubDate).append("</pubDate>");
    }
    return b.append("</item>").toString();
  }
}
