package dev.prunebench.linalg.openblas;

import dev.prunebench.linalg.Backend;
import dev.prunebench.linalg.BackendInfo;
import dev.prunebench.linalg.Checks;
import dev.prunebench.linalg.InPlace;
import dev.prunebench.linalg.NetworkKernels;
import dev.prunebench.linalg.LeastSquaresAlgorithm;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.linalg.MinNormSolver;
import dev.prunebench.linalg.Parallelism;
import dev.prunebench.linalg.TopS;

/**
 * Native OpenBLAS 0.3.31 (BLAS + LAPACK, runtime-dispatched kernels) through JavaCPP's
 * {@code org.bytedeco:openblas} preset. Operands are {@link NativeMatrix}: row-major, off-heap,
 * freed by {@link #release(NativeMatrix)}.
 *
 * <p>Kernels and the library calls behind them: GEMM {@code cblas_dgemm} ({@link NativeProducts});
 * minimum-norm least squares (paper eq. 3.2) through the shared {@link MinNormSolver} flow:
 * {@code cblas_dsyrk} + {@code LAPACKE_dpotrf}/{@code dpotrs}, column-pivoted {@code LAPACKE_dgeqp3}
 * + {@code dormqr} + {@code cblas_dtrsm}, condition estimates by {@code cblas_dtrsv}
 * ({@link NativeFactorisations}), {@code LAPACKE_dgelsd}; pseudo-inverse {@code LAPACKE_dgesdd};
 * Hessian diagonal (eq. 3.1) a row loop ({@link NativeLeastSquares}); elementwise kernels
 * ({@link OpenBlasElementwise}); hard thresholding the shared default of {@link LinearAlgebraBackend}.
 *
 * <p>Threads: {@link Parallelism#SINGLE} runs OpenBLAS with 1 thread, {@link Parallelism#ALL_CORES}
 * with the count OpenBLAS chose at load time. OpenBLAS's count is process-wide, so every kernel sets
 * it for its instance before calling the library; see {@link OpenBlasRuntime} for the consequences.
 * Every library call is made inside {@link NativeCallGate#enter(int)} / {@code exit()}, so the process never exits
 * while a thread is inside OpenBLAS.
 *
 * <p>Availability: {@link #create(Parallelism)} loads the native library and throws if that fails
 * (other platform, missing classifier jar); nothing here is touched while {@link Backend} initialises.
 */
public final class OpenBlasBackend extends OpenBlasElementwise implements LinearAlgebraBackend<NativeMatrix> {
  /** Stateless: OpenBLAS's factorisations behind the shared minimum-norm flow. */
  private static final MinNormSolver<NativeMatrix> LEAST_SQUARES = new MinNormSolver<>(new NativeLeastSquares());

  private OpenBlasBackend(int threads) {
    super(threads);
  }

  /**
   * A backend instance.
   *
   * @throws IllegalStateException or {@link LinkageError} if the native library cannot be loaded here
   */
  public static LinearAlgebraBackend<?> create(Parallelism parallelism) {
    return of(parallelism);
  }

  /** {@link #create(Parallelism)} with the native matrix type visible (benchmarks, tests). */
  /**
   * How many bytes of native memory JavaCPP lets this process allocate ({@code Pointer.maxBytes()}:
   * {@code -Dorg.bytedeco.javacpp.maxBytes}, by default the same as the maximum heap); every
   * library-native matrix of this backend is such an allocation. {@link Long#MAX_VALUE} when unlimited.
   */
  public static long nativeMemoryLimitBytes() {
    try {
      long max = org.bytedeco.javacpp.Pointer.maxBytes();
      return max <= 0 ? Long.MAX_VALUE : max;
    } catch (LinkageError e) {
      return Long.MAX_VALUE; // no native library here: the backend is unavailable and allocates nothing
    }
  }

  public static OpenBlasBackend of(Parallelism parallelism) {
    if (parallelism == null) {
      throw new IllegalArgumentException("parallelism must be SINGLE or ALL_CORES, got null");
    }
    OpenBlasRuntime.load();
    return new OpenBlasBackend(OpenBlasRuntime.threadsFor(parallelism));
  }

  /**
   * Library "OpenBLAS", its version from {@code openblas_get_config()}, the thread count OpenBLAS
   * reports after applying this instance's setting (so, like a kernel call, this sets the process-wide
   * count), and details: the core type from {@code openblas_get_corename()}, the build configuration,
   * {@code OPENBLAS_CORETYPE} and {@code OPENBLAS_NUM_THREADS}.
   */
  @Override
  public BackendInfo info() {
    NativeCallGate.enter(threads);
    try {
      return new BackendInfo(Backend.OPENBLAS, "OpenBLAS", OpenBlasRuntime.version(),
          OpenBlasRuntime.threadsInEffect(threads), OpenBlasRuntime.details());
    } finally {
      NativeCallGate.exit();
    }
  }

  // --- conversions ---

  @Override
  public NativeMatrix fromFiniteBoundary(Matrix m) {
    return NativeMatrix.of(m);
  }

  @Override
  public Matrix toBoundary(NativeMatrix m) {
    return m.toMatrix();
  }

  @Override
  public int rows(NativeMatrix m) {
    return m.rows();
  }

  @Override
  public int cols(NativeMatrix m) {
    return m.cols();
  }

  /** Frees {@code m}'s off-heap memory now. */
  @Override
  public void release(NativeMatrix m) {
    m.close();
  }

  // --- least squares ---

  @Override
  public NativeMatrix solveMinNorm(NativeMatrix x, NativeMatrix y, LeastSquaresAlgorithm algorithm,
      double rcond) {
    NativeCallGate.enter(threads);
    try {
      return LEAST_SQUARES.solve(x, y, algorithm, rcond);
    } finally {
      NativeCallGate.exit();
    }
  }

  @Override
  public NativeMatrix pseudoInverse(NativeMatrix x, double rcond) {
    NativeCallGate.enter(threads);
    try {
      return LEAST_SQUARES.pseudoInverse(x, rcond);
    } finally {
      NativeCallGate.exit();
    }
  }

  @Override
  public NativeMatrix lsHessianDiagonal(NativeMatrix x) {
    return NativeLeastSquares.lsHessianDiagonal(x);
  }

  // --- products ---

  @Override
  public NativeMatrix multiply(NativeMatrix a, NativeMatrix b) {
    NativeCallGate.enter(threads);
    try {
      return NativeProducts.multiply(a, b);
    } finally {
      NativeCallGate.exit();
    }
  }

  @Override
  public NativeMatrix multiplyTransA(NativeMatrix a, NativeMatrix b) {
    NativeCallGate.enter(threads);
    try {
      return NativeProducts.multiplyTransA(a, b);
    } finally {
      NativeCallGate.exit();
    }
  }

  @Override
  public NativeMatrix multiplyTransB(NativeMatrix a, NativeMatrix b) {
    NativeCallGate.enter(threads);
    try {
      return NativeProducts.multiplyTransB(a, b);
    } finally {
      NativeCallGate.exit();
    }
  }

  // --- in place and fused: native memory throughout (NativeInPlace) ---

  /** A zero matrix off-heap (calloc-like: JavaCPP zero-fills a new DoublePointer). */
  @Override
  public NativeMatrix zeros(int rows, int cols) {
    NativeMatrix m = NativeMatrix.uninitialized(rows, cols);
    org.bytedeco.javacpp.Pointer.memset(m.pointer(), 0, (long) rows * cols * Double.BYTES);
    return m;
  }

  @Override
  public void assign(NativeMatrix dst, double[] rowMajor) {
    NativeInPlace.assign(dst, rowMajor);
  }

  @Override
  public void multiplyInto(boolean transA, boolean transB, NativeMatrix a, NativeMatrix b, NativeMatrix c) {
    gemm(transA, transB, 1.0, a, b, 0.0, c);
  }

  @Override
  public void gemm(boolean transA, boolean transB, double alpha, NativeMatrix a, NativeMatrix b, double beta,
      NativeMatrix c) {
    NativeCallGate.enter(threads);
    try {
      NativeInPlace.gemm(transA, transB, alpha, a, b, beta, c);
    } finally {
      NativeCallGate.exit();
    }
  }

  @Override
  public void copyInto(NativeMatrix src, NativeMatrix dst) {
    NativeInPlace.copy(src, dst);
  }

  @Override
  public void scaleInPlace(double alpha, NativeMatrix a) {
    NativeCallGate.enter(threads);
    try {
      NativeInPlace.scale(alpha, a);
    } finally {
      NativeCallGate.exit();
    }
  }

  @Override
  public void addScaledInPlace(NativeMatrix a, double alpha, NativeMatrix b) {
    NativeCallGate.enter(threads);
    try {
      NativeInPlace.addScaled(a, alpha, b);
    } finally {
      NativeCallGate.exit();
    }
  }

  @Override
  public void hadamardInPlace(NativeMatrix a, NativeMatrix b) {
    NativeInPlace.hadamard(a, b);
  }

  @Override
  public void gatherRows(NativeMatrix src, int[] index, int from, NativeMatrix dst) {
    Checks.requireSameShape("dst", dst.rows(), dst.cols(), "rows of src", dst.rows(), src.cols());
    InPlace.requireIndices(index, from, dst.rows(), src.rows());
    NativeInPlace.gatherRows(src, index, from, dst);
  }

  @Override
  public void reluInto(NativeMatrix h, NativeMatrix a) {
    NativeInPlace.relu(h, a);
  }

  @Override
  public void maskByPositive(NativeMatrix g, NativeMatrix h) {
    NativeInPlace.maskByPositive(g, h);
  }

  @Override
  public void softmaxRowsInto(NativeMatrix z, NativeMatrix p) {
    Checks.requireSameShape("z", z.rows(), z.cols(), "out", p.rows(), p.cols());
    NativeInPlace.softmax(z, p, null);
  }

  @Override
  public double softmaxCrossEntropyGradient(NativeMatrix z, int[] labels, NativeMatrix g) {
    Checks.requireSameShape("z", z.rows(), z.cols(), "out", g.rows(), g.cols());
    NetworkKernels.requireLabels(labels, z.rows(), z.cols());
    return NativeInPlace.softmax(z, g, labels);
  }

  @Override
  public void momentumStep(NativeMatrix theta, NativeMatrix buf, NativeMatrix g, double learningRate,
      double momentum, NativeMatrix mask) {
    Checks.requireSameShape("theta", theta.rows(), theta.cols(), "buf", buf.rows(), buf.cols());
    Checks.requireSameShape("theta", theta.rows(), theta.cols(), "g", g.rows(), g.cols());
    if (mask != null) {
      Checks.requireSameShape("theta", theta.rows(), theta.cols(), "mask", mask.rows(), mask.cols());
    }
    NativeCallGate.enter(threads);
    try {
      NativeInPlace.momentumStep(theta, buf, g, learningRate, momentum, mask);
    } finally {
      NativeCallGate.exit();
    }
  }

  @Override
  public void squareInto(NativeMatrix a, NativeMatrix out) {
    NativeInPlace.square(a, out);
  }

  @Override
  public void bernoulliVarianceInto(NativeMatrix p, NativeMatrix out) {
    NativeInPlace.bernoulliVariance(p, out);
  }

  @Override
  public void maskedVarianceInPlace(NativeMatrix s, NativeMatrix pv, NativeMatrix h) {
    NativeInPlace.maskedVariance(s, pv, h);
  }

  /**
   * {@code Π_s} into a native output: the shared {@link TopS} selection reads the off-heap
   * importances and weights through small heap chunks and writes {@code out} chunk by chunk, so the
   * only allocations are O(chunk) scratch and the O(s)-sized selection buffers.
   */
  @Override
  public void hardThresholdInto(NativeMatrix weights, NativeMatrix importance, int s, NativeMatrix out) {
    Checks.requireSameShape("weights", weights.rows(), weights.cols(), "importance", importance.rows(),
        importance.cols());
    Checks.requireSameShape("weights", weights.rows(), weights.cols(), "out", out.rows(), out.cols());
    if (out == weights || out == importance) {
      throw new IllegalArgumentException("out must not alias weights or importance");
    }
    TopS.hardThresholdInto(weights.buffer(), importance.buffer(), importance.size(), s, out.buffer());
  }

  @Override
  public String toString() {
    return "OpenBlasBackend[threads=" + threads + "]";
  }
}
