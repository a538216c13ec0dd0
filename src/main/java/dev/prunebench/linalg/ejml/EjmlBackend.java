package dev.prunebench.linalg.ejml;

import dev.prunebench.linalg.Backend;
import dev.prunebench.linalg.BackendInfo;
import dev.prunebench.linalg.Checks;
import dev.prunebench.linalg.LeastSquaresAlgorithm;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.linalg.MinNormSolver;
import dev.prunebench.linalg.Parallelism;
import dev.prunebench.linalg.TopS;
import java.util.Arrays;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;

/**
 * The EJML 0.46.1 backend; native type {@link DMatrixRMaj} (dense, row-major, one {@code double[]}).
 *
 * <p>Fastest supported paths, and why:
 * <ul>
 *   <li>GEMM: {@code CommonOps_DDRM.mult/multTransA/multTransB}, which pick EJML's reordered or
 *       column-cached kernel by size and never materialise a transpose; with
 *       {@link Parallelism#ALL_CORES} the {@code CommonOps_MT_DDRM} variants split the rows of C over
 *       EJML's fork-join pool.
 *   <li>Gram matrices for the normal equations: {@code multOuter} (X Xᵀ) and {@code multInner}
 *       (Xᵀ X) compute one triangle and mirror it; measured on this machine kind {@code multOuter}
 *       is about 2× faster than {@code multTransB(X, X)}. For large X (millions of entries) it turns
 *       memory-bound, and the product in EJML's block format ({@code MatrixOps_DDRB}) is faster
 *       (see {@code EjmlOps}).
 *   <li>Cholesky ({@link LeastSquaresAlgorithm#DEFAULT}): {@code LinearSolverFactory_DDRM.symmPosDef}
 *       (blocked for large Gram matrices), or {@code LinearSolverFactory_MT_DDRM.symmPosDef}, the
 *       concurrent blocked outer-product Cholesky. Details of all three algorithms in
 *       {@link EjmlLeastSquares}.
 * </ul>
 * {@link #info()} reports EJML's pool size for ALL_CORES (both cores here) and 1 for SINGLE.
 *
 * <p>Elementwise kernels use {@code CommonOps_DDRM} where it has the operation ({@code elementMult},
 * {@code add}, {@code scale}, {@code sumCols}, {@code elementSum}); ReLU and the row softmax have no
 * EJML counterpart and are single loops over the data array. Hard thresholding runs the shared
 * {@link TopS} selection (EJML has no selection routine) directly on the row-major data array,
 * skipping the default's two boundary copies.
 */
public final class EjmlBackend implements LinearAlgebraBackend<DMatrixRMaj> {
  private final Parallelism parallelism;
  private final EjmlOps ops;
  private final MinNormSolver<DMatrixRMaj> leastSquares;

  private EjmlBackend(Parallelism parallelism, EjmlOps ops) {
    this.parallelism = parallelism;
    this.ops = ops;
    this.leastSquares = new MinNormSolver<>(new EjmlLeastSquares(ops));
  }

  /** A backend on EJML's single-threaded ({@code SINGLE}) or concurrent ({@code ALL_CORES}) path. */
  public static LinearAlgebraBackend<?> create(Parallelism parallelism) {
    return createTyped(parallelism);
  }

  /** {@link #create(Parallelism)} with the native type visible, for EJML-specific tests. */
  public static EjmlBackend createTyped(Parallelism parallelism) {
    if (parallelism == null) {
      throw new IllegalArgumentException("parallelism must be SINGLE or ALL_CORES, got null");
    }
    return new EjmlBackend(parallelism, new EjmlOps(parallelism));
  }

  /** For tests: a backend whose Gram matrices take the block-format route from this size of X on. */
  static EjmlBackend withBlockedGramFrom(Parallelism parallelism, int minEntries) {
    return new EjmlBackend(parallelism, new EjmlOps(parallelism, minEntries));
  }

  @Override
  public BackendInfo info() {
    return new BackendInfo(Backend.EJML, "EJML", ejmlVersion(), ops.threads(),
        parallelism == Parallelism.ALL_CORES
            ? "CommonOps_MT_DDRM / LinearSolverFactory_MT_DDRM on the EJML fork-join pool"
            : "CommonOps_DDRM / LinearSolverFactory_DDRM, single thread");
  }

  private static String ejmlVersion() {
    String v = DMatrixRMaj.class.getPackage().getImplementationVersion();
    return v != null ? v : "0.46.1";
  }

  // ---- conversions

  @Override
  public DMatrixRMaj fromFiniteBoundary(Matrix m) {
    DMatrixRMaj d = new DMatrixRMaj(m.rows(), m.cols());
    m.copyInto(d.data, 0);
    return d;
  }

  @Override
  public Matrix toBoundary(DMatrixRMaj m) {
    return Matrix.wrap(m.numRows, m.numCols, Arrays.copyOf(m.data, m.getNumElements()));
  }

  @Override
  public int rows(DMatrixRMaj m) {
    return m.numRows;
  }

  @Override
  public int cols(DMatrixRMaj m) {
    return m.numCols;
  }

  /** Shared non-finite check on the live entries (the data array of a reshaped matrix may be longer). */
  static void requireFinite(String name, DMatrixRMaj m) {
    Checks.requireFinite(name, live(m), m.numCols);
  }

  // ---- least squares

  @Override
  public DMatrixRMaj solveMinNorm(DMatrixRMaj x, DMatrixRMaj y, LeastSquaresAlgorithm algorithm, double rcond) {
    return leastSquares.solve(x, y, algorithm, rcond);
  }

  @Override
  public DMatrixRMaj pseudoInverse(DMatrixRMaj x, double rcond) {
    return leastSquares.pseudoInverse(x, rcond);
  }

  /** {@code H_jj = (2/n) Σᵢ X_ij²} (paper eq. 3.1) as {@code sumCols(X ∘ X)} scaled by 2/n. */
  @Override
  public DMatrixRMaj lsHessianDiagonal(DMatrixRMaj x) {
    // One streaming pass over the row-major data: EJML's elementMult + sumCols materialised X∘X
    // (77 MB at 2400 x 4000) and measured 70 ms against 6-8 ms for the other backends (JMH, quick preset).
    int n = x.numRows;
    int p = x.numCols;
    double[] h = new double[p];
    double[] d = x.data;
    for (int i = 0; i < n; i++) {
      int off = i * p;
      for (int j = 0; j < p; j++) {
        double v = d[off + j];
        h[j] += v * v;
      }
    }
    double scale = 2.0 / n;
    for (int j = 0; j < p; j++) {
      h[j] *= scale;
    }
    return DMatrixRMaj.wrap(1, p, h);
  }

  // ---- products

  @Override
  public DMatrixRMaj multiply(DMatrixRMaj a, DMatrixRMaj b) {
    Checks.requireInner("A·B", a.numCols, b.numRows, a.numRows, a.numCols, b.numRows, b.numCols);
    return ops.mult(a, b);
  }

  @Override
  public DMatrixRMaj multiplyTransA(DMatrixRMaj a, DMatrixRMaj b) {
    Checks.requireInner("Aᵀ·B", a.numRows, b.numRows, a.numRows, a.numCols, b.numRows, b.numCols);
    return ops.multTransA(a, b);
  }

  @Override
  public DMatrixRMaj multiplyTransB(DMatrixRMaj a, DMatrixRMaj b) {
    Checks.requireInner("A·Bᵀ", a.numCols, b.numCols, a.numRows, a.numCols, b.numRows, b.numCols);
    return ops.multTransB(a, b);
  }

  // ---- in place: EJML's own products into C; the rest is the shared FlatKernels code on data

  @Override
  public DMatrixRMaj zeros(int rows, int cols) {
    return new DMatrixRMaj(rows, cols);
  }

  /** The data array, unless a reshape left it longer than the matrix (then the copying fallback). */
  @Override
  public double[] storage(DMatrixRMaj m) {
    return m.data.length == m.getNumElements() ? m.data : null;
  }

  @Override
  public void multiplyInto(boolean transA, boolean transB, DMatrixRMaj a, DMatrixRMaj b, DMatrixRMaj c) {
    ops.multInto(transA, transB, a, b, c);
  }

  @Override
  public void assign(DMatrixRMaj dst, double[] rowMajor) {
    System.arraycopy(rowMajor, 0, dst.data, 0, dst.getNumElements());
  }

  // ---- elementwise (paper Section 4 network)

  @Override
  public DMatrixRMaj relu(DMatrixRMaj a) {
    DMatrixRMaj out = new DMatrixRMaj(a.numRows, a.numCols);
    for (int k = 0, n = a.getNumElements(); k < n; k++) {
      out.data[k] = Math.max(a.data[k], 0.0);
    }
    return out;
  }

  @Override
  public DMatrixRMaj reluMask(DMatrixRMaj a) {
    DMatrixRMaj out = new DMatrixRMaj(a.numRows, a.numCols);
    for (int k = 0, n = a.getNumElements(); k < n; k++) {
      out.data[k] = a.data[k] > 0 ? 1.0 : 0.0;
    }
    return out;
  }

  @Override
  public DMatrixRMaj hadamard(DMatrixRMaj a, DMatrixRMaj b) {
    Checks.requireSameShape("a", a.numRows, a.numCols, "b", b.numRows, b.numCols);
    return CommonOps_DDRM.elementMult(a, b, new DMatrixRMaj(a.numRows, a.numCols));
  }

  @Override
  public DMatrixRMaj addScaled(DMatrixRMaj a, double alpha, DMatrixRMaj b) {
    Checks.requireSameShape("a", a.numRows, a.numCols, "b", b.numRows, b.numCols);
    return CommonOps_DDRM.add(a, alpha, b, new DMatrixRMaj(a.numRows, a.numCols));
  }

  @Override
  public DMatrixRMaj scale(DMatrixRMaj a, double alpha) {
    DMatrixRMaj out = new DMatrixRMaj(a.numRows, a.numCols);
    CommonOps_DDRM.scale(alpha, a, out);
    return out;
  }

  @Override
  public DMatrixRMaj softmaxRows(DMatrixRMaj z) {
    int cols = z.numCols;
    DMatrixRMaj out = new DMatrixRMaj(z.numRows, cols);
    double[] in = z.data;
    double[] o = out.data;
    for (int i = 0; i < z.numRows; i++) {
      int base = i * cols;
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < cols; j++) {
        max = Math.max(max, in[base + j]);
      }
      double sum = 0;
      for (int j = 0; j < cols; j++) {
        double e = Math.exp(in[base + j] - max);
        o[base + j] = e;
        sum += e;
      }
      double inv = 1.0 / sum;
      for (int j = 0; j < cols; j++) {
        o[base + j] *= inv;
      }
    }
    return out;
  }

  @Override
  public DMatrixRMaj columnSums(DMatrixRMaj a) {
    return CommonOps_DDRM.sumCols(a, new DMatrixRMaj(1, a.numCols));
  }

  @Override
  public double sum(DMatrixRMaj a) {
    return CommonOps_DDRM.elementSum(a);
  }

  // ---- thresholding: the shared TopS selection on the row-major data array, no boundary copies

  @Override
  public DMatrixRMaj keepMask(DMatrixRMaj importance, int s) {
    return DMatrixRMaj.wrap(importance.numRows, importance.numCols, TopS.keepMask(live(importance), s));
  }

  @Override
  public DMatrixRMaj keepMaskPerGroup(DMatrixRMaj importance, int[] groupSizes, double keepFraction) {
    return DMatrixRMaj.wrap(importance.numRows, importance.numCols,
        TopS.keepMaskPerGroup(live(importance), groupSizes, keepFraction));
  }

  /** The entries in row-major order: the data array itself unless a reshape left it longer. */
  private static double[] live(DMatrixRMaj m) {
    int size = m.getNumElements();
    return m.data.length == size ? m.data : Arrays.copyOf(m.data, size);
  }
}
