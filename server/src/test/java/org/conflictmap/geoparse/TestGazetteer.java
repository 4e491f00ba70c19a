package org.conflictmap.geoparse;

import org.conflictmap.gazetteer.Gazetteer;

/** One bundled gazetteer shared by the tests of a JVM: it takes a second or two to load. */
public final class TestGazetteer {
  private static Gazetteer instance;

  private TestGazetteer() {}

  public static synchronized Gazetteer get() {
    if (instance == null) {
      instance = Gazetteer.loadDefault();
    }
    return instance;
  }
}
