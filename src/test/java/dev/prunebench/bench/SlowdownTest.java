package dev.prunebench.bench;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The test-only slow-down knob is off in every JVM that does not set its property (this one). */
class SlowdownTest {

  @Test
  void theKnobIsOffUnlessItsPropertyIsSet() {
    assertThat(System.getProperty(Slowdown.PROPERTY)).isNull();
    assertThat(Slowdown.ACTIVE).isFalse();
    assertThat(Slowdown.targets("GemmBenchmark.gemm")).isFalse();
    assertThat(Slowdown.start("GemmBenchmark.gemm")).isZero();
    long t0 = System.nanoTime();
    Slowdown.finish(0L);
    assertThat(System.nanoTime() - t0).as("finish(0) returns at once").isLessThan(50_000_000L);
  }
}
