package org.conflictmap.events;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * A first, transparent event typer: ACLED event and sub-event types chosen by cue words in the
 * sentence. The table is read top to bottom and the first row whose pattern matches wins; a
 * sentence that matches no row is "Unclassified" rather than a guess.
 */
public final class EventTypes {
  public static final String UNCLASSIFIED = "Unclassified";

  /** An ACLED type and sub-type, and the cue that selects it. */
  public record Rule(String eventType, String subEventType, Pattern cue) {}

  public record Type(String eventType, String subEventType) {}

  private static Rule rule(String type, String subType, String regex) {
    return new Rule(
        type, subType, Pattern.compile("\\b(?:" + regex + ")", Pattern.CASE_INSENSITIVE));
  }

  /** The rules, most specific first. */
  public static final List<Rule> RULES =
      List.of(
          rule(
              "Explosions/Remote violence",
              "Air/drone strike",
              "air ?strikes?|air raids?|drone strikes?|warplanes?|"
                  + "bombed from the air|barrel bombs?"),
          rule(
              "Explosions/Remote violence",
              "Shelling/artillery/missile attack",
              "shell(?:ing|ed|s)|artillery|"
                  + "mortars?|rockets? (?:fire|attacks?)|missiles? (?:strikes?|attacks?)"),
          rule("Explosions/Remote violence", "Suicide bomb", "suicide (?:bomb|attack)"),
          rule(
              "Explosions/Remote violence",
              "Remote explosive/landmine/IED",
              "roadside bomb|landmines?|\\bIEDs?\\b|" + "car bomb"),
          rule(
              "Violence against civilians",
              "Attack",
              "civilians (?:were |had been )?(?:killed|injured|wounded)|" + "massacre"),
          rule(
              "Violence against civilians",
              "Abduction/forced disappearance",
              "abduct(?:ed|ion)|kidnapp(?:ed|ing)"),
          rule(
              "Battles",
              "Armed clash",
              "clash(?:es|ed)?|fighting|fought|battles?|offensive|firefight|" + "exchange of fire"),
          rule(
              "Battles",
              "Government regains territory",
              "recaptur(?:ed|e)|retook|regained control"),
          rule(
              "Battles",
              "Non-state actor overtakes territory",
              "seized control|overran|captured the town"),
          rule("Riots", "Violent demonstration", "riot(?:s|ers|ing)?"),
          rule(
              "Protests",
              "Peaceful protest",
              "protest(?:s|ers|ed)?|demonstrat(?:ion|ors|ed)|rall(?:y|ies)|march(?:ed)?"),
          rule(
              "Strategic developments",
              "Agreement",
              "agree(?:d|ment)|\\bdeal\\b|cease-?fire|truce|accord"),
          rule(
              "Strategic developments",
              "Headquarters or base established",
              "observation posts?|established a base"),
          rule(
              "Strategic developments",
              "Other",
              "talks|summit|negotiat(?:e|ions?)|meeting|met with"));

  private EventTypes() {}

  /** The type of the first rule whose cue the sentence contains, or {@link #UNCLASSIFIED}. */
  public static Type classify(String sentence) {
    String s = sentence.toLowerCase(Locale.ROOT);
    for (Rule r : RULES) {
      if (r.cue().matcher(s).find()) {
        return new Type(r.eventType(), r.subEventType());
      }
    }
    return new Type(UNCLASSIFIED, null);
  }
}
