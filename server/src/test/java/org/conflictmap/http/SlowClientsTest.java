package org.conflictmap.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.conflictmap.App;
import org.conflictmap.TestTokens;
import org.conflictmap.config.Config;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: 250 connections dribbling a request body and 50 dribbling headers (a byte every 300 ms,
 * faster than the idle timeout) must not take the server down: more bodies than the server has
 * request threads. A normal read still answers while they dribble, and each of them is cut off once
 * it has spent the read deadline on its headers or its body.
 */
class SlowClientsTest {
  static final int BODIES = 250;
  static final int SLOW = BODIES + 50;
  @TempDir static Path data;
  static App app;

  @BeforeAll
  static void start() {
    app =
        App.start(
            Config.defaults()
                .withPort(0)
                .withDataDir(data)
                .withSample(true)
                .withTimeouts(Duration.ofSeconds(3), Duration.ofSeconds(2)));
  }

  @AfterAll
  static void stop() {
    app.close();
  }

  @Test
  void dribblingClientsAreCutOffAndTheMapStillAnswers() throws Exception {
    assertThat(BODIES)
        .as("more dribbling bodies than request threads")
        .isGreaterThan(HttpServer.MAX_THREADS);
    List<Socket> slow = new ArrayList<>();
    ScheduledExecutorService dribbler = Executors.newSingleThreadScheduledExecutor();
    // an editor's body: one without a token is refused before it is read (WriteAuthGateTest)
    String token = TestTokens.editor(app);
    try {
      for (int i = 0; i < SLOW; i++) {
        Socket s = new Socket("127.0.0.1", app.port());
        String start =
            i < BODIES
                // a body promised and sent a byte at a time
                ? "POST /api/articles HTTP/1.1\r\nHost: x\r\nContent-Type: text/plain\r\n"
                    + "Authorization: Bearer "
                    + token
                    + "\r\n"
                    + "Content-Length: 100000\r\n\r\nShelling"
                // headers that never end
                : "GET /api/events HTTP/1.1\r\nHost: x\r\nX-Slow: ";
        s.getOutputStream().write(start.getBytes(StandardCharsets.US_ASCII));
        slow.add(s);
      }
      dribbler.scheduleWithFixedDelay(
          () -> {
            for (Socket s : slow) {
              try {
                OutputStream out = s.getOutputStream();
                out.write('a');
                out.flush();
              } catch (IOException e) {
                // cut off: what the test wants
              }
            }
          },
          300,
          300,
          TimeUnit.MILLISECONDS);
      Thread.sleep(1000); // every slow client is now mid-request

      Http http = new Http(app.port());
      long t0 = System.nanoTime();
      Http.Response events = http.get("/api/events?bbox=35,35,38,37");
      long millis = (System.nanoTime() - t0) / 1_000_000;
      assertThat(events.status()).isEqualTo(200);
      assertThat(events.json().path("features")).isNotEmpty();
      assertThat(millis).as("a read while %d clients dribble, in ms", SLOW).isLessThan(10_000);

      // the deadline is 3 s: every slow client must be cut well before 20 s from its start
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
      int answered408 = 0;
      int open = 0;
      for (Socket s : slow) {
        String got = readUntilClosed(s, deadline);
        if (got == null) {
          open++;
        } else if (got.startsWith("HTTP/1.1 408")) {
          assertThat(got).contains("application/problem+json").contains("\"status\":408");
          answered408++;
        }
      }
      assertThat(open).as("slow clients still connected after 20 s").isZero();
      assertThat(answered408).as("slow clients told 408").isGreaterThan(SLOW / 2);
      assertThat(http.get("/api/events").status()).isEqualTo(200);
    } finally {
      dribbler.shutdownNow();
      for (Socket s : slow) {
        s.close();
      }
    }
  }

  @Test
  void aStalledClientIsClosedAfterTheIdleTimeout() throws Exception {
    try (Socket s = new Socket("127.0.0.1", app.port())) {
      s.getOutputStream().write("GET /api/events HTTP/1.1\r\nHost: x\r\n".getBytes());
      String got = readUntilClosed(s, System.nanoTime() + TimeUnit.SECONDS.toNanos(15));
      assertThat(got).as("closed within 15 s of a 2 s idle timeout").isNotNull();
    }
  }

  /** What the server sent before closing, or null if it is still open at the deadline. */
  private static String readUntilClosed(Socket s, long deadlineNanos) throws IOException {
    StringBuilder got = new StringBuilder();
    InputStream in = s.getInputStream();
    byte[] buf = new byte[4096];
    while (true) {
      long left = (deadlineNanos - System.nanoTime()) / 1_000_000;
      if (left <= 0) {
        return null;
      }
      s.setSoTimeout((int) Math.max(1, left));
      try {
        int n = in.read(buf);
        if (n < 0) {
          return got.toString();
        }
        got.append(new String(buf, 0, n, StandardCharsets.ISO_8859_1));
      } catch (SocketTimeoutException e) {
        return null;
      } catch (IOException e) {
        return got.toString(); // reset: closed
      }
    }
  }
}
