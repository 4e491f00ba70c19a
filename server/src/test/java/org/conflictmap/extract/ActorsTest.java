package org.conflictmap.extract;

import static org.assertj.core.api.Assertions.assertThat;

import org.conflictmap.events.Actor;
import org.conflictmap.geoparse.TestGazetteer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Actor phrases as the text names them, with their country where the text says it. */
class ActorsTest {
  static Actors actors;

  @BeforeAll
  static void load() {
    actors = new Actors(TestGazetteer.get());
  }

  @Test
  void rolePhrasesKeepTheirModifiers() {
    assertThat(
            actors.in(
                "Earlier this month, Russian-backed regime forces intensified their offensive."))
        .containsExactly(new Actor("Russian-backed regime forces", null));
    assertThat(actors.in("Syrian government forces, backed by Russia, pressed on."))
        .contains(new Actor("Syrian government forces", "SY"));
    assertThat(actors.in("Clashes broke out between rebels and Turkish troops."))
        .containsExactly(new Actor("rebels", null), new Actor("Turkish troops", "TR"));
  }

  @Test
  void namedGroups() {
    assertThat(actors.in("Hayat Tahrir al-Sham fighters attacked an army post."))
        .contains(new Actor("Hayat Tahrir al-Sham", null));
    assertThat(actors.in("The Taliban claimed responsibility."))
        .contains(new Actor("Taliban", null));
  }

  @Test
  void officeHoldersAndStatesActing() {
    assertThat(actors.in("Russian President Vladimir Putin received the Turkish leader."))
        .contains(new Actor("Russian President Vladimir Putin", "RU"));
    assertThat(actors.in("He met Iran's President Hassan Rouhani."))
        .contains(new Actor("Iran's President Hassan Rouhani", "IR"));
    assertThat(actors.in("Turkey and Russia agreed last September to act."))
        .contains(new Actor("Turkey", "TR"), new Actor("Russia", "RU"));
  }

  @Test
  void aBackerIsNotTheActorsOwnCountry() {
    assertThat(actors.in("Turkish-backed fighters advanced."))
        .containsExactly(new Actor("Turkish-backed fighters", null));
  }

  @Test
  void noActorIsNoActor() {
    assertThat(actors.in("The weather was hot.")).isEmpty();
  }
}
