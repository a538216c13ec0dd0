package dev.prunebench.hessianbias;

import dev.prunebench.theory.Theorem43Bound;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The headline numbers of a sweep: for every bound, the tightest margin and the smallest looseness
 * factor observed over all ratios, groups and iterates; and the scale ratios from which the bounds on
 * the small-Hessian group stop being vacuous.
 *
 * @param tightest per bound, the check with the smallest looseness factor over τ ≥ 1 (absent when
 *     every check of that bound was vacuous)
 * @param smallestMargin per bound, the check with the smallest signed margin
 * @param checked per bound, how many checks were made
 * @param violations per bound, how many checks had a negative margin (no slack applied)
 * @param biteRatio46 smallest ρ ≥ 1 from which, for every larger ratio of the grid, (4.6) for the
 *     small group 2 at the last iterate is below 1 (NaN if never)
 * @param biteRatio47 smallest ρ ≥ 1 from which (4.7) for the complement of group 2 (= group 1) at the
 *     last iterate is positive (NaN if never)
 */
public record HessianBiasSummary(Map<Theorem43Bound, Located> tightest, Map<Theorem43Bound, Located> smallestMargin,
    Map<Theorem43Bound, Long> checked, Map<Theorem43Bound, Long> violations, double biteRatio46,
    double biteRatio47) {

  /** A check with the scale ratio of the run it came from. */
  public record Located(double ratio, HessianBiasChecks.Check check) {}

  public static HessianBiasSummary of(HessianBiasExperiment.Result result) {
    Map<Theorem43Bound, Located> tight = new EnumMap<>(Theorem43Bound.class);
    Map<Theorem43Bound, Located> margin = new EnumMap<>(Theorem43Bound.class);
    Map<Theorem43Bound, Long> count = new EnumMap<>(Theorem43Bound.class);
    Map<Theorem43Bound, Long> bad = new EnumMap<>(Theorem43Bound.class);
    int n = result.config().samples();
    for (HessianBiasPoint pt : result.points()) {
      List<HessianBiasChecks.Check> checks = HessianBiasChecks.of(pt.trace(), n);
      for (HessianBiasChecks.Check c : checks) {
        Theorem43Bound b = c.bound();
        count.merge(b, 1L, Long::sum);
        if (c.margin() < 0) {
          bad.merge(b, 1L, Long::sum);
        }
        double loose = c.looseness();
        // At τ = 0 the rate holds with equality by definition; it says nothing about the bound.
        if (!Double.isNaN(loose) && c.tau() > 0) {
          Located cur = tight.get(b);
          if (cur == null || loose < cur.check().looseness()) {
            tight.put(b, new Located(pt.ratio(), c));
          }
        }
        Located cm = margin.get(b);
        if (cm == null || c.margin() < cm.check().margin()) {
          margin.put(b, new Located(pt.ratio(), c));
        }
      }
    }
    return new HessianBiasSummary(tight, margin, count, bad, biteRatio(result, true), biteRatio(result, false));
  }

  /** Smallest ρ ≥ 1 from which the bound on the small group is informative for every larger ratio. */
  private static double biteRatio(HessianBiasExperiment.Result result, boolean eq46) {
    double bite = Double.NaN;
    List<HessianBiasPoint> pts = result.points().stream()
        .sorted(java.util.Comparator.comparingDouble(HessianBiasPoint::ratio)).toList();
    for (int k = pts.size() - 1; k >= 0; k--) {
      HessianBiasPoint pt = pts.get(k);
      if (pt.ratio() < 1) {
        continue;
      }
      boolean informative = eq46 ? pt.envelopes()[1].groupNiUpper() < 1 : pt.envelopes()[1].complementNiLower() > 0;
      if (!informative) {
        break;
      }
      bite = Double.isNaN(bite) ? pt.ratio() : Math.min(bite, pt.ratio());
    }
    return bite;
  }
}
