package dev.prunebench.linalg.openblas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunebench.linalg.LeastSquaresAlgorithm;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.linalg.Parallelism;
import dev.prunebench.linalg.RankDeficientException;
import dev.prunebench.util.Rng;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** LAPACK {@code info} codes and the backend's own checks become exceptions that say what failed. */
class OpenBlasErrorsTest {
  private static OpenBlasBackend backend;

  @BeforeAll
  static void load() {
    OpenBlasTestSupport.assumeOpenBlasLoads();
    backend = OpenBlasBackend.of(Parallelism.SINGLE);
  }

  /** A random n x p matrix whose row {@code zeroRow} is zero. */
  private static Matrix withZeroRow(int n, int p, int zeroRow, long seed) {
    double[][] rows = Rng.gaussian(Rng.of(seed), n, p).toRows();
    java.util.Arrays.fill(rows[zeroRow], 0.0);
    return Matrix.fromRows(rows);
  }

  @Test
  void choleskyOnAZeroRowIsReportedFromDpotrfInfoInTheSharedWording() {
    // Row 36 (0-based) of X is zero, so row and column 37 of X Xᵀ are zero and dpotrf stops at the
    // leading minor of order 37 (info = 37); the shared flow words it the same on every backend.
    NativeMatrix x = backend.fromBoundary(withZeroRow(50, 80, 36, 1));
    NativeMatrix y = backend.fromBoundary(Rng.gaussian(Rng.of(2), 50, 1));
    assertThatThrownBy(() -> backend.solveMinNorm(x, y, LeastSquaresAlgorithm.CHOLESKY))
        .isInstanceOf(RankDeficientException.class)
        .hasMessage("CHOLESKY: the 50x50 Gram matrix X Xᵀ of the equilibrated X (50x80) is not positive "
            + "definite (the factorisation met a non-positive pivot): X is rank-deficient or too ill-conditioned "
            + "for CHOLESKY, use SVD");
  }

  @Test
  void choleskyOnAZeroColumnOfATallMatrixReportsXtXNotPositiveDefinite() {
    NativeMatrix x = backend.fromBoundary(withZeroRow(50, 80, 36, 3).transpose());
    NativeMatrix y = backend.fromBoundary(Rng.gaussian(Rng.of(4), 80, 2));
    assertThatThrownBy(() -> backend.solveMinNorm(x, y, LeastSquaresAlgorithm.CHOLESKY))
        .isInstanceOf(RankDeficientException.class).hasMessageContaining("Gram matrix Xᵀ X")
        .hasMessageContaining("not positive definite");
  }

  @Test
  void choleskyOnDuplicatedRowsIsRankDeficientNotASilentWrongAnswer() {
    double[][] rows = Rng.gaussian(Rng.of(5), 30, 60).toRows();
    rows[17] = rows[4].clone();
    NativeMatrix x = backend.fromBoundary(Matrix.fromRows(rows));
    NativeMatrix y = backend.fromBoundary(Rng.gaussian(Rng.of(6), 30, 1));
    assertThatThrownBy(() -> backend.solveMinNorm(x, y, LeastSquaresAlgorithm.CHOLESKY))
        .isInstanceOf(RankDeficientException.class).hasMessageContaining("CHOLESKY, use SVD");
  }

  @Test
  void qrOnDuplicatedColumnsFindsRank24OnTheDgeqp3DiagonalAndReturnsSvdsMinimumNormSolution() {
    double[][] rows = Rng.gaussian(Rng.of(7), 40, 25).toRows();
    for (double[] r : rows) {
      r[20] = 3 * r[2];
    }
    NativeMatrix x = backend.fromBoundary(Matrix.fromRows(rows));
    NativeMatrix y = backend.fromBoundary(Rng.gaussian(Rng.of(8), 40, 1));
    Matrix qr = backend.toBoundary(backend.solveMinNorm(x, y, LeastSquaresAlgorithm.QR));
    Matrix svd = backend.toBoundary(backend.solveMinNorm(x, y, LeastSquaresAlgorithm.SVD));
    // both truncate to rank 24 (dgeqp3 + the complete orthogonal decomposition, dgesdd): a rank-25
    // answer would be ~1e15 long; κ_24 of the Gaussian part ≈ 10, so 1e3·ε is ample
    assertThat(qr.maxAbsDiff(svd) / svd.frobeniusNorm()).isLessThan(1e3 * Math.ulp(1.0));
    // θ has no component along the null vector e_20 − 3 e_2 of X
    assertThat(Math.abs(qr.get(20, 0) - 3 * qr.get(2, 0)) / svd.frobeniusNorm()).isLessThan(1e3 * Math.ulp(1.0));
  }

  @Test
  void svdHandlesTheRankDeficientMatrixThatCholeskyRejects() {
    Matrix xb = withZeroRow(50, 80, 36, 1);
    NativeMatrix x = backend.fromBoundary(xb);
    NativeMatrix y = backend.fromBoundary(Rng.gaussian(Rng.of(2), 50, 1));
    Matrix theta = backend.toBoundary(backend.solveMinNorm(x, y, LeastSquaresAlgorithm.SVD));
    assertThat(theta.rows()).isEqualTo(80);
    for (int k = 0; k < theta.size(); k++) {
      assertThat(Double.isFinite(theta.getFlat(k))).isTrue();
    }
  }

  @Test
  void dimensionMismatchNamesBothShapes() {
    NativeMatrix x = backend.fromBoundary(Matrix.zeros(3, 4));
    NativeMatrix y = backend.fromBoundary(Matrix.zeros(2, 1));
    assertThatThrownBy(() -> backend.solveMinNorm(x, y)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("y has 2 rows but X is 3x4");
    assertThatThrownBy(() -> backend.multiply(x, x)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("A is 3x4, B is 3x4");
    assertThatThrownBy(() -> backend.hadamard(x, y)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("dimension mismatch");
  }

  @Test
  void nonFiniteInputNamesTheArgumentAndTheEntry() {
    assertThatThrownBy(() -> backend.fromBoundary("B", Matrix.row(Double.NaN)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("B: entry (0, 0) is NaN; inputs must be finite");
    // past the boundary (fromFiniteBoundary trusts its caller), the least-squares solvers still check
    NativeMatrix x = backend.fromFiniteBoundary(Matrix.of(2, 2, 1, 0, Double.POSITIVE_INFINITY, 1));
    NativeMatrix y = backend.fromBoundary(Matrix.column(1, 2));
    assertThatThrownBy(() -> backend.solveMinNorm(x, y, LeastSquaresAlgorithm.SVD))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("X: entry (1, 0) is Infinity; inputs must be finite");
  }

  @Test
  void theVectorisedFinitenessCheckFindsEveryBadEntryAtEveryPosition() {
    // The fast path trusts that a NaN/Inf anywhere makes cblas_dasum non-finite; vector kernels treat
    // the first, middle and remainder lanes differently, so every position of sizes 1..40 is tried.
    for (int size = 1; size <= 40; size++) {
      for (int pos = 0; pos < size; pos++) {
        for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY}) {
          double[] d = new double[size];
          java.util.Arrays.fill(d, 1.0);
          d[pos] = bad;
          // the least-squares solvers' check, reached past the boundary's own (shared) one
          NativeMatrix a = backend.fromFiniteBoundary(Matrix.of(1, size, d));
          assertThatThrownBy(() -> backend.solveMinNorm(a, backend.fromBoundary(Matrix.row(1))))
              .as("size %d pos %d %s", size, pos, bad).hasMessageStartingWith("X: entry (0, " + pos + ")");
          backend.release(a);
        }
      }
    }
  }

  @Test
  void finiteEntriesWhoseAbsoluteSumOverflowsAreAccepted() {
    NativeMatrix a = backend.fromBoundary(Matrix.row(1e308, -1e308, 1e308));
    NativeMatrix b = backend.fromBoundary(Matrix.column(0, 0, 0));
    assertThat(backend.toBoundary(backend.multiply(a, b)).get(0, 0)).isZero();
  }

  @Test
  void invalidRcondIsRejectedWithItsValue() {
    NativeMatrix x = backend.fromBoundary(Matrix.identity(2));
    assertThatThrownBy(() -> backend.pseudoInverse(x, 1.5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("1.5");
  }
}
