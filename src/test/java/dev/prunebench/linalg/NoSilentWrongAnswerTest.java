package dev.prunebench.linalg;

import static dev.prunebench.linalg.Check.EPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.prunebench.accuracy.HighPrecision;
import dev.prunebench.util.Rng;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The reproducers of issue 19 ("no silently wrong answer"), on every backend: each used to return a
 * wrong answer without an exception, identically on all five backends.
 *
 * <ul>
 *   <li>a 32 x 32 (and 40 x 32, 32 x 40) matrix of small integers with one exact integer dependency:
 *       Householder QR's smallest diagonal stayed above the old |R_kk| gate and QR returned ‖θ‖ ~ 1e15;
 *       now a rank-revealing QR reads SVD's rank 31 off its pivoted diagonal and returns the
 *       minimum-norm solution through the complete orthogonal decomposition, the others refuse;
 *   <li>graded rows/columns 1e-8…1e8, κ₂ ≈ 1e16 but well conditioned after diagonal scaling:
 *       CHOLESKY and QR refused them;
 *   <li>entries ≈ 1e-310, whose pseudo-inverse overflows: ±Infinity came back;
 *   <li>CHOLESKY with ε·m·κ² between 4 and 1000: 0.1–15 % wrong, no exception.
 * </ul>
 * Tolerances: {@link LeastSquaresContractTest#RATIO} times the backward-stable bound, as in the
 * contract suite.
 */
@ExtendWith(ContractErrors.class)
class NoSilentWrongAnswerTest {
  private static final double RATIO = LeastSquaresContractTest.RATIO;

  /** Integers in [−9, 9]; the last column (tall, square) or row (wide) an integer combination of the others. */
  static Matrix integerRankDeficient(int n, int p, long seed) {
    RandomGenerator rng = Rng.of(seed);
    double[] x = new double[n * p];
    for (int k = 0; k < x.length; k++) {
      x[k] = rng.nextInt(19) - 9;
    }
    if (n >= p) {
      for (int i = 0; i < n; i++) {
        double s = 0;
        for (int j = 0; j < p - 1; j++) {
          s += (j % 11 - 5) * x[i * p + j]; // coefficients −5…5, exact in double
        }
        x[i * p + p - 1] = s;
      }
    } else {
      for (int j = 0; j < p; j++) {
        double s = 0;
        for (int i = 0; i < n - 1; i++) {
          s += (i % 11 - 5) * x[i * p + j];
        }
        x[(n - 1) * p + j] = s;
      }
    }
    return Matrix.of(n, p, x);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.prunebench.linalg.TestBackends#backends")
  void anExactIntegerDependencyIsSolvedBySvdAndPivotedQrAndRefusedOtherwise(Backend backend) {
    run(TestBackends.create(backend), backend);
  }

  private static <M> void run(LinearAlgebraBackend<M> b, Backend backend) {
    for (int[] s : new int[][] {{32, 32}, {40, 32}, {32, 40}}) {
      int n = s[0];
      int p = s[1];
      Matrix x = integerRankDeficient(n, p, 19);
      Matrix y = Rng.gaussian(Rng.of(20), n, 1);
      Naive.Svd svd = Naive.svd(x);
      int rank = Math.min(n, p) - 1;
      assertThat(svd.rankAbove(LeastSquares.defaultRcond(n, p))).as("oracle rank %dx%d", n, p).isEqualTo(rank);
      Matrix oracle = Naive.multiply(svd.pseudoInverse(rank), y);
      if (n >= p) {
        // 60-digit cross-check of the oracle: θ* is the full-rank solution on the first p−1 columns,
        // minus its component along the null vector v = (c, −1) of X
        Matrix a = Matrix.of(n, p - 1, columnsBefore(x, p - 1));
        Matrix phi = HighPrecision.minNormSolution(a, y);
        double[] t = java.util.Arrays.copyOf(phi.toArray(), p);
        double[] v = new double[p];
        for (int j = 0; j < p - 1; j++) {
          v[j] = j % 11 - 5;
        }
        v[p - 1] = -1;
        double tv = 0;
        double vv = 0;
        for (int j = 0; j < p; j++) {
          tv += t[j] * v[j];
          vv += v[j] * v[j];
        }
        for (int j = 0; j < p; j++) {
          t[j] -= tv / vv * v[j];
        }
        Matrix hp = Matrix.of(p, 1, t);
        // the double-precision Jacobi oracle agrees with the 60-digit one (measured ≤ 1e-13 relative)
        assertThat(Naive.subtract(oracle, hp).frobeniusNorm() / hp.frobeniusNorm()).isLessThan(1e-10);
        oracle = hp;
      }
      String what = "integer rank " + rank + " " + n + "x" + p;
      M xm = b.fromBoundary(x);
      M ym = b.fromBoundary(y);
      boolean codQr = TestBackends.RANK_REVEALING_QR.contains(backend);
      for (LeastSquaresAlgorithm alg : new LeastSquaresAlgorithm[] {LeastSquaresAlgorithm.CHOLESKY,
          LeastSquaresAlgorithm.QR}) {
        if (alg == LeastSquaresAlgorithm.QR && codQr) {
          continue;
        }
        // CHOLESKY and an unpivoted QR refuse by a non-positive pivot or the condition estimate
        assertThatThrownBy(() -> {
          Matrix t = Check.take(b, b.solveMinNorm(xm, ym, alg));
          fail("%s %s %s returned ‖θ‖ = %.3g instead of refusing", backend.cliName(), alg, what, t.frobeniusNorm());
        }).as("%s %s %s", backend.cliName(), alg, what).isInstanceOf(RankDeficientException.class)
            .hasMessageContaining("use SVD").hasMessageFindingMatch("estimated condition number|not positive definite");
      }
      double kappa = svd.condition(rank);
      Matrix r = Naive.subtract(y, Naive.multiply(x, oracle));
      // rank-r least-squares perturbation bound, as in the contract suite's rank-deficient test
      double bound = EPS * Math.max(n, p)
          * (kappa + kappa * kappa * r.frobeniusNorm() / (svd.sigma()[0] * oracle.frobeniusNorm()));
      Matrix svdTheta = Check.take(b, b.solveMinNorm(xm, ym, LeastSquaresAlgorithm.SVD));
      Check.ratio(backend, "solveMinNorm/svd", "integer rank-deficient vs 60-digit θ*",
          Naive.subtract(svdTheta, oracle).frobeniusNorm() / oracle.frobeniusNorm() / bound, RATIO, what);
      if (codQr) {
        // The pivoted diagonal gives rank 31 as SVD does: a rank-32 answer would carry a null-space
        // component of order ‖θ‖·1e5 (the 1e15…1e17), a rank-30 one would miss a kept direction;
        // both are far outside the bound, and the row-space distance pins the rank on its own.
        Matrix qrTheta = Check.take(b, b.solveMinNorm(xm, ym, LeastSquaresAlgorithm.QR));
        Check.ratio(backend, "solveMinNorm/qr", "integer rank-deficient vs 60-digit θ*",
            Naive.subtract(qrTheta, oracle).frobeniusNorm() / oracle.frobeniusNorm() / bound, RATIO,
            what + String.format(" ‖θ‖ qr %.6g svd %.6g 60-digit %.6g", qrTheta.frobeniusNorm(),
                svdTheta.frobeniusNorm(), oracle.frobeniusNorm()));
        Check.ratio(backend, "solveMinNorm/qr", "integer rank-deficient: null-space component",
            svd.distanceFromRowSpace(qrTheta, rank) / (EPS * Math.max(n, p) * kappa * qrTheta.frobeniusNorm()),
            RATIO, what);
        Check.ratio(backend, "solveMinNorm/qr", "integer rank-deficient: QR vs SVD",
            Naive.subtract(qrTheta, svdTheta).frobeniusNorm() / oracle.frobeniusNorm() / bound, 2 * RATIO, what);
      }
      b.release(xm);
      b.release(ym);
    }
  }

  private static double[] columnsBefore(Matrix x, int q) {
    double[] d = new double[x.rows() * q];
    for (int i = 0; i < x.rows(); i++) {
      for (int j = 0; j < q; j++) {
        d[i * q + j] = x.get(i, j);
      }
    }
    return d;
  }

  /** {@code 10^(−8 + 16 i/(k−1))}, i = 0…k−1: the grading over 1e-8…1e8. */
  private static double[] grading(int k) {
    double[] g = new double[k];
    for (int i = 0; i < k; i++) {
      g[i] = Math.pow(10, -8 + 16.0 * i / (k - 1));
    }
    return g;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.prunebench.linalg.TestBackends#backends")
  void gradedRowsAndColumnsAreSolvedByCholeskyAndQrAfterEquilibration(Backend backend) {
    graded(TestBackends.create(backend), backend);
  }

  private static <M> void graded(LinearAlgebraBackend<M> b, Backend backend) {
    // tall: graded columns; wide: graded rows; square: both (the sides equilibration may scale)
    for (int[] s : new int[][] {{60, 20}, {20, 60}, {30, 30}}) {
      int n = s[0];
      int p = s[1];
      Matrix a = Rng.gaussian(Rng.of(Check.seed("graded", n, p)), n, p);
      double[] dr = n <= p ? grading(n) : ones(n);
      double[] dc = n >= p ? grading(p) : ones(p);
      double[] xd = new double[n * p];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < p; j++) {
          xd[i * p + j] = dr[i] * a.get(i, j) * dc[j];
        }
      }
      Matrix x = Matrix.of(n, p, xd);
      // consistent y = X θ₀ with θ₀ = D_c⁻¹ g: every scaled unknown of order one
      double[] t0 = Rng.gaussian(Rng.of(Check.seed("graded θ0", n, p)), p, 1).toArray();
      for (int j = 0; j < p; j++) {
        t0[j] /= dc[j];
      }
      Matrix y = Naive.multiply(x, Matrix.of(p, 1, t0));
      Matrix ref = HighPrecision.minNormSolution(x, y); // κ₂(X) ≈ 1e16; 60 digits leave > 25
      double kappaX = Naive.svd(x).condition(Math.min(n, p));
      assertThat(kappaX).as("the graded matrix is numerically singular unscaled").isGreaterThan(1e12);
      // Equilibration by powers of two leaves each row/column within a factor 2 of the exact
      // grading, so κ₂(X̃) ≤ 4·κ₂(A), A the Gaussian core.
      double kappa = 4 * Naive.svd(a).condition(Math.min(n, p));
      M xm = b.fromBoundary(x);
      M ym = b.fromBoundary(y);
      for (LeastSquaresAlgorithm alg : new LeastSquaresAlgorithm[] {LeastSquaresAlgorithm.CHOLESKY,
          LeastSquaresAlgorithm.QR}) {
        Matrix theta = Check.take(b, b.solveMinNorm(xm, ym, alg));
        // error in the scaled unknowns D_c θ (column scaling is what the algorithm is invariant to)
        double num = 0;
        double den = 0;
        for (int j = 0; j < p; j++) {
          double d = dc[j] * (theta.get(j, 0) - ref.get(j, 0));
          num += d * d;
          den += dc[j] * ref.get(j, 0) * dc[j] * ref.get(j, 0);
        }
        double k = alg == LeastSquaresAlgorithm.CHOLESKY ? kappa * kappa : kappa;
        Check.ratio(backend, "solveMinNorm/" + alg.cliName(), "graded vs 60-digit θ*, D_c-scaled",
            Math.sqrt(num / den) / (EPS * Math.max(n, p) * k), RATIO, n + "x" + p + " κ(X)=" + String.format("%.1e", kappaX));
      }
      b.release(xm);
      b.release(ym);
    }
  }

  private static double[] ones(int k) {
    double[] o = new double[k];
    java.util.Arrays.fill(o, 1);
    return o;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.prunebench.linalg.TestBackends#backends")
  void aPseudoInverseThatOverflowsIsRefusedNotReturnedAsInfinity(Backend backend) {
    subnormal(TestBackends.create(backend), backend);
  }

  private static <M> void subnormal(LinearAlgebraBackend<M> b, Backend backend) {
    Matrix g = Rng.gaussian(Rng.of(31), 20, 30);
    for (double scale : new double[] {1e-310, 1e-300}) {
      double[] d = g.toArray();
      for (int k = 0; k < d.length; k++) {
        d[k] *= scale;
      }
      M xm = b.fromBoundary(Matrix.of(20, 30, d));
      M ym = b.fromBoundary(Rng.gaussian(Rng.of(32), 20, 1));
      if (scale == 1e-310) {
        // X⁺ ≈ 1e310 · G⁺: not a double
        assertThatThrownBy(() -> b.toBoundary(b.pseudoInverse(xm))).isInstanceOf(UnrepresentableResultException.class)
            .hasMessageContaining("pseudoInverse").hasMessageContaining("not representable");
        for (LeastSquaresAlgorithm alg : LeastSquaresAlgorithm.values()) {
          assertThatThrownBy(() -> b.toBoundary(b.solveMinNorm(xm, ym, alg))).as("%s %s", backend.cliName(), alg)
              .isInstanceOf(UnrepresentableResultException.class).hasMessageContaining("θ = X⁺y");
        }
      } else {
        // X⁺ ≈ 1e300 · G⁺ is representable and must come back right
        Naive.Svd svd = Naive.svd(g);
        Matrix expected = svd.pseudoInverse(20);
        double[] e = expected.toArray();
        for (int k = 0; k < e.length; k++) {
          e[k] /= scale;
        }
        Matrix pinv = Check.take(b, b.pseudoInverse(xm));
        Check.ratio(backend, "pseudoInverse", "X of 1e-300s vs oracle",
            Naive.subtract(pinv, Matrix.of(30, 20, e)).frobeniusNorm() / Matrix.of(30, 20, e).frobeniusNorm()
                / (EPS * 30 * svd.condition(20)), RATIO, "20x30 · 1e-300");
      }
      b.release(xm);
      b.release(ym);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.prunebench.linalg.TestBackends#backends")
  void choleskyRefusesWhenEpsTimesMTimesKappaSquaredIsBetween4And1000(Backend backend) {
    cholesky(TestBackends.create(backend), backend);
  }

  private static <M> void cholesky(LinearAlgebraBackend<M> b, Backend backend) {
    for (int[] s : new int[][] {{30, 50}, {50, 30}, {40, 40}}) {
      int m = Math.max(s[0], s[1]);
      for (double t : new double[] {4, 30, 1000}) {
        double kappa = Math.sqrt(t / (EPS * m));
        Matrix x = MatrixClasses.withCondition(s[0], s[1], kappa, Check.seed("cholesky-limit", s[0], s[1], t));
        M xm = b.fromBoundary(x);
        M ym = b.fromBoundary(Rng.gaussian(Rng.of(41), s[0], 1));
        String what = s[0] + "x" + s[1] + " ε·m·κ² = " + t;
        assertThatThrownBy(() -> {
          Matrix theta = Check.take(b, b.solveMinNorm(xm, ym, LeastSquaresAlgorithm.CHOLESKY));
          fail("%s CHOLESKY %s returned (‖θ‖ = %.3g) instead of refusing", backend.cliName(), what,
              theta.frobeniusNorm());
        }).as("%s %s", backend.cliName(), what).isInstanceOf(RankDeficientException.class)
            .hasMessageContaining("CHOLESKY").hasMessageContaining("use SVD");
        b.release(xm);
        b.release(ym);
      }
    }
  }
}
