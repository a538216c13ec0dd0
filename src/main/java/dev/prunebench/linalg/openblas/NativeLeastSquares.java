package dev.prunebench.linalg.openblas;

import static org.bytedeco.openblas.global.openblas_full.CblasColMajor;
import static org.bytedeco.openblas.global.openblas_full.CblasLower;
import static org.bytedeco.openblas.global.openblas_full.CblasNoTrans;
import static org.bytedeco.openblas.global.openblas_full.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_full.CblasTrans;
import static org.bytedeco.openblas.global.openblas_full.LAPACKE_dge_trans;
import static org.bytedeco.openblas.global.openblas_full.LAPACKE_dgels;
import static org.bytedeco.openblas.global.openblas_full.LAPACKE_dgelsd;
import static org.bytedeco.openblas.global.openblas_full.LAPACKE_dgesdd;
import static org.bytedeco.openblas.global.openblas_full.LAPACKE_dposv;
import static org.bytedeco.openblas.global.openblas_full.LAPACK_COL_MAJOR;
import static org.bytedeco.openblas.global.openblas_full.LAPACK_ROW_MAJOR;
import static org.bytedeco.openblas.global.openblas_full.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas_full.cblas_dsyrk;

import dev.prunebench.linalg.Checks;
import dev.prunebench.linalg.LeastSquares;
import dev.prunebench.linalg.LeastSquaresAlgorithm;
import dev.prunebench.linalg.PowerOfTwoScaling;
import dev.prunebench.linalg.RankDeficientException;
import java.nio.DoubleBuffer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * Minimum-norm least squares {@code θ = X⁺ y} (paper eq. 3.2), the pseudo-inverse and the
 * least-squares Hessian diagonal (eq. 3.1) on OpenBLAS's LAPACK.
 *
 * <p>Layout trick. Operands are row-major (see {@link NativeMatrix}); LAPACK is column-major. A
 * row-major n x p buffer holding X <em>is</em> the column-major p x n matrix {@code A = Xᵀ} with
 * leading dimension p. The hot paths (Cholesky, QR) are written against A, so LAPACKE never makes its
 * row-major transposed copies of X. Only small n x k right-hand sides with k &gt; 1 are transposed.
 *
 * <ul>
 *   <li>CHOLESKY: Gram by {@code cblas_dsyrk} ({@code G = AᵀA = X Xᵀ} for n &lt; p,
 *       {@code G = A Aᵀ = XᵀX} for n ≥ p; lower triangle), then {@code LAPACKE_dposv}. n &lt; p:
 *       {@code θ = Xᵀ (X Xᵀ)⁻¹ y}; n ≥ p: {@code θ = (XᵀX)⁻¹ Xᵀ y}. LAPACK's {@code info > 0} and a
 *       numerically zero pivot both throw {@link RankDeficientException}: dpotrf only fails on pivots
 *       that are not positive, while a rank-deficient X typically leaves a positive pivot of rounding
 *       size ε·‖G‖. The pivot rule is the reference backend's: the shared rcond rule applied to G
 *       (whose eigenvalues are σᵢ²), {@code L_kk² ≤ ε·max(n,p)·max_j G_jj}.</li>
 *   <li>QR: {@code LAPACKE_dgels(…, 'T', …)} on A solves with {@code Aᵀ = X}: for n ≤ p it is the
 *       minimum-norm solution through the QR of Xᵀ (the LQ of X), for n &gt; p least squares through
 *       the LQ of Xᵀ (the QR of X). dgels detects only exact zeros on the triangular diagonal, so
 *       {@code |R_ii| ≤ ε·max(n,p)·max_j |R_jj|} also throws {@link RankDeficientException}.</li>
 *   <li>SVD: {@code LAPACKE_dgelsd} (divide-and-conquer SVD) with the shared rcond rule; LAPACKE's
 *       NaN check reads the whole max(n, p) x k right-hand-side buffer, so the rows beyond n are zeroed
 *       first (they are work space, not input).</li>
 *   <li>Pseudo-inverse: {@code LAPACKE_dgesdd} of A = Xᵀ = U' S V'ᵀ, so X = V' S U'ᵀ and
 *       {@code X⁺ = U' S⁺ V'ᵀ}, with σᵢ ≤ rcond·σ_max zeroed; one {@code cblas_dgemm} writes the
 *       row-major result.</li>
 * </ul>
 *
 * <p>Every temporary buffer is closed by try-with-resources before the kernel returns.
 */
final class NativeLeastSquares {
  private static final double EPS = Math.ulp(1.0);

  private NativeLeastSquares() {}

  static NativeMatrix solveMinNorm(NativeMatrix x, NativeMatrix y, LeastSquaresAlgorithm algorithm,
      double rcond) {
    if (algorithm == null) {
      throw new IllegalArgumentException("algorithm must be one of CHOLESKY, QR, SVD, got null");
    }
    Checks.requireRhs(x.rows(), x.cols(), y.rows(), y.cols());
    double rc = LeastSquares.resolveRcond(rcond, x.rows(), x.cols());
    // The shared PowerOfTwoScaling rule (exact, only outside [2^-256, 2^256)): the Gram matrix would
    // otherwise overflow or underflow, e.g. X of 1e-170s has X Xᵀ = 0 and would look rank-deficient.
    // (2^a X)⁺ (2^b y) = 2^(b−a) X⁺ y undoes it. The off-heap copies are scaled here, in place.
    int ex = PowerOfTwoScaling.exponentOfMax(x.maxAbsFinite("X"));
    int ey = PowerOfTwoScaling.exponentOfMax(y.maxAbsFinite("y"));
    NativeMatrix xs = scaled(x, ex);
    NativeMatrix ys = scaled(y, ey);
    try {
      NativeMatrix theta = switch (algorithm) {
        case CHOLESKY -> cholesky(xs, ys);
        case QR -> qr(xs, ys);
        case SVD -> svd(xs, ys, rc);
      };
      return unscaleInPlace(theta, ey - ex);
    } finally {
      if (xs != x) {
        xs.close();
      }
      if (ys != y) {
        ys.close();
      }
    }
  }

  /** {@code m} itself if {@code e == 0}, else a copy times 2^-e (exact, entry by entry). */
  private static NativeMatrix scaled(NativeMatrix m, int e) {
    if (e == 0) {
      return m;
    }
    NativeMatrix c = m.copy();
    unscaleInPlace(c, -e);
    return c;
  }

  /** Multiplies every entry by 2^e with {@link Math#scalb}, exact unless the result itself under/overflows. */
  private static NativeMatrix unscaleInPlace(NativeMatrix m, int e) {
    if (e != 0) {
      DoubleBuffer b = m.buffer();
      for (int k = 0, n = m.size(); k < n; k++) {
        b.put(k, Math.scalb(b.get(k), e));
      }
    }
    return m;
  }

  private static NativeMatrix cholesky(NativeMatrix x, NativeMatrix y) {
    int n = x.rows();
    int p = x.cols();
    int k = y.cols();
    boolean wide = n < p;
    int m = wide ? n : p; // order of the Gram matrix
    try (DoublePointer g = new DoublePointer((long) m * m);
        DoublePointer b = new DoublePointer((long) m * k)) {
      if (wide) {
        cblas_dsyrk(CblasColMajor, CblasLower, CblasTrans, n, p, 1.0, x.pointer(), p, 0.0, g, n);
        toColumnMajor(y, b);
      } else {
        cblas_dsyrk(CblasColMajor, CblasLower, CblasNoTrans, p, n, 1.0, x.pointer(), p, 0.0, g, p);
        // Xᵀy as a column-major p x k matrix is the row-major k x p matrix yᵀX.
        cblas_dgemm(CblasRowMajor, CblasTrans, CblasNoTrans, k, p, n, 1.0, y.pointer(), k, x.pointer(), p,
            0.0, b, p);
      }
      double[] gDiag = diagonal(g, m);
      LapackInfo.requirePositiveDefinite(LAPACKE_dposv(LAPACK_COL_MAJOR, (byte) 'L', m, k, g, m, b, m));
      requireNonZeroPivots(g, gDiag, m, Math.max(n, p));
      NativeMatrix theta = NativeMatrix.uninitialized(p, k);
      if (wide) {
        // θ = Xᵀ z; z is column-major n x k = row-major k x n, hence the second transpose.
        cblas_dgemm(CblasRowMajor, CblasTrans, CblasTrans, p, k, n, 1.0, x.pointer(), p, b, n, 0.0,
            theta.pointer(), k);
      } else {
        fromColumnMajor(b, p, theta);
      }
      return theta;
    }
  }

  private static void requireNonZeroPivots(DoublePointer factor, double[] gramDiagonal, int m, int maxDim) {
    double maxDiag = 0;
    for (double d : gramDiagonal) {
      maxDiag = Math.max(maxDiag, d);
    }
    double tol = EPS * maxDim * maxDiag;
    for (int k = 0; k < m; k++) {
      double lkk = factor.get(k * (m + 1L)); // long index: an m x m buffer may exceed a ByteBuffer's 2 GiB
      double pivot = lkk * lkk;
      if (!(pivot > tol)) {
        throw new RankDeficientException("Gram matrix not positive definite (leading minor " + (k + 1)
            + ", pivot " + pivot + " <= " + tol + " = eps * max(n, p) * max diagonal): X is rank-deficient or "
            + "too ill-conditioned for CHOLESKY, use SVD");
      }
    }
  }

  private static NativeMatrix qr(NativeMatrix x, NativeMatrix y) {
    int n = x.rows();
    int p = x.cols();
    int k = y.cols();
    int ldb = Math.max(n, p);
    try (DoublePointer a = copyOf(x); DoublePointer b = new DoublePointer((long) ldb * k)) {
      // LAPACKE_dgels NaN-checks all max(n, p) rows of B; rows n.. are work space, so zero them.
      b.zero();
      toColumnMajor(y, b, ldb);
      LapackInfo.requireFullRankQr(LAPACKE_dgels(LAPACK_COL_MAJOR, (byte) 'T', p, n, k, a, p, b, ldb),
          p >= n ? "R (QR of Xᵀ, i.e. LQ of X)" : "L (LQ of Xᵀ, i.e. QR of X)");
      requireNumericallyFullRank(a, p, n, p);
      NativeMatrix theta = NativeMatrix.uninitialized(p, k);
      fromColumnMajor(b, ldb, theta);
      return theta;
    }
  }

  /** The shared QR rank rule ({@link RankDeficientException#requireFullRankTriangle}) on dgels' factor. */
  private static void requireNumericallyFullRank(DoublePointer factor, int lda, int n, int p) {
    double[] diag = new double[Math.min(n, p)];
    for (int i = 0; i < diag.length; i++) {
      diag[i] = factor.get(i * (lda + 1L));
    }
    RankDeficientException.requireFullRankTriangle(diag, n, p, "QR/LQ factorisation of X (dgels)");
  }


  private static NativeMatrix svd(NativeMatrix x, NativeMatrix y, double rcond) {
    int n = x.rows();
    int p = x.cols();
    int k = y.cols();
    int rowsB = Math.max(n, p);
    try (DoublePointer a = copyOf(x);
        DoublePointer b = new DoublePointer((long) rowsB * k);
        DoublePointer s = new DoublePointer(Math.min(n, p));
        IntPointer rank = new IntPointer(1)) {
      // Known trap: LAPACKE_dgelsd NaN-checks the whole max(n, p) x k buffer, not just the n input rows.
      b.zero();
      Pointer.memcpy(b, y.pointer(), (long) n * k * Double.BYTES);
      LapackInfo.requireSvdConverged("LAPACKE_dgelsd",
          LAPACKE_dgelsd(LAPACK_ROW_MAJOR, n, p, k, a, p, b, k, s, rcond, rank));
      NativeMatrix theta = NativeMatrix.uninitialized(p, k);
      Pointer.memcpy(theta.pointer(), b, (long) p * k * Double.BYTES);
      return theta;
    }
  }

  static NativeMatrix pseudoInverse(NativeMatrix x, double rcond) {
    int n = x.rows();
    int p = x.cols();
    double rc = LeastSquares.resolveRcond(rcond, n, p);
    int ex = PowerOfTwoScaling.exponentOfMax(x.maxAbsFinite("X"));
    int r = Math.min(n, p);
    try (DoublePointer a = copyOf(x);
        DoublePointer s = new DoublePointer(r);
        DoublePointer u = new DoublePointer((long) p * r);
        DoublePointer vt = new DoublePointer((long) r * n)) {
      if (ex != 0) {
        DoubleBuffer ab = a.asBuffer();
        for (int k = 0, size = n * p; k < size; k++) {
          ab.put(k, Math.scalb(ab.get(k), -ex));
        }
      }
      LapackInfo.requireSvdConverged("LAPACKE_dgesdd",
          LAPACKE_dgesdd(LAPACK_COL_MAJOR, (byte) 'S', p, n, a, p, s, u, p, vt, r));
      DoubleBuffer sv = s.asBuffer();
      DoubleBuffer uv = u.asBuffer();
      double cutoff = rc * sv.get(0); // dgesdd returns σ in decreasing order
      for (int j = 0; j < r; j++) {
        double sj = sv.get(j);
        double inv = sj > cutoff ? 1.0 / sj : 0.0;
        for (int i = j * p, end = i + p; i < end; i++) {
          uv.put(i, uv.get(i) * inv); // column j of U' (contiguous, column-major)
        }
      }
      NativeMatrix pinv = NativeMatrix.uninitialized(p, n);
      // X⁺ = U'S⁺ · V'ᵀ: U' is row-major r x p and V'ᵀ row-major n x r as buffers, so both transposed.
      cblas_dgemm(CblasRowMajor, CblasTrans, CblasTrans, p, n, r, 1.0, u, p, vt, r, 0.0, pinv.pointer(), n);
      return unscaleInPlace(pinv, -ex); // (2^-e X)⁺ = 2^e X⁺
    }
  }

  /** {@code H_jj = (2/n) Σᵢ X_ij²} (paper eq. 3.1), one pass over the rows. */
  static NativeMatrix lsHessianDiagonal(NativeMatrix x) {
    int n = x.rows();
    int p = x.cols();
    double[] h = new double[p];
    double[] row = new double[p];
    DoubleBuffer xb = x.buffer();
    for (int i = 0; i < n; i++) {
      // Bulk copy a row to the heap so that the inner loop is a plain, vectorisable array loop.
      xb.get(i * p, row);
      NativeElementwise.requireFinite(row, p, x, "X");
      for (int j = 0; j < p; j++) {
        h[j] += row[j] * row[j];
      }
    }
    double scale = 2.0 / n;
    for (int j = 0; j < p; j++) {
      h[j] *= scale;
    }
    return NativeElementwise.fromArray(1, p, h);
  }

  private static DoublePointer copyOf(NativeMatrix m) {
    DoublePointer c = new DoublePointer(m.size());
    Pointer.memcpy(c, m.pointer(), (long) m.size() * Double.BYTES);
    return c;
  }

  private static double[] diagonal(DoublePointer square, int m) {
    double[] d = new double[m];
    for (int i = 0; i < m; i++) {
      d[i] = square.get(i * (m + 1L));
    }
    return d;
  }

  /** Row-major n x k {@code y} into column-major {@code dst} with leading dimension n. */
  private static void toColumnMajor(NativeMatrix y, DoublePointer dst) {
    toColumnMajor(y, dst, y.rows());
  }

  /** Row-major n x k {@code y} into the first n rows of column-major {@code dst} (leading dimension ld). */
  private static void toColumnMajor(NativeMatrix y, DoublePointer dst, int ld) {
    int n = y.rows();
    int k = y.cols();
    if (k == 1) {
      Pointer.memcpy(dst, y.pointer(), (long) n * Double.BYTES);
    } else {
      LAPACKE_dge_trans(LAPACK_ROW_MAJOR, n, k, y.pointer(), k, dst, ld);
    }
  }

  /** The first p rows of column-major {@code src} (leading dimension ld, k columns) into row-major {@code dst}. */
  private static void fromColumnMajor(DoublePointer src, int ld, NativeMatrix dst) {
    int p = dst.rows();
    int k = dst.cols();
    if (k == 1) {
      Pointer.memcpy(dst.pointer(), src, (long) p * Double.BYTES);
    } else {
      LAPACKE_dge_trans(LAPACK_COL_MAJOR, p, k, src, ld, dst.pointer(), k);
    }
  }
}
