package dev.prunebench.linalg.netlib;

import dev.ludovic.netlib.blas.BLAS;
import dev.ludovic.netlib.lapack.LAPACK;
import dev.prunebench.linalg.HeapCholeskyFactor;
import dev.prunebench.linalg.HeapPivotedQrFactor;
import dev.prunebench.linalg.MinNormKernels;
import dev.prunebench.linalg.Triangle;
import org.netlib.util.intW;

/**
 * LAPACK factorisations for the shared minimum-norm flow ({@link dev.prunebench.linalg.MinNormSolver}),
 * the same routines as the OpenBLAS backend, here on column-major heap arrays. X is n x p, y is n x k.
 *
 * <ul>
 *   <li><b>CHOLESKY</b>: {@code dsyrk} forms {@code G = X Xᵀ} (n &lt; p) or {@code G = XᵀX} (n ≥ p),
 *       lower triangle; {@code dpotrf}; {@code dpotrs} solves; {@code θ = Xᵀ (X Xᵀ)⁻¹ y} or
 *       {@code θ = (XᵀX)⁻¹ Xᵀ y} with the products by {@code dgemm}.
 *   <li><b>QR</b>: {@code dgeqp3} (column pivoting by trailing norms, so its diagonal reveals rank and
 *       the flow finishes a rank-deficient X with the complete orthogonal decomposition) of X (n ≥ p) or
 *       Xᵀ (n &lt; p); Q applied by {@code dormqr}, R by {@code dtrsm}.
 *   <li><b>SVD</b>: {@code dgelsd} (divide-and-conquer SVD, {@code σᵢ ≤ rcond · σ_max} treated as zero:
 *       LAPACK's own rule is the project's); the pseudo-inverse from {@code dgesdd}.
 * </ul>
 * Workspace sizes come from LAPACK's {@code lwork = -1} query.
 */
final class NetlibLeastSquares implements MinNormKernels<ColumnMatrix> {
  private static final BLAS BLAS_INSTANCE = NetlibRuntime.BLAS_INSTANCE;
  private static final LAPACK LAPACK_INSTANCE = NetlibRuntime.LAPACK_INSTANCE;

  @Override
  public int rows(ColumnMatrix m) {
    return m.rows();
  }

  @Override
  public int cols(ColumnMatrix m) {
    return m.cols();
  }

  @Override
  public Entry firstNonFinite(ColumnMatrix m) {
    for (double v : m.data()) {
      if (!Double.isFinite(v)) {
        for (int i = 0; i < m.rows(); i++) { // row-major order, as the shared message expects
          for (int j = 0; j < m.cols(); j++) {
            if (!Double.isFinite(m.get(i, j))) {
              return new Entry(i, j, m.get(i, j));
            }
          }
        }
      }
    }
    return null;
  }

  @Override
  public double[] rowMaxAbs(ColumnMatrix m) {
    int n = m.rows();
    double[] max = new double[n];
    double[] d = m.data();
    for (int k = 0; k < d.length; k++) {
      double a = Math.abs(d[k]);
      int i = k % n;
      max[i] = a > max[i] || a != a ? a : max[i]; // NaN propagates, so the flow notices it
    }
    return max;
  }

  @Override
  public double[] columnMaxAbs(ColumnMatrix m, int[] rowExp) {
    int n = m.rows();
    double[] max = new double[m.cols()];
    for (int j = 0; j < max.length; j++) {
      for (int i = 0; i < n; i++) {
        max[j] = Math.max(max[j], Math.abs(Math.scalb(m.data()[i + j * n], rowExp[i])));
      }
    }
    return max;
  }

  @Override
  public ColumnMatrix scaled(ColumnMatrix m, int[] rowExp, int[] colExp) {
    int n = m.rows();
    double[] d = new double[m.data().length];
    for (int j = 0; j < m.cols(); j++) {
      for (int i = 0; i < n; i++) {
        d[i + j * n] = Math.scalb(m.data()[i + j * n], rowExp[i] + colExp[j]);
      }
    }
    return new ColumnMatrix(n, m.cols(), d);
  }

  @Override
  public void scaleRowsInPlace(ColumnMatrix m, int[] rowExp) {
    int n = m.rows();
    double[] d = m.data();
    for (int k = 0; k < d.length; k++) {
      d[k] = Math.scalb(d[k], rowExp[k % n]);
    }
  }

  @Override
  public double[] toRowMajor(ColumnMatrix m) {
    return rowMajor(m);
  }

  static double[] rowMajor(ColumnMatrix m) {
    int r = m.rows();
    int c = m.cols();
    double[] out = new double[r * c];
    for (int j = 0; j < c; j++) {
      for (int i = 0; i < r; i++) {
        out[i * c + j] = m.data()[i + j * r];
      }
    }
    return out;
  }

  @Override
  public ColumnMatrix fromRowMajor(int rows, int cols, double[] d) {
    double[] out = new double[rows * cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        out[i + j * rows] = d[i * cols + j];
      }
    }
    return new ColumnMatrix(rows, cols, out);
  }

  private static int ld(int rows) {
    return Math.max(1, rows);
  }

  @Override
  public CholeskyFactor<ColumnMatrix> gramCholesky(ColumnMatrix x) {
    int n = x.rows();
    int p = x.cols();
    boolean wide = n < p;
    int m = wide ? n : p;
    double[] g = new double[m * m];
    // lower triangle of G = X Xᵀ ("N") or XᵀX ("T")
    BLAS_INSTANCE.dsyrk("L", wide ? "N" : "T", m, wide ? p : n, 1.0, x.data(), ld(n), 0.0, g, ld(m));
    double norm1 = symmetricNorm1(g, m);
    intW info = new intW(0);
    LAPACK_INSTANCE.dpotrf("L", m, g, ld(m), info);
    boolean ok = NetlibRuntime.requireLegal("dpotrf", info) == 0;
    // G = L Lᵀ; the column-major lower L read row-major is the upper R = Lᵀ, so G = Rᵀ R
    return new HeapCholeskyFactor<>(ok, norm1, m, ok ? Triangle.gram(Triangle.upperRowMajor(g, m, m)) : null) {
      @Override
      public ColumnMatrix solve(ColumnMatrix y) {
        int k = y.cols();
        double[] b;
        if (wide) {
          b = y.data().clone();
        } else {
          b = new double[p * k]; // Xᵀ y
          BLAS_INSTANCE.dgemm("T", "N", p, k, n, 1.0, x.data(), ld(n), y.data(), ld(n), 0.0, b, ld(p));
        }
        intW solveInfo = new intW(0);
        LAPACK_INSTANCE.dpotrs("L", m, k, g, ld(m), b, ld(m), solveInfo);
        NetlibRuntime.requireLegal("dpotrs", solveInfo);
        if (!wide) {
          return new ColumnMatrix(p, k, b);
        }
        double[] theta = new double[p * k]; // θ = Xᵀ z
        BLAS_INSTANCE.dgemm("T", "N", p, k, n, 1.0, x.data(), ld(n), b, ld(n), 0.0, theta, ld(p));
        return new ColumnMatrix(p, k, theta);
      }
    };
  }

  /** ‖G‖₁ of a symmetric matrix of which the lower triangle (column-major) is stored. */
  private static double symmetricNorm1(double[] g, int m) {
    double[] sums = new double[m];
    for (int j = 0; j < m; j++) {
      for (int i = j; i < m; i++) {
        double v = Math.abs(g[i + j * m]);
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

  @Override
  public PivotedQrFactor<ColumnMatrix> qr(ColumnMatrix x) {
    int n = x.rows();
    int p = x.cols();
    boolean wide = n < p;
    int rows = Math.max(n, p);
    int b = Math.min(n, p);
    double[] a = wide ? rowMajor(x) : x.data().clone(); // Xᵀ column-major is X row-major
    int[] jpvt = new int[b]; // zeros: every column free to move
    double[] tau = new double[b];
    intW info = new intW(0);
    double[] query = new double[1];
    LAPACK_INSTANCE.dgeqp3(rows, b, a, ld(rows), jpvt, tau, query, -1, info);
    NetlibRuntime.requireLegal("dgeqp3", info);
    double[] work = new double[Math.max(1, (int) query[0])];
    LAPACK_INSTANCE.dgeqp3(rows, b, a, ld(rows), jpvt, tau, work, work.length, info);
    NetlibRuntime.requireLegal("dgeqp3", info);
    int[] piv = new int[b];
    for (int i = 0; i < b; i++) {
      piv[i] = jpvt[i] - 1; // 1-based
    }
    return new HeapPivotedQrFactor<>(Triangle.upperColumnMajor(a, b, ld(rows)), piv) {
      @Override
      public double[] qTransposeTimes(ColumnMatrix y, int r) {
        int k = y.cols();
        double[] c = y.data().clone();
        dormqr("T", n, k, r, a, tau, c); // only the first r reflectors reach rows 0…r−1 of Qᵀ y
        double[] out = new double[r * k];
        for (int i = 0; i < r; i++) {
          for (int q = 0; q < k; q++) {
            out[i * k + q] = c[i + q * n];
          }
        }
        return out;
      }

      @Override
      public ColumnMatrix qTimes(double[] v, int r, int k) {
        double[] c = new double[p * k];
        for (int i = 0; i < r; i++) {
          for (int q = 0; q < k; q++) {
            c[i + q * p] = v[i * k + q];
          }
        }
        dormqr("N", p, k, r, a, tau, c); // the other reflectors act where [v; 0] is zero
        return new ColumnMatrix(p, k, c);
      }

      @Override
      public ColumnMatrix solve(ColumnMatrix y) {
        int k = y.cols();
        if (wide) {
          // θ = Q [R⁻ᵀ Pᵀ y; 0]
          double[] c = new double[p * k];
          for (int i = 0; i < n; i++) {
            for (int q = 0; q < k; q++) {
              c[i + q * p] = y.data()[piv[i] + q * n];
            }
          }
          BLAS_INSTANCE.dtrsm("L", "U", "T", "N", n, k, 1.0, a, ld(p), c, ld(p));
          dormqr("N", p, k, n, a, tau, c);
          return new ColumnMatrix(p, k, c);
        }
        // θ = P R⁻¹ (Qᵀ y)_{0..p−1}
        double[] c = y.data().clone();
        dormqr("T", n, k, p, a, tau, c);
        BLAS_INSTANCE.dtrsm("L", "U", "N", "N", p, k, 1.0, a, ld(n), c, ld(n));
        double[] theta = new double[p * k];
        for (int i = 0; i < p; i++) {
          for (int q = 0; q < k; q++) {
            theta[piv[i] + q * p] = c[i + q * n];
          }
        }
        return new ColumnMatrix(p, k, theta);
      }
    };
  }

  /** {@code C ← op(Q) C} for C m x k (leading dimension m) and the first r reflectors in {@code a}. */
  private static void dormqr(String trans, int m, int k, int r, double[] a, double[] tau, double[] c) {
    if (r == 0 || k == 0) {
      return;
    }
    intW info = new intW(0);
    double[] query = new double[1];
    LAPACK_INSTANCE.dormqr("L", trans, m, k, r, a, ld(m), tau, c, ld(m), query, -1, info);
    NetlibRuntime.requireLegal("dormqr", info);
    double[] work = new double[Math.max(1, (int) query[0])];
    LAPACK_INSTANCE.dormqr("L", trans, m, k, r, a, ld(m), tau, c, ld(m), work, work.length, info);
    NetlibRuntime.requireLegal("dormqr", info);
  }

  @Override
  public ColumnMatrix svdSolve(ColumnMatrix x, ColumnMatrix y, double rcond) {
    int n = x.rows();
    int p = x.cols();
    int k = y.cols();
    int rowsB = Math.max(n, p);
    int minmn = Math.min(n, p);
    double[] a = x.data().clone();
    double[] b = new double[rowsB * k];
    for (int q = 0; q < k; q++) {
      System.arraycopy(y.data(), q * n, b, q * rowsB, n);
    }
    double[] s = new double[minmn];
    intW rank = new intW(0);
    intW info = new intW(0);
    double[] query = new double[1];
    int[] iquery = new int[1];
    LAPACK_INSTANCE.dgelsd(n, p, k, a, ld(n), b, ld(rowsB), s, rcond, rank, query, -1, iquery, info);
    NetlibRuntime.requireLegal("dgelsd", info);
    double[] work = new double[Math.max(1, (int) query[0])];
    // LIWORK ≥ 3·minmn·nlvl + 11·minmn (dgelsd's documentation, SMLSIZ = 25); older LAPACK (F2J is 3.1)
    // does not return it from the query, so it is computed as the routine's documentation states
    int nlvl = Math.max(0, (int) (Math.log(minmn / 26.0) / Math.log(2)) + 1);
    int[] iwork = new int[Math.max(Math.max(1, iquery[0]), 3 * minmn * nlvl + 11 * minmn)];
    LAPACK_INSTANCE.dgelsd(n, p, k, a, ld(n), b, ld(rowsB), s, rcond, rank, work, work.length, iwork, info);
    NetlibRuntime.requireSvdConverged("dgelsd", info);
    double[] theta = new double[p * k];
    for (int q = 0; q < k; q++) {
      System.arraycopy(b, q * rowsB, theta, q * p, p);
    }
    return new ColumnMatrix(p, k, theta);
  }

  @Override
  public ColumnMatrix pseudoInverse(ColumnMatrix x, double rcond) {
    int n = x.rows();
    int p = x.cols();
    int r = Math.min(n, p);
    double[] a = x.data().clone();
    double[] s = new double[r];
    double[] u = new double[n * r];
    double[] vt = new double[r * p];
    int[] iwork = new int[8 * r];
    intW info = new intW(0);
    double[] query = new double[1];
    LAPACK_INSTANCE.dgesdd("S", n, p, a, ld(n), s, u, ld(n), vt, ld(r), query, -1, iwork, info);
    NetlibRuntime.requireLegal("dgesdd", info);
    double[] work = new double[Math.max(1, (int) query[0])];
    LAPACK_INSTANCE.dgesdd("S", n, p, a, ld(n), s, u, ld(n), vt, ld(r), work, work.length, iwork, info);
    NetlibRuntime.requireSvdConverged("dgesdd", info);
    double cutoff = rcond * s[0]; // σ in decreasing order
    for (int j = 0; j < r; j++) {
      double inv = s[j] > cutoff ? 1.0 / s[j] : 0.0;
      for (int c = 0; c < p; c++) {
        vt[j + c * r] *= inv; // row j of Vᵀ: S⁺ Vᵀ
      }
    }
    double[] pinv = new double[p * n]; // X⁺ = (S⁺Vᵀ)ᵀ Uᵀ
    BLAS_INSTANCE.dgemm("T", "T", p, n, r, 1.0, vt, ld(r), u, ld(n), 0.0, pinv, ld(p));
    return new ColumnMatrix(p, n, pinv);
  }
}
