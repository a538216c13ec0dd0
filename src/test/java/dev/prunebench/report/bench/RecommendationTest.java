package dev.prunebench.report.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

class RecommendationTest {

  private static JmhResult solve(String backend, String algorithm, String shape, double ms) {
    TreeMap<String, String> p = new TreeMap<>(Map.of("backend", backend, "algorithm", algorithm, "shape", shape,
        "parallelism", "ALL_CORES"));
    return new JmhResult("dev.prunebench.bench.MinNormBenchmark.solve", "avgt", p,
        new JmhResult.Metric(ms, ms / 100, ms * 0.99, ms * 1.01, "ms/op"), Map.of());
  }

  private static BenchReport.AccuracyCell acc(String kernel, String backend, double worst) {
    return new BenchReport.AccuracyCell(kernel, "forward_error", backend, worst, "gaussian 20x32", 30, 4);
  }

  @Test
  void fastestPassingBackendWinsWithRunnerUpAndRatio() {
    List<Recommendation.Row> rows = Recommendation.of(List.of(
        solve("OPENBLAS", "SVD", "N600_P1000", 10), solve("EJML", "SVD", "N600_P1000", 25),
        solve("COMMONS_MATH", "SVD", "N600_P1000", 40)),
        List.of(acc("min-norm-svd", "openblas", 0.5), acc("min-norm-svd", "ejml", 0.4)));
    assertThat(rows).hasSize(1);
    Recommendation.Row r = rows.get(0);
    assertThat(r.kernel()).isEqualTo("MinNormBenchmark.solve");
    assertThat(r.size()).isEqualTo("algorithm=SVD, parallelism=ALL_CORES, shape=N600_P1000");
    assertThat(r.best()).isEqualTo("openblas");
    assertThat(r.runnerUp()).isEqualTo("ejml");
    assertThat(r.ratio()).isCloseTo(2.5, offset(1e-12)); // 25 ms / 10 ms, exact in binary floating point to 1 ulp
    assertThat(r.excluded()).isEmpty();
  }

  @Test
  void aBackendFailingTheKernelsAccuracyIsNeverRecommendedHoweverFast() {
    List<Recommendation.Row> rows = Recommendation.of(List.of(
        solve("NETLIB", "CHOLESKY", "N2400_P4000", 1), solve("REFERENCE", "CHOLESKY", "N2400_P4000", 30),
        solve("HIPPARCHUS", "CHOLESKY", "N2400_P4000", 60)),
        // netlib above its threshold for this kernel; its other kernels do not matter here
        List.of(acc("min-norm-cholesky", "netlib", 31), acc("min-norm-svd", "reference", Double.NaN)));
    Recommendation.Row r = rows.get(0);
    assertThat(r.best()).isEqualTo("reference");
    assertThat(r.runnerUp()).isEqualTo("hipparchus");
    assertThat(r.ratio()).isCloseTo(2.0, offset(1e-12));
    assertThat(r.excluded()).containsExactly("netlib");
    assertThat(Recommendation.markdown(rows)).contains("| **reference** |").contains("2.00× slower")
        .contains("| netlib |");
  }

  @Test
  void eachSizeIsItsOwnRowAndALoneBackendHasNoRunnerUp() {
    List<Recommendation.Row> rows = Recommendation.of(List.of(
        solve("EJML", "QR", "N600_P1000", 5), solve("EJML", "QR", "N2000_P500", 7),
        solve("OJALGO", "QR", "N2000_P500", 3)), List.of());
    assertThat(rows).extracting(Recommendation.Row::size, Recommendation.Row::best).containsExactly(
        org.assertj.core.groups.Tuple.tuple("algorithm=QR, parallelism=ALL_CORES, shape=N2000_P500", "ojalgo"),
        org.assertj.core.groups.Tuple.tuple("algorithm=QR, parallelism=ALL_CORES, shape=N600_P1000", "ejml"));
    assertThat(rows.get(1).runnerUp()).isEmpty();
    assertThat(rows.get(1).ratio()).isNaN();
  }
}
