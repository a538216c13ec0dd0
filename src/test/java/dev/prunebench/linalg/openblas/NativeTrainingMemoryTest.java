package dev.prunebench.linalg.openblas;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunebench.data.Digits;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.linalg.Parallelism;
import dev.prunebench.nn.NetParams;
import dev.prunebench.nn.SgdConfig;
import dev.prunebench.nn.SgdSession;
import dev.prunebench.util.Rng;
import java.util.random.RandomGenerator;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An SGD step on OpenBLAS allocates no native memory: after the session's first step (which creates
 * its workspaces) JavaCPP's exact count of live off-heap bytes ({@link Pointer#totalBytes()}) does not
 * change over 300 more steps. It is an equality, checked after every step: a single native temporary
 * per step would show in every iteration (see {@link NativeMemoryTest}).
 */
class NativeTrainingMemoryTest {
  private static OpenBlasBackend backend;

  @BeforeAll
  static void load() {
    OpenBlasTestSupport.assumeOpenBlasLoads();
    backend = OpenBlasBackend.of(Parallelism.SINGLE);
  }

  @Test
  void sgdStepsLeaveNativeLiveBytesUnchanged() {
    RandomGenerator rng = Rng.of(31);
    int n = 200;
    double[] x = new double[n * 50];
    for (int k = 0; k < x.length; k++) {
      x[k] = rng.nextDouble();
    }
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      labels[i] = rng.nextInt(10);
    }
    Digits data = new Digits(Matrix.wrap(n, 50, x), labels, 10);
    NetParams init = NetParams.heNormal(50, 80, 10, 32);
    // 200 = 3 · 64 + 8: both the full-batch and the shorter last-batch workspaces are exercised
    try (SgdSession<?> s = SgdSession.open(backend, init, null, data, new SgdConfig(0.01, 0.9, 64, 1, 33))) {
      s.epoch(); // creates both workspaces
      long live = Pointer.totalBytes();
      int changed = 0;
      for (int i = 0; i < 300; i++) {
        s.step((i % 4) * 64);
        if (Pointer.totalBytes() != live) {
          changed++;
        }
      }
      for (int e = 0; e < 3; e++) {
        s.epoch();
      }
      assertThat(changed).as("steps after which native live bytes differed").isZero();
      assertThat(Pointer.totalBytes()).as("native live bytes after 3 more epochs").isEqualTo(live);
    }
  }
}
