package org.conflictmap.extract;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dates resolved against the article's date, Tuesday 27 August 2019. */
class DatesTest {
  static final LocalDate ARTICLE = LocalDate.of(2019, 8, 27);

  static When only(String sentence) {
    return only(sentence, false);
  }

  static When only(String sentence, boolean forward) {
    List<When> found = Dates.in(sentence, ARTICLE, forward);
    assertThat(found).as(sentence).hasSize(1);
    return found.get(0);
  }

  static void day(String sentence, String iso) {
    When w = only(sentence);
    assertThat(w.from()).as(sentence).isEqualTo(LocalDate.parse(iso));
    assertThat(w.to()).as(sentence).isNull();
    assertThat(w.precision()).as(sentence).isEqualTo(When.DAY);
  }

  static void range(String sentence, boolean forward, String from, String to, int precision) {
    When w = only(sentence, forward);
    assertThat(w.from()).as(sentence).isEqualTo(LocalDate.parse(from));
    assertThat(w.to()).as(sentence).isEqualTo(LocalDate.parse(to));
    assertThat(w.precision()).as(sentence).isEqualTo(precision);
  }

  @Test
  void weekdaysAreTheLastOneForPastEventsAndTheNextOneForPlannedOnes() {
    day("Leaders met on Tuesday.", "2019-08-27"); // the article's own day
    day("Shelling hit Homs on Monday.", "2019-08-26");
    day("Rebels attacked on Wednesday night.", "2019-08-21");
    day("It happened last Tuesday.", "2019-08-20");
    When planned = only("They will meet on Tuesday.", true);
    assertThat(planned.from()).isEqualTo(LocalDate.of(2019, 9, 3));
    assertThat(only("They meet next Friday.", false).from()).isEqualTo(LocalDate.of(2019, 8, 30));
  }

  @Test
  void relativeDays() {
    day("Clashes erupted yesterday.", "2019-08-26");
    day("A rocket hit the town overnight.", "2019-08-26");
    day("Protesters gathered today.", "2019-08-27");
    day("Two soldiers died three days ago.", "2019-08-24");
  }

  @Test
  void weeksMonthsAndSince() {
    range("Fighting raged last week.", false, "2019-08-19", "2019-08-25", When.WEEK);
    range("Earlier this month, forces advanced.", false, "2019-08-01", "2019-08-27", When.MONTH);
    range("500 civilians were killed since May.", false, "2019-05-01", "2019-08-27", When.MONTH);
    range("Dozens died last month.", false, "2019-07-01", "2019-07-31", When.MONTH);
    range("Turkey and Russia agreed last September.", false, "2018-09-01", "2018-09-30", 3);
    range("They clashed in March 2019.", false, "2019-03-01", "2019-03-31", When.MONTH);
    range("Attacks rose since 20 August.", false, "2019-08-20", "2019-08-27", When.WEEK);
  }

  @Test
  void explicitDatesInCommonFormats() {
    day("The summit was on September 16, 2019.", "2019-09-16");
    day("The summit opened on 16 September 2019.", "2019-09-16");
    day("The ceasefire began on 2019-08-12.", "2019-08-12");
    day("It began on 12/08/2019.", "2019-08-12");
    day("It began on 08/13/2019.", "2019-08-13"); // month first when the day cannot be
    day("Talks resumed on Aug. 5.", "2019-08-05");
    day("Talks resumed on 5th August.", "2019-08-05");
  }

  @Test
  void aDayWithoutAYearIsThePastOneUnlessTheEventIsPlanned() {
    assertThat(only("Talks held on September 16.").from()).isEqualTo(LocalDate.of(2018, 9, 16));
    assertThat(only("A summit in Ankara on September 16.", true).from())
        .isEqualTo(LocalDate.of(2019, 9, 16));
    assertThat(only("Sept. 16 is the date.", true).from()).isEqualTo(LocalDate.of(2019, 9, 16));
  }

  @Test
  void impossibleDatesAreSkippedNotGuessed() {
    assertThat(Dates.in("It happened on 30 February 2019.", ARTICLE, false)).isEmpty();
    assertThat(Dates.in("Dated 2019-13-45 in the report.", ARTICLE, false)).isEmpty();
    assertThat(Dates.in("On 29 February the town fell.", ARTICLE, false)).isEmpty();
  }

  @Test
  void wordsThatOnlyLookLikeDatesAreNot() {
    assertThat(Dates.in("The talks may resume, officials said.", ARTICLE, false)).isEmpty();
    assertThat(Dates.in("Rebels march on the town.", ARTICLE, false)).isEmpty();
  }

  @Test
  void theNextDayCountsFromTheDateBeforeIt() {
    List<When> found =
        Dates.in(
            "Shelling hit Hama on 2019-07-24, and fighting followed the next day.", ARTICLE, false);
    assertThat(found)
        .extracting(When::from)
        .containsExactly(LocalDate.of(2019, 7, 24), LocalDate.of(2019, 7, 25));
    assertThat(Dates.in("Fighting followed the next day.", ARTICLE, false)).isEmpty();
  }

  @Test
  void eachDateKeepsItsSpan() {
    String s = "He said on Tuesday that 12 people were killed on Sunday.";
    List<When> found = Dates.in(s, ARTICLE, false);
    assertThat(found).hasSize(2);
    assertThat(s.substring(found.get(1).start(), found.get(1).end())).isEqualTo("on Sunday");
    assertThat(found.get(1).from()).isEqualTo(LocalDate.of(2019, 8, 25));
  }
}
