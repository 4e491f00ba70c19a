package org.conflictmap.geoparse;

/**
 * The resolver's weights, in log10-of-population units: how much each kind of evidence counts
 * against a tenfold difference in population. {@link #DEFAULT} is what the parser uses; the tuning
 * program (server/src/test/java/org/conflictmap/eval/WeightTuning.java) searches for them with
 * cross-validation.
 *
 * @param country per ln(1 + weight of the article's other names in the candidate's country)
 * @param region the same for its first-level region (a US state)
 * @param near per ln(1 + how many other names have a reading close to the candidate)
 * @param containerCountry the candidate is in the country written next to it ("Aleppo, Syria")
 * @param containerRegion and in the region written next to it ("Alexandria, Va.")
 * @param regionCue a region word ("Idlib province") for a region candidate
 * @param shortCounty penalty for a county named without its "County" ("Richmond")
 * @param alternateName penalty for a town found by an alternate name, not its own
 * @param country prior bonus of a country (PCL*)
 * @param capital prior bonus of a national capital
 * @param seat prior bonus of a first-level seat (PPLA)
 * @param seat2 prior bonus of a second-level seat (PPLA2)
 * @param adm1 prior bonus of a first-level region (its population is its towns' sum)
 * @param adm2 prior bonus of a county or district
 */
public record Weights(
    double country,
    double region,
    double near,
    double containerCountry,
    double containerRegion,
    double regionCue,
    double shortCounty,
    double alternateName,
    double pcl,
    double capital,
    double seat,
    double seat2,
    double adm1,
    double adm2) {

  public static final Weights DEFAULT =
      new Weights(1.6, 3.0, 1.5, 3.0, 5.0, 8.0, 2.0, 1.0, 3.0, 1.5, 1.0, 0.5, -0.5, 0.5);

  /** The weights as an array, in declaration order, for a search to vary one at a time. */
  public double[] toArray() {
    return new double[] {
      country, region, near, containerCountry, containerRegion, regionCue, shortCounty,
      alternateName, pcl, capital, seat, seat2, adm1, adm2
    };
  }

  public static Weights of(double[] w) {
    return new Weights(
        w[0], w[1], w[2], w[3], w[4], w[5], w[6], w[7], w[8], w[9], w[10], w[11], w[12], w[13]);
  }
}
