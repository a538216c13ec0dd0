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
 * list of regressions. Otherwise a change is flagged only when both (a) the 99.9 % confidence
 * intervals JMH reports do not overlap and (b) the ratio new/old exceeds {@code 1 + threshold} in the
 * worse direction. Requiring both avoids the false alarms of a plain ratio check on noisy measurements
 * (and of a plain interval check on very precise ones that differ by 0.5 %).
 */
public final class JmhComparison {

  /** The verdict on one measurement. */
  public enum Verdict { REGRESSION, IMPROVEMENT, UNCHANGED, ONLY_OLD, ONLY_NEW }

  /** One compared measurement. {@code ratio} is new/old score (NaN if one side is missing). */
  public record Row(String benchmark, String params, JmhResult old, JmhResult current, double ratio,
      Verdict verdict) {}

  private final double threshold;
  private final boolean allowMissing;

  /**
   * @param threshold relative change that counts, e.g. 0.10 for 10 %; must be in (0, 10]
   * @param allowMissing whether measurements of OLD absent from NEW are listed ({@link Verdict#ONLY_OLD})
   *     instead of making the runs incomparable; the runs must still share at least one measurement
   */
  public JmhComparison(double threshold, boolean allowMissing) {
    if (!(threshold > 0 && threshold <= 10)) {
      throw new IllegalArgumentException("threshold must be in (0, 10], got " + threshold);
    }
    this.threshold = threshold;
    this.allowMissing = allowMissing;
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
        onlyOld.add(new Row(o.shortName(), o.paramsLabel(), o, null, Double.NaN, Verdict.ONLY_OLD));
      } else {
        double ratio = n.primary().score() / o.primary().score();
        rows.add(new Row(o.shortName(), o.paramsLabel(), o, n, ratio, judge(o, n, ratio)));
      }
    }
    rows.addAll(onlyOld);
    for (JmhResult n : news.values()) {
      if (!olds.containsKey(n.key())) {
        rows.add(new Row(n.shortName(), n.paramsLabel(), null, n, Double.NaN, Verdict.ONLY_NEW));
      }
    }
    return new CompareOutcome.Judged(rows);
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
        "# JMH comparison%n%n%d measurements compared, %d regressions, %d improvements "
            + "(threshold %.0f %%, flagged only when the 99.9 %% intervals are disjoint).%n",
        rows.size() - onlyOld - onlyNew, judged.count(Verdict.REGRESSION), judged.count(Verdict.IMPROVEMENT),
        threshold * 100));
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
      sb.append("| params | old | new | new/old | old 99.9% CI | new 99.9% CI | verdict |\n");
      sb.append("|---|---:|---:|---:|---|---|---|\n");
      for (Row r : e.getValue()) {
        sb.append("| ").append(r.params())
            .append(" | ").append(score(r.old()))
            .append(" | ").append(score(r.current()))
            .append(" | ").append(Double.isNaN(r.ratio()) ? "-" : String.format(Locale.ROOT, "%.3f", r.ratio()))
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
