package dev.prunebench.linalg.ojalgo;

import dev.prunebench.linalg.Backend;
import dev.prunebench.linalg.BackendInfo;
import dev.prunebench.linalg.Checks;
import dev.prunebench.linalg.LeastSquaresAlgorithm;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.linalg.MinNormSolver;
import dev.prunebench.linalg.Parallelism;
import dev.prunebench.linalg.PowerOfTwoScaling;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Properties;
import org.ojalgo.OjAlgoUtils;
import org.ojalgo.matrix.store.R064Store;

/**
 * The kernels on ojAlgo 57.1.0, native type {@link R064Store}: ojAlgo's dense {@code double} store
 * (formerly {@code Primitive64Store}), column-major, entry (i, j) at {@code data[i + j·rows]}.
 *
 * <p>Paths chosen, and why:
 * <ul>
 *   <li><b>GEMM</b>: {@code R064Store.fillByMultiplying(left, right)} into a fresh store. With two
 *       physical stores it runs {@code MultiplyNeither} (AXPYs over contiguous columns);
 *       {@code Aᵀ·B} and {@code A·Bᵀ} pass ojAlgo's logical {@code transpose()} view, which
 *       dispatches to {@code MultiplyLeft} / {@code MultiplyRight}. Those still stream contiguous
 *       columns of the physical operand and read each entry of the view once per worker thread
 *       (O(size) against the O(m·n·k) product), so no transpose is materialised: in rough timings a
 *       materialised transpose followed by {@code MultiplyNeither} was not faster, and it costs a
 *       copy of the operand. Above 32 x 32 all three split the output columns over ojAlgo's thread
 *       pool. ojAlgo 57's multiply kernels are column-AXPY loops without cache blocking, so large
 *       products are memory-bound; this is the library's own speed, not wrapped in a blocking
 *       scheme of ours.
 *   <li><b>Least squares</b>: {@code Cholesky.R064} on the smaller Gram matrix (the default; the
 *       Gram product dominates its cost), {@code QR.R064} (LQ through the QR of {@code Xᵀ} when
 *       n &lt; p) and {@code SingularValue.R064} with the project's rcond rule applied to the
 *       singular values; see {@link OjAlgoLeastSquares}. Inputs of extreme magnitude are first
 *       scaled exactly by a power of two ({@link PowerOfTwoScaling}).
 *   <li><b>Elementwise kernels, Hessian diagonal, conversion</b>: plain loops on the store's
 *       {@code double[]}; see {@link ColumnMajorKernels} for why not ojAlgo's functional operators.
 *   <li><b>Hard thresholding</b> (Definition 2.3): the shared default of
 *       {@link LinearAlgebraBackend}; the selection is O(p) work on a flat array in row-major order,
 *       the same for every library.
 * </ul>
 *
 * <p><b>Threads.</b> ojAlgo's parallelism is one process-wide setting,
 * {@code OjAlgoUtils.ENVIRONMENT}; {@link OjAlgoThreads} scopes it per kernel call, so
 * {@link Parallelism#SINGLE} kernels run on the calling thread only and {@link Parallelism#ALL_CORES}
 * kernels use every thread ojAlgo detected. Kernels of the two modes called at the same time from
 * different threads are serialised against each other (see {@link OjAlgoThreads}).
 * {@link #info()} reports the thread count the library kernels actually use.
 *
 * <p>Inputs are never modified; every kernel returns a new store.
 */
public final class OjAlgoBackend implements LinearAlgebraBackend<R064Store> {

  private static final String VERSION = libraryVersion();

  /** Stateless: ojAlgo's factorisations behind the shared minimum-norm flow. */
  private static final MinNormSolver<R064Store> LEAST_SQUARES = new MinNormSolver<>(new OjAlgoLeastSquares());

  private final Parallelism parallelism;

  private OjAlgoBackend(Parallelism parallelism) {
    this.parallelism = Objects.requireNonNull(parallelism, "parallelism");
  }

  /**
   * A backend whose library kernels use one thread ({@link Parallelism#SINGLE}) or every thread
   * ojAlgo detected ({@link Parallelism#ALL_CORES}). Creating one changes no global state.
   */
  public static LinearAlgebraBackend<?> create(Parallelism parallelism) {
    return new OjAlgoBackend(parallelism);
  }

  @Override
  public BackendInfo info() {
    int threads = OjAlgoThreads.threads(parallelism);
    return new BackendInfo(Backend.OJALGO, "ojAlgo", VERSION, threads,
        "R064Store (dense, column-major); " + parallelism + ": OjAlgoUtils.ENVIRONMENT scoped to " + threads
            + " thread" + (threads == 1 ? "" : "s") + " per kernel call");
  }

  // ---- conversions -------------------------------------------------------------------------------

  @Override
  public R064Store fromFiniteBoundary(Matrix m) {
    return ColumnMajorKernels.fromRowMajor(m);
  }

  @Override
  public Matrix toBoundary(R064Store m) {
    return ColumnMajorKernels.toRowMajor(m);
  }

  @Override
  public int rows(R064Store m) {
    return m.getRowDim();
  }

  @Override
  public int cols(R064Store m) {
    return m.getColDim();
  }

  // ---- least squares -----------------------------------------------------------------------------

  @Override
  public R064Store solveMinNorm(R064Store x, R064Store y, LeastSquaresAlgorithm algorithm, double rcond) {
    return OjAlgoThreads.call(parallelism, () -> LEAST_SQUARES.solve(x, y, algorithm, rcond));
  }

  @Override
  public R064Store pseudoInverse(R064Store x, double rcond) {
    return OjAlgoThreads.call(parallelism, () -> LEAST_SQUARES.pseudoInverse(x, rcond));
  }

  @Override
  public R064Store lsHessianDiagonal(R064Store x) {
    return ColumnMajorKernels.lsHessianDiagonal(x);
  }

  // ---- products ----------------------------------------------------------------------------------

  @Override
  public R064Store multiply(R064Store a, R064Store b) {
    Checks.requireInner("A·B", a.getColDim(), b.getRowDim(), a.getRowDim(), a.getColDim(), b.getRowDim(),
        b.getColDim());
    R064Store c = ColumnMajorKernels.make(a.getRowDim(), b.getColDim());
    return OjAlgoThreads.call(parallelism, () -> {
      c.fillByMultiplying(a, b);
      return c;
    });
  }

  @Override
  public R064Store multiplyTransA(R064Store a, R064Store b) {
    Checks.requireInner("Aᵀ·B", a.getRowDim(), b.getRowDim(), a.getRowDim(), a.getColDim(), b.getRowDim(),
        b.getColDim());
    R064Store c = ColumnMajorKernels.make(a.getColDim(), b.getColDim());
    return OjAlgoThreads.call(parallelism, () -> {
      c.fillByMultiplying(a.transpose(), b);
      return c;
    });
  }

  @Override
  public R064Store multiplyTransB(R064Store a, R064Store b) {
    Checks.requireInner("A·Bᵀ", a.getColDim(), b.getColDim(), a.getRowDim(), a.getColDim(), b.getRowDim(),
        b.getColDim());
    R064Store c = ColumnMajorKernels.make(a.getRowDim(), b.getRowDim());
    return OjAlgoThreads.call(parallelism, () -> {
      c.fillByMultiplying(a, b.transpose());
      return c;
    });
  }

  // ---- in place: fillByMultiplying into C; the rest is the shared FlatKernels code, column-major ----

  @Override
  public R064Store zeros(int rows, int cols) {
    return ColumnMajorKernels.make(rows, cols);
  }

  @Override
  public double[] storage(R064Store m) {
    return m.data;
  }

  @Override
  public dev.prunebench.linalg.StorageOrder storageOrder() {
    return dev.prunebench.linalg.StorageOrder.COLUMN_MAJOR;
  }

  @Override
  public void multiplyInto(boolean transA, boolean transB, R064Store a, R064Store b, R064Store c) {
    OjAlgoThreads.call(parallelism, () -> {
      if (transA) {
        c.fillByMultiplying(a.transpose(), b);
      } else if (transB) {
        c.fillByMultiplying(a, b.transpose());
      } else {
        c.fillByMultiplying(a, b);
      }
      return c;
    });
  }

  // ---- elementwise -------------------------------------------------------------------------------

  @Override
  public R064Store relu(R064Store a) {
    return ColumnMajorKernels.relu(a);
  }

  @Override
  public R064Store reluMask(R064Store a) {
    return ColumnMajorKernels.reluMask(a);
  }

  @Override
  public R064Store hadamard(R064Store a, R064Store b) {
    return ColumnMajorKernels.hadamard(a, b);
  }

  @Override
  public R064Store addScaled(R064Store a, double alpha, R064Store b) {
    return ColumnMajorKernels.addScaled(a, alpha, b);
  }

  @Override
  public R064Store scale(R064Store a, double alpha) {
    return ColumnMajorKernels.scale(a, alpha);
  }

  @Override
  public R064Store softmaxRows(R064Store z) {
    return ColumnMajorKernels.softmaxRows(z);
  }

  @Override
  public R064Store columnSums(R064Store a) {
    return ColumnMajorKernels.columnSums(a);
  }

  @Override
  public double sum(R064Store a) {
    return ColumnMajorKernels.sum(a);
  }

  /**
   * ojAlgo's own version string: the jar manifest's {@code Implementation-Version} (what
   * {@link OjAlgoUtils#getVersion()} reads), else the Maven {@code pom.properties} inside the jar
   * (survives repackaging that drops the manifest), else {@code "unknown"}.
   */
  private static String libraryVersion() {
    String v = OjAlgoUtils.getVersion();
    if (v != null && !v.isBlank() && !v.equals("X.Y.Z")) {
      return v;
    }
    try (InputStream in = OjAlgoUtils.class.getResourceAsStream(
        "/META-INF/maven/org.ojalgo/ojalgo/pom.properties")) {
      if (in != null) {
        Properties props = new Properties();
        props.load(in);
        return props.getProperty("version", "unknown");
      }
    } catch (IOException e) {
      throw new UncheckedIOException("reading ojAlgo's pom.properties", e);
    }
    return "unknown";
  }
}
