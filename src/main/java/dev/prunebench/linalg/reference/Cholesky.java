package dev.prunebench.linalg.reference;

/**
 * Cholesky factorisation {@code G = Rᵀ R} of a symmetric Gram matrix and the two triangular solves
 * behind {@link dev.prunebench.linalg.LeastSquaresAlgorithm#CHOLESKY}.
 *
 * <p>Blocked right-looking, as LAPACK {@code dpotrf} with the upper triangle: for each block row of
 * {@value #NB} rows, partition the trailing matrix as {@code [G11 G12; G12ᵀ G22]} and
 * <ol>
 *   <li>factor {@code G11 = R11ᵀ R11} unblocked (row k scaled by {@code 1/r_kk}, then subtracted,
 *       times {@code r_ki}, from each later row i of the block: contiguous row axpys);
 *   <li>{@code R12 = R11⁻ᵀ G12}, the same row operations on the columns right of the block, split
 *       into column ranges over the threads;
 *   <li>{@code G22 -= R12ᵀ R12} on the upper triangle: a rank-{@value #NB} update by the
 *       {@link Gemm#axpyPanels} kernel (α = −1, A = B = R12 read in place), rows split over the threads.
 * </ol>
 * Work n³/3, of which all but O(NB·n²) is in step 3, so the factorisation runs at the GEMM kernel's
 * speed, on every thread, instead of streaming the whole trailing matrix (46 MB at n = 2400) through
 * memory once per row on one thread: at n = 2400 on a heavily loaded 2-core machine the unblocked
 * factorisation took 11.2 s and this one 3.3 s (wall time, best of three, same run).
 *
 * <p>Singularity: the factorisation stops at the first pivot that is not positive (as LAPACK
 * {@code dpotrf}) and reports it; whether a positive but tiny pivot is acceptable is decided by the
 * shared condition estimate in {@link dev.prunebench.linalg.MinNormSolver}, not by a pivot threshold.
 */
final class Cholesky {
  /**
   * Rows per block: the depth k of each trailing update (within one of the GEMM kernel's k panels of
   * {@value Gemm#KC}); the panel solves cost NB·n²/2 at axpy speed, so larger blocks shift work there.
   * Not tuned further: the measurements were on a machine loaded 10× over its two cores.
   */
  static final int NB = 128;

  private Cholesky() {}

  /**
   * Overwrites the upper triangle (diagonal included) of the n x n row-major {@code g} with R; the
   * strictly lower triangle is scratch afterwards (the four-row update blocks write a few entries
   * just below the diagonal), and no caller reads it.
   *
   * @param gemm supplies the thread count and the row split of the trailing updates
   * @return 0 on success, else the order k + 1 of the first leading minor whose pivot is not positive
   */
  static int factorInPlace(double[] g, int n, Gemm gemm) {
    for (int b = 0; b < n; b += NB) {
      int kb = b;
      int ke = Math.min(n, kb + NB);
      int bad = factorDiagonalBlock(g, n, kb, ke);
      if (bad != 0) {
        return bad;
      }
      int m = n - ke;
      if (m == 0) {
        break;
      }
      double panelFlops = 1.0 * (ke - kb) * (ke - kb) * m;
      gemm.forRows(m, panelFlops, Gemm.Work.UNIFORM, (j0, j1) -> solvePanel(g, n, kb, ke, ke + j0, ke + j1));
      int off = kb * n + ke;
      gemm.forRows(m, 1.0 * (ke - kb) * m * m, Gemm.Work.UPPER, (i0, i1) -> Gemm.axpyPanels(-1.0, g, off, 1, n,
          g, off, n, ke - kb, m, g, ke * n + ke, n, i0, i1, true));
    }
    return 0;
  }

  /** Unblocked factorisation of the diagonal block rows and columns [kb, ke); 0 or the failing order. */
  private static int factorDiagonalBlock(double[] g, int n, int kb, int ke) {
    for (int k = kb; k < ke; k++) {
      int rk = k * n;
      double d = g[rk + k];
      if (!(d > 0)) {
        return k + 1;
      }
      double rkk = Math.sqrt(d);
      g[rk + k] = rkk;
      double inv = 1.0 / rkk;
      for (int j = k + 1; j < ke; j++) {
        g[rk + j] *= inv;
      }
      for (int i = k + 1; i < ke; i++) {
        double rki = g[rk + i];
        if (rki != 0) {
          Level1.axpy(-rki, g, rk + i, g, i * n + i, ke - i);
        }
      }
    }
    return 0;
  }

  /** {@code R12 = R11⁻ᵀ G12} on columns [c0, c1) of the block rows [kb, ke), in place. */
  private static void solvePanel(double[] g, int n, int kb, int ke, int c0, int c1) {
    int w = c1 - c0;
    for (int k = kb; k < ke; k++) {
      int rk = k * n;
      double inv = 1.0 / g[rk + k];
      for (int j = c0; j < c1; j++) {
        g[rk + j] *= inv;
      }
      for (int i = k + 1; i < ke; i++) {
        double rki = g[rk + i];
        if (rki != 0) {
          Level1.axpy(-rki, g, rk + c0, g, i * n + c0, w);
        }
      }
    }
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
        Level1.axpy(-y[j], r, j * n + j + 1, y, j + 1, n - j - 1);
      } else {
        for (int i = j + 1; i < n; i++) {
          Level1.axpy(-r[j * n + i], y, yj, y, i * k, k);
        }
      }
    }
    // R Z = W, bottom up; row i of R holds the coefficients of z_{i+1..n-1}.
    for (int i = n - 1; i >= 0; i--) {
      int ri = i * n;
      if (k == 1) {
        y[i] = (y[i] - Level1.dot(r, ri + i + 1, y, i + 1, n - i - 1)) / r[ri + i];
      } else {
        int yi = i * k;
        for (int j = i + 1; j < n; j++) {
          Level1.axpy(-r[ri + j], y, j * k, y, yi, k);
        }
        double inv = 1.0 / r[ri + i];
        for (int c = 0; c < k; c++) {
          y[yi + c] *= inv;
        }
      }
    }
  }
}
