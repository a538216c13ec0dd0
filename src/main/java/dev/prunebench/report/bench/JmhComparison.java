package dev.prunebench.report.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Compares two JMH runs (e.g. {@code main} vs a branch), measurement by measurement.
 *
 * <p>First it decides whether the runs can be judged at all ({@link JmhComparability}: no results,
 * duplicates, NaN or non-positive scores, nothing in common, different modes or units, measurements of
 * OLD missing from NEW); if not, the outcome is {@link CompareOutcome.Incomparable}, never an empty
 * list of regressions.
 *
 * <p>When both runs carry per-fork scores (the protocol of {@code bench}, at least {@link #MIN_FORKS}
 * forks each), the decision rests on the ratio of medians {@code q = med(new) / med(old)} and its 95 %
 * bootstrap interval, each run's forks resampled on their own ({@link ForkStatistics#ratioOfMedians}):
 * a regression needs the whole interval above 1 (the slow-down is real) and {@code q > 1 + threshold}
 * (it is large enough to matter). Across machines, {@code q} is divided by the ratio of the two runs'
 * calibration times for the kernel's bound ({@link Normalisation}). For plain JMH files the older rule
 * applies: JMH's 99.9 % intervals disjoint and the ratio beyond {@code 1 + threshold}.
 */
public final class JmhComparison {

  /** The verdict on one measurement. */
  public enum Verdict { REGRESSION, IMPROVEMENT, UNCHANGED, ONLY_OLD, ONLY_NEW }

  /**
   * One compared measurement. {@code ratio} is new/old (NaN if one side is missing; the normalised
   * median ratio when forks decide), {@code interval} its 95 % bootstrap interval when forks decide.
   */
  public record Row(String benchmark, String params, JmhResult old, JmhResult current, double ratio,
      Optional<ForkStatistics.Interval> interval, Verdict verdict) {}

  /** Forks each run needs for the fork-based decision. */
  public static final int MIN_FORKS = 3;

  /**
   * How ratios are corrected for the machine: new/old is divided by {@code calibration(new)/calibration(old)}
   * of the kernel's bound (dgemm time for compute-bound kernels, copy time for memory-bound ones, their
   * geometric mean for a kernel without a cost model).
   *
   * @param compute calibration dgemm time new / old (1 = no correction)
   * @param memory calibration copy time new / old
   * @param note one sentence for the report; empty when nothing is corrected
   */
  public record Normalisation(double compute, double memory, String note) {
    /** Ratios as measured (one machine). */
    public static final Normalisation NONE = new Normalisation(1, 1, "");

    double factor(JmhResult r) {
      return KernelCost.of(r).map(k -> k.bound() == KernelCost.Bound.COMPUTE ? compute : memory)
          .orElse(Math.sqrt(compute * memory));
    }
  }

  private final double threshold;
  private final boolean allowMissing;
  private final Normalisation normalisation;

  /**
   * @param threshold relative change that counts, e.g. 0.10 for 10 %; must be in (0, 10]
   * @param allowMissing whether measurements of OLD absent from NEW are listed ({@link Verdict#ONLY_OLD})
   *     instead of making the runs incomparable; the runs must still share at least one measurement
   */
  public JmhComparison(double threshold, boolean allowMissing) {
    this(threshold, allowMissing, Normalisation.NONE);
  }

  /** @param normalisation the cross-machine correction of fork-based ratios */
  public JmhComparison(double threshold, boolean allowMissing, Normalisation normalisation) {
    if (!(threshold > 0 && threshold <= 10)) {
      throw new IllegalArgumentException("threshold must be in (0, 10], got " + threshold);
    }
    this.threshold = threshold;
    this.allowMissing = allowMissing;
    this.normalisation = normalisation;
  }

  /** Checks that the runs can be judged, then matches measurements by benchmark, mode and parameters. */
  public CompareOutcome compare(List<JmhResult> oldRun, List<JmhResult> newRun) {
    Optional<CompareOutcome.Incomparable> incomparable = JmhComparability.check(oldRun, newRun, allowMissing);
    if (incomparable.isPresent()) {
      return incomparable.get();
    }
    Map<String, JmhResult> olds = new LinkedHashMap<>();
    oldRun.forEach(r -> olds.put(r.key(), r));
    Map<String, JmhResult> news = new LinkedHashMap<>();
    newRun.forEach(r -> news.put(r.key(), r));
    List<Row> rows = new ArrayList<>();
    List<Row> onlyOld = new ArrayList<>();
    for (JmhResult o : olds.values()) {
      JmhResult n = news.get(o.key());
      if (n == null) {
        onlyOld.add(new Row(o.shortName(), o.paramsLabel(), o, null, Double.NaN, Optional.empty(), Verdict.ONLY_OLD));
      } else if (o.forks().size() >= MIN_FORKS && n.forks().size() >= MIN_FORKS) {
        ForkStatistics.Interval q = ForkStatistics.ratioOfMedians(n.forkScores(), o.forkScores(), ForkStatistics.SEED)
            .dividedBy(normalisation.factor(o));
        rows.add(new Row(o.shortName(), o.paramsLabel(), o, n, q.estimate(), Optional.of(q), judge(o, q)));
      } else {
        double ratio = n.primary().score() / o.primary().score();
        rows.add(new Row(o.shortName(), o.paramsLabel(), o, n, ratio, Optional.empty(), judge(o, n, ratio)));
      }
    }
    rows.addAll(onlyOld);
    for (JmhResult n : news.values()) {
      if (!olds.containsKey(n.key())) {
        rows.add(new Row(n.shortName(), n.paramsLabel(), null, n, Double.NaN, Optional.empty(), Verdict.ONLY_NEW));
      }
    }
    return new CompareOutcome.Judged(rows);
  }

  /** The fork-based rule on the (normalised) ratio of medians q with its interval. */
  private Verdict judge(JmhResult o, ForkStatistics.Interval q) {
    // "worse" means slower for time modes, lower throughput for throughput modes
    ForkStatistics.Interval worse = o.higherIsBetter() ? q.reciprocalTimes(1) : q;
    if (worse.above(1) && worse.estimate() > 1 + threshold) {
      return Verdict.REGRESSION;
    }
    if (worse.below(1) && worse.estimate() < 1 / (1 + threshold)) {
      return Verdict.IMPROVEMENT;
    }
    return Verdict.UNCHANGED;
  }

  private Verdict judge(JmhResult o, JmhResult n, double ratio) {
    JmhResult.Metric a = o.primary();
    JmhResult.Metric b = n.primary();
    boolean disjoint = b.ciLow() > a.ciHigh() || b.ciHigh() < a.ciLow();
    // "worse" means slower for time modes, lower throughput for throughput modes
    double worseRatio = o.higherIsBetter() ? 1 / ratio : ratio;
    if (disjoint && worseRatio > 1 + threshold) {
      return Verdict.REGRESSION;
    }
    if (disjoint && worseRatio < 1 / (1 + threshold)) {
      return Verdict.IMPROVEMENT;
    }
    return Verdict.UNCHANGED;
  }

  /** A Markdown report: one table per benchmark, with old, new, ratio, both intervals and the verdict. */
  public String toMarkdown(CompareOutcome.Judged judged) {
    List<Row> rows = judged.rows();
    StringBuilder sb = new StringBuilder();
    long onlyOld = judged.count(Verdict.ONLY_OLD);
    long onlyNew = judged.count(Verdict.ONLY_NEW);
    sb.append(String.format(Locale.ROOT,
        "# JMH comparison%n%n%d measurements compared, %d regressions, %d improvements (threshold %.0f %%).%n%n"
            + "Rule: with per-fork scores on both sides, a regression is new/old = med(new forks) / med(old forks) "
            + "above 1 + threshold with its whole 95 %% bootstrap interval above 1; otherwise (plain JMH files) "
            + "JMH's 99.9 %% intervals must be disjoint and the ratio beyond 1 + threshold.%n",
        rows.size() - onlyOld - onlyNew, judged.count(Verdict.REGRESSION), judged.count(Verdict.IMPROVEMENT),
        threshold * 100));
    if (!normalisation.note().isEmpty()) {
      sb.append('\n').append(normalisation.note()).append('\n');
    }
    if (onlyOld > 0) {
      sb.append(String.format(Locale.ROOT, "%n%d measurements of OLD are missing from NEW and were not judged:%n%n",
          onlyOld));
      rows.stream().filter(r -> r.verdict() == Verdict.ONLY_OLD)
          .forEach(r -> sb.append("- ").append(r.old().label()).append('\n'));
    }
    if (onlyNew > 0) {
      sb.append(String.format(Locale.ROOT, "%n%d measurements are only in NEW.%n", onlyNew));
    }
    Map<String, List<Row>> byBench = new LinkedHashMap<>();
    rows.forEach(r -> byBench.computeIfAbsent(r.benchmark(), k -> new ArrayList<>()).add(r));
    for (Map.Entry<String, List<Row>> e : byBench.entrySet()) {
      sb.append("\n## ").append(e.getKey()).append("\n\n");
      sb.append("| params | old | new | new/old | new/old 95% CI | old CI | new CI | verdict |\n");
      sb.append("|---|---:|---:|---:|---|---|---|---|\n");
      for (Row r : e.getValue()) {
        sb.append("| ").append(r.params())
            .append(" | ").append(score(r.old()))
            .append(" | ").append(score(r.current()))
            .append(" | ").append(Double.isNaN(r.ratio()) ? "-" : String.format(Locale.ROOT, "%.3f", r.ratio()))
            .append(" | ").append(r.interval().map(i -> String.format(Locale.ROOT, "[%.3f, %.3f]", i.low(), i.high()))
                .orElse("-"))
            .append(" | ").append(interval(r.old()))
            .append(" | ").append(interval(r.current()))
            .append(" | ").append(verdictLabel(r.verdict()))
            .append(" |\n");
      }
    }
    return sb.toString();
  }

  private static String verdictLabel(Verdict v) {
    return switch (v) {
      case REGRESSION -> "**REGRESSION**";
      case IMPROVEMENT -> "improvement";
      case UNCHANGED -> "unchanged";
      case ONLY_OLD -> "**missing from new**";
      case ONLY_NEW -> "only in new";
    };
  }

  private static String score(JmhResult r) {
    return r == null ? "-" : String.format(Locale.ROOT, "%.4g %s", r.primary().score(), r.primary().unit());
  }

  private static String interval(JmhResult r) {
    if (r == null) {
      return "-";
    }
    return String.format(Locale.ROOT, "[%.4g, %.4g]", r.primary().ciLow(), r.primary().ciHigh());
  }
}
