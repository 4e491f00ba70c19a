package org.conflictmap.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 12: SIGKILL the server while articles, zones and corrections are written and the map is
 * read; every restart must open the store with every acknowledged write in it, and no read may fail
 * because writes are running. Three rounds here; {@code -Dcrash.rounds=20} for the long run.
 */
class CrashTest {
  @TempDir Path data;

  @Test
  void acknowledgedWritesSurviveSigkillAndTheStoreReopens() throws Exception {
    int rounds = Integer.getInteger("crash.rounds", 3);
    CrashHarness.Result r = new CrashHarness(data, 12).run(rounds, 3000);
    CrashHarness.print(r);
    assertThat(r.ackedWrites()).as("writes acknowledged before the kills").isGreaterThan(rounds);
    assertThat(r.reads()).as("bbox reads during the writes").isGreaterThan(rounds);
    assertThat(r.problems()).isEmpty();
    assertThat(r.unopenable()).isZero();
    assertThat(r.lostWrites()).isZero();
    assertThat(r.readErrors()).isZero();
  }
}
