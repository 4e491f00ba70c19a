package org.conflictmap.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A per-client limit on writes: each remote address has a bucket of {@code perMinute} writes that
 * refills evenly over a minute; a write finding it empty gets {@code 429} problem+json with {@code
 * Retry-After}, before its body is read. Reads are not limited. Behind a reverse proxy every client
 * has the proxy's address: raise the limit there, or limit at the proxy.
 */
final class WriteRateLimit extends Handler.Wrapper {
  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
  private static final int MAX_CLIENTS = 100_000;

  private final int perMinute;
  private final double nanosPerWrite;
  private final LongSupplier clock;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  WriteRateLimit(int perMinute) {
    this(perMinute, System::nanoTime);
  }

  WriteRateLimit(int perMinute, LongSupplier nanoClock) {
    this.perMinute = perMinute;
    this.nanosPerWrite = 60e9 / perMinute;
    this.clock = nanoClock;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (READS.contains(request.getMethod())) {
      return super.handle(request, response, callback);
    }
    long waitNanos = take(Request.getRemoteAddr(request));
    if (waitNanos == 0) {
      return super.handle(request, response, callback);
    }
    long seconds = Math.max(1, (waitNanos + 999_999_999L) / 1_000_000_000L);
    String body =
        "{\"type\":\"about:blank\",\"title\":\"Too many writes\",\"status\":429,\"detail\":"
            + "\"this client has made more than "
            + perMinute
            + " writes in a minute; try again in "
            + seconds
            + " s\",\"retry_after_seconds\":"
            + seconds
            + "}";
    response.setStatus(429);
    response.getHeaders().put(HttpHeader.CONTENT_TYPE, Problems.CONTENT_TYPE);
    response.getHeaders().put(HttpHeader.RETRY_AFTER, String.valueOf(seconds));
    response.getHeaders().put("X-Content-Type-Options", "nosniff");
    response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
    response.write(true, ByteBuffer.wrap(body.getBytes(StandardCharsets.UTF_8)), callback);
    return true;
  }

  /** Takes one write from the client's bucket: 0 if there was one, else the wait for the next. */
  long take(String client) {
    long now = clock.getAsLong();
    if (buckets.size() > MAX_CLIENTS) {
      // a full bucket is the same as none: forget those, so many addresses cannot fill the heap
      buckets.values().removeIf(b -> b.full(now));
    }
    Bucket b = buckets.computeIfAbsent(client, k -> new Bucket(now, perMinute));
    synchronized (b) {
      b.refill(now);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      return (long) Math.ceil((1 - b.tokens) * nanosPerWrite);
    }
  }

  private final class Bucket {
    double tokens;
    long at;

    Bucket(long now, double tokens) {
      this.at = now;
      this.tokens = tokens;
    }

    void refill(long now) {
      tokens = Math.min(perMinute, tokens + (now - at) / nanosPerWrite);
      at = now;
    }

    synchronized boolean full(long now) {
      return tokens + (now - at) / nanosPerWrite >= perMinute;
    }
  }
}
