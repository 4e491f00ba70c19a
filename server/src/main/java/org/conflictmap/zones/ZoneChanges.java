package org.conflictmap.zones;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/** Which fields of a zone an edit alters: what a version's "what changed" lists. */
public final class ZoneChanges {
  /** Every field, in the order the API lists them; what a creation or import sets. */
  public static final List<String> ALL =
      List.of("name", "kind", "description", "style", "valid_from", "valid_to", "geometry");

  private ZoneChanges() {}

  public static List<String> between(Zone before, ZoneDraft after) {
    List<String> out = new ArrayList<>();
    if (!Objects.equals(before.name(), after.name())) out.add("name");
    if (before.kind() != after.kind()) out.add("kind");
    if (!Objects.equals(before.description(), after.description())) out.add("description");
    if (!sameStyle(before.style(), after.style())) out.add("style");
    if (!Objects.equals(before.validFrom(), after.validFrom())) out.add("valid_from");
    if (!Objects.equals(before.validTo(), after.validTo())) out.add("valid_to");
    // exact comparison after both are oriented the same way: a reshaped vertex is a change
    if (!ZoneGeometry.rfc7946(before.geometry())
        .equalsExact(ZoneGeometry.rfc7946(after.geometry()))) {
      out.add("geometry");
    }
    return out;
  }

  /** Numbers compare by value: 2 and 2.0 read back from JSON are the same weight. */
  private static boolean sameStyle(Map<String, Object> a, Map<String, Object> b) {
    Map<String, Object> x = a == null ? Map.of() : a;
    Map<String, Object> y = b == null ? Map.of() : b;
    if (!x.keySet().equals(y.keySet())) return false;
    for (String k : x.keySet()) {
      Object u = x.get(k);
      Object v = y.get(k);
      if (u instanceof Number n && v instanceof Number m) {
        if (n.doubleValue() != m.doubleValue()) return false;
      } else if (!Objects.equals(u, v)) {
        return false;
      }
    }
    return true;
  }
}
