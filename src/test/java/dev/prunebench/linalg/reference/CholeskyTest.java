package dev.prunebench.linalg.reference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunebench.util.Rng;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * The blocked {@link Cholesky} at orders that cross several blocks of {@value Cholesky#NB} and end in a
 * partial one, where the trailing updates and the column-split panel solves run (the contract suite's
 * matrices are smaller than one block).
 */
class CholeskyTest {
  private static final double EPS = Math.ulp(1.0);
  /** Three full blocks and a partial one. */
  private static final int N = 3 * Cholesky.NB + 37;

  private static double[] gram(Gemm gemm, long seed, int n, int p) {
    RandomGenerator rng = Rng.of(seed);
    double[] x = Rng.gaussian(rng, n, p).toArray();
    return gemm.gramOuter(x, n, p);
  }

  @Test
  void factorReproducesTheGramMatrixAcrossBlocks() {
    Gemm gemm = new Gemm(1);
    double[] g = gram(gemm, 41, N, N + 170);
    double[] r = g.clone();
    assertThat(Cholesky.factorInPlace(r, N, gemm)).isZero();
    double maxErr = 0;
    double maxG = 0;
    for (int i = 0; i < N; i++) {
      for (int j = i; j < N; j++) {
        double s = 0;
        for (int k = 0; k <= i; k++) {
          s += r[k * N + i] * r[k * N + j];
        }
        maxErr = Math.max(maxErr, Math.abs(s - g[i * N + j]));
        maxG = Math.max(maxG, Math.abs(g[i * N + j]));
      }
    }
    // backward error of Cholesky is O(n ε)‖G‖ (Higham Thm 10.3); measured 1.7e-15 relative at this order
    assertThat(maxErr / maxG).isLessThan(N * EPS);
  }

  @Test
  void factorDoesNotDependOnTheThreadCount() {
    Gemm one = new Gemm(1);
    Gemm two = new Gemm(2);
    double[] g = gram(one, 42, N, N + 90);
    double[] r1 = g.clone();
    double[] r2 = g.clone();
    Cholesky.factorInPlace(r1, N, one);
    Cholesky.factorInPlace(r2, N, two);
    for (int i = 0; i < N; i++) {
      for (int j = i; j < N; j++) {
        assertThat(r2[i * N + j]).as("R[%d][%d]", i, j).isEqualTo(r1[i * N + j]);
      }
    }
  }

  @Test
  void aNonPositivePivotInALaterBlockIsReportedWithItsOrder() {
    Gemm gemm = new Gemm(2);
    double[] g = gram(gemm, 43, N, N + 50);
    int bad = 2 * Cholesky.NB + 5;
    g[bad * N + bad] = -1.0; // leading minors up to order bad stay positive definite; order bad + 1 is not
    assertThat(Cholesky.factorInPlace(g, N, gemm)).isEqualTo(bad + 1);
  }
}
