package dev.prunebench.report.bench;

import static dev.prunebench.report.bench.KernelCostTest.result;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RoofsTest {
  @TempDir Path dir;

  private static final JmhResult OPENBLAS_1024 = result("GemmBenchmark.gemm",
      Map.of("backend", "OPENBLAS", "shape", "M1024_K1024_N1024", "parallelism", "ALL_CORES"), 10);
  private static final JmhResult OPENBLAS_2000_ALL = result("GemmBenchmark.gemm",
      Map.of("backend", "OPENBLAS", "shape", "M2000_K2000_N2000", "parallelism", "ALL_CORES"), 100);
  private static final JmhResult OPENBLAS_2000_SINGLE = result("GemmBenchmark.gemm",
      Map.of("backend", "OPENBLAS", "shape", "M2000_K2000_N2000", "parallelism", "SINGLE"), 200);
  private static final JmhResult REFERENCE_2000 = result("GemmBenchmark.gemm",
      Map.of("backend", "REFERENCE", "shape", "M2000_K2000_N2000", "parallelism", "ALL_CORES"), 800);
  private static final JmhResult COPY_SMALL = result("CopyBaselineBenchmark.arrayCopy",
      Map.of("shape", "N600_P1000"), 0.2);
  private static final JmhResult COPY_LARGE = result("CopyBaselineBenchmark.streamCopy",
      Map.of("shape", "N2400_P4000"), 10);
  private static final JmhResult CLONE_LARGE = result("CopyBaselineBenchmark.arrayCopy",
      Map.of("shape", "N2400_P4000"), 20);
  private static final JmhResult HESSIAN = result("HessianDiagonalBenchmark.lsHessianDiagonal",
      Map.of("backend", "REFERENCE", "shape", "N2400_P4000", "parallelism", "ALL_CORES"), 10);
  private static final JmhResult SVD = result("MinNormBenchmark.solve",
      Map.of("backend", "REFERENCE", "algorithm", "SVD", "shape", "N600_P1000", "parallelism", "ALL_CORES"), 50);

  @Test
  void theRoofsComeFromTheLargestSizesNotTheFastestCacheResidentOnes() {
    Roofs roofs = Roofs.of(List.of(COPY_SMALL, REFERENCE_2000, OPENBLAS_1024, OPENBLAS_2000_SINGLE,
        OPENBLAS_2000_ALL, CLONE_LARGE, COPY_LARGE, HESSIAN));
    // 1.6e10 flops in 0.1 s (the 1024³ run's 215 GFLOP/s and the single-threaded 80 are not the roof)
    assertThat(roofs.compute()).hasValueSatisfying(r -> {
      assertThat(r.perSecond()).isCloseTo(1.6e11, offset(1.0));
      assertThat(r.from()).contains("M2000_K2000_N2000").contains("ALL_CORES").contains("openblas");
    });
    // 16 · 9.6e6 bytes in 0.01 s by the streaming copy (the 4.8 MB copy's 48 GB/s sits in cache; clone()
    // of the same 77 MB pays for allocation and is slower)
    assertThat(roofs.memory()).hasValueSatisfying(r -> {
      assertThat(r.perSecond()).isCloseTo(1.536e10, offset(1.0));
      assertThat(r.from()).isEqualTo("streamCopy N2400_P4000");
    });
  }

  @Test
  void eachKernelIsMeasuredAgainstTheRoofOfItsBound() {
    Roofs roofs = Roofs.of(List.of(OPENBLAS_2000_ALL, COPY_LARGE, REFERENCE_2000, HESSIAN, SVD));
    assertThat(roofs.fraction(REFERENCE_2000)).hasValueSatisfying(f -> assertThat(f).isCloseTo(0.125, offset(1e-12)));
    assertThat(roofs.fraction(OPENBLAS_2000_ALL)).hasValueSatisfying(f -> assertThat(f).isCloseTo(1.0, offset(1e-12)));
    // 8 · (9.6e6 + 4000) bytes in 0.01 s = 7.6832 GB/s of 15.36
    assertThat(roofs.fraction(HESSIAN)).hasValueSatisfying(f -> assertThat(f).isCloseTo(7.6832 / 15.36,
        offset(1e-12)));
    assertThat(roofs.fraction(SVD)).isEmpty();
  }

  @Test
  void aRunWithoutOpenBlasOrCopyHasNoRoofAndSaysSo() {
    Roofs roofs = Roofs.of(List.of(REFERENCE_2000, HESSIAN));
    assertThat(roofs.compute()).isEmpty();
    assertThat(roofs.memory()).isEmpty();
    assertThat(roofs.fraction(REFERENCE_2000)).isEmpty();
    assertThat(roofs.describe()).contains("not measured (no OpenBLAS GEMM").contains("not measured (no CopyBaseline");
  }

  @Test
  void theReportShowsBothRoofsAndEveryModelledRowsFraction() throws IOException {
    BenchEnvironment env = new BenchEnvironment("2026-12-01", "abc1234", "quick", "vm", "17", "Linux amd64", "cpu", 2,
        1L << 30, "null", "null", List.of(), "host", null);
    BenchReport.render(List.of(OPENBLAS_2000_ALL, REFERENCE_2000, COPY_LARGE, HESSIAN, SVD), env, List.of(), dir,
        "run.json", "REFERENCE", java.util.Optional.empty());
    String md = Files.readString(dir.resolve("README.md"));
    assertThat(md).contains("**Compute roof**: 160.0 GFLOP/s").contains("**Memory roof**: 15.4 GB/s")
        .contains("| attained | of roof |");
    // a plain JMH file: JMH's interval at its resolution, ratios without an interval, so no rank
    assertThat(md).contains("| ALL_CORES M2000_K2000_N2000 | reference | 800.0 [799.9, 800.1] ms/op | "
        + "1.000 [1.000, 1.000] | 8.00 [?] | inconclusive | 20.00 GFLOP/s | 12.5 % |");
    assertThat(md).contains("| 7.68 GB/s | 50.0 % |");
    // SVD has no model: its attained and roof cells are dashes
    assertThat(md).containsPattern("\\| SVD ALL_CORES N600_P1000 \\| reference \\| [^|]+ \\| [^|]+ \\| [^|]+ \\| [^|]+ \\| - \\| - \\|");
  }
}
