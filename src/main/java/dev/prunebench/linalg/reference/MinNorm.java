package dev.prunebench.linalg.reference;

import dev.prunebench.linalg.ConditionEstimator;
import dev.prunebench.linalg.DenseEntries;
import dev.prunebench.linalg.HeapCholeskyFactor;
import dev.prunebench.linalg.HeapPivotedQrFactor;
import dev.prunebench.linalg.MinNormKernels;
import dev.prunebench.linalg.Triangle;

/**
 * The reference backend's factorisations for the shared minimum-norm flow
 * ({@link dev.prunebench.linalg.MinNormSolver}), on raw row-major arrays: X is n x p, Y is n x k,
 * Θ is p x k. Inputs are never modified.
 *
 * <ul>
 *   <li>CHOLESKY: {@link Cholesky} of the smaller Gram matrix ({@link Gemm#gramOuter} /
 *       {@link Gemm#gramInner}, r x r with r = min(n, p); forming it costs r² max(n, p), the
 *       factorisation r³/3);
 *   <li>QR: {@link HouseholderLq} with row pivoting of {@code W = X} (n &lt; p) or {@code W = Xᵀ}
 *       (n ≥ p, so the row pivoting of W is the column pivoting of X, {@code dgeqp3});
 *   <li>SVD: LQ then one-sided Jacobi ({@link JacobiSvd}).
 * </ul>
 */
final class MinNorm implements MinNormKernels<DenseMatrix> {
  private final Gemm gemm;

  MinNorm(Gemm gemm) {
    this.gemm = gemm;
  }

  @Override
  public int rows(DenseMatrix m) {
    return m.rows();
  }

  @Override
  public int cols(DenseMatrix m) {
    return m.cols();
  }

  @Override
  public Entry firstNonFinite(DenseMatrix m) {
    return DenseEntries.firstNonFinite(m.data(), m.rows(), m.cols(), true);
  }

  @Override
  public double[] rowMaxAbs(DenseMatrix m) {
    return DenseEntries.rowMaxAbs(m.data(), m.rows(), m.cols(), true);
  }

  @Override
  public double[] columnMaxAbs(DenseMatrix m, int[] rowExp) {
    return DenseEntries.columnMaxAbs(m.data(), m.rows(), m.cols(), true, rowExp);
  }

  @Override
  public DenseMatrix scaled(DenseMatrix m, int[] rowExp, int[] colExp) {
    return new DenseMatrix(m.rows(), m.cols(), DenseEntries.scaled(m.data(), m.rows(), m.cols(), true, rowExp,
        colExp));
  }

  @Override
  public double[] toRowMajor(DenseMatrix m) {
    return m.data().clone();
  }

  @Override
  public DenseMatrix fromRowMajor(int rows, int cols, double[] d) {
    return new DenseMatrix(rows, cols, d);
  }

  @Override
  public void scaleRowsInPlace(DenseMatrix m, int[] rowExp) {
    DenseEntries.scaleRowsInPlace(m.data(), m.rows(), m.cols(), true, rowExp);
  }

  /**
   * Normal equations with Cholesky: {@code Θ = Xᵀ (X Xᵀ)⁻¹ Y} for n &lt; p (the interpolating
   * solution in the row space of X), {@code Θ = (Xᵀ X)⁻¹ Xᵀ Y} for n ≥ p.
   */
  @Override
  public CholeskyFactor<DenseMatrix> gramCholesky(DenseMatrix xm) {
    double[] x = xm.data();
    int n = xm.rows();
    int p = xm.cols();
    boolean wide = n < p;
    int m = wide ? n : p;
    double[] g = wide ? gemm.gramOuter(x, n, p) : gemm.gramInner(x, n, p);
    double norm1 = 0;
    for (int i = 0; i < m; i++) {
      double s = 0;
      for (int j = 0; j < m; j++) {
        s += Math.abs(g[i * m + j]); // G symmetric: row sums are column sums
      }
      norm1 = Math.max(norm1, s);
    }
    double gramNorm1 = norm1;
    boolean ok = Cholesky.factorInPlace(g, m, gemm) == 0;
    ConditionEstimator.InverseOperator inv = Triangle.gram(Triangle.upperRowMajor(g, m, m));
    return new HeapCholeskyFactor<>(ok, gramNorm1, m, inv) {
      @Override
      public DenseMatrix solve(DenseMatrix ym) {
        int k = ym.cols();
        if (wide) {
          double[] z = ym.data().clone();
          Cholesky.solveInPlace(g, m, z, k);
          return new DenseMatrix(p, k, gemm.multiplyTransA(x, n, p, z, k));
        }
        double[] rhs = gemm.multiplyTransA(x, n, p, ym.data(), k);
        Cholesky.solveInPlace(g, m, rhs, k);
        return new DenseMatrix(p, k, rhs);
      }
    };
  }

  /**
   * Householder LQ with row pivoting. n &lt; p: {@code P X = L Q}, {@code Θ = Qᵀ L⁻¹ P Y}. n ≥ p:
   * {@code P Xᵀ = L Q}, i.e. {@code X Pᵀ = Qᵀ R} with {@code R = Lᵀ}, and {@code Θ = Pᵀ R⁻¹ (Q Y)}.
   */
  @Override
  public PivotedQrFactor<DenseMatrix> qr(DenseMatrix xm) {
    int n = xm.rows();
    int p = xm.cols();
    boolean wide = n < p;
    HouseholderLq lq = wide ? new HouseholderLq(xm.data().clone(), n, p, true)
        : new HouseholderLq(transpose(xm.data(), n, p), p, n, true);
    Triangle r = lq.upperFactor();
    int[] perm = lq.permutation();
    return new HeapPivotedQrFactor<>(r, perm) {
      @Override
      public double[] qTransposeTimes(DenseMatrix ym, int rank) {
        double[] z = ym.data().clone();
        lq.applyQ(z, ym.cols()); // the LQ's Q acts as the QR's Qᵀ
        return java.util.Arrays.copyOf(z, rank * ym.cols());
      }

      @Override
      public DenseMatrix qTimes(double[] v, int rank, int k) {
        double[] z = java.util.Arrays.copyOf(v, p * k);
        lq.applyQt(z, k);
        return new DenseMatrix(p, k, z);
      }

      @Override
      public DenseMatrix solve(DenseMatrix ym) {
        int k = ym.cols();
        double[] y = ym.data();
        if (wide) {
          double[] z = new double[p * k];
          for (int i = 0; i < n; i++) {
            System.arraycopy(y, perm[i] * k, z, i * k, k);
          }
          lq.solveL(z, k);
          lq.applyQt(z, k);
          return new DenseMatrix(p, k, z);
        }
        double[] z = y.clone();
        lq.applyQ(z, k);
        double[] phi = java.util.Arrays.copyOf(z, p * k);
        lq.solveLt(phi, k);
        double[] theta = new double[p * k];
        for (int i = 0; i < p; i++) {
          System.arraycopy(phi, i * k, theta, perm[i] * k, k);
        }
        return new DenseMatrix(p, k, theta);
      }
    };
  }

  @Override
  public DenseMatrix svdSolve(DenseMatrix x, DenseMatrix y, double rcond) {
    return new DenseMatrix(x.cols(), y.cols(), svd(x.data(), x.rows(), x.cols(), y.data(), y.cols(), rcond));
  }

  /** {@code X⁺} through {@link #svd} with Y = I. */
  @Override
  public DenseMatrix pseudoInverse(DenseMatrix x, double rcond) {
    int n = x.rows();
    double[] identity = new double[n * n];
    for (int i = 0; i < n; i++) {
      identity[i * n + i] = 1.0;
    }
    return new DenseMatrix(x.cols(), n, svd(x.data(), n, x.cols(), identity, n, rcond));
  }

  /**
   * SVD, with singular values {@code σᵢ ≤ rcond · σ_max} treated as zero. With {@code W = X} (n ≤ p)
   * or {@code W = Xᵀ} (n &gt; p), r = min(n, p): LQ {@code W = L Q}, then Jacobi {@code G L = B}
   * ({@link JacobiSvd}), so {@code W = Gᵀ B Q = Σᵢ σᵢ gᵢ (Qᵀbᵢ/σᵢ)ᵀ} and
   * <ul>
   *   <li>n ≤ p: {@code X⁺ Y = Σᵢ Qᵀbᵢ (gᵢᵀ Y) / σᵢ² = Qᵀ [Bᵀ D G Y; 0]},
   *   <li>n &gt; p: {@code X⁺ Y = Σᵢ gᵢ (bᵢᵀ Q Y) / σᵢ² = Gᵀ D B (Q Y)},
   * </ul>
   * where D = diag(1/σᵢ²) over the kept σᵢ and 0 elsewhere. With Y = I this is X⁺ itself.
   */
  private double[] svd(double[] x, int n, int p, double[] y, int k, double rcond) {
    boolean wide = n <= p;
    int r = Math.min(n, p);
    int c = Math.max(n, p);
    HouseholderLq lq = new HouseholderLq(wide ? x.clone() : transpose(x, n, p), r, c);
    JacobiSvd svd = new JacobiSvd(lq.lowerFactor(), r);
    double[] sigma = svd.sigma();
    double sigmaMax = 0;
    for (double s : sigma) {
      sigmaMax = Math.max(sigmaMax, s);
    }
    double cut = rcond * sigmaMax;
    if (wide) {
      double[] z = new double[c * k]; // first r rows: M = Bᵀ D G Y, the rest zero
      double[] t = new double[k];
      for (int i = 0; i < r; i++) {
        if (!(sigma[i] > cut)) {
          continue;
        }
        double[] gi = svd.g(i);
        java.util.Arrays.fill(t, 0);
        for (int q = 0; q < r; q++) {
          Level1.axpy(gi[q], y, q * k, t, 0, k);
        }
        double inv2 = 1.0 / (sigma[i] * sigma[i]);
        double[] bi = svd.b(i);
        for (int q = 0; q < r; q++) {
          Level1.axpy(bi[q] * inv2, t, 0, z, q * k, k);
        }
      }
      lq.applyQt(z, k);
      return z;
    }
    double[] qy = y.clone();
    lq.applyQ(qy, k); // its first r rows are Q Y
    double[] theta = new double[r * k];
    double[] t = new double[k];
    for (int i = 0; i < r; i++) {
      if (!(sigma[i] > cut)) {
        continue;
      }
      double[] bi = svd.b(i);
      java.util.Arrays.fill(t, 0);
      for (int q = 0; q < r; q++) {
        Level1.axpy(bi[q], qy, q * k, t, 0, k);
      }
      double inv2 = 1.0 / (sigma[i] * sigma[i]);
      double[] gi = svd.g(i);
      for (int q = 0; q < r; q++) {
        Level1.axpy(gi[q] * inv2, t, 0, theta, q * k, k);
      }
    }
    return theta;
  }

  /** Blocked transpose of an n x p row-major matrix; 32 x 32 blocks keep both sides in L1. */
  static double[] transpose(double[] x, int n, int p) {
    double[] t = new double[n * p];
    for (int ib = 0; ib < n; ib += 32) {
      int ie = Math.min(n, ib + 32);
      for (int jb = 0; jb < p; jb += 32) {
        int je = Math.min(p, jb + 32);
        for (int i = ib; i < ie; i++) {
          for (int j = jb; j < je; j++) {
            t[j * n + i] = x[i * p + j];
          }
        }
      }
    }
    return t;
  }
}
