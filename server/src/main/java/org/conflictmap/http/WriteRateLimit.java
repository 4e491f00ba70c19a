package org.conflictmap.http;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;
import org.conflictmap.config.AddressRanges;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;

/**
 * A per-client limit on writes: each remote address has a bucket of {@code perMinute} writes that
 * refills evenly over a minute; a write finding it empty gets {@code 429} problem+json with {@code
 * Retry-After}, before its body is read. Reads are not limited. Behind a reverse proxy, list it in
 * {@code trusted.proxies}: a request from it counts against the client its {@code X-Forwarded-For}
 * names (see {@link #client}); from any other peer that header is ignored.
 */
final class WriteRateLimit extends Handler.Wrapper {
  private static final Set<String> READS = Set.of("GET", "HEAD", "OPTIONS");
  private static final int MAX_CLIENTS = 100_000;

  private final int perMinute;
  private final double nanosPerWrite;
  private final LongSupplier clock;
  private final AddressRanges trustedProxies;
  private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

  WriteRateLimit(int perMinute, AddressRanges trustedProxies) {
    this(perMinute, trustedProxies, System::nanoTime);
  }

  WriteRateLimit(int perMinute, AddressRanges trustedProxies, LongSupplier nanoClock) {
    this.perMinute = perMinute;
    this.nanosPerWrite = 60e9 / perMinute;
    this.clock = nanoClock;
    this.trustedProxies = trustedProxies;
  }

  @Override
  public boolean handle(Request request, Response response, Callback callback) throws Exception {
    if (READS.contains(request.getMethod())) {
      return super.handle(request, response, callback);
    }
    long waitNanos =
        take(
            client(
                Request.getRemoteAddr(request),
                request.getHeaders().getValuesList("X-Forwarded-For"),
                trustedProxies));
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

  /**
   * The address a write is counted against: the peer, unless the peer is a trusted proxy; then the
   * rightmost {@code X-Forwarded-For} entry that is not a trusted proxy (entries to its left were
   * written by the client and prove nothing). A malformed entry stops the walk at the last proxy,
   * so garbage cannot be used to spread one client over many buckets.
   */
  static String client(String peer, List<String> forwardedFor, AddressRanges trusted) {
    if (trusted.isEmpty() || !trusted.contains(peer) || forwardedFor.isEmpty()) {
      return peer;
    }
    List<String> hops = new ArrayList<>();
    for (String header : forwardedFor) {
      for (String hop : header.split(",")) {
        hops.add(hop.strip());
      }
    }
    String last = peer;
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i);
      if (AddressRanges.literal(hop).isEmpty()) {
        return last;
      }
      if (!trusted.contains(hop)) {
        return hop;
      }
      last = hop;
    }
    return last;
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
