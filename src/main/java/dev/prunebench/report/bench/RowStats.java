package dev.prunebench.report.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What the report knows about one row (a backend at one configuration): its time as the median over
 * forks with a bootstrap interval, its time ratio to the reference backend and to the fastest backend of
 * the configuration, each from forks paired by round ({@link ForkStatistics#pairedRatio}), and whether
 * it can be ranked. A row whose time or reference-ratio interval is wider than ±{@link #INCONCLUSIVE}
 * is marked inconclusive and not ranked: its position could change on the next run.
 *
 * @param time median over forks [bootstrap interval]; for a plain JMH file, JMH's score and 99.9 % interval
 * @param toReference time / reference time, paired; empty if the reference backend is not in the run
 * @param toFastest time / fastest backend's time, paired (1 for the fastest itself)
 * @param rank 1 = fastest among the conclusive rows of the configuration; 0 when inconclusive
 */
public record RowStats(JmhResult result, ForkStatistics.Interval time, Optional<ForkStatistics.Interval> toReference,
    Optional<ForkStatistics.Interval> toFastest, boolean inconclusive, int rank) {

  /** The widest relative half-width a ranked row may have. */
  public static final double INCONCLUSIVE = 0.10;

  /** The rows of one configuration (same method and parameters, one per backend), in the given order. */
  public static List<RowStats> of(List<JmhResult> sameConfig, String reference) {
    Map<JmhResult, ForkStatistics.Interval> times = new HashMap<>();
    for (JmhResult r : sameConfig) {
      times.put(r, time(r));
    }
    JmhResult ref = sameConfig.stream().filter(r -> reference.equals(r.params().get("backend"))).findFirst()
        .orElse(null);
    JmhResult fastest = sameConfig.stream().min(Comparator.comparingDouble(r -> times.get(r).estimate()))
        .orElseThrow();
    List<RowStats> unranked = new ArrayList<>();
    for (JmhResult r : sameConfig) {
      ForkStatistics.Interval t = times.get(r);
      Optional<ForkStatistics.Interval> toRef = ref == null ? Optional.empty() : Optional.of(ratio(r, ref));
      Optional<ForkStatistics.Interval> toFast = Optional.of(ratio(r, fastest));
      // a ratio without an interval (plain JMH file) cannot rank a row either
      boolean inconclusive = !(t.relativeHalfWidth() <= INCONCLUSIVE)
          || toRef.map(i -> !(i.relativeHalfWidth() <= INCONCLUSIVE)).orElse(false)
          || !Double.isFinite(toFast.get().relativeHalfWidth());
      unranked.add(new RowStats(r, t, toRef, toFast, inconclusive, 0));
    }
    List<RowStats> conclusive = unranked.stream().filter(s -> !s.inconclusive())
        .sorted(Comparator.comparingDouble(s -> s.time().estimate())).toList();
    List<RowStats> out = new ArrayList<>();
    for (RowStats s : unranked) {
      int rank = s.inconclusive() ? 0 : conclusive.indexOf(s) + 1;
      out.add(new RowStats(s.result(), s.time(), s.toReference(), s.toFastest(), s.inconclusive(), rank));
    }
    return out;
  }

  /** Median over forks with its bootstrap interval, or JMH's own score and interval for a plain file. */
  static ForkStatistics.Interval time(JmhResult r) {
    if (r.forks().size() >= 2) {
      return ForkStatistics.median(r.forkScores(), ForkStatistics.SEED);
    }
    return new ForkStatistics.Interval(r.primary().score(), r.primary().ciLow(), r.primary().ciHigh());
  }

  /**
   * {@code b / base} from the rounds both ran (paired), or for a plain file the ratio of scores with an
   * unknown (NaN) interval.
   */
  static ForkStatistics.Interval ratio(JmhResult b, JmhResult base) {
    if (b == base) {
      return new ForkStatistics.Interval(1, 1, 1);
    }
    Map<Integer, Double> baseByRound = new HashMap<>();
    base.forks().forEach(f -> baseByRound.put(f.round(), f.score()));
    List<double[]> pairs = new ArrayList<>();
    for (JmhResult.Fork f : b.forks()) {
      Double other = baseByRound.remove(f.round());
      if (other != null) {
        pairs.add(new double[] {f.score(), other});
      }
    }
    if (pairs.size() < 2) {
      return new ForkStatistics.Interval(b.primary().score() / base.primary().score(), Double.NaN, Double.NaN);
    }
    return ForkStatistics.pairedRatio(pairs.stream().mapToDouble(p -> p[0]).toArray(),
        pairs.stream().mapToDouble(p -> p[1]).toArray(), ForkStatistics.SEED);
  }
}
