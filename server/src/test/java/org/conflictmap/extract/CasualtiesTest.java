package org.conflictmap.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Fatalities and injuries by ACLED's rules. */
class CasualtiesTest {
  static void counts(String sentence, Integer fatalities, Integer injuries) {
    Casualties c = Casualties.in(sentence);
    assertThat(c.fatalities()).as("fatalities in: " + sentence).isEqualTo(fatalities);
    assertThat(c.injuries()).as("injuries in: " + sentence).isEqualTo(injuries);
  }

  @Test
  void theLowestFigureReported() {
    counts(
        "More than 500 civilians were killed and more than 1,200 others injured since May.",
        500,
        1200);
    counts("Between 10 and 15 fighters died in the fighting.", 10, null);
    counts("Officials said 10 to 15 people were killed.", 10, null);
    counts("At least 12 people were killed, and up to 30 wounded.", 12, 30);
    counts("Some 40 people were killed, though others said 35 people died.", 35, null);
  }

  @Test
  void numbersAsWords() {
    counts("A drone strike killed three fighters.", 3, null);
    counts("Gunmen killed twenty-five villagers.", 25, null);
    counts("Two hundred and forty soldiers were killed.", 240, null);
    counts("A suicide bomber struck, killing at least twelve people and injuring 42.", 12, 42);
    counts("A soldier was killed by a sniper.", 1, null);
    counts("An attacker threw a grenade, injuring seven people.", null, 7);
  }

  @Test
  void vagueWordsAsAcledCodesThem() {
    counts("Security forces opened fire, killing dozens of people.", 12, null);
    counts("A car bomb exploded, killing scores of people.", 20, null);
    counts("Hundreds of people were injured.", null, 100);
    counts("Several civilians were killed.", 10, null);
    counts("Dozens were wounded.", null, 12);
  }

  @Test
  void notStatedIsNullAndNoneIsZero() {
    counts("Shelling hit Homs on Monday.", null, null);
    counts("A rocket struck a school, but no one was hurt.", 0, 0);
    counts("The blast caused no casualties.", 0, 0);
    counts("Nobody was killed, but four people were wounded.", 0, 4);
  }

  @Test
  void yearsDatesAndAgesAreNotHeadCounts() {
    counts("He was killed in 2019 by a landmine.", 1, null);
    counts("Fighters killed on 16 September 12 were buried.", null, null);
    counts("A 12-year-old boy was killed.", 1, null);
  }

  @Test
  void numbersParseInEveryForm() {
    assertThat(Numbers.value("1,200")).hasValue(1200);
    assertThat(Numbers.value("twenty-five")).hasValue(25);
    assertThat(Numbers.value("a dozen")).hasValue(12);
    assertThat(Numbers.value("two hundred")).hasValue(200);
    assertThat(Numbers.value("dozens of")).hasValue(12);
    assertThat(Numbers.value("99999999999")).isEmpty();
    assertThat(Numbers.value("many")).isEmpty();
  }
}
