package org.conflictmap.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * ACLED's six event types and their 25 sub-event types, in ACLED's exact wording: what an editor
 * may set an event to. (The typing rules live in {@link EventTypes}; this is only the vocabulary.)
 */
public final class AcledTypes {
  /** What the rules say when no cue matched; never an editor's choice. */
  public static final String UNCLASSIFIED = "Unclassified";

  /** Type → its sub-types, in ACLED's order. */
  public static final Map<String, List<String>> SUB_TYPES = subTypes();

  private AcledTypes() {}

  private static Map<String, List<String>> subTypes() {
    Map<String, List<String>> m = new LinkedHashMap<>();
    m.put(
        "Battles",
        List.of(
            "Armed clash", "Government regains territory", "Non-state actor overtakes territory"));
    m.put(
        "Explosions/Remote violence",
        List.of(
            "Chemical weapon",
            "Air/drone strike",
            "Suicide bomb",
            "Shelling/artillery/missile attack",
            "Remote explosive/landmine/IED",
            "Grenade"));
    m.put(
        "Violence against civilians",
        List.of("Sexual violence", "Attack", "Abduction/forced disappearance"));
    m.put(
        "Protests",
        List.of(
            "Peaceful protest", "Protest with intervention", "Excessive force against protesters"));
    m.put("Riots", List.of("Violent demonstration", "Mob violence"));
    m.put(
        "Strategic developments",
        List.of(
            "Agreement",
            "Arrests",
            "Change to group/activity",
            "Disrupted weapons use",
            "Headquarters or base established",
            "Looting/property destruction",
            "Non-violent transfer of territory",
            "Other"));
    return java.util.Collections.unmodifiableMap(m);
  }

  public static boolean isType(String type) {
    return SUB_TYPES.containsKey(type);
  }

  /** The type a sub-type belongs to (sub-type names are unique across types). */
  public static Optional<String> typeOf(String subType) {
    return SUB_TYPES.entrySet().stream()
        .filter(e -> e.getValue().contains(subType))
        .map(Map.Entry::getKey)
        .findFirst();
  }
}
