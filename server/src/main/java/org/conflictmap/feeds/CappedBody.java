package org.conflictmap.feeds;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Flow;

/**
 * Collects a response body up to a cap and cancels the download the moment the cap is passed, so a
 * huge or endless body costs at most the cap in memory and never more than that in traffic.
 */
final class CappedBody implements HttpResponse.BodySubscriber<byte[]> {

  /** The body passed the cap; extends IOException so the HTTP client passes it through as is. */
  static final class TooLarge extends IOException {
    TooLarge(String message) {
      super(message);
    }
  }

  private final long max;
  private final long declared;
  private final CompletableFuture<byte[]> result = new CompletableFuture<>();
  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private Flow.Subscription subscription;

  /**
   * @param declared the Content-Length the server announced, or -1
   */
  CappedBody(long max, long declared) {
    this.max = max;
    this.declared = declared;
  }

  @Override
  public void onSubscribe(Flow.Subscription s) {
    subscription = s;
    if (declared > max) {
      s.cancel();
      result.completeExceptionally(
          new TooLarge("the feed is " + declared + " bytes; at most " + max + " are read"));
      return;
    }
    // onNext only copies into memory, so there is nothing to pace: take what comes
    s.request(Long.MAX_VALUE);
  }

  @Override
  public void onNext(List<ByteBuffer> buffers) {
    if (result.isDone()) {
      return;
    }
    for (ByteBuffer b : buffers) {
      if ((long) out.size() + b.remaining() > max) {
        subscription.cancel();
        result.completeExceptionally(
            new TooLarge("the feed is larger than " + max + " bytes, the most that is read"));
        return;
      }
      if (b.hasArray()) {
        out.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
      } else {
        byte[] chunk = new byte[b.remaining()];
        b.get(chunk);
        out.write(chunk, 0, chunk.length);
      }
    }
  }

  @Override
  public void onError(Throwable t) {
    result.completeExceptionally(t);
  }

  @Override
  public void onComplete() {
    result.complete(out.toByteArray());
  }

  @Override
  public CompletionStage<byte[]> getBody() {
    return result;
  }
}
