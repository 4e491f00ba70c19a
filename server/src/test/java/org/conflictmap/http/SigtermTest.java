package org.conflictmap.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: SIGTERM a server process under concurrent reads and writes. It stops accepting, answers
 * every request it accepted without a 5xx (the store closes only after the last one), keeps every
 * acknowledged write for the next start, and exits 0.
 */
class SigtermTest {
  @TempDir Path data;

  @Test
  void sigtermUnderLoadAnswersWhatItAcceptedLosesNothingAndExitsZero() throws Exception {
    CrashHarness.Result r = new CrashHarness(data, 7, true).run(2, 2000);
    CrashHarness.print(r);
    assertThat(r.ackedWrites()).as("writes acknowledged before the signals").isGreaterThan(2);
    assertThat(r.reads()).isGreaterThan(2);
    assertThat(r.problems()).as("5xx answers, bad exit codes, lost writes").isEmpty();
    assertThat(r.unopenable()).isZero();
    assertThat(r.lostWrites()).isZero();
    assertThat(r.readErrors()).isZero();
  }
}
