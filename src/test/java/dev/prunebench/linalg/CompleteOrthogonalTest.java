package dev.prunebench.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunebench.util.Rng;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@link CompleteOrthogonal} against the normal-equation forms it must equal on a well-conditioned
 * upper-trapezoidal S (r x b, Gaussian with a diagonal of at least 3, κ ≲ 10): the minimum-norm
 * solution {@code w = Sᵀ (S Sᵀ)⁻¹ c} and the least-squares solution {@code v = (S Sᵀ)⁻¹ S g}, solved
 * by the test's own SVD. Tolerance 1e3·ε relative: κ(S Sᵀ) ≲ 100 costs at most ~1e2·ε in the oracle.
 */
class CompleteOrthogonalTest {
  private static final double EPS = Math.ulp(1.0);

  private static Matrix trapezoid(int r, int b, long seed) {
    Matrix g = Rng.gaussian(Rng.of(seed), r, b);
    double[] s = new double[r * b];
    for (int i = 0; i < r; i++) {
      for (int j = i; j < b; j++) {
        s[i * b + j] = g.get(i, j) + (i == j ? Math.copySign(3, g.get(i, j)) : 0);
      }
    }
    return Matrix.of(r, b, s);
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"1, 1", "1, 5", "4, 4", "5, 9", "8, 9", "31, 40"})
  void minNormSolveAndTheTransposedLeastSquaresMatchTheNormalEquations(int r, int b) {
    Matrix s = trapezoid(r, b, 100 + r * 1000L + b);
    Matrix c = Rng.gaussian(Rng.of(7), r, 2);
    Matrix g = Rng.gaussian(Rng.of(8), b, 2);
    Matrix pinvT = Naive.svd(s).pseudoInverse(r); // S⁺ (b x r)
    Matrix wStar = Naive.multiply(pinvT, c);
    Matrix vStar = Naive.multiply(pinvT.transpose(), g); // (Sᵀ)⁺ g
    CompleteOrthogonal cod = new CompleteOrthogonal(s.toArray(), r, b);
    Matrix w = Matrix.of(b, 2, cod.minNormSolve(c.toArray(), 2));
    Matrix v = Matrix.of(r, 2, cod.leastSquaresTransposed(g.toArray(), 2));
    assertThat(Naive.subtract(w, wStar).frobeniusNorm() / wStar.frobeniusNorm()).isLessThan(1e3 * EPS);
    assertThat(Naive.subtract(v, vStar).frobeniusNorm() / vStar.frobeniusNorm()).isLessThan(1e3 * EPS);
    // the residual S w − c itself, independent of the oracle
    assertThat(Naive.subtract(Naive.multiply(s, w), c).frobeniusNorm() / c.frobeniusNorm()).isLessThan(1e3 * EPS);
  }

  @ParameterizedTest(name = "{0}x{1}")
  @CsvSource({"0, 3", "4, 3"})
  void aBlockThatIsNotWideIsRejected(int r, int b) {
    assertThatThrownBy(() -> new CompleteOrthogonal(new double[Math.max(1, r * b)], r, b))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(r + "x" + b);
  }
}
