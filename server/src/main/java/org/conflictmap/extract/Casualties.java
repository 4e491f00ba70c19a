package org.conflictmap.extract;

import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fatalities and injuries a sentence reports, by ACLED's rules: the lowest figure given ("more than
 * 500" is 500, "between 10 and 15" is 10), vague words by {@link Numbers}, null when the text gives
 * no figure and 0 only when it says that no one died. Deaths and injuries are kept apart.
 *
 * @param fatalities null when not stated
 * @param injuries null when not stated
 */
public record Casualties(Integer fatalities, Integer injuries) {
  public static final Casualties NONE = new Casualties(null, null);

  private static final String DEATH =
      "(?:killed|dead|died|slain|executed|massacred|shot dead|beheaded|lost their lives|perished"
          + "|lost his life|lost her life)";
  private static final String HURT =
      "(?:injured|wounded|hurt|maimed|taken to hospitals?|hospitali[sz]ed|admitted to hospitals?)";
  private static final String BE =
      "(?:(?:were|was|are|is|have been|has been|had been|being|got|reportedly|also|allegedly"
          + "|later|all) )*";

  /** Words that may stand between a figure and its verb: "civilians", "government soldiers". */
  private static final String NOUNS =
      "(?:(?!(?:were|was|are|is|had|have|has|been|and|or|but|in|on|at|after|when|while|as|by"
          + "|killed|dead|died|injured|wounded|hurt|than|since|during|that|which|who|years?|months?"
          + "|weeks?|days|decades?)\\b)[\\p{L}'’-]+ ){0,4}";

  private static Pattern figureBefore(String verb) {
    return Pattern.compile(
        "\\b" + Numbers.FIGURE + " " + NOUNS + BE + verb + "\\b" + NOT_DIED,
        Pattern.CASE_INSENSITIVE);
  }

  /** "three of the wounded died": the wounded who died are deaths, not an injury count. */
  private static final String NOT_DIED = "(?! (?:later |have |had |has )?(?:died|succumbed))";

  /**
   * An updated toll ("the death toll rose to 19", "raising the toll to ten"): it replaces the
   * figure reported before it, where other figures only fill a gap.
   */
  private static final Pattern TOLL_UPDATE =
      Pattern.compile(
          "\\b(?:(?:death )?toll (?:has |had )?(?:rose|risen|climbed|reached|jumped|increased|grew"
              + "|went up) (?:to|at)|(?:raising|bringing|taking|pushing|putting|lifting) the"
              + " (?:death )?toll to) "
              + Numbers.FIGURE
              + "\\b",
          Pattern.CASE_INSENSITIVE);

  private static Pattern figureAfter(String verbs) {
    return Pattern.compile(
        "\\b" + verbs + " (?:" + NOUNS.replace("{0,4}", "{0,1}") + ")?" + Numbers.FIGURE + "\\b",
        Pattern.CASE_INSENSITIVE);
  }

  private static final Pattern[] FATAL = {
    figureBefore(DEATH),
    figureAfter(
        "(?:killing|killed|kills|kill|shot dead|shooting dead|gunned down|leaving|left|leaves"
            + "|claimed the lives of|claiming the lives of"
            + "|(?:death )?toll (?:has |had )?(?:rose|risen|climbed|reached|stood|jumped|increased"
            + "|grew|went up) (?:to|at)|death toll of|toll of"
            + "|(?:raising|bringing|taking|pushing|putting|lifting) the (?:death )?toll to"
            + "|executed|executing)"),
    Pattern.compile(
        "\\b" + Numbers.FIGURE + " (?:\\p{L}+ )?(?:deaths|fatalities|bodies|lives)\\b",
        Pattern.CASE_INSENSITIVE),
  };

  private static final Pattern[] HURT_PATTERNS = {
    figureBefore(HURT),
    figureAfter("(?:injuring|injured|wounding|wounded|injures|wounds|hurting)"),
    Pattern.compile(
        "\\b" + Numbers.FIGURE + " (?:\\p{L}+ )?(?:injuries|casualties)\\b",
        Pattern.CASE_INSENSITIVE),
  };

  /**
   * A war's toll named in passing ("ending a war that killed hundreds of thousands"): background,
   * not this event's figures.
   */
  private static final String BACKGROUND_TOLL =
      "(?i)\\b(?:war|wars|conflict|insurgency|uprising|crisis|violence|fighting|campaign|civil war)"
          + " (?:that|which) (?:has |have |had )?(?:so far )?(?:killed|claimed|left)[^,;.]*";

  /** One person named by office: "killed the governor", "President Moise was killed". */
  private static final String ONE_PERSON =
      "(?:president|prime minister|governor|mayor|commander|minister|leader|journalist|priest"
          + "|judge|imam|chief|general|colonel|deputy|lawmaker|senator)";

  /** "killing 170 civilians and 13 troops": a second figure that adds to the first. */
  private static final Pattern AND_MORE =
      Pattern.compile(
          "\\G (?:[\\p{L}'’-]+ ){1,3}?and (?:at least |some |about |another |a further )?"
              + Numbers.FIGURE
              + " (?:[\\p{L}'’-]+ ){0,2}?(?:troops|soldiers|civilians|people|fighters|policemen"
              + "|police officers|officers|children|women|men|militants|others|attackers|passengers"
              + "|members|workers|guards|rebels|insurgents|gunmen)\\b",
          Pattern.CASE_INSENSITIVE);

  /** People counted one by one: "a guide", "a security guard". */
  private static final String PERSON =
      "(?:guide|guard|driver|child|boy|girl|man|woman|soldier|policeman|policewoman|officer"
          + "|civilian|worker|journalist|priest|imam|teacher|student|farmer|passenger|resident"
          + "|nurse|doctor|shopkeeper|trader|herder|pilgrim|tourist|worshipper|fighter|militant)";

  /** "killing three tourists and an Afghan guide": one more, named by its article. */
  private static final Pattern AND_ONE =
      Pattern.compile(
          "\\G (?:[\\p{L}'’-]+ ){0,3}?and (?:an?|one) (?:[\\p{L}'’-]+ ){0,2}?" + PERSON + "\\b",
          Pattern.CASE_INSENSITIVE);

  /** "killing a priest and a security guard": two, named one by one. */
  private static final Pattern TWO_DEAD =
      Pattern.compile(
          "\\b(?:killing|killed|kills|shot dead) (?:an?|one) (?:[\\p{L}'’-]+ ){0,2}?"
              + PERSON
              + " and (?:an?|one) (?:[\\p{L}'’-]+ ){0,2}?"
              + PERSON
              + "\\b",
          Pattern.CASE_INSENSITIVE);

  /** "a soldier was killed", "killing a child": one, though no digit says so. */
  private static final Pattern ONE_DEAD =
      Pattern.compile(
          "\\b(?:(?:an?|one) (?:[\\p{L}\\d'’-]+ ){1,3}(?:was |has been |had been )?"
              + DEATH
              + "|(?:he|she) (?:was|has been|had been) "
              + DEATH
              + "|shot dead (?:an?|one) [\\p{L}\\d'’-]+"
              + "|(?:killing|killed|kills) (?:an?|one) [\\p{L}\\d'’-]+"
              + "|(?:killed|killing|assassinated|murdered|shot dead) (?:the )?(?:former )?"
              + ONE_PERSON
              + "|(?:the )?"
              + ONE_PERSON
              + "(?: of [\\p{L}-]+(?: [\\p{L}-]+){0,2}?)? (?:was|has been|had been)"
              + " (?:[\\p{L}]+ and )?(?:killed|assassinated|shot dead|murdered))\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern ONE_HURT =
      Pattern.compile(
          "\\b(?:(?:an?|one) (?:[\\p{L}\\d'’-]+ ){1,3}(?:was |has been |had been )"
              + HURT
              + "|(?:injuring|wounding) (?:an?|one) [\\p{L}\\d'’-]+"
              + "|(?:his|her|their) [\\p{L}-]+ (?:was|had been|has been) (?:wounded|injured|hurt))\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern NO_ONE_DEAD =
      Pattern.compile(
          "\\b(?:no (?:one|body|people|civilians|soldiers|fighters) (?:was |were |had been |has been"
              + " )?(?:killed|dead|died|hurt)|nobody (?:was |had been |has been )?(?:killed|hurt)"
              + "|no (?:deaths|fatalities|casualties|loss of life)|without casualties"
              + "|no one died|caused no casualties)\\b",
          Pattern.CASE_INSENSITIVE);

  private static final Pattern NO_ONE_HURT =
      Pattern.compile(
          "\\b(?:no (?:one|body) (?:was |were )?(?:hurt|injured|wounded)"
              + "|nobody (?:was )?(?:hurt|injured|wounded)|no (?:injuries|casualties)"
              + "|without casualties|caused no casualties)\\b",
          Pattern.CASE_INSENSITIVE);

  /** The casualties a sentence states. */
  public static Casualties in(String sentence) {
    String s =
        sentence
            .replace('\u2019', '\'')
            .replaceAll("\\s+", " ")
            .replaceAll("(?i) (?:on|from) (?:both|all) sides\\b", "")
            .replaceAll(BACKGROUND_TOLL, "");
    Integer dead = lowest(s, FATAL, ONE_DEAD, NO_ONE_DEAD);
    if ((dead == null || dead == 1) && TWO_DEAD.matcher(s).find()) {
      dead = 2;
    }
    return new Casualties(dead, lowest(s, HURT_PATTERNS, ONE_HURT, NO_ONE_HURT));
  }

  /** The updated death toll a sentence states, or null when it states none. */
  public static Integer tollUpdate(String sentence) {
    String s = sentence.replace('\u2019', '\'').replaceAll("\\s+", " ");
    Matcher m = TOLL_UPDATE.matcher(s);
    while (m.find()) {
      if (!isYearOrDate(s, m)) {
        OptionalInt v = Numbers.low(m);
        if (v.isPresent()) {
          return v.getAsInt();
        }
      }
    }
    return null;
  }

  /** Where the first casualty figure of a sentence is, or 0 when it has none. */
  public static int position(String sentence) {
    String s = sentence.replace('\u2019', '\'').replaceAll("\\s", " ");
    int first = Integer.MAX_VALUE;
    for (Pattern[] group : List.of(FATAL, HURT_PATTERNS)) {
      for (Pattern p : group) {
        Matcher m = p.matcher(s);
        if (m.find()) {
          first = Math.min(first, m.start());
        }
      }
    }
    for (Pattern p : List.of(ONE_DEAD, ONE_HURT, NO_ONE_DEAD, NO_ONE_HURT)) {
      Matcher m = p.matcher(s);
      if (m.find()) {
        first = Math.min(first, m.start());
      }
    }
    return first == Integer.MAX_VALUE ? 0 : first;
  }

  private static Integer lowest(String s, Pattern[] figures, Pattern one, Pattern none) {
    Integer best = null;
    for (Pattern p : figures) {
      Matcher m = p.matcher(s);
      while (m.find()) {
        if (isYearOrDate(s, m)) {
          continue;
        }
        OptionalInt v = Numbers.low(m);
        if (v.isPresent() && p == figures[1]) {
          Matcher more = AND_MORE.matcher(s);
          more.region(m.end(), s.length());
          more.useTransparentBounds(true);
          if (more.lookingAt()) {
            OptionalInt w = Numbers.low(more);
            if (w.isPresent()) {
              v = OptionalInt.of(v.getAsInt() + w.getAsInt());
            }
          } else {
            Matcher one1 = AND_ONE.matcher(s);
            one1.region(m.end(), s.length());
            one1.useTransparentBounds(true);
            if (one1.lookingAt()) {
              v = OptionalInt.of(v.getAsInt() + 1);
            }
          }
        }
        if (v.isPresent() && (best == null || v.getAsInt() < best)) {
          best = v.getAsInt();
        }
      }
    }
    // "no one was killed" holds "one was killed": read "one" only outside a "no one"
    if (best == null && one.matcher(none.matcher(s).replaceAll(" ")).find()) {
      best = 1;
    }
    if (none.matcher(s).find()) {
      // "no one was hurt" beside a figure means the figure counts someone else: keep the figure
      return best == null ? 0 : best;
    }
    return best;
  }

  /** "killed in 2019", "on 16 September 12": a year or a day of month is not a head count. */
  private static boolean isYearOrDate(String s, Matcher m) {
    String n = m.group("n") != null ? m.group("n") : m.group("lo");
    if (n == null) {
      return false;
    }
    int at = m.start("n") >= 0 ? m.start("n") : m.start("lo");
    String before = s.substring(Math.max(0, at - 12), at).toLowerCase(Locale.ROOT);
    if (before.matches("(?s).*\\bno $")) {
      return true; // "no one was hurt" counts no one
    }
    boolean month =
        before.matches(".*\\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)\\w*\\.? $");
    boolean year = n.matches("(?:19|20)\\d\\d") && before.matches(".*\\b(?:in|since|of) $");
    return month || year;
  }
}
