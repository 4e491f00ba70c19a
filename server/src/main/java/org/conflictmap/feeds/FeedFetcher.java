package org.conflictmap.feeds;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.Charset;
import java.time.Duration;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.conflictmap.problem.InputException;

/**
 * Downloads feeds with bounded cost: a connect timeout, one deadline for the whole exchange
 * (redirects and a slowly trickling body included), a size cap enforced while the body streams, at
 * most a few redirects and only http and https. Sends the validators of the last fetch, so an
 * unchanged feed costs a 304 and no body.
 */
public final class FeedFetcher {

  /**
   * What one fetch may cost.
   *
   * @param connectTimeout longest wait for a TCP (and TLS) connection
   * @param timeout longest time for the whole fetch, redirects and body included
   * @param maxBytes largest body read; a larger one is refused, not truncated
   * @param maxRedirects most redirects followed
   */
  public record Limits(Duration connectTimeout, Duration timeout, long maxBytes, int maxRedirects) {
    /** 10 s to connect, 30 s in all, 5 MB, 5 redirects: generous for any real news feed. */
    public static Limits defaults() {
      return new Limits(Duration.ofSeconds(10), Duration.ofSeconds(30), 5L * 1024 * 1024, 5);
    }
  }

  /** The validators remembered from the last successful fetch; either may be null. */
  public record Validators(String etag, String lastModified) {
    public static final Validators NONE = new Validators(null, null);
  }

  /**
   * A fetched feed.
   *
   * @param url where the body came from, after redirects (relative links resolve against it)
   * @param body the bytes, or empty when the server answered 304 Not Modified
   * @param validators the ETag and Last-Modified to send next time
   * @param charset the charset named by the Content-Type header, if any
   */
  public record Fetched(
      URI url, Optional<byte[]> body, Validators validators, Optional<Charset> charset) {
    public boolean notModified() {
      return body.isEmpty();
    }
  }

  private static final Pattern CHARSET =
      Pattern.compile("(?i);\\s*charset\\s*=\\s*\"?([A-Za-z0-9._:+-]+)");
  private static final String USER_AGENT = "conflictmap/0.1 (feed reader)";
  private static final String ACCEPT =
      "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9,"
          + " application/xml;q=0.9, text/xml;q=0.9, */*;q=0.1";

  private final Limits limits;
  private final HttpClient client;

  public FeedFetcher(Limits limits) {
    this.limits = limits;
    // redirects are followed by hand, to count them and check each target's scheme
    this.client =
        HttpClient.newBuilder()
            .connectTimeout(limits.connectTimeout())
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();
  }

  public Limits limits() {
    return limits;
  }

  /** Refuses anything but an absolute http(s) URL: a feed reader must not read file: or ftp:. */
  public static URI checkUrl(URI url) {
    String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
    if (!(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null) {
      throw new InputException(
          InputException.Kind.UNPROCESSABLE,
          "Invalid feed URL",
          "a feed must be an absolute http or https URL, got '" + url + "'");
    }
    return url;
  }

  /** The URL as it may be shown to anyone: a user name and password in it are masked. */
  public static String redact(URI url) {
    if (url.getRawUserInfo() == null) {
      return url.toString();
    }
    return url.toString().replace(url.getRawUserInfo() + "@", "***@");
  }

  /** Fetches the feed, or throws with the reason it could not be had in time and size. */
  public Fetched fetch(URI url, Validators last) throws FeedException {
    long deadline = System.nanoTime() + limits.timeout().toNanos();
    URI current = url;
    for (int hop = 0; ; hop++) {
      if (!isHttp(current)) {
        throw new FeedException(
            FeedException.Reason.REFUSED,
            "only http and https feeds are fetched, not " + current.getScheme() + ": " + current);
      }
      HttpResponse<byte[]> r = send(current, last, deadline);
      int status = r.statusCode();
      if (status == 200) {
        return new Fetched(current, Optional.of(r.body()), validators(r), charset(r));
      }
      if (status == 304) {
        // a 304 may omit validators it did not change; keep the ones we sent
        Validators v = validators(r);
        return new Fetched(
            current,
            Optional.empty(),
            new Validators(
                v.etag() != null ? v.etag() : last.etag(),
                v.lastModified() != null ? v.lastModified() : last.lastModified()),
            Optional.empty());
      }
      if (isRedirect(status)) {
        Optional<String> location = r.headers().firstValue("Location");
        if (location.isEmpty()) {
          throw new FeedException(
              FeedException.Reason.HTTP, "HTTP " + status + " without Location");
        }
        if (hop >= limits.maxRedirects()) {
          throw new FeedException(
              FeedException.Reason.HTTP,
              "more than " + limits.maxRedirects() + " redirects, last to " + location.get());
        }
        current = resolve(current, location.get());
        continue;
      }
      throw new FeedException(
          FeedException.Reason.HTTP, "HTTP " + status + " from " + redact(current));
    }
  }

  private HttpResponse<byte[]> send(URI url, Validators last, long deadline) throws FeedException {
    long remaining = deadline - System.nanoTime();
    if (remaining <= 0) {
      throw timeout();
    }
    HttpRequest.Builder b =
        HttpRequest.newBuilder(url)
            .timeout(Duration.ofNanos(remaining))
            .header("User-Agent", USER_AGENT)
            .header("Accept", ACCEPT)
            .GET();
    if (last.etag() != null) {
      b.header("If-None-Match", last.etag());
    }
    if (last.lastModified() != null) {
      b.header("If-Modified-Since", last.lastModified());
    }
    CompletableFuture<HttpResponse<byte[]>> pending =
        client.sendAsync(
            b.build(),
            info ->
                info.statusCode() == 200
                    ? new CappedBody(
                        limits.maxBytes(),
                        info.headers().firstValueAsLong("Content-Length").orElse(-1))
                    : HttpResponse.BodySubscribers.replacing(new byte[0]));
    try {
      // HttpRequest.timeout bounds the wait for headers only; this bounds the body too
      return pending.get(remaining, TimeUnit.NANOSECONDS);
    } catch (TimeoutException e) {
      pending.cancel(true);
      throw timeout();
    } catch (InterruptedException e) {
      pending.cancel(true);
      Thread.currentThread().interrupt();
      throw new FeedException(FeedException.Reason.TIMEOUT, "interrupted while fetching " + url);
    } catch (ExecutionException e) {
      throw failure(url, e.getCause());
    }
  }

  private FeedException timeout() {
    return new FeedException(
        FeedException.Reason.TIMEOUT,
        "no complete answer within " + limits.timeout().toMillis() + " ms");
  }

  private FeedException failure(URI url, Throwable cause) {
    for (Throwable t = cause; t != null; t = t.getCause()) {
      if (t instanceof CappedBody.TooLarge tooLarge) {
        return new FeedException(FeedException.Reason.TOO_LARGE, tooLarge.getMessage(), t);
      }
      if (t instanceof HttpConnectTimeoutException) {
        return new FeedException(
            FeedException.Reason.TIMEOUT,
            "could not connect to "
                + url.getHost()
                + " within "
                + limits.connectTimeout().toMillis()
                + " ms",
            t);
      }
      if (t instanceof HttpTimeoutException) {
        return new FeedException(FeedException.Reason.TIMEOUT, timeout().getMessage(), t);
      }
      if (t instanceof ConnectException) {
        return new FeedException(
            FeedException.Reason.NETWORK,
            "cannot connect to " + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort()),
            t);
      }
    }
    String what = cause instanceof IOException ? "network error" : "fetch failed";
    String message =
        cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
    return new FeedException(FeedException.Reason.NETWORK, what + ": " + message, cause);
  }

  private static Validators validators(HttpResponse<?> r) {
    return new Validators(
        r.headers().firstValue("ETag").orElse(null),
        r.headers().firstValue("Last-Modified").orElse(null));
  }

  /** The charset parameter of the Content-Type, when it names one this JVM has. */
  private static Optional<Charset> charset(HttpResponse<?> r) {
    Matcher m = CHARSET.matcher(r.headers().firstValue("Content-Type").orElse(""));
    if (!m.find()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Charset.forName(m.group(1)));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }

  private static boolean isRedirect(int status) {
    return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
  }

  private static boolean isHttp(URI u) {
    String scheme = u.getScheme() == null ? "" : u.getScheme().toLowerCase(Locale.ROOT);
    return (scheme.equals("http") || scheme.equals("https")) && u.getHost() != null;
  }

  private static URI resolve(URI base, String location) throws FeedException {
    try {
      return base.resolve(location.strip());
    } catch (IllegalArgumentException e) {
      throw new FeedException(
          FeedException.Reason.HTTP, "redirect to an invalid address: " + location, e);
    }
  }
}
