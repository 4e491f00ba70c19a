package org.conflictmap.preview;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.conflictmap.problem.BusyException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A server under a burst of preview requests stays within its memory: pictures are drawn a bounded
 * number at a time, the same picture requested many times at once is drawn once, the cache keeps to
 * its byte budget, and a request that cannot get a renderer in time is refused as busy rather than
 * drawn.
 */
class PreviewsTest {
  private final ExecutorService pool = Executors.newFixedThreadPool(16);

  @AfterEach
  void stop() {
    pool.shutdownNow();
  }

  static Scene scene(int i) {
    return new Scene(
        new Projection(36.6, 35.9, 7, 100, 50),
        List.of(),
        List.of(),
        new Scene.Caption("scene " + i, "", ""));
  }

  /** A renderer that takes a while and records how many drawings ran at once. */
  static final class SlowRenderer implements Function<Scene, byte[]> {
    final AtomicInteger running = new AtomicInteger();
    final AtomicInteger most = new AtomicInteger();
    final AtomicInteger drawn = new AtomicInteger();
    final int bytes;

    SlowRenderer(int bytes) {
      this.bytes = bytes;
    }

    @Override
    public byte[] apply(Scene s) {
      int now = running.incrementAndGet();
      most.accumulateAndGet(now, Math::max);
      try {
        Thread.sleep(30);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        running.decrementAndGet();
      }
      drawn.incrementAndGet();
      byte[] png = new byte[bytes];
      png[0] = (byte) s.caption().headline().hashCode();
      return png;
    }
  }

  @Test
  void aBurstOfDistinctScenesIsDrawnTwoAtATime() throws Exception {
    SlowRenderer r = new SlowRenderer(1000);
    Previews previews =
        new Previews(r, 2, 1 << 20, Duration.ofSeconds(30), System::currentTimeMillis);
    List<Future<byte[]>> answers = new ArrayList<>();
    CountDownLatch go = new CountDownLatch(1);
    for (int i = 0; i < 16; i++) {
      int n = i;
      answers.add(
          pool.submit(
              () -> {
                go.await();
                return previews.png(scene(n));
              }));
    }
    go.countDown();
    for (Future<byte[]> a : answers) {
      assertThat(a.get(30, TimeUnit.SECONDS)).hasSize(1000);
    }
    assertThat(r.drawn.get()).isEqualTo(16);
    assertThat(r.most.get()).isBetween(1, 2);
  }

  @Test
  void oneSceneAskedForManyTimesAtOnceIsDrawnOnce() throws Exception {
    SlowRenderer r = new SlowRenderer(1000);
    Previews previews =
        new Previews(r, 2, 1 << 20, Duration.ofSeconds(30), System::currentTimeMillis);
    CountDownLatch go = new CountDownLatch(1);
    List<Future<byte[]>> answers = new ArrayList<>();
    for (int i = 0; i < 12; i++) {
      answers.add(
          pool.submit(
              () -> {
                go.await();
                return previews.png(scene(7));
              }));
    }
    go.countDown();
    byte[] first = answers.get(0).get(30, TimeUnit.SECONDS);
    for (Future<byte[]> a : answers) {
      assertThat(a.get(30, TimeUnit.SECONDS)).isSameAs(first);
    }
    assertThat(r.drawn.get()).isEqualTo(1);
    // and later requests come from the cache
    assertThat(previews.png(scene(7))).isSameAs(first);
    assertThat(r.drawn.get()).isEqualTo(1);
  }

  @Test
  void theCacheKeepsToItsByteBudgetAndDropsTheLeastRecentlyUsed() {
    SlowRenderer r = new SlowRenderer(100_000);
    Previews previews =
        new Previews(r, 1, 1_000_000, Duration.ofSeconds(30), System::currentTimeMillis);
    previews.png(scene(0));
    for (int i = 1; i < 30; i++) {
      previews.png(scene(i));
      previews.png(scene(0)); // kept warm, so never the eldest
      assertThat(previews.cachedBytes()).isLessThanOrEqualTo(1_000_000);
    }
    assertThat(previews.cachedBytes()).isEqualTo(1_000_000);
    int drawn = r.drawn.get();
    assertThat(drawn).isEqualTo(30);
    previews.png(scene(0));
    previews.png(scene(29));
    assertThat(r.drawn.get()).as("recent scenes are still cached").isEqualTo(drawn);
    previews.png(scene(1));
    assertThat(r.drawn.get()).as("the eldest was dropped and is drawn again").isEqualTo(drawn + 1);
  }

  @Test
  void aRequestThatCannotGetARendererInTimeIsRefusedAsBusy() throws Exception {
    CountDownLatch drawing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    Previews previews =
        new Previews(
            s -> {
              drawing.countDown();
              try {
                release.await();
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return new byte[10];
            },
            1,
            1 << 20,
            Duration.ofMillis(200),
            System::currentTimeMillis);
    Future<byte[]> slow = pool.submit(() -> previews.png(scene(1)));
    assertThat(drawing.await(10, TimeUnit.SECONDS)).isTrue();
    assertThatThrownBy(() -> previews.png(scene(2)))
        .isInstanceOf(BusyException.class)
        .satisfies(e -> assertThat(((BusyException) e).retryAfter()).isPositive());
    release.countDown();
    assertThat(slow.get(10, TimeUnit.SECONDS)).hasSize(10);
    // the renderer is free again: the refused scene is drawn now
    assertThat(previews.png(scene(2))).hasSize(10);
  }

  @Test
  void aFailedDrawingIsNotCachedAndTheNextRequestDrawsAgain() {
    AtomicInteger calls = new AtomicInteger();
    Previews previews =
        new Previews(
            s -> {
              if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("out of fonts");
              }
              return new byte[5];
            },
            1,
            1 << 20,
            Duration.ofSeconds(5),
            System::currentTimeMillis);
    assertThatThrownBy(() -> previews.png(scene(3))).hasMessage("out of fonts");
    assertThat(previews.png(scene(3))).hasSize(5);
    assertThat(calls.get()).isEqualTo(2);
  }

  @Test
  void aViewIsDrawnOncePerFreshnessPeriodHoweverTheDataMoves() {
    SlowRenderer r = new SlowRenderer(100);
    AtomicLong now = new AtomicLong(1_000_000_000L);
    Previews previews = new Previews(r, 1, 1 << 20, Duration.ofSeconds(5), now::get);
    AtomicInteger built = new AtomicInteger();
    // every call would see a new scene (say, an event arrived), but the picture is reused
    Supplier<Scene> moving = () -> scene(built.incrementAndGet());
    byte[] first = previews.view("bbox=30,30,40,40", moving);
    now.addAndGet(Previews.VIEW_FRESH.toMillis() / 10);
    assertThat(previews.view("bbox=30,30,40,40", moving)).isSameAs(first);
    assertThat(built.get()).as("the store was read once").isEqualTo(1);
    previews.view("bbox=30,30,41,40", moving);
    assertThat(built.get()).as("another view is its own picture").isEqualTo(2);
    now.addAndGet(Previews.VIEW_FRESH.toMillis());
    previews.view("bbox=30,30,40,40", moving);
    assertThat(built.get()).as("a period later the view is drawn from the data again").isEqualTo(3);
    assertThat(r.drawn.get()).isEqualTo(3);
  }

  @Test
  void whileEveryRendererIsBusyAnEventDrawnBeforeGetsItsLastPictureAtOnce() throws Exception {
    CountDownLatch drawing = new CountDownLatch(1);
    CountDownLatch release = new CountDownLatch(1);
    AtomicInteger calls = new AtomicInteger();
    Previews previews =
        new Previews(
            s -> {
              if (calls.incrementAndGet() == 2) {
                drawing.countDown();
                try {
                  release.await();
                } catch (InterruptedException e) {
                  Thread.currentThread().interrupt();
                }
              }
              byte[] png = new byte[10];
              png[0] = (byte) s.caption().headline().hashCode();
              return png;
            },
            1,
            1 << 20,
            Duration.ofMillis(200),
            System::currentTimeMillis);
    byte[] before = previews.png(7L, scene(1));
    // another event takes the only renderer and keeps it
    Future<byte[]> other = pool.submit(() -> previews.png(8L, scene(2)));
    assertThat(drawing.await(10, TimeUnit.SECONDS)).isTrue();
    // event 7 was edited (a new scene): with no renderer free it gets its last picture, no wait
    long t0 = System.nanoTime();
    assertThat(previews.png(7L, scene(3))).isSameAs(before);
    assertThat(Duration.ofNanos(System.nanoTime() - t0)).isLessThan(Duration.ofMillis(150));
    // an event never drawn has nothing to fall back on: it waits, then is refused as busy
    assertThatThrownBy(() -> previews.png(9L, scene(4))).isInstanceOf(BusyException.class);
    release.countDown();
    assertThat(other.get(10, TimeUnit.SECONDS)).hasSize(10);
    // the renderer is free again: the edited event is drawn as it is now
    byte[] after = previews.png(7L, scene(3));
    assertThat(after).isNotSameAs(before);
    assertThat(after[0]).isEqualTo((byte) "scene 3".hashCode());
  }
}
