package dev.prunebench.linalg.openblas;

import static org.bytedeco.openblas.global.openblas_full.LAPACKE_dge_trans;
import static org.bytedeco.openblas.global.openblas_full.LAPACKE_dgelsd;
import static org.bytedeco.openblas.global.openblas_full.LAPACKE_dgesdd;
import static org.bytedeco.openblas.global.openblas_full.LAPACK_COL_MAJOR;
import static org.bytedeco.openblas.global.openblas_full.LAPACK_ROW_MAJOR;
import static org.bytedeco.openblas.global.openblas_full.CblasRowMajor;
import static org.bytedeco.openblas.global.openblas_full.CblasTrans;
import static org.bytedeco.openblas.global.openblas_full.cblas_dasum;
import static org.bytedeco.openblas.global.openblas_full.cblas_dgemm;
import static org.bytedeco.openblas.global.openblas_full.cblas_idamax;

import dev.prunebench.linalg.MinNormKernels;
import java.nio.DoubleBuffer;
import org.bytedeco.javacpp.DoublePointer;
import org.bytedeco.javacpp.IntPointer;
import org.bytedeco.javacpp.Pointer;

/**
 * OpenBLAS's part of the shared minimum-norm flow ({@link dev.prunebench.linalg.MinNormSolver}, which
 * does validation, equilibration, the refusal rules and unscaling): entry access on the off-heap
 * buffers, the SVD paths here, CHOLESKY and column-pivoted QR in {@link NativeFactorisations}; plus
 * the least-squares Hessian diagonal (eq. 3.1).
 *
 * <ul>
 *   <li>SVD: {@code LAPACKE_dgelsd} (divide-and-conquer SVD) with the shared rcond rule; LAPACKE's
 *       NaN check reads the whole max(n, p) x k right-hand-side buffer, so the rows beyond n are zeroed
 *       first (they are work space, not input).</li>
 *   <li>Pseudo-inverse: {@code LAPACKE_dgesdd} of A = Xᵀ = U' S V'ᵀ, so X = V' S U'ᵀ and
 *       {@code X⁺ = U' S⁺ V'ᵀ}, with σᵢ ≤ rcond·σ_max zeroed; one {@code cblas_dgemm} writes the
 *       row-major result.</li>
 * </ul>
 *
 * <p>Every temporary buffer is closed by try-with-resources (or by the flow's release) before the
 * kernel returns.
 */
final class NativeLeastSquares implements MinNormKernels<NativeMatrix> {

  @Override
  public int rows(NativeMatrix m) {
    return m.rows();
  }

  @Override
  public int cols(NativeMatrix m) {
    return m.cols();
  }

  @Override
  public Entry firstNonFinite(NativeMatrix m) {
    if (Double.isFinite(cblas_dasum(m.size(), m.pointer(), 1))) {
      return null; // a finite Σ|a_k| proves every entry finite (see NativeMatrix#requireFinite)
    }
    DoubleBuffer b = m.buffer();
    for (int k = 0, size = m.size(); k < size; k++) {
      if (!Double.isFinite(b.get(k))) {
        return new Entry(k / m.cols(), k % m.cols(), b.get(k));
      }
    }
    return null;
  }

  /** One {@code cblas_idamax} per row when the matrix is finite; NaN/∞ rows report NaN/∞. */
  @Override
  public double[] rowMaxAbs(NativeMatrix m) {
    int r = m.rows();
    int c = m.cols();
    double[] max = new double[r];
    DoubleBuffer b = m.buffer();
    boolean finite = Double.isFinite(cblas_dasum(m.size(), m.pointer(), 1));
    double[] row = finite ? null : new double[c];
    // one view whose position walks the rows (JavaCPP passes address + position to the call)
    DoublePointer rowView = finite ? new DoublePointer(m.pointer()) : null;
    for (int i = 0; i < r; i++) {
      if (finite) {
        rowView.position((long) i * c);
        max[i] = Math.abs(b.get(i * c + (int) cblas_idamax(c, rowView, 1)));
      } else {
        b.get(i * c, row);
        double v = 0;
        for (double e : row) {
          double a = Math.abs(e);
          v = a > v || a != a ? a : v;
        }
        max[i] = v;
      }
    }
    return max;
  }

  @Override
  public double[] columnMaxAbs(NativeMatrix m, int[] rowExp) {
    int c = m.cols();
    double[] max = new double[c];
    double[] row = new double[c];
    DoubleBuffer b = m.buffer();
    for (int i = 0; i < m.rows(); i++) {
      b.get(i * c, row);
      for (int j = 0; j < c; j++) {
        max[j] = Math.max(max[j], Math.abs(Math.scalb(row[j], rowExp[i])));
      }
    }
    return max;
  }

  @Override
  public NativeMatrix scaled(NativeMatrix m, int[] rowExp, int[] colExp) {
    int c = m.cols();
    NativeMatrix s = NativeMatrix.uninitialized(m.rows(), c);
    DoubleBuffer src = m.buffer();
    DoubleBuffer dst = s.buffer();
    double[] row = new double[c];
    for (int i = 0; i < m.rows(); i++) {
      src.get(i * c, row);
      for (int j = 0; j < c; j++) {
        row[j] = Math.scalb(row[j], rowExp[i] + colExp[j]);
      }
      dst.put(i * c, row);
    }
    return s;
  }

  @Override
  public double[] toRowMajor(NativeMatrix m) {
    double[] d = new double[m.size()];
    m.buffer().get(0, d);
    return d;
  }

  @Override
  public NativeMatrix fromRowMajor(int rows, int cols, double[] d) {
    NativeMatrix m = NativeMatrix.uninitialized(rows, cols);
    m.buffer().put(0, d);
    return m;
  }

  @Override
  public void scaleRowsInPlace(NativeMatrix m, int[] rowExp) {
    int c = m.cols();
    DoubleBuffer b = m.buffer();
    for (int i = 0; i < m.rows(); i++) {
      if (rowExp[i] != 0) {
        for (int k = i * c, end = k + c; k < end; k++) {
          b.put(k, Math.scalb(b.get(k), rowExp[i]));
        }
      }
    }
  }

  @Override
  public void release(NativeMatrix m) {
    m.close();
  }

  @Override
  public CholeskyFactor<NativeMatrix> gramCholesky(NativeMatrix x) {
    return NativeFactorisations.cholesky(x);
  }

  @Override
  public PivotedQrFactor<NativeMatrix> qr(NativeMatrix x) {
    return NativeFactorisations.qr(x);
  }

  @Override
  public NativeMatrix svdSolve(NativeMatrix x, NativeMatrix y, double rcond) {
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

  @Override
  public NativeMatrix pseudoInverse(NativeMatrix x, double rcond) {
    int n = x.rows();
    int p = x.cols();
    double rc = rcond;
    int r = Math.min(n, p);
    try (DoublePointer a = copyOf(x);
        DoublePointer s = new DoublePointer(r);
        DoublePointer u = new DoublePointer((long) p * r);
        DoublePointer vt = new DoublePointer((long) r * n)) {
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
      return pinv;
    }
  }

  /**
   * {@code H_jj = (2/n) Σᵢ X_ij²} (paper eq. 3.1), one pass over X's memory. X was validated where
   * it entered (conversion from the boundary), so this kernel does not rescan it.
   *
   * <p>Four rows at a time are bulk-copied to a reused heap chunk (a plain array loop vectorises; a
   * buffer loop does not), and each {@code h_j} is loaded and stored once per four rows. The sum is
   * still accumulated row by row in order, {@code (((h + a²) + b²) + c²) + d²}, so the result is
   * bit-identical to the plain row loop.
   */
  static NativeMatrix lsHessianDiagonal(NativeMatrix x) {
    int n = x.rows();
    int p = x.cols();
    double[] h = new double[p];
    double[] rows = new double[4 * p];
    DoubleBuffer xb = x.buffer();
    int i = 0;
    for (; i + 4 <= n; i += 4) {
      xb.get(i * p, rows, 0, 4 * p);
      for (int j = 0; j < p; j++) {
        double a = rows[j];
        double b = rows[p + j];
        double c = rows[2 * p + j];
        double d = rows[3 * p + j];
        h[j] = (((h[j] + a * a) + b * b) + c * c) + d * d;
      }
    }
    for (; i < n; i++) {
      xb.get(i * p, rows, 0, p);
      for (int j = 0; j < p; j++) {
        h[j] += rows[j] * rows[j];
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

  /** Row-major n x k {@code y} into the first n rows of column-major {@code dst} (leading dimension ld). */
  static void toColumnMajor(NativeMatrix y, DoublePointer dst, int ld) {
    int n = y.rows();
    int k = y.cols();
    if (k == 1) {
      Pointer.memcpy(dst, y.pointer(), (long) n * Double.BYTES);
    } else {
      LAPACKE_dge_trans(LAPACK_ROW_MAJOR, n, k, y.pointer(), k, dst, ld);
    }
  }

  /** The first p rows of column-major {@code src} (leading dimension ld, k columns) into row-major {@code dst}. */
  static void fromColumnMajor(DoublePointer src, int ld, NativeMatrix dst) {
    int p = dst.rows();
    int k = dst.cols();
    if (k == 1) {
      Pointer.memcpy(dst.pointer(), src, (long) p * Double.BYTES);
    } else {
      LAPACKE_dge_trans(LAPACK_COL_MAJOR, p, k, src, ld, dst.pointer(), k);
    }
  }
}
