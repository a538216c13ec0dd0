package dev.prunebench.linalg;

import static dev.prunebench.linalg.Check.EPS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prunebench.util.Rng;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Contract of {@link LeastSquares#lsHessianDiagonal}: for the training loss
 * {@code L̂(θ) = (1/n)‖y − Xθ‖²} (paper eq. 3.1), {@code H_jj = (2/n) Σᵢ X_ij²}, checked against the
 * formula and against a central finite difference of the gradient {@code ∇L̂ = (2/n) Xᵀ(Xθ − y)},
 * the gradient itself computed with the backend's own GEMM and elementwise kernels.
 */
@ExtendWith(ContractErrors.class)
class HessianDiagonalContractTest {
  /**
   * The gradient is affine in θ, so the central difference {@code (∇L̂(θ + h e_j) − ∇L̂(θ − h e_j))_j / 2h}
   * has no truncation error for any h; only rounding remains, bounded below. h = 0.01 keeps it a
   * genuine small-step derivative check.
   */
  private static final double H = 0.01;

  record Case(MatrixClass cls, int n, int p) {
    @Override
    public String toString() {
      return cls.cliName() + " " + n + "x" + p;
    }
  }

  static Stream<Arguments> cases() {
    return TestBackends.cross(List.of(new Case(MatrixClass.GAUSSIAN, 30, 50),
        new Case(MatrixClass.GAUSSIAN, 50, 30), new Case(MatrixClass.GAUSSIAN, 1, 1),
        new Case(MatrixClass.GAUSSIAN, 1, 7), new Case(MatrixClass.GAUSSIAN, 7, 1),
        new Case(MatrixClass.BADLY_SCALED_ROWS, 30, 50), new Case(MatrixClass.GAUSSIAN, 120, 200)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void hessianDiagonalEqualsTheFormulaAndAFiniteDifferenceOfTheGradient(Backend backend, Case c) {
    check(TestBackends.create(backend), backend, c);
  }

  static <M> void check(LinearAlgebraBackend<M> b, Backend backend, Case c) {
    Matrix x = c.cls.generate(c.n, c.p, Check.seed("X", c));
    Matrix y = Rng.gaussian(Rng.of(Check.seed("y", c)), c.n, 1);
    Matrix theta = Rng.gaussian(Rng.of(Check.seed("theta", c)), c.p, 1);
    M xm = b.fromBoundary(x);
    M ym = b.fromBoundary(y);
    Matrix h = Check.take(b, b.lsHessianDiagonal(xm));
    assertThat(h.rows()).isEqualTo(1);
    assertThat(h.cols()).isEqualTo(c.p);
    assertThat(b.toBoundary(xm)).as("lsHessianDiagonal must not modify X").isEqualTo(x);

    double formulaWorst = 0;
    double fdWorst = 0;
    double[] th = theta.toArray();
    for (int j = 0; j < c.p; j++) {
      double naive = 0;
      for (int i = 0; i < c.n; i++) {
        naive += x.get(i, j) * x.get(i, j);
      }
      naive *= 2.0 / c.n;
      // a sum of n nonnegative terms and two multiplications: relative error ≤ γ_{n+2} each way
      formulaWorst = Math.max(formulaWorst, Math.abs(h.get(0, j) - naive) / (EPS * (c.n + 2) * naive));

      double tj = th[j];
      th[j] = tj + H;
      double gPlus = gradient(b, xm, ym, th, c, j);
      double sPlus = gradientScale(x, y, th, j);
      th[j] = tj - H;
      double gMinus = gradient(b, xm, ym, th, c, j);
      double sMinus = gradientScale(x, y, th, j);
      th[j] = tj;
      double fd = (gPlus - gMinus) / (2 * H);
      // Each computed gradient entry is within γ_{n+p+3}·s_j of the exact one, where
      // s_j = (2/n)(|X|ᵀ(|X||θ| + |y|))_j (GEMM bound, Higham eq. 3.13, applied twice); the difference
      // quotient divides that by 2h. H_jj itself contributes γ_{n+2}·H_jj.
      double bound = EPS * (c.n + c.p + 3) * (sPlus + sMinus) / (2 * H) + EPS * (c.n + 2) * naive;
      fdWorst = Math.max(fdWorst, Math.abs(fd - h.get(0, j)) / bound);
    }
    // both ratios are proof-based bounds of 1 per computation; 2 allows for the two computations compared
    Check.ratio(backend, "lsHessianDiagonal", "vs (2/n)ΣX_ij²", formulaWorst, 2, c.toString());
    Check.ratio(backend, "lsHessianDiagonal", "vs finite difference of gradient", fdWorst, 2, c.toString());
    b.release(xm);
    b.release(ym);
  }

  /** Entry j of {@code (2/n) Xᵀ(Xθ − y)}, with the backend's kernels. */
  private static <M> double gradient(LinearAlgebraBackend<M> b, M x, M y, double[] theta, Case c, int j) {
    M t = b.fromBoundary(Matrix.of(c.p, 1, theta));
    M xt = b.multiply(x, t);
    M r = b.addScaled(xt, -1, y);
    M g = b.multiplyTransA(x, r);
    M g2 = b.scale(g, 2.0 / c.n);
    double out = b.toBoundary(g2).get(j, 0);
    for (M m : List.of(t, xt, r, g, g2)) {
      b.release(m);
    }
    return out;
  }

  private static double gradientScale(Matrix x, Matrix y, double[] theta, int j) {
    int n = x.rows();
    double s = 0;
    for (int i = 0; i < n; i++) {
      double xi = 0;
      for (int k = 0; k < x.cols(); k++) {
        xi += Math.abs(x.get(i, k) * theta[k]);
      }
      s += Math.abs(x.get(i, j)) * (xi + Math.abs(y.getFlat(i)));
    }
    return 2.0 / n * s;
  }
}
