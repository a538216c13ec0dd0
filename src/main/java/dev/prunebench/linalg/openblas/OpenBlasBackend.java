package dev.prunebench.linalg.openblas;

import dev.prunebench.linalg.Backend;
import dev.prunebench.linalg.BackendInfo;
import dev.prunebench.linalg.LeastSquaresAlgorithm;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.linalg.MinNormSolver;
import dev.prunebench.linalg.Parallelism;

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
 * ({@link NativeElementwise}); hard thresholding the shared default of {@link LinearAlgebraBackend}.
 *
 * <p>Threads: {@link Parallelism#SINGLE} runs OpenBLAS with 1 thread, {@link Parallelism#ALL_CORES}
 * with the count OpenBLAS chose at load time. OpenBLAS's count is process-wide, so every kernel sets
 * it for its instance before calling the library; see {@link OpenBlasRuntime} for the consequences.
 *
 * <p>Availability: {@link #create(Parallelism)} loads the native library and throws if that fails
 * (other platform, missing classifier jar); nothing here is touched while {@link Backend} initialises.
 */
public final class OpenBlasBackend implements LinearAlgebraBackend<NativeMatrix> {
  /** Stateless: OpenBLAS's factorisations behind the shared minimum-norm flow. */
  private static final MinNormSolver<NativeMatrix> LEAST_SQUARES = new MinNormSolver<>(new NativeLeastSquares());

  private final int threads;

  private OpenBlasBackend(int threads) {
    this.threads = threads;
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
    return new BackendInfo(Backend.OPENBLAS, "OpenBLAS", OpenBlasRuntime.version(),
        OpenBlasRuntime.threadsInEffect(threads), OpenBlasRuntime.details());
  }

  // --- conversions ---

  @Override
  public NativeMatrix fromBoundary(Matrix m) {
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
    OpenBlasRuntime.useThreads(threads);
    return LEAST_SQUARES.solve(x, y, algorithm, rcond);
  }

  @Override
  public NativeMatrix pseudoInverse(NativeMatrix x, double rcond) {
    OpenBlasRuntime.useThreads(threads);
    return LEAST_SQUARES.pseudoInverse(x, rcond);
  }

  @Override
  public NativeMatrix lsHessianDiagonal(NativeMatrix x) {
    return NativeLeastSquares.lsHessianDiagonal(x);
  }

  // --- products ---

  @Override
  public NativeMatrix multiply(NativeMatrix a, NativeMatrix b) {
    OpenBlasRuntime.useThreads(threads);
    return NativeProducts.multiply(a, b);
  }

  @Override
  public NativeMatrix multiplyTransA(NativeMatrix a, NativeMatrix b) {
    OpenBlasRuntime.useThreads(threads);
    return NativeProducts.multiplyTransA(a, b);
  }

  @Override
  public NativeMatrix multiplyTransB(NativeMatrix a, NativeMatrix b) {
    OpenBlasRuntime.useThreads(threads);
    return NativeProducts.multiplyTransB(a, b);
  }

  // --- elementwise ---

  @Override
  public NativeMatrix relu(NativeMatrix a) {
    return NativeElementwise.relu(a);
  }

  @Override
  public NativeMatrix reluMask(NativeMatrix a) {
    return NativeElementwise.reluMask(a);
  }

  @Override
  public NativeMatrix hadamard(NativeMatrix a, NativeMatrix b) {
    return NativeElementwise.hadamard(a, b);
  }

  @Override
  public NativeMatrix addScaled(NativeMatrix a, double alpha, NativeMatrix b) {
    OpenBlasRuntime.useThreads(threads);
    return NativeElementwise.addScaled(a, alpha, b);
  }

  @Override
  public NativeMatrix scale(NativeMatrix a, double alpha) {
    OpenBlasRuntime.useThreads(threads);
    return NativeElementwise.scale(a, alpha);
  }

  @Override
  public NativeMatrix softmaxRows(NativeMatrix z) {
    return NativeElementwise.softmaxRows(z);
  }

  @Override
  public NativeMatrix columnSums(NativeMatrix a) {
    return NativeElementwise.columnSums(a);
  }

  @Override
  public double sum(NativeMatrix a) {
    return NativeElementwise.sum(a);
  }

  @Override
  public String toString() {
    return "OpenBlasBackend[threads=" + threads + "]";
  }
}
