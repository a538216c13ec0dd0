package dev.prunebench.util;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunebench.linalg.Backend;
import dev.prunebench.linear.Figure1Config;
import dev.prunebench.nn.NnConfig;
import org.junit.jupiter.api.Test;

class MemoryBudgetTest {
  private static final long GIB = 1L << 30;

  @Test
  void aHeapShortfallIsRefusedWithBothSizesAndTheFix() {
    MemoryBudget.Estimate need = new MemoryBudget.Estimate((long) (3.2 * GIB), 0);
    assertThat(MemoryBudget.refusal(need, GIB, 0)).hasValueSatisfying(m -> assertThat(m)
        .startsWith("needs about 3.2 GiB of heap, the JVM has 1.0 GiB; raise -Xmx"));
    assertThat(MemoryBudget.refusal(need, 4 * GIB, 0)).isEmpty();
  }

  @Test
  void nativeBuffersCountAgainstJavaCppsLimit() {
    MemoryBudget.Estimate need = MemoryBudget.Estimate.of(1e6, 3e8, true); // 2.2 GiB of native matrices
    assertThat(need.heapBytes()).isEqualTo(8_000_000L);
    assertThat(need.nativeBytes()).isEqualTo(2_400_000_000L);
    assertThat(MemoryBudget.refusal(need, 4 * GIB, GIB)).hasValueSatisfying(m -> assertThat(m)
        .contains("2.2 GiB of native memory").contains("org.bytedeco.javacpp.maxBytes"));
    // On a Java backend the same matrices live on the heap.
    MemoryBudget.Estimate onHeap = MemoryBudget.Estimate.of(1e6, 3e8, false);
    assertThat(onHeap.heapBytes()).isEqualTo(2_408_000_000L);
    assertThat(onHeap.nativeBytes()).isZero();
    assertThat(MemoryBudget.refusal(onHeap, 2 * GIB, 0)).isPresent();
  }

  @Test
  void astronomicalSizesSaturateInsteadOfOverflowing() {
    MemoryBudget.Estimate e = MemoryBudget.Estimate.of(1e30, 1e30, false);
    assertThat(e.heapBytes()).isEqualTo(Long.MAX_VALUE);
    assertThat(MemoryBudget.refusal(e, Long.MAX_VALUE - 1, 0)).isPresent();
  }

  @Test
  void thePaperConfigurationsFitInOneGibibyteAndTheEstimatesCountTheDominantArrays() {
    Figure1Config linear = Figure1Config.paper(50, 500, 1);
    // 2·n·p boundary + n·p + n² working doubles: 8·(2·600·1000 + 600·1000 + 600²) bytes.
    assertThat(linear.memoryEstimate().heapBytes()).isEqualTo(8L * (2 * 600_000 + 600_000 + 360_000));
    NnConfig paper = NnConfig.of(NnConfig.Preset.PAPER, Backend.REFERENCE);
    long nn = paper.memoryEstimate(784, 10, 10_000).heapBytes();
    // At least the 10,000 digits and the 14 runs' initial and final weights (2·14·794·1024 doubles).
    assertThat(nn).isGreaterThan(8L * (10_000 * 784 + 28L * 794 * 1024)).isLessThan(GIB);
    NnConfig nativeRun = NnConfig.of(NnConfig.Preset.PAPER, Backend.OPENBLAS);
    assertThat(nativeRun.memoryEstimate(784, 10, 10_000).nativeBytes()).isPositive();
    assertThat(nativeRun.memoryEstimate(784, 10, 10_000).heapBytes()).isLessThan(nn);
  }

  @Test
  void sizesPrintInBinaryUnits() {
    assertThat(MemoryBudget.size(512)).isEqualTo("512 B");
    assertThat(MemoryBudget.size(3 * GIB / 2)).isEqualTo("1.5 GiB");
  }
}
