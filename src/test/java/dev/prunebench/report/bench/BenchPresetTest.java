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

  private static final List<String> FIVE = List.of("REFERENCE", "EJML", "OJALGO", "COMMONS_MATH", "OPENBLAS");

  @Test
  void quickCoversEveryKernelAtOneSizeAndFullEverySize() {
    List<BenchGroup> quick = BenchPlan.groups(BenchPreset.QUICK, BenchPreset.QUICK.classes(), FIVE);
    List<BenchGroup> full = BenchPlan.groups(BenchPreset.FULL, BenchPreset.FULL.classes(), FIVE);
    assertThat(BenchPreset.QUICK.classes()).isEqualTo(BenchPreset.BENCHMARK_CLASSES);
    // every benchmark class is in quick, every method except the whole training epoch
    assertThat(quick.stream().map(BenchGroup::benchmarkClass).distinct()).containsExactlyElementsOf(
        BenchPreset.BENCHMARK_CLASSES);
    assertThat(full.stream().map(g -> g.benchmarkClass() + "." + g.method()).distinct().filter(
        m -> quick.stream().noneMatch(q -> (q.benchmarkClass() + "." + q.method()).equals(m))))
        .containsExactly("NetworkBenchmark.trainingEpoch");
    // one size per kernel in quick
    for (BenchGroup g : quick) {
      String size = g.params().containsKey("shape") ? g.params().get("shape") : g.params().get("size");
      long sizes = quick.stream().filter(q -> q.benchmarkClass().equals(g.benchmarkClass()))
          .map(q -> q.params().containsKey("shape") ? q.params().get("shape") : q.params().getOrDefault("size", "-"))
          .distinct().count();
      assertThat(sizes).as("%s (%s)", g, size).isEqualTo(1);
    }
    // full runs every declared GEMM shape and both thread settings
    assertThat(full.stream().filter(g -> g.benchmarkClass().equals("GemmBenchmark"))).hasSize(3 * 2 * 3);
    assertThat(quick).allSatisfy(g -> assertThat(g.backends()).isIn(FIVE, List.of(BenchGroup.NO_BACKEND)));
  }

  @Test
  void ciIsAFewKernelsOfQuickInShorterForks() {
    List<BenchGroup> ci = BenchPlan.groups(BenchPreset.CI, BenchPreset.CI.classes(), FIVE);
    List<BenchGroup> quick = BenchPlan.groups(BenchPreset.QUICK, BenchPreset.QUICK.classes(), FIVE);
    assertThat(quick).containsAll(ci);
    assertThat(ci).hasSize(6);
    assertThat(BenchPreset.CI.rounds).isEqualTo(BenchPreset.QUICK.rounds);
    assertThat(BenchPreset.CI.measuresRoofs()).isFalse();
    // the ci budget: 6 groups x 5 backends x 5 rounds forks of 1 + 2 iterations of 0.3 s each
    assertThat(ci.size() * FIVE.size() * BenchPreset.CI.rounds * (BenchPreset.CI.warmupIterations
        + BenchPreset.CI.measurementIterations) * BenchPreset.CI.warmupMillis / 1000.0).isLessThanOrEqualTo(150);
  }
}
