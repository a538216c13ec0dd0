package dev.prunebench.linalg.netlib;

import dev.ludovic.netlib.blas.BLAS;
import dev.prunebench.linalg.Backend;
import dev.prunebench.linalg.BackendInfo;
import dev.prunebench.linalg.Checks;
import dev.prunebench.linalg.FlatKernels;
import dev.prunebench.linalg.LeastSquaresAlgorithm;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.linalg.MinNormSolver;
import dev.prunebench.linalg.Parallelism;
import dev.prunebench.linalg.StorageOrder;

/**
 * netlib-java as packaged by {@code dev.ludovic.netlib} 3.0.4, the BLAS/LAPACK layer of Apache Spark
 * MLlib; native type {@link ColumnMatrix}, a column-major heap array that BLAS and LAPACK read in place.
 *
 * <p>Products are BLAS {@code dgemm} (transposes are the routine's {@code "T"} flags, never copies);
 * the least-squares factorisations are LAPACK ({@code dpotrf}, {@code dgeqp3}, {@code dgelsd},
 * {@code dgesdd}, see {@link NetlibLeastSquares}); the elementwise and in-place kernels are the shared
 * {@link FlatKernels} on the storage array ({@link #storage}), column-major.
 *
 * <p>Which implementation runs is chosen by the library at class-load time (native JNI, Vector API,
 * or plain Java/F2J, see {@link NetlibRuntime}) and reported in {@link #info()}. Every implementation
 * here is single-threaded: {@link Parallelism#ALL_CORES} runs the same code and {@link #info()} reports
 * 1 thread (a native BLAS would bring its own threads, but none is installed on the machines we run).
 */
public final class NetlibBackend implements LinearAlgebraBackend<ColumnMatrix> {
  private static final MinNormSolver<ColumnMatrix> LEAST_SQUARES = new MinNormSolver<>(new NetlibLeastSquares());
  private static final BLAS BLAS_INSTANCE = NetlibRuntime.BLAS_INSTANCE;

  private final Parallelism parallelism;

  private NetlibBackend(Parallelism parallelism) {
    this.parallelism = parallelism;
  }

  /**
   * A backend; both parallelism settings run the same single-threaded code.
   *
   * @throws LinkageError if the netlib jars are missing
   */
  public static LinearAlgebraBackend<?> create(Parallelism parallelism) {
    if (parallelism == null) {
      throw new IllegalArgumentException("parallelism must be SINGLE or ALL_CORES, got null");
    }
    NetlibRuntime.implementation(); // loads the BLAS and LAPACK instances now, so availability sees failures
    return new NetlibBackend(parallelism);
  }

  @Override
  public BackendInfo info() {
    return new BackendInfo(Backend.NETLIB, "netlib-java", NetlibRuntime.version(), 1,
        "dev.ludovic.netlib: " + NetlibRuntime.implementation() + "; column-major double[]"
            + (parallelism == Parallelism.ALL_CORES ? " (ALL_CORES requested, runs on one thread)" : ""));
  }

  // ---- conversions

  @Override
  public ColumnMatrix fromFiniteBoundary(Matrix m) {
    int r = m.rows();
    int c = m.cols();
    double[] d = new double[r * c];
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < c; j++) {
        d[i + j * r] = m.getFlat(i * c + j);
      }
    }
    return new ColumnMatrix(r, c, d);
  }

  @Override
  public Matrix toBoundary(ColumnMatrix m) {
    return Matrix.wrap(m.rows(), m.cols(), NetlibLeastSquares.rowMajor(m));
  }

  @Override
  public int rows(ColumnMatrix m) {
    return m.rows();
  }

  @Override
  public int cols(ColumnMatrix m) {
    return m.cols();
  }

  // ---- least squares

  @Override
  public ColumnMatrix solveMinNorm(ColumnMatrix x, ColumnMatrix y, LeastSquaresAlgorithm algorithm, double rcond) {
    return LEAST_SQUARES.solve(x, y, algorithm, rcond);
  }

  @Override
  public ColumnMatrix pseudoInverse(ColumnMatrix x, double rcond) {
    return LEAST_SQUARES.pseudoInverse(x, rcond);
  }

  /** {@code H_jj = (2/n) Σᵢ X_ij²} (paper eq. 3.1): BLAS {@code ddot} of each contiguous column with itself. */
  @Override
  public ColumnMatrix lsHessianDiagonal(ColumnMatrix x) {
    int n = x.rows();
    int p = x.cols();
    double[] h = new double[p];
    double scale = 2.0 / n;
    for (int j = 0; j < p; j++) {
      h[j] = scale * BLAS_INSTANCE.ddot(n, x.data(), j * n, 1, x.data(), j * n, 1);
    }
    return new ColumnMatrix(1, p, h);
  }

  // ---- products: one dgemm each

  @Override
  public ColumnMatrix multiply(ColumnMatrix a, ColumnMatrix b) {
    Checks.requireInner("A·B", a.cols(), b.rows(), a.rows(), a.cols(), b.rows(), b.cols());
    ColumnMatrix c = ColumnMatrix.zeros(a.rows(), b.cols());
    gemm(false, false, 1.0, a, b, 0.0, c);
    return c;
  }

  @Override
  public ColumnMatrix multiplyTransA(ColumnMatrix a, ColumnMatrix b) {
    Checks.requireInner("Aᵀ·B", a.rows(), b.rows(), a.rows(), a.cols(), b.rows(), b.cols());
    ColumnMatrix c = ColumnMatrix.zeros(a.cols(), b.cols());
    gemm(true, false, 1.0, a, b, 0.0, c);
    return c;
  }

  @Override
  public ColumnMatrix multiplyTransB(ColumnMatrix a, ColumnMatrix b) {
    Checks.requireInner("A·Bᵀ", a.cols(), b.cols(), a.rows(), a.cols(), b.rows(), b.cols());
    ColumnMatrix c = ColumnMatrix.zeros(a.rows(), b.rows());
    gemm(false, true, 1.0, a, b, 0.0, c);
    return c;
  }

  // ---- in place: storage is the column-major array; gemm is dgemm itself

  @Override
  public ColumnMatrix zeros(int rows, int cols) {
    return ColumnMatrix.zeros(rows, cols);
  }

  @Override
  public double[] storage(ColumnMatrix m) {
    return m.data();
  }

  @Override
  public StorageOrder storageOrder() {
    return StorageOrder.COLUMN_MAJOR;
  }

  @Override
  public void multiplyInto(boolean transA, boolean transB, ColumnMatrix a, ColumnMatrix b, ColumnMatrix c) {
    dgemm(transA, transB, 1.0, a, b, 0.0, c);
  }

  /** {@inheritDoc} One {@code dgemm} for every form, both operands transposed included. */
  @Override
  public void gemm(boolean transA, boolean transB, double alpha, ColumnMatrix a, ColumnMatrix b, double beta,
      ColumnMatrix c) {
    int m = transA ? a.cols() : a.rows();
    int ka = transA ? a.rows() : a.cols();
    int kb = transB ? b.cols() : b.rows();
    int n = transB ? b.rows() : b.cols();
    Checks.requireInner("op(A)·op(B)", ka, kb, a.rows(), a.cols(), b.rows(), b.cols());
    Checks.requireSameShape("C", c.rows(), c.cols(), "op(A)·op(B)", m, n);
    if (c == a || c == b) {
      throw new IllegalArgumentException("C must not be A or B: gemm writes C while reading them");
    }
    dgemm(transA, transB, alpha, a, b, beta, c);
  }

  private static void dgemm(boolean transA, boolean transB, double alpha, ColumnMatrix a, ColumnMatrix b,
      double beta, ColumnMatrix c) {
    int m = c.rows();
    int n = c.cols();
    int k = transA ? a.rows() : a.cols();
    if (m == 0 || n == 0) {
      return;
    }
    if (k == 0) {
      // BLAS would scale C by β; with β = 0 C must be overwritten, not read (it may hold NaN)
      if (beta == 0) {
        java.util.Arrays.fill(c.data(), 0.0);
      } else {
        FlatKernels.scale(beta, c.data());
      }
      return;
    }
    BLAS_INSTANCE.dgemm(transA ? "T" : "N", transB ? "T" : "N", m, n, k, alpha, a.data(), Math.max(1, a.rows()),
        b.data(), Math.max(1, b.rows()), beta, c.data(), Math.max(1, m));
  }

  // ---- elementwise (paper Section 4 network): the shared flat kernels on a copy

  @Override
  public ColumnMatrix relu(ColumnMatrix a) {
    ColumnMatrix out = ColumnMatrix.zeros(a.rows(), a.cols());
    FlatKernels.relu(a.data(), out.data());
    return out;
  }

  @Override
  public ColumnMatrix reluMask(ColumnMatrix a) {
    double[] d = new double[a.data().length];
    for (int k = 0; k < d.length; k++) {
      d[k] = a.data()[k] > 0 ? 1.0 : 0.0;
    }
    return new ColumnMatrix(a.rows(), a.cols(), d);
  }

  @Override
  public ColumnMatrix hadamard(ColumnMatrix a, ColumnMatrix b) {
    Checks.requireSameShape("a", a.rows(), a.cols(), "b", b.rows(), b.cols());
    ColumnMatrix out = copy(a);
    FlatKernels.hadamard(out.data(), b.data());
    return out;
  }

  @Override
  public ColumnMatrix addScaled(ColumnMatrix a, double alpha, ColumnMatrix b) {
    Checks.requireSameShape("a", a.rows(), a.cols(), "b", b.rows(), b.cols());
    ColumnMatrix out = copy(a);
    FlatKernels.addScaled(out.data(), alpha, b.data());
    return out;
  }

  @Override
  public ColumnMatrix scale(ColumnMatrix a, double alpha) {
    ColumnMatrix out = copy(a);
    FlatKernels.scale(alpha, out.data());
    return out;
  }

  @Override
  public ColumnMatrix softmaxRows(ColumnMatrix z) {
    ColumnMatrix out = ColumnMatrix.zeros(z.rows(), z.cols());
    FlatKernels.softmaxRows(z.data(), out.data(), z.rows(), z.cols(), StorageOrder.COLUMN_MAJOR, null);
    return out;
  }

  @Override
  public ColumnMatrix columnSums(ColumnMatrix a) {
    int n = a.rows();
    double[] s = new double[a.cols()];
    for (int j = 0; j < s.length; j++) {
      double t = 0;
      for (int i = j * n, end = i + n; i < end; i++) {
        t += a.data()[i];
      }
      s[j] = t;
    }
    return new ColumnMatrix(1, s.length, s);
  }

  @Override
  public double sum(ColumnMatrix a) {
    double t = 0;
    for (double v : a.data()) {
      t += v;
    }
    return t;
  }

  private static ColumnMatrix copy(ColumnMatrix a) {
    return new ColumnMatrix(a.rows(), a.cols(), a.data().clone());
  }
}
