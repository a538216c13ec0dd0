package dev.prunebench.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunebench.data.Digits;
import dev.prunebench.linalg.Backend;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Parallelism;
import java.lang.management.ManagementFactory;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * After the first step an SGD step allocates nothing on the heap: the trainer's workspaces are
 * created once per training ({@link SgdSession}) and every kernel of the step writes into them. The
 * JVM's per-thread allocation counter ({@code com.sun.management.ThreadMXBean}) is read around 100
 * steps after 200 warm-up steps (enough for C2 to compile the kernels, so escape analysis has removed
 * what it can). The native side is {@code linalg.openblas.NativeTrainingMemoryTest}.
 *
 * <p>Tolerance: 1024 bytes per step on average, a constant. The step updates 2 · 7400 doubles
 * (≈ 118 KB of weights and buffers) and its activations are 64 x 100; one stray per-step allocation of
 * anything weight- or batch-sized (≥ 51 KB for W, 51 KB for H) fails by 50×. What remains are small
 * per-call objects around the five GEMMs that the JIT does not scalar-replace, independent of the
 * sizes; measured per step: EJML 0 B, OpenBLAS 0 B, reference 178 B (the row-range lambda of its
 * GEMM), ojAlgo 944 B (the thread-scoping callable and the transpose views of
 * {@code fillByMultiplying}). Commons Math is not listed: its library hides the
 * block storage and has no product into an existing matrix, so its in-place kernels copy (documented
 * in {@code CommonsMathBackend}).
 */
class TrainerAllocationTest {

  private static final long BYTES_PER_STEP_TOLERANCE = 1024;

  /** A pruning mask that zeroes every third weight, so the masked step is what is measured. */
  static NetParams everyThirdPruned(NetParams init) {
    double[] m = new double[init.flatten().size()];
    for (int k = 0; k < m.length; k++) {
      m[k] = k % 3 == 0 ? 0 : 1;
    }
    return init.unflatten(dev.prunebench.linalg.Matrix.wrap(1, m.length, m));
  }

  /** The backends whose matrices expose their storage, so the shared in-place kernels allocate nothing. */
  static java.util.stream.Stream<Backend> storageBackends() {
    return java.util.stream.Stream.of(Backend.REFERENCE, Backend.EJML, Backend.OJALGO, Backend.OPENBLAS,
        Backend.NETLIB);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("storageBackends")
  void anSgdStepAllocatesNothingOnTheHeapAfterWarmUp(Backend backend) {
    if (!backend.availability().available()) {
      Assumptions.assumeTrue(backend != Backend.OPENBLAS, "openblas unavailable: " + backend.availability().reason());
    }
    LinearAlgebraBackend<?> b = backend.create(Parallelism.SINGLE);
    Digits data = TestData.clusters(640, 64, 10, 0.5, 21, true);
    NetParams init = NetParams.heNormal(64, 100, 10, 22);
    try (SgdSession<?> s = SgdSession.open(b, init, everyThirdPruned(init), data, new SgdConfig(0.01, 0.9, 64, 1, 23))) {
      for (int i = 0; i < 200; i++) {
        s.step((i % 10) * 64);
      }
      com.sun.management.ThreadMXBean mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
      long id = Thread.currentThread().getId();
      int steps = 100;
      long before = mx.getThreadAllocatedBytes(id);
      double sink = 0;
      for (int i = 0; i < steps; i++) {
        sink += s.step((i % 10) * 64);
      }
      long perStep = (mx.getThreadAllocatedBytes(id) - before) / steps;
      assertThat(sink).isFinite();
      assertThat(perStep).as("%s heap bytes allocated per SGD step", backend.cliName())
          .isLessThanOrEqualTo(BYTES_PER_STEP_TOLERANCE);
    }
  }
}
