package dev.prunebench.nn;

import dev.prunebench.data.Digits;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.util.Rng;
import java.util.random.RandomGenerator;

/** Small synthetic classification sets for the network tests (no MNIST needed). */
final class TestData {
  private TestData() {}

  /**
   * n samples in d dimensions from K Gaussian clusters: class c has mean μ_c ~ N(0, I) and the
   * samples are μ_c + noise·N(0, I), so the classes are separable by a small network.
   */
  static Digits clusters(int n, int d, int k, double noise, long seed) {
    return clusters(n, d, k, noise, seed, false);
  }

  /** As {@link #clusters(int, int, int, double, long)}; {@code nonNegative} clips at 0, like pixel values. */
  static Digits clusters(int n, int d, int k, double noise, long seed, boolean nonNegative) {
    RandomGenerator rng = Rng.of(seed);
    double[][] means = new double[k][];
    for (int c = 0; c < k; c++) {
      means[c] = Rng.gaussian(rng, d, 1.0);
    }
    double[] x = new double[n * d];
    int[] labels = new int[n];
    for (int i = 0; i < n; i++) {
      int c = i % k;
      labels[i] = c;
      for (int j = 0; j < d; j++) {
        double v = means[c][j] + noise * rng.nextGaussian();
        x[i * d + j] = nonNegative ? Math.max(0, v) : v;
      }
    }
    return new Digits(Matrix.wrap(n, d, x), labels, k);
  }
}
