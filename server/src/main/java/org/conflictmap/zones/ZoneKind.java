package org.conflictmap.zones;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * What a zone is. The wire form is the lower-case, hyphenated name ({@code de-escalation-zone}).
 */
public enum ZoneKind {
  DE_ESCALATION_ZONE,
  DEMILITARISED_ZONE,
  AREA_OF_CONTROL,
  OTHER;

  public String wire() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }

  public static Optional<ZoneKind> fromWire(String s) {
    return Arrays.stream(values()).filter(k -> k.wire().equals(s)).findFirst();
  }
}
