package org.conflictmap.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Announced events are planned, not happened. */
class PlannedTest {
  static boolean planned(String sentence, String cue) {
    int at = sentence.indexOf(cue);
    assertThat(at).as(cue).isGreaterThanOrEqualTo(0);
    return Planned.around(sentence, at, at + cue.length());
  }

  @Test
  void futureCuesMakeAnEventPlanned() {
    assertThat(planned("The two leaders will hold a summit in Ankara on September 16.", "summit"))
        .isTrue();
    assertThat(planned("Erdogan and Putin agreed to hold a summit on Syria.", "summit")).isTrue();
    assertThat(planned("The ministers are due to meet in Geneva.", "meet in")).isTrue();
    assertThat(planned("The opposition plans to march on Friday.", "march")).isTrue();
    assertThat(planned("Talks scheduled for next week in Astana.", "Talks")).isTrue();
    assertThat(planned("The summit is expected to take place in Tehran.", "summit")).isTrue();
  }

  @Test
  void pastReportsAreNot() {
    assertThat(planned("Leaders held talks near Moscow on Tuesday.", "held talks")).isFalse();
    assertThat(planned("The summit was held in Ankara as planned.", "summit")).isFalse();
  }

  @Test
  void aFutureWordElsewhereInTheSentenceSaysNothingOfThisEvent() {
    String s =
        "Shelling killed four people in Hama on Monday, and the government said later in a long"
            + " statement from the capital that it will respond.";
    assertThat(planned(s, "Shelling")).isFalse();
    assertThat(Planned.in(s)).isTrue();
  }
}
