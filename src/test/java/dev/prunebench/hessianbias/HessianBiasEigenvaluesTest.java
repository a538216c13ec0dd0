package dev.prunebench.hessianbias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import dev.prunebench.util.Rng;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class HessianBiasEigenvaluesTest {

  /** Q D Qᵀ with Q a product of random Householder reflections (orthogonal to rounding). */
  private static double[] conjugate(double[] diag, RandomGenerator rng) {
    int n = diag.length;
    double[] a = new double[n * n];
    for (int i = 0; i < n; i++) {
      a[i * n + i] = diag[i];
    }
    for (int rep = 0; rep < 3; rep++) {
      double[] v = Rng.gaussian(rng, n, 1.0);
      double vv = Arrays.stream(v).map(x -> x * x).sum();
      // A ← H A H with H = I − 2vvᵀ/vᵀv.
      double[] av = new double[n];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          av[i] += a[i * n + j] * v[j];
        }
      }
      double vav = 0;
      for (int i = 0; i < n; i++) {
        vav += v[i] * av[i];
      }
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < n; j++) {
          a[i * n + j] += -2 * (av[i] * v[j] + v[i] * av[j]) / vv + 4 * vav * v[i] * v[j] / (vv * vv);
        }
      }
    }
    return a;
  }

  @Test
  void recoversPrescribedSpectraOfRandomlyRotatedMatrices() {
    RandomGenerator rng = Rng.of(7);
    for (int trial = 0; trial < 40; trial++) {
      int n = 1 + rng.nextInt(30);
      double[] diag = new double[n];
      for (int i = 0; i < n; i++) {
        // spread over six decades, with repeats, to exercise clustered eigenvalues
        diag[i] = trial % 3 == 0 ? Math.floor(rng.nextDouble() * 3) : Math.pow(10, 6 * rng.nextDouble() - 3);
      }
      double[] a = conjugate(diag, rng);
      double[] sorted = diag.clone();
      Arrays.sort(sorted);
      double norm = Arrays.stream(sorted).map(Math::abs).max().orElse(0);
      double[] ev = SymmetricEigenvalues.ascending(a, n);
      for (int i = 0; i < n; i++) {
        // Weyl: rounding in building Q D Qᵀ (three reflections, O(n) flops per entry) and in the
        // Jacobi sweeps perturbs A by O(n ε ‖A‖); 100 n ε ‖A‖ leaves two decades of headroom.
        assertThat(ev[i]).as("trial %d n %d i %d", trial, n, i)
            .isCloseTo(sorted[i], offset(100 * n * Math.ulp(1.0) * Math.max(norm, 1e-300)));
      }
    }
  }

  @Test
  void twoByTwoWithEqualDiagonalUsesTheFortyFiveDegreeRotation() {
    double[] ev = SymmetricEigenvalues.ascending(new double[] {2, 1, 1, 2}, 2);
    assertThat(ev[0]).isCloseTo(1, offset(4 * Math.ulp(2.0)));
    assertThat(ev[1]).isCloseTo(3, offset(4 * Math.ulp(2.0)));
  }

  @Test
  void rejectsWrongLengthAndNonFiniteEntries() {
    assertThatThrownBy(() -> SymmetricEigenvalues.ascending(new double[3], 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("length=3");
    assertThatThrownBy(() -> SymmetricEigenvalues.ascending(new double[] {1, Double.NaN, 0, 1}, 2))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("NaN");
  }
}
