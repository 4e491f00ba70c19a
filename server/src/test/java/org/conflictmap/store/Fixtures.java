package org.conflictmap.store;

import java.time.LocalDate;
import java.util.List;
import org.conflictmap.events.NewArticle;
import org.conflictmap.events.NewEvent;

/** Test data. */
final class Fixtures {
  private Fixtures() {}

  static NewArticle article(String url) {
    return new NewArticle(
        "Shelling near Idlib",
        "Shelling hit Maarat al-Numan on 3 March 2020.",
        url,
        LocalDate.of(2020, 3, 4));
  }

  static NewEvent event(LocalDate date, double lat, double lon) {
    return new NewEvent(
        date,
        "Explosions/Remote violence",
        "Shelling/artillery/missile attack",
        1,
        1,
        3,
        "Shelling hit the town.",
        "170017",
        170017L,
        "Maarat al-Numan",
        "SY",
        "town",
        lat,
        lon,
        "Shelling hit Maarat al-Numan on 3 March 2020.",
        0,
        46,
        null,
        null,
        false,
        List.of(),
        0.9,
        null);
  }

  static NewEvent idlib(LocalDate date) {
    return event(date, 35.93, 36.63);
  }
}
