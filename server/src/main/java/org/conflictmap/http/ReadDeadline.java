package org.conflictmap.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.jetty.http.HttpParser;
import org.eclipse.jetty.io.EndPoint;
import org.eclipse.jetty.server.AbstractConnector;
import org.eclipse.jetty.server.internal.HttpConnection;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.util.component.AbstractLifeCycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Cuts off a client that takes too long to send a request, however steadily it dribbles. The idle
 * timeout alone closes only a silent connection: one byte every few seconds keeps a request open
 * for hours. A sweeper looks at every connection twice a second; one that has spent longer than the
 * deadline in a request's headers, or again in its body, gets {@code 408} problem+json and is
 * closed.
 */
final class ReadDeadline extends AbstractLifeCycle {
  private static final Logger LOG = LoggerFactory.getLogger(ReadDeadline.class);

  private enum Phase {
    HEADERS,
    BODY
  }

  /** Where a connection was when first seen reading, and since when. */
  private record Mark(Phase phase, long messagesIn, long since) {
    /** Whether what is seen now is the same request as the mark, still being read. */
    boolean continues(Phase now, long in) {
      // Jetty counts a request in once its headers are complete, so headers to body may add one
      return in == messagesIn
          || (phase == Phase.HEADERS && now == Phase.BODY && in == messagesIn + 1);
    }
  }

  private final AbstractConnector connector;
  private final long limitNanos;
  private final long periodMillis;
  private final Map<EndPoint, Mark> marks = new HashMap<>(); // the sweeper thread's alone
  private ScheduledExecutorService sweeper;

  ReadDeadline(AbstractConnector connector, Duration limit) {
    this.connector = connector;
    this.limitNanos = limit.toNanos();
    this.periodMillis = Math.max(50, Math.min(500, limit.toMillis() / 4));
  }

  @Override
  protected void doStart() {
    sweeper =
        Executors.newSingleThreadScheduledExecutor(
            r -> {
              Thread t = new Thread(r, "conflictmap-read-deadline");
              t.setDaemon(true);
              return t;
            });
    sweeper.scheduleWithFixedDelay(
        this::sweepSafely, periodMillis, periodMillis, TimeUnit.MILLISECONDS);
  }

  @Override
  protected void doStop() {
    sweeper.shutdownNow();
    marks.clear();
  }

  private void sweepSafely() {
    try {
      sweep(System.nanoTime());
    } catch (RuntimeException e) {
      LOG.warn("read deadline sweep failed", e); // the next sweep tries again
    }
  }

  private void sweep(long now) {
    Set<EndPoint> seen = new HashSet<>();
    for (EndPoint ep : connector.getConnectedEndPoints()) {
      seen.add(ep);
      if (!(ep.getConnection() instanceof HttpConnection c)) {
        marks.remove(ep);
        continue;
      }
      Phase phase = phase(c.getParser());
      if (phase == null) {
        marks.remove(ep);
        continue;
      }
      long in = c.getMessagesIn();
      Mark m = marks.get(ep);
      if (m == null || !m.continues(phase, in)) {
        marks.put(ep, new Mark(phase, in, now));
      } else if (now - m.since() > limitNanos) {
        marks.remove(ep);
        cut(ep);
      } else if (m.phase() != phase) {
        marks.put(ep, new Mark(phase, in, now)); // the body gets its own deadline
      }
    }
    marks.keySet().retainAll(seen);
  }

  /** Headers or body still arriving, or null between requests and once a request is in. */
  private static Phase phase(HttpParser p) {
    if (p.isStart() || p.isComplete() || p.isClose() || p.isClosed()) {
      return null;
    }
    if (p.inHeaderState()) {
      return Phase.HEADERS;
    }
    return p.inContentState() ? Phase.BODY : null;
  }

  private static void cut(EndPoint ep) {
    String body =
        "{\"type\":\"about:blank\",\"title\":\"Request timeout\",\"status\":408,"
            + "\"detail\":\"the request was not received in time; send it again, faster\"}";
    String head =
        "HTTP/1.1 408 Request Timeout\r\nContent-Type: "
            + Problems.CONTENT_TYPE
            + "\r\nContent-Length: "
            + body.length()
            + "\r\nConnection: close\r\nCache-Control: no-store\r\n\r\n";
    ByteBuffer answer = ByteBuffer.wrap((head + body).getBytes(StandardCharsets.US_ASCII));
    try {
      // nothing has been answered yet on this request, so nothing else writes here
      ep.write(Callback.from(ep::close, x -> ep.close()), answer);
    } catch (IllegalStateException e) { // a write pending, or the endpoint already closed
      ep.close();
    }
  }
}
