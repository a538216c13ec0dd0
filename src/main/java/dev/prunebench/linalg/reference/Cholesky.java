package dev.prunebench.linalg.reference;

/**
 * Cholesky factorisation {@code G = Rᵀ R} of a symmetric Gram matrix and the two triangular solves
 * behind {@link dev.prunebench.linalg.LeastSquaresAlgorithm#CHOLESKY}.
 *
 * <p>Right-looking, row-oriented: step k scales row k of the trailing matrix into row k of R and
 * subtracts {@code R_ki · R_k,i:} from each later row i. Every inner loop is a contiguous axpy over a
 * row, so the row-major layout is read along its rows and the JIT vectorises it. Work n³/3.
 *
 * <p>Singularity: the factorisation stops at the first pivot that is not positive (as LAPACK
 * {@code dpotrf}) and reports it; whether a positive but tiny pivot is acceptable is decided by the
 * shared condition estimate in {@link dev.prunebench.linalg.MinNormSolver}, not by a pivot threshold.
 */
final class Cholesky {
  private Cholesky() {}

  /**
   * Overwrites the upper triangle (diagonal included) of the n x n row-major {@code g} with R; the
   * strictly lower triangle is left as it was.
   *
   * @return 0 on success, else the order k + 1 of the first leading minor whose pivot is not positive
   */
  static int factorInPlace(double[] g, int n) {
    for (int k = 0; k < n; k++) {
      int rk = k * n;
      double d = g[rk + k];
      if (!(d > 0)) {
        return k + 1;
      }
      double rkk = Math.sqrt(d);
      g[rk + k] = rkk;
      double inv = 1.0 / rkk;
      for (int j = k + 1; j < n; j++) {
        g[rk + j] *= inv;
      }
      for (int i = k + 1; i < n; i++) {
        double rki = g[rk + i];
        if (rki != 0) {
          int ri = i * n;
          for (int j = i; j < n; j++) {
            g[ri + j] -= rki * g[rk + j];
          }
        }
      }
    }
    return 0;
  }

  /**
   * Solves {@code Rᵀ R Z = Y} in place: {@code y} (n x k, row-major) becomes Z. R is the upper
   * triangle of {@code r} as left by {@link #factorInPlace}.
   */
  static void solveInPlace(double[] r, int n, double[] y, int k) {
    // Rᵀ W = Y, column by column of Rᵀ (= row by row of R, contiguous).
    for (int j = 0; j < n; j++) {
      double inv = 1.0 / r[j * n + j];
      int yj = j * k;
      for (int c = 0; c < k; c++) {
        y[yj + c] *= inv;
      }
      if (k == 1) {
        Gemm.axpy(-y[j], r, j * n + j + 1, y, j + 1, n - j - 1);
      } else {
        for (int i = j + 1; i < n; i++) {
          Gemm.axpy(-r[j * n + i], y, yj, y, i * k, k);
        }
      }
    }
    // R Z = W, bottom up; row i of R holds the coefficients of z_{i+1..n-1}.
    for (int i = n - 1; i >= 0; i--) {
      int ri = i * n;
      if (k == 1) {
        y[i] = (y[i] - Gemm.dot(r, ri + i + 1, y, i + 1, n - i - 1)) / r[ri + i];
      } else {
        int yi = i * k;
        for (int j = i + 1; j < n; j++) {
          Gemm.axpy(-r[ri + j], y, j * k, y, yi, k);
        }
        double inv = 1.0 / r[ri + i];
        for (int c = 0; c < k; c++) {
          y[yi + c] *= inv;
        }
      }
    }
  }
}
