package dev.prunebench.report.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The flop and byte models, checked against counts written out by hand for the benchmarked sizes. */
class KernelCostTest {

  static JmhResult result(String method, Map<String, String> params, double ms) {
    return new JmhResult("dev.prunebench.bench." + method, "avgt", new TreeMap<>(params),
        new JmhResult.Metric(ms, 0.1, ms - 0.1, ms + 0.1, "ms/op"), Map.of());
  }

  @Test
  void gemmIsTwoMnkFlopsOverThreeMatrices() {
    Map<String, String> p = Map.of("shape", "M2000_K2000_N2000");
    assertThat(KernelCost.GEMM.flops(p)).isEqualTo(1.6e10);
    assertThat(KernelCost.GEMM.bytes(p)).isEqualTo(8 * 3 * 4e6);
    // the network's batch shape: C 128 x 1024, k = 784; A 128x784, B 784x1024
    Map<String, String> net = Map.of("shape", "M128_K784_N1024");
    assertThat(KernelCost.GEMM.flops(net)).isEqualTo(2.0 * 128 * 784 * 1024);
    assertThat(KernelCost.GEMM.bytes(net)).isEqualTo(8.0 * (128 * 784 + 784 * 1024 + 128 * 1024));
    assertThat(KernelCost.GEMM.bound()).isEqualTo(KernelCost.Bound.COMPUTE);
  }

  @Test
  void choleskyMinNormCountsGramFactorSolvesAndBackProjectionWhicheverSideIsLonger() {
    // n = 600, p = 1000: Gram 600²·1000 = 3.6e8, factor 600³/3 = 7.2e7, solves 2·600² = 7.2e5, Xᵀz 2·600·1000
    double wide = 3.6e8 + 7.2e7 + 7.2e5 + 1.2e6;
    assertThat(KernelCost.MIN_NORM_CHOLESKY.flops(Map.of("shape", "N600_P1000"))).isEqualTo(wide);
    // tall 2000 x 500: the Gram matrix is 500 x 500
    double tall = 500.0 * 500 * 2000 + 500.0 * 500 * 500 / 3 + 2.0 * 500 * 500 + 2.0 * 500 * 2000;
    assertThat(KernelCost.MIN_NORM_CHOLESKY.flops(Map.of("shape", "N2000_P500"))).isEqualTo(tall);
    assertThat(KernelCost.MIN_NORM_CHOLESKY.bytes(Map.of("shape", "N600_P1000"))).isEqualTo(8.0 * (600000 + 1600));
  }

  @Test
  void memoryBoundKernelsMoveTheirInputOnceAndTheirOutputOnce() {
    // LS Hessian diagonal: X (2400 x 4000) read, 4000 entries written
    Map<String, String> x = Map.of("shape", "N2400_P4000");
    assertThat(KernelCost.LS_HESSIAN_DIAGONAL.bytes(x)).isEqualTo(8.0 * (9_600_000 + 4000));
    assertThat(KernelCost.LS_HESSIAN_DIAGONAL.flops(x)).isEqualTo(2.0 * 9_600_000);
    // hard thresholding of 10⁶ weights: read 10⁶, write 10⁶
    assertThat(KernelCost.HARD_THRESHOLD.bytes(Map.of("size", "P1E6", "keep", "0.1"))).isEqualTo(1.6e7);
    assertThat(KernelCost.HARD_THRESHOLD.bytes(Map.of("size", "NETWORK"))).isEqualTo(16.0 * 813_056);
    assertThat(KernelCost.COPY.bytes(x)).isEqualTo(16.0 * 9_600_000);
    assertThat(KernelCost.CONVERSION.bytes(x)).isEqualTo(16.0 * 9_600_000);
    for (KernelCost k : new KernelCost[] {KernelCost.LS_HESSIAN_DIAGONAL, KernelCost.HARD_THRESHOLD,
        KernelCost.CONVERSION, KernelCost.COPY}) {
      assertThat(k.bound()).as(k.name()).isEqualTo(KernelCost.Bound.MEMORY);
    }
  }

  @Test
  void networkGradientIsTheSumOfItsFiveProducts() {
    // batch 128, d = 784, m = 1024, K = 10: XWᵀ and G_Hᵀ X are 128·784·1024 each; HVᵀ, DᵀH and DV
    // are 128·1024·10 each; two flops per multiply-add
    double fiveGemms = 2 * (2.0 * 128 * 784 * 1024) + 3 * (2.0 * 128 * 1024 * 10);
    Map<String, String> p = Map.of("width", "1024", "samples", "2000");
    assertThat(KernelCost.NETWORK_GRADIENT.flops(p)).isEqualTo(fiveGemms);
    // the batch is never larger than the sample count
    assertThat(KernelCost.NETWORK_GRADIENT.flops(Map.of("width", "8", "samples", "16")))
        .isEqualTo(2 * (2.0 * 16 * 784 * 8) + 3 * (2.0 * 16 * 8 * 10));
    // X read; W, V read and their gradients written
    assertThat(KernelCost.NETWORK_GRADIENT.bytes(p)).isEqualTo(8.0 * (128 * 784 + 2 * (1024 * 784 + 10 * 1024)));
  }

  @Test
  void resultsAreMatchedToTheirKernelOnlyWhereTheWorkIsFixed() {
    assertThat(KernelCost.of(result("GemmBenchmark.gemm", Map.of("backend", "EJML", "shape", "M1024_K1024_N1024"), 1)))
        .contains(KernelCost.GEMM);
    assertThat(KernelCost.of(result("MinNormBenchmark.solve", Map.of("algorithm", "CHOLESKY", "shape", "N600_P1000"),
        1))).contains(KernelCost.MIN_NORM_CHOLESKY);
    // QR and SVD iterate or depend on the algorithm's variant: no model, no roof column
    assertThat(KernelCost.of(result("MinNormBenchmark.solve", Map.of("algorithm", "SVD", "shape", "N600_P1000"), 1)))
        .isEmpty();
    assertThat(KernelCost.of(result("PseudoInverseBenchmark.pseudoInverse", Map.of("shape", "N600_P1000"), 1)))
        .isEmpty();
    assertThat(KernelCost.of(result("NetworkBenchmark.exactHessianDiagonal", Map.of("width", "1024",
        "samples", "2000"), 1))).isEmpty();
    assertThat(KernelCost.of(result("NetworkBenchmark.gradientBatch128", Map.of("width", "1024",
        "samples", "2000"), 1))).contains(KernelCost.NETWORK_GRADIENT);
    // a shape an older or newer build wrote: skipped, not a crash
    assertThat(KernelCost.of(result("GemmBenchmark.gemm", Map.of("shape", "M3_K3_N3"), 1))).isEmpty();
    assertThatThrownBy(() -> KernelCost.GEMM.flops(Map.of())).hasMessageContaining("'shape' is missing");
  }
}
