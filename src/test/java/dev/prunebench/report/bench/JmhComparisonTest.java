package dev.prunebench.report.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunebench.cli.Main;
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

  @Test
  void flagsASlowedKernelOnlyWhenIntervalsAreDisjointAndRatioExceedsThreshold() {
    JmhComparison c = new JmhComparison(0.10);
    JmhResult base = one("ejml", 10, 9.5, 10.5);
    // 50 % slower, disjoint intervals -> regression
    assertThat(c.compare(List.of(base), List.of(one("ejml", 15, 14.5, 15.5))).get(0).verdict())
        .isEqualTo(JmhComparison.Verdict.REGRESSION);
    // 50 % slower but intervals overlap (noisy) -> not flagged
    assertThat(c.compare(List.of(base), List.of(one("ejml", 15, 9, 21))).get(0).verdict())
        .isEqualTo(JmhComparison.Verdict.UNCHANGED);
    // 5 % slower with tight disjoint intervals -> below threshold, not flagged
    assertThat(c.compare(List.of(one("ejml", 10, 9.99, 10.01)), List.of(one("ejml", 10.5, 10.49, 10.51)))
        .get(0).verdict()).isEqualTo(JmhComparison.Verdict.UNCHANGED);
    // 2x faster -> improvement
    assertThat(c.compare(List.of(base), List.of(one("ejml", 5, 4.9, 5.1))).get(0).verdict())
        .isEqualTo(JmhComparison.Verdict.IMPROVEMENT);
    // identical runs -> quiet
    assertThat(JmhComparison.anyRegression(c.compare(List.of(base), List.of(base)))).isFalse();
  }

  @Test
  void measurementsPresentOnOneSideOnlyAreListedNotFlagged() {
    JmhComparison c = new JmhComparison(0.10);
    List<JmhComparison.Row> rows = c.compare(List.of(one("ejml", 10, 9, 11)), List.of(one("ojalgo", 99, 98, 100)));
    assertThat(rows).extracting(JmhComparison.Row::verdict)
        .containsExactly(JmhComparison.Verdict.ONLY_OLD, JmhComparison.Verdict.ONLY_NEW);
    assertThat(JmhComparison.anyRegression(rows)).isFalse();
  }

  @Test
  void compareCommandExitsOneOnRegressionZeroOtherwiseTwoOnBadInput() throws IOException {
    Path old = file("old.json", entry("GemmBenchmark.gemm", "ejml", 10, 9.5, 10.5));
    Path slow = file("slow.json", entry("GemmBenchmark.gemm", "ejml", 20, 19.5, 20.5));
    Path report = dir.resolve("cmp.md");
    assertThat(Main.run("compare", old.toString(), slow.toString(), "--out", report.toString())).isEqualTo(1);
    assertThat(Files.readString(report)).contains("**REGRESSION**").contains("backend=ejml");
    assertThat(Main.run("compare", old.toString(), old.toString())).isZero();
    assertThat(Main.run("compare", old.toString(), dir.resolve("missing.json").toString())).isEqualTo(2);
    assertThat(Main.run("compare", old.toString(), old.toString(), "--threshold", "-1")).isEqualTo(2);
  }

  @Test
  void rejectsNonJmhFilesWithTheFileName() throws IOException {
    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"not\":\"jmh\"}");
    assertThatThrownBy(() -> JmhResults.read(bad)).isInstanceOf(IOException.class).hasMessageContaining("bad.json");
    assertThatThrownBy(() -> new JmhComparison(0)).hasMessageContaining("threshold must be in (0, 10], got 0.0");
  }

  private static JmhResult one(String backend, double score, double lo, double hi) {
    return new JmhResult("dev.prunebench.bench.GemmBenchmark.gemm", "avgt",
        new java.util.TreeMap<>(java.util.Map.of("backend", backend)),
        new JmhResult.Metric(score, (hi - lo) / 2, lo, hi, "ms/op"), java.util.Map.of());
  }
}
