package dev.prunebench.report.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JmhComparisonTest {

  @TempDir Path dir;

  /** A JMH JSON entry in the format JMH 1.37 writes with {@code -rf json}. */
  private static String entry(String bench, String backend, double score, double ciLo, double ciHi) {
    return String.format(Locale.ROOT, """
        {"jmhVersion":"1.37","benchmark":"dev.prunebench.bench.%s","mode":"avgt","threads":1,"forks":1,
         "params":{"backend":"%s","shape":"N600_P1000"},
         "primaryMetric":{"score":%s,"scoreError":%s,"scoreConfidence":[%s,%s],"scoreUnit":"ms/op",
           "rawData":[[1.0]]},
         "secondaryMetrics":{"gc.alloc.rate.norm":{"score":4800.0,"scoreError":"NaN",
           "scoreConfidence":["NaN","NaN"],"scoreUnit":"B/op","rawData":[[4800.0]]}}}""",
        bench, backend, score, (ciHi - ciLo) / 2, ciLo, ciHi);
  }

  private Path file(String name, String... entries) throws IOException {
    Path p = dir.resolve(name);
    Files.writeString(p, "[" + String.join(",", entries) + "]");
    return p;
  }

  @Test
  void readsJmhJsonIncludingAllocationAndNanStrings() throws IOException {
    List<JmhResult> rs = JmhResults.read(file("a.json", entry("GemmBenchmark.gemm", "ejml", 10, 9, 11)));
    assertThat(rs).hasSize(1);
    JmhResult r = rs.get(0);
    assertThat(r.shortName()).isEqualTo("GemmBenchmark.gemm");
    assertThat(r.params()).containsEntry("backend", "ejml");
    assertThat(r.primary().ciHigh()).isEqualTo(11.0);
    assertThat(r.allocationPerOp()).get().extracting(JmhResult.Metric::score).isEqualTo(4800.0);
    assertThat(r.allocationPerOp().get().error()).isNaN();
  }

  private static JmhComparison.Verdict verdict(JmhComparison c, JmhResult o, JmhResult n) {
    CompareOutcome outcome = c.compare(List.of(o), List.of(n));
    assertThat(outcome).isInstanceOf(CompareOutcome.Judged.class);
    return ((CompareOutcome.Judged) outcome).rows().get(0).verdict();
  }

  @Test
  void flagsASlowedKernelOnlyWhenIntervalsAreDisjointAndRatioExceedsThreshold() {
    JmhComparison c = new JmhComparison(0.10, false);
    JmhResult base = one("ejml", 10, 9.5, 10.5);
    // 50 % slower, disjoint intervals -> regression
    assertThat(verdict(c, base, one("ejml", 15, 14.5, 15.5))).isEqualTo(JmhComparison.Verdict.REGRESSION);
    // 50 % slower but intervals overlap (noisy) -> not flagged
    assertThat(verdict(c, base, one("ejml", 15, 9, 21))).isEqualTo(JmhComparison.Verdict.UNCHANGED);
    // 5 % slower with tight disjoint intervals -> below threshold, not flagged
    assertThat(verdict(c, one("ejml", 10, 9.99, 10.01), one("ejml", 10.5, 10.49, 10.51)))
        .isEqualTo(JmhComparison.Verdict.UNCHANGED);
    // 2x faster -> improvement
    assertThat(verdict(c, base, one("ejml", 5, 4.9, 5.1))).isEqualTo(JmhComparison.Verdict.IMPROVEMENT);
    // identical runs -> quiet
    assertThat(((CompareOutcome.Judged) c.compare(List.of(base), List.of(base))).anyRegression()).isFalse();
  }

  @Test
  void measurementsMissingFromNewMakeTheRunsIncomparableUnlessAllowedAndThenAreListed() {
    List<JmhResult> olds = List.of(one("ejml", 10, 9, 11), one("ojalgo", 10, 9, 11));
    List<JmhResult> news = List.of(one("ejml", 10, 9, 11), one("reference", 99, 98, 100));
    assertThat(new JmhComparison(0.10, false).compare(olds, news)).isEqualTo(new CompareOutcome.Incomparable(
        CompareOutcome.Reason.MISSING_IN_NEW, "GemmBenchmark.gemm [backend=ojalgo] is in OLD but not in NEW", 0));
    CompareOutcome.Judged judged = (CompareOutcome.Judged) new JmhComparison(0.10, true).compare(olds, news);
    assertThat(judged.rows()).extracting(JmhComparison.Row::verdict).containsExactly(
        JmhComparison.Verdict.UNCHANGED, JmhComparison.Verdict.ONLY_OLD, JmhComparison.Verdict.ONLY_NEW);
    assertThat(judged.anyRegression()).isFalse();
    assertThat(new JmhComparison(0.10, true).toMarkdown(judged))
        .contains("1 measurements compared", "1 measurements of OLD are missing from NEW",
            "- GemmBenchmark.gemm [backend=ojalgo]", "**missing from new**");
  }

  @Test
  void nothingInCommonStaysIncomparableEvenWhenMissingMeasurementsAreAllowed() {
    CompareOutcome o = new JmhComparison(0.10, true).compare(List.of(one("ejml", 10, 9, 11)),
        List.of(one("ojalgo", 99, 98, 100)));
    assertThat(o).isInstanceOf(CompareOutcome.Incomparable.class);
    assertThat(((CompareOutcome.Incomparable) o).reason()).isEqualTo(CompareOutcome.Reason.NOTHING_IN_COMMON);
    assertThat(new JmhComparison(0.10, true).compare(List.of(), List.of(one("ejml", 10, 9, 11))))
        .isEqualTo(new CompareOutcome.Incomparable(CompareOutcome.Reason.NO_RESULTS, "OLD holds no results", 0));
  }

  @Test
  void anotherModeOfTheSameBenchmarkIsAModeMismatchNotNothingInCommon() {
    JmhResult avgt = one("ejml", 10, 9, 11);
    JmhResult thrpt = new JmhResult(avgt.benchmark(), "thrpt", avgt.params(),
        new JmhResult.Metric(0.1, 0.01, 0.09, 0.11, "ops/ms"), java.util.Map.of());
    CompareOutcome o = new JmhComparison(0.10, false).compare(List.of(avgt), List.of(thrpt));
    assertThat(o).isEqualTo(new CompareOutcome.Incomparable(CompareOutcome.Reason.MODE_MISMATCH,
        "GemmBenchmark.gemm [backend=ejml] is avgt in OLD but thrpt in NEW", 0));
  }

  @Test
  void everyUnusableScoreIsCountedAndTheFirstNamed() {
    JmhComparison c = new JmhComparison(0.10, false);
    List<JmhResult> olds = List.of(one("ejml", 10, 9, 11), one("ojalgo", 10, 9, 11), one("reference", 10, 9, 11));
    for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, 0, -1}) {
      List<JmhResult> news = List.of(one("ejml", bad, 9, 11), one("ojalgo", bad, 9, 11), one("reference", 10, 9, 11));
      CompareOutcome o = c.compare(olds, news);
      assertThat(o).as("score %s", bad).isEqualTo(new CompareOutcome.Incomparable(CompareOutcome.Reason.UNUSABLE_SCORE,
          "GemmBenchmark.gemm [backend=ejml] has score " + bad + " in NEW", 1));
      assertThat(((CompareOutcome.Incomparable) o).message()).endsWith(", and 1 more");
    }
    // JMH writes error and interval NaN when a benchmark had one measurement iteration
    CompareOutcome o = c.compare(olds, List.of(one("ejml", 10, Double.NaN, Double.NaN)));
    assertThat(((CompareOutcome.Incomparable) o).first()).contains("has error NaN in NEW");
  }

  private static JmhResult one(String backend, double score, double lo, double hi) {
    return new JmhResult("dev.prunebench.bench.GemmBenchmark.gemm", "avgt",
        new java.util.TreeMap<>(java.util.Map.of("backend", backend)),
        new JmhResult.Metric(score, (hi - lo) / 2, lo, hi, "ms/op"), java.util.Map.of());
  }
}
