package dev.prunebench.hessianbias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.offset;

import dev.prunebench.linalg.Backend;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.theory.PplsParameters;
import dev.prunebench.util.Rng;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class PplsEstimatorTest {

  static Backend[] backends() {
    return Backend.available();
  }

  /**
   * {@code X = diag(s) · Q} with Q the first n rows of a Householder reflection (orthonormal rows),
   * so {@code XXᵀ = diag(s²)} and the singular values of X are exactly s.
   */
  private static Matrix withSingularValues(double[] s, int p, RandomGenerator rng) {
    int n = s.length;
    double[] v = Rng.gaussian(rng, p, 1.0);
    double vv = 0;
    for (double x : v) {
      vv += x * x;
    }
    double[] d = new double[n * p];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        double h = (i == j ? 1 : 0) - 2 * v[i] * v[j] / vv;
        d[i * p + j] = s[i] * h;
      }
    }
    return Matrix.wrap(n, p, d);
  }

  @ParameterizedTest
  @MethodSource("backends")
  void muAndSmoothnessAreTheSquaredExtremeSingularValuesOfEachGroup(Backend b) {
    RandomGenerator rng = Rng.of(8);
    double[] s1 = {3, 0.5, 2, 1};
    double[] s2 = {0.1, 0.2, 7, 0.3};
    GroupedDesign design = new GroupedDesign(List.of(withSingularValues(s1, 9, rng),
        withSingularValues(s2, 4, rng)), Matrix.column(1, 2, 3, 4));
    PplsParameters p = PplsEstimator.estimate(b.create(), design);
    // Q is orthonormal to a few ulps, so XXᵀ = diag(s²) up to about p ε max(s²); 1e-13 relative to
    // L is two decades above that.
    assertThat(p.mu(0)).isCloseTo(0.25, offset(1e-13 * 9));
    assertThat(p.smoothness(0)).isCloseTo(9, offset(1e-13 * 9));
    assertThat(p.mu(1)).isCloseTo(0.01, offset(1e-13 * 49));
    assertThat(p.smoothness(1)).isCloseTo(49, offset(1e-13 * 49));
  }
}
