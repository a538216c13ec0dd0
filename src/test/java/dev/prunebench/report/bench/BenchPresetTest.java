package dev.prunebench.report.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class BenchPresetTest {
  private static final BenchPreset.RoofRun GEMM_ROOF = BenchPreset.ROOF_RUNS.get(0);
  private static final BenchPreset.RoofRun COPY_ROOF = BenchPreset.ROOF_RUNS.get(1);

  @Test
  void theRoofsAreOpenBlasGemmAt2000AndTheLargeCopy() {
    assertThat(GEMM_ROOF.benchmarkClass()).isEqualTo("GemmBenchmark");
    assertThat(GEMM_ROOF.needsOpenBlas()).isTrue();
    assertThat(GEMM_ROOF.params().get("shape")).containsExactly("M2000_K2000_N2000");
    assertThat(COPY_ROOF.benchmarkClass()).isEqualTo("CopyBaselineBenchmark");
    assertThat(COPY_ROOF.needsOpenBlas()).isFalse();
    assertThat(COPY_ROOF.params().get("shape")).containsExactly("N2400_P4000");
  }

  @Test
  void aRoofIsRunSeparatelyOnlyWhenTheChosenBenchmarksDoNotAlreadyMeasureIt() {
    List<String> all = BenchPreset.BENCHMARK_CLASSES;
    // quick: GEMM only at the network's and 1024³ shapes, so the 2000³ roof is extra; the quick copy
    // shapes include the large one
    assertThat(BenchPreset.QUICK.covers(GEMM_ROOF, all, List.of("OPENBLAS", "REFERENCE"))).isFalse();
    assertThat(BenchPreset.QUICK.covers(COPY_ROOF, all, List.of("REFERENCE"))).isTrue();
    // full: every declared parameter, 2000³ and ALL_CORES included, but only if OpenBLAS was chosen
    assertThat(BenchPreset.FULL.covers(GEMM_ROOF, all, List.of("OPENBLAS"))).isTrue();
    assertThat(BenchPreset.FULL.covers(GEMM_ROOF, all, List.of("EJML"))).isFalse();
    assertThat(BenchPreset.FULL.covers(COPY_ROOF, all, List.of("EJML"))).isTrue();
    // a run of other classes covers neither
    assertThat(BenchPreset.FULL.covers(COPY_ROOF, List.of("GemmBenchmark"), List.of("OPENBLAS"))).isFalse();
  }
}
