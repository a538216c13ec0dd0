package dev.prunebench.linalg.openblas;

import static org.bytedeco.openblas.global.openblas_full.CblasColMajor;
import static org.bytedeco.openblas.global.openblas_full.CblasLeft;
import static org.bytedeco.openblas.global.openblas_full.CblasLower;
import static org.bytedeco.openblas.global.openblas_full.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_full.CblasNonUnit;
import static org.bytedeco.openblas.global.openblas_full.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_full.CblasTrans;
import static org.bytedeco.openblas.global.openblas_full.CblasUpper;
import static org.bytedeco.openblas.global.openblas_full.LAPACKE_dge_trans;
import static org.bytedeco.openblas.global.openblas_full.LAPACKE_dgeqp3;
import static org.bytedeco.openblas.global.openblas_full.LAPACKE_dormqr;
import static org.bytedeco.openblas.global.openblas_full.LAPACKE_dpotrf;
import static org.bytedeco.openblas.global.openblas_full.LAPACKE_dpotrs;
import static org.bytedeco.openblas.global.openblas_full.LAPACK_COL_MAJOR;
import static org.bytedeco.openblas.global.openblas_full.LAPACK_ROW_MAJOR;
import static org.bytedeco.openblas.global.openblas_full.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas_full.cblas_dsyrk;
import static org.bytedeco.openblas.global.openblas_full.cblas_dtrsm;
import static org.bytedeco.openblas.global.openblas_full.cblas_dtrsv;

import dev.prunebench.linalg.MinNormKernels;
import java.nio.DoubleBuffer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * The OpenBLAS factorisations behind the shared minimum-norm flow: the native buffers stay native,
 * and the condition estimator's solves are {@code cblas_dtrsv} calls on them (the shared Hager–Higham
 * estimator, driven from Java: one O(m²) native solve per step, as LAPACK's {@code dtrcon}/{@code dpocon}
 * would do, but with the project's one decision rule).
 *
 * <p>Layout: a row-major n x p buffer holding X <em>is</em> the column-major p x n matrix {@code Xᵀ}.
 */
final class NativeFactorisations {
  private NativeFactorisations() {}

  /** A native triangular or Gram operator: solves run on a reused native vector. */
  private abstract static class NativeOperator {
    final int dim;
    final DoublePointer factor;
    final DoublePointer work;

    NativeOperator(int dim, DoublePointer factor) {
      this.dim = dim;
      this.factor = factor;
      this.work = new DoublePointer(dim);
    }

    void run(double[] v, Runnable solves) {
      work.put(v, 0, dim);
      solves.run();
      work.get(v, 0, dim);
    }

    public int order() {
      return dim;
    }

    public void close() {
      work.close();
      factor.close();
    }
  }

  /**
   * Gram matrix by {@code cblas_dsyrk} ({@code G = AᵀA = X Xᵀ} for n &lt; p, {@code G = A Aᵀ = XᵀX} for
   * n ≥ p, lower triangle), {@code dpotrf}, and {@code dpotrs} for the solve. n &lt; p:
   * {@code θ = Xᵀ (X Xᵀ)⁻¹ y}; n ≥ p: {@code θ = (XᵀX)⁻¹ Xᵀ y}.
   */
  static MinNormKernels.CholeskyFactor<NativeMatrix> cholesky(NativeMatrix x) {
    int n = x.rows();
    int p = x.cols();
    boolean wide = n < p;
    int m = wide ? n : p;
    DoublePointer g = new DoublePointer((long) m * m);
    if (wide) {
      cblas_dsyrk(CblasColMajor, CblasLower, CblasTrans, n, p, 1.0, x.pointer(), p, 0.0, g, n);
    } else {
      cblas_dsyrk(CblasColMajor, CblasLower, CblasNoTrans, p, n, 1.0, x.pointer(), p, 0.0, g, p);
    }
    double norm1 = symmetricNorm1(g, m);
    boolean ok = LapackInfo.requireLegal("LAPACKE_dpotrf", LAPACKE_dpotrf(LAPACK_COL_MAJOR, (byte) 'L', m, g, m)) == 0;
    class Factor extends NativeOperator implements MinNormKernels.CholeskyFactor<NativeMatrix> {
      Factor() {
        super(m, g);
      }

      @Override
      public boolean positiveDefinite() {
        return ok;
      }

      @Override
      public double gramNorm1() {
        return norm1;
      }

      @Override
      public void applyInverse(double[] v) {
        // G⁻¹ = L⁻ᵀ L⁻¹
        run(v, () -> {
          cblas_dtrsv(CblasColMajor, CblasLower, CblasNoTrans, CblasNonUnit, m, g, m, work, 1);
          cblas_dtrsv(CblasColMajor, CblasLower, CblasTrans, CblasNonUnit, m, g, m, work, 1);
        });
      }

      @Override
      public void applyInverseTransposed(double[] v) {
        applyInverse(v);
      }

      /** Both vectors as one two-column {@code dpotrs}-like pair of {@code dtrsm}: L is read twice, not four times. */
      @Override
      public void applyInverse(double[] u, double[] v) {
        try (DoublePointer uv = new DoublePointer(2L * m)) {
          uv.put(u, 0, m);
          uv.position(m).put(v, 0, m).position(0);
          cblas_dtrsm(CblasColMajor, CblasLeft, CblasLower, CblasNoTrans, CblasNonUnit, m, 2, 1.0, g, m, uv, m);
          cblas_dtrsm(CblasColMajor, CblasLeft, CblasLower, CblasTrans, CblasNonUnit, m, 2, 1.0, g, m, uv, m);
          uv.get(u, 0, m);
          uv.position(m).get(v, 0, m);
          uv.position(0);
        }
      }

      @Override
      public NativeMatrix solve(NativeMatrix y) {
        int k = y.cols();
        try (DoublePointer b = new DoublePointer((long) m * k)) {
          if (wide) {
            NativeLeastSquares.toColumnMajor(y, b, n);
          } else {
            // Xᵀy as a column-major p x k matrix is the row-major k x p matrix yᵀX.
            cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, k, p, n, 1.0, y.pointer(), k, x.pointer(), p,
                0.0, b, p);
          }
          LapackInfo.requireLegal("LAPACKE_dpotrs", LAPACKE_dpotrs(LAPACK_COL_MAJOR, (byte) 'L', m, k, g, m, b, m));
          NativeMatrix theta = NativeMatrix.uninitialized(p, k);
          if (wide) {
            // θ = Xᵀ z; z is column-major n x k = row-major k x n, hence the second transpose.
            cblas_dgemm(CblasRowMajor, CblasTrans, CblasTrans, p, k, n, 1.0, x.pointer(), p, b, n, 0.0,
                theta.pointer(), k);
          } else {
            NativeLeastSquares.fromColumnMajor(b, p, theta);
          }
          return theta;
        }
      }
    }
    return new Factor();
  }

  /** ‖G‖₁ of a symmetric matrix of which only the lower triangle (column-major) is stored. */
  private static double symmetricNorm1(DoublePointer g, int m) {
    DoubleBuffer gb = g.asBuffer();
    double[] col = new double[m];
    double[] sums = new double[m];
    for (int j = 0; j < m; j++) {
      gb.get(j * m + j, col, j, m - j); // int index: m² < 2³¹ for every Gram matrix we form
      for (int i = j; i < m; i++) {
        double v = Math.abs(col[i]);
        sums[j] += v;
        if (i != j) {
          sums[i] += v;
        }
      }
    }
    double max = 0;
    for (double s : sums) {
      max = Math.max(max, s);
    }
    return max;
  }

  /**
   * Column-pivoted QR, LAPACK {@code dgeqp3}. n ≥ p: {@code X P = Q R} on a column-major copy of X,
   * {@code θ = P R⁻¹ Qᵀ y} ({@code dormqr}, {@code dtrsm}). n &lt; p: {@code Xᵀ P = Q R} on a copy of the
   * row-major buffer (already {@code Xᵀ} column-major), {@code θ = Q [R⁻ᵀ Pᵀ y; 0]}.
   */
  static MinNormKernels.PivotedQrFactor<NativeMatrix> qr(NativeMatrix x) {
    int n = x.rows();
    int p = x.cols();
    boolean wide = n < p;
    int rows = Math.max(n, p);
    int b = Math.min(n, p);
    DoublePointer a = new DoublePointer((long) n * p);
    if (wide) {
      Pointer.memcpy(a, x.pointer(), (long) n * p * Double.BYTES);
    } else {
      LAPACKE_dge_trans(LAPACK_ROW_MAJOR, n, p, x.pointer(), p, a, n);
    }
    int[] piv = new int[b];
    DoublePointer tau = new DoublePointer(b);
    try (IntPointer jpvt = new IntPointer(b)) {
      jpvt.zero(); // every column free to move
      LapackInfo.requireLegal("LAPACKE_dgeqp3", LAPACKE_dgeqp3(LAPACK_COL_MAJOR, rows, b, a, rows, jpvt, tau));
      for (int i = 0; i < b; i++) {
        piv[i] = jpvt.get(i) - 1; // 1-based
      }
    }
    double[] diag = new double[b];
    double[] colSum = new double[b];
    DoubleBuffer ab = a.asBuffer();
    double[] col = new double[b];
    for (int j = 0; j < b; j++) {
      ab.get((int) ((long) j * rows), col, 0, j + 1);
      diag[j] = Math.abs(col[j]);
      for (int i = 0; i <= j; i++) {
        colSum[j] += Math.abs(col[i]);
      }
    }
    double norm1 = 0;
    for (double s : colSum) {
      norm1 = Math.max(norm1, s);
    }
    double rNorm1 = norm1;
    class Factor extends NativeOperator implements MinNormKernels.PivotedQrFactor<NativeMatrix> {
      Factor() {
        super(b, a);
      }

      @Override
      public int[] permutation() {
        return piv;
      }

      @Override
      public double[] upperRows(int r) {
        double[] s = new double[r * b];
        double[] column = new double[r];
        for (int j = 0; j < b; j++) {
          int len = Math.min(j + 1, r);
          ab.get((int) ((long) j * rows), column, 0, len);
          for (int i = 0; i < len; i++) {
            s[i * b + j] = column[i];
          }
        }
        return s;
      }

      @Override
      public double[] qTransposeTimes(NativeMatrix y, int r) {
        int k = y.cols();
        // only the first r reflectors reach rows 0…r−1 of Qᵀ y
        try (DoublePointer c = new DoublePointer((long) n * k)) {
          NativeLeastSquares.toColumnMajor(y, c, n);
          LapackInfo.requireLegal("LAPACKE_dormqr",
              LAPACKE_dormqr(LAPACK_COL_MAJOR, (byte) 'L', (byte) 'T', n, k, r, a, n, tau, c, n));
          DoubleBuffer cb = c.asBuffer();
          double[] out = new double[r * k];
          for (int i = 0; i < r; i++) {
            for (int q = 0; q < k; q++) {
              out[i * k + q] = cb.get(i + q * n);
            }
          }
          return out;
        }
      }

      @Override
      public NativeMatrix qTimes(double[] v, int r, int k) {
        NativeMatrix theta = NativeMatrix.uninitialized(p, k);
        try (DoublePointer c = new DoublePointer((long) p * k)) {
          c.zero();
          DoubleBuffer cb = c.asBuffer();
          for (int i = 0; i < r; i++) {
            for (int q = 0; q < k; q++) {
              cb.put(i + q * p, v[i * k + q]);
            }
          }
          // Q [v; 0] needs only the first r reflectors: the others see a vector that is zero where they act
          LapackInfo.requireLegal("LAPACKE_dormqr",
              LAPACKE_dormqr(LAPACK_COL_MAJOR, (byte) 'L', (byte) 'N', p, k, r, a, p, tau, c, p));
          NativeLeastSquares.fromColumnMajor(c, p, theta);
          return theta;
        }
      }

      @Override
      public double diagonalAbs(int k) {
        return diag[k];
      }

      @Override
      public double norm1() {
        return rNorm1;
      }

      @Override
      public void applyInverse(double[] v) {
        run(v, () -> cblas_dtrsv(CblasColMajor, CblasUpper, CblasNoTrans, CblasNonUnit, b, a, rows, work, 1));
      }

      @Override
      public void applyInverseTransposed(double[] v) {
        run(v, () -> cblas_dtrsv(CblasColMajor, CblasUpper, CblasTrans, CblasNonUnit, b, a, rows, work, 1));
      }

      @Override
      public NativeMatrix solve(NativeMatrix y) {
        int k = y.cols();
        NativeMatrix theta = NativeMatrix.uninitialized(p, k);
        DoubleBuffer yb = y.buffer();
        DoubleBuffer tb = theta.buffer();
        try (DoublePointer c = new DoublePointer((long) rows * k)) {
          DoubleBuffer cb = c.asBuffer();
          if (wide) {
            c.zero();
            for (int i = 0; i < n; i++) {
              for (int q = 0; q < k; q++) {
                cb.put(i + q * p, yb.get(piv[i] * k + q)); // Pᵀ y, column-major p x k
              }
            }
            cblas_dtrsm(CblasColMajor, CblasLeft, CblasUpper, CblasTrans, CblasNonUnit, n, k, 1.0, a, p, c, p);
            LapackInfo.requireLegal("LAPACKE_dormqr",
                LAPACKE_dormqr(LAPACK_COL_MAJOR, (byte) 'L', (byte) 'N', p, k, n, a, p, tau, c, p));
            NativeLeastSquares.fromColumnMajor(c, p, theta);
            return theta;
          }
          NativeLeastSquares.toColumnMajor(y, c, n);
          LapackInfo.requireLegal("LAPACKE_dormqr",
              LAPACKE_dormqr(LAPACK_COL_MAJOR, (byte) 'L', (byte) 'T', n, k, p, a, n, tau, c, n));
          cblas_dtrsm(CblasColMajor, CblasLeft, CblasUpper, CblasNoTrans, CblasNonUnit, p, k, 1.0, a, n, c, n);
          for (int i = 0; i < p; i++) {
            for (int q = 0; q < k; q++) {
              tb.put(piv[i] * k + q, cb.get(i + q * n)); // θ = P φ
            }
          }
          return theta;
        }
      }

      @Override
      public void close() {
        super.close();
        tau.close();
      }
    }
    return new Factor();
  }
}
