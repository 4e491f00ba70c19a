package org.conflictmap.extract;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import org.conflictmap.gazetteer.Candidate;
import org.conflictmap.gazetteer.Names;
import org.conflictmap.gazetteer.Place;
import org.conflictmap.gazetteer.Precision;
import org.conflictmap.geoparse.Mention;

/**
 * Towns and the regions named with them. A district that shares its town's name ("Beni",
 * "Churachandpur") is read as the town unless the text calls it a district; a region the text puts
 * a town in ("Shusha in Nagorno-Karabakh") says where the town is, it is no event of its own.
 */
public final class Regions {
  /** Words after a name that make it the region rather than the town. */
  private static final Pattern REGION_WORD =
      Pattern.compile(
          "^\\s+(?:province|district|territory|county|region|state|governorate|department"
              + "|municipality|prefecture|division|oblast|raion|countryside|area)\\b",
          Pattern.CASE_INSENSITIVE);

  /** Text between a town and a region that puts the town inside it. */
  private static final Pattern PUTS_IN =
      Pattern.compile(
          "^\\s*,?\\s*(?:in|of)?\\s*(?:the\\s+)?(?:(?:northern|southern|eastern|western|central"
              + "|north-?eastern|north-?western|south-?eastern|south-?western|rural)\\s+)?"
              + "(?:(?:region|state|province|district|governorate|county|department) of\\s+)?$",
          Pattern.CASE_INSENSITIVE);

  private static final Set<String> SECOND_LEVEL = Set.of("ADM2", "ADM3", "ADM4");

  /** How far a town may lie from the district of its name, in degrees. */
  private static final double SAME_SPOT = 0.3;

  private Regions() {}

  /** The town a district of the same name stands for, when the text does not say district. */
  public static Where.Located townOf(String body, Where.Located l) {
    Mention m = l.mention();
    Place p = m.place();
    if (m.precision() != Precision.REGION
        || !SECOND_LEVEL.contains(p.featureCode())
        || l.geoPrecision() == 1
        || REGION_WORD
            .matcher(body.substring(m.end(), Math.min(body.length(), m.end() + 30)))
            .find()) {
      return l;
    }
    String name = Names.normalize(p.name());
    for (Candidate c : m.alternatives()) {
      Place t = c.place();
      if (t.precision() == Precision.TOWN
          && t.countryCode().equals(p.countryCode())
          && Names.normalize(t.name()).equals(name)
          && Math.abs(t.lat() - p.lat()) < SAME_SPOT
          && Math.abs(t.lon() - p.lon()) < SAME_SPOT) {
        Mention town =
            new Mention(
                m.start(),
                m.end(),
                m.text(),
                m.kind(),
                t,
                Precision.TOWN,
                m.near(),
                m.confidence(),
                m.score(),
                m.alternatives());
        return new Where.Located(town, l.geoPrecision() == 2 ? 2 : 1);
      }
    }
    return l;
  }

  /** Whether the text puts {@code town} inside {@code region}: "Monywa in Sagaing region". */
  public static boolean puts(String body, Mention town, Mention region) {
    if (region.start() < town.end() || region.start() - town.end() > 40) {
      return false;
    }
    String between = body.substring(town.end(), region.start()).toLowerCase(Locale.ROOT);
    return PUTS_IN.matcher(between).matches();
  }
}
