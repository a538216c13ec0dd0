package dev.prunebench.linalg.reference;

import dev.prunebench.linalg.Backend;
import dev.prunebench.linalg.BackendInfo;
import dev.prunebench.linalg.Checks;
import dev.prunebench.linalg.LeastSquaresAlgorithm;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.linalg.MinNormSolver;
import dev.prunebench.linalg.Parallelism;
import dev.prunebench.linalg.TopS;
import java.util.concurrent.ForkJoinPool;

/**
 * The plain-Java backend written for this project: the readable correctness baseline that every
 * library backend is compared with, and fast enough to train the paper's Section 4 network on.
 * Native type {@link DenseMatrix} (row-major {@code double[]}); conversion copies the array.
 *
 * <p>Kernels and where they live:
 * <ul>
 *   <li>GEMM and Gram matrices: {@link Gemm} (blocked i-k-j row updates and 4x4 dot tiles, no
 *       materialised transpose, rows of C split over threads with {@link Parallelism#ALL_CORES});
 *   <li>minimum-norm least squares (eq. 3.2) and {@code X⁺}: the shared {@link MinNormSolver} flow
 *       over {@link MinNorm}'s factorisations, built on {@link Cholesky}, {@link HouseholderLq} (with
 *       row pivoting for QR) and {@link JacobiSvd};
 *   <li>the least-squares Hessian diagonal (eq. 3.1), elementwise kernels and the keep-masks here.
 * </ul>
 * The products (including the Gram matrix and {@code Xᵀ z} inside {@code CHOLESKY}) and the blocked
 * {@link Cholesky} factorisation (its panel solves and trailing updates) use several threads; QR, SVD
 * and the elementwise kernels run on the calling thread.
 *
 * <p>Non-finite data is rejected where it enters ({@code fromBoundary}); the products, elementwise
 * and Hessian-diagonal kernels do not rescan (the least-squares solvers still check their inputs).
 * No allocating kernel modifies its arguments; the in-place kernels of
 * {@link dev.prunebench.linalg.InPlace} run the shared {@link dev.prunebench.linalg.FlatKernels} on
 * {@link DenseMatrix#data()}.
 */
public final class ReferenceBackend implements LinearAlgebraBackend<DenseMatrix> {
  private final Gemm gemm;
  private final MinNormSolver<DenseMatrix> minNorm;
  private final BackendInfo info;

  private ReferenceBackend(int threads) {
    this.gemm = new Gemm(threads);
    this.minNorm = new MinNormSolver<>(new MinNorm(gemm));
    String version = ReferenceBackend.class.getPackage().getImplementationVersion();
    this.info = new BackendInfo(Backend.REFERENCE, "prunebench reference", version == null ? "1" : version,
        threads, threads == 1 ? "single-threaded"
            : "products split rows of C over " + threads + " threads (common fork-join pool + caller); "
                + "so do the Cholesky factorisation's panel solves and trailing updates; the other "
                + "factorisations and the elementwise kernels run on the calling thread");
  }

  /** A reference backend; {@link Parallelism#ALL_CORES} parallelises the products. */
  public static LinearAlgebraBackend<?> create(Parallelism parallelism) {
    return of(parallelism);
  }

  /** {@link #create(Parallelism)} with the native type visible, for code inside this project. */
  public static ReferenceBackend of(Parallelism parallelism) {
    int threads = 1;
    if (parallelism == Parallelism.ALL_CORES) {
      // a parallel stream runs on the common pool's workers plus the calling thread
      threads = Math.max(1, Math.min(Runtime.getRuntime().availableProcessors(),
          ForkJoinPool.getCommonPoolParallelism() + 1));
    }
    return new ReferenceBackend(threads);
  }

  @Override
  public BackendInfo info() {
    return info;
  }

  // ---- conversions ----

  @Override
  public DenseMatrix fromFiniteBoundary(Matrix m) {
    return new DenseMatrix(m.rows(), m.cols(), m.toArray());
  }

  @Override
  public Matrix toBoundary(DenseMatrix m) {
    return Matrix.wrap(m.rows(), m.cols(), m.data().clone());
  }

  @Override
  public int rows(DenseMatrix m) {
    return m.rows();
  }

  @Override
  public int cols(DenseMatrix m) {
    return m.cols();
  }

  // ---- products ----

  @Override
  public DenseMatrix multiply(DenseMatrix a, DenseMatrix b) {
    Checks.requireInner("A·B", a.cols(), b.rows(), a.rows(), a.cols(), b.rows(), b.cols());
    return new DenseMatrix(a.rows(), b.cols(), gemm.multiply(a.data(), a.rows(), a.cols(), b.data(), b.cols()));
  }

  @Override
  public DenseMatrix multiplyTransA(DenseMatrix a, DenseMatrix b) {
    Checks.requireInner("Aᵀ·B", a.rows(), b.rows(), a.rows(), a.cols(), b.rows(), b.cols());
    return new DenseMatrix(a.cols(), b.cols(),
        gemm.multiplyTransA(a.data(), a.rows(), a.cols(), b.data(), b.cols()));
  }

  @Override
  public DenseMatrix multiplyTransB(DenseMatrix a, DenseMatrix b) {
    Checks.requireInner("A·Bᵀ", a.cols(), b.cols(), a.rows(), a.cols(), b.rows(), b.cols());
    return new DenseMatrix(a.rows(), b.rows(),
        gemm.multiplyTransB(a.data(), a.rows(), a.cols(), b.data(), b.rows()));
  }

  /**
   * The n x n Gram matrix {@code X Xᵀ} of the rows of X (the matrix CHOLESKY factorises when n &lt; p):
   * one triangle computed, the other mirrored, so the result is exactly symmetric.
   *
   * @param x n x p, not modified; entries must be finite
   */
  public DenseMatrix gramOfRows(DenseMatrix x) {
    finite("X", x);
    return new DenseMatrix(x.rows(), x.rows(), gemm.gramOuter(x.data(), x.rows(), x.cols()));
  }

  /**
   * The p x p Gram matrix {@code Xᵀ X} of the columns of X (the matrix CHOLESKY factorises when
   * n ≥ p), exactly symmetric like {@link #gramOfRows(DenseMatrix)}.
   *
   * @param x n x p, not modified; entries must be finite
   */
  public DenseMatrix gramOfColumns(DenseMatrix x) {
    finite("X", x);
    return new DenseMatrix(x.cols(), x.cols(), gemm.gramInner(x.data(), x.rows(), x.cols()));
  }

  // ---- least squares ----

  @Override
  public DenseMatrix solveMinNorm(DenseMatrix x, DenseMatrix y, LeastSquaresAlgorithm algorithm,
      double rcond) {
    return minNorm.solve(x, y, algorithm, rcond);
  }

  @Override
  public DenseMatrix pseudoInverse(DenseMatrix x, double rcond) {
    return minNorm.pseudoInverse(x, rcond);
  }

  /** {@code H_jj = (2/n) Σᵢ X_ij²} (paper eq. 3.1), in one pass over the rows of X. */
  @Override
  public DenseMatrix lsHessianDiagonal(DenseMatrix x) {
    int n = x.rows();
    int p = x.cols();
    double[] d = x.data();
    double[] h = new double[p];
    for (int i = 0; i < n; i++) {
      int ri = i * p;
      for (int j = 0; j < p; j++) {
        double v = d[ri + j];
        h[j] += v * v;
      }
    }
    double scale = 2.0 / n;
    for (int j = 0; j < p; j++) {
      h[j] *= scale;
    }
    return new DenseMatrix(1, p, h);
  }

  // ---- in place: every other in-place and fused kernel is the shared FlatKernels code ----

  @Override
  public DenseMatrix zeros(int rows, int cols) {
    return new DenseMatrix(rows, cols);
  }

  @Override
  public double[] storage(DenseMatrix m) {
    return m.data();
  }

  @Override
  public void multiplyInto(boolean transA, boolean transB, DenseMatrix a, DenseMatrix b, DenseMatrix c) {
    if (transA) {
      gemm.multiplyTransAInto(a.data(), a.rows(), a.cols(), b.data(), b.cols(), c.data());
    } else if (transB) {
      gemm.multiplyTransBInto(a.data(), a.rows(), a.cols(), b.data(), b.rows(), c.data());
    } else {
      gemm.multiplyInto(a.data(), a.rows(), a.cols(), b.data(), b.cols(), c.data());
    }
  }

  // ---- elementwise ----

  @Override
  public DenseMatrix relu(DenseMatrix a) {
    double[] s = a.data();
    double[] r = new double[s.length];
    for (int k = 0; k < s.length; k++) {
      r[k] = Math.max(s[k], 0.0);
    }
    return new DenseMatrix(a.rows(), a.cols(), r);
  }

  @Override
  public DenseMatrix reluMask(DenseMatrix a) {
    double[] s = a.data();
    double[] r = new double[s.length];
    for (int k = 0; k < s.length; k++) {
      r[k] = s[k] > 0 ? 1.0 : 0.0;
    }
    return new DenseMatrix(a.rows(), a.cols(), r);
  }

  @Override
  public DenseMatrix hadamard(DenseMatrix a, DenseMatrix b) {
    sameShape(a, b);
    double[] x = a.data();
    double[] y = b.data();
    double[] r = new double[x.length];
    for (int k = 0; k < x.length; k++) {
      r[k] = x[k] * y[k];
    }
    return new DenseMatrix(a.rows(), a.cols(), r);
  }

  @Override
  public DenseMatrix addScaled(DenseMatrix a, double alpha, DenseMatrix b) {
    sameShape(a, b);
    double[] x = a.data();
    double[] y = b.data();
    double[] r = new double[x.length];
    for (int k = 0; k < x.length; k++) {
      r[k] = x[k] + alpha * y[k];
    }
    return new DenseMatrix(a.rows(), a.cols(), r);
  }

  @Override
  public DenseMatrix scale(DenseMatrix a, double alpha) {
    double[] x = a.data();
    double[] r = new double[x.length];
    for (int k = 0; k < x.length; k++) {
      r[k] = alpha * x[k];
    }
    return new DenseMatrix(a.rows(), a.cols(), r);
  }

  @Override
  public DenseMatrix softmaxRows(DenseMatrix z) {
    int m = z.rows();
    int n = z.cols();
    double[] x = z.data();
    double[] r = new double[x.length];
    for (int i = 0; i < m; i++) {
      int ri = i * n;
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < n; j++) {
        max = Math.max(max, x[ri + j]);
      }
      double sum = 0;
      for (int j = 0; j < n; j++) {
        double e = Math.exp(x[ri + j] - max);
        r[ri + j] = e;
        sum += e;
      }
      double inv = 1.0 / sum; // sum ≥ 1: the maximal entry contributes exp(0)
      for (int j = 0; j < n; j++) {
        r[ri + j] *= inv;
      }
    }
    return new DenseMatrix(m, n, r);
  }

  @Override
  public DenseMatrix columnSums(DenseMatrix a) {
    int m = a.rows();
    int n = a.cols();
    double[] x = a.data();
    double[] s = new double[n];
    for (int i = 0; i < m; i++) {
      Level1.axpy(1.0, x, i * n, s, 0, n);
    }
    return new DenseMatrix(1, n, s);
  }

  @Override
  public double sum(DenseMatrix a) {
    double s = 0;
    for (double v : a.data()) {
      s += v;
    }
    return s;
  }

  // ---- thresholding: the shared TopS selection, run on the backing array without a boundary copy ----

  @Override
  public DenseMatrix keepMask(DenseMatrix importance, int s) {
    return new DenseMatrix(importance.rows(), importance.cols(), TopS.keepMask(importance.data(), s));
  }

  @Override
  public DenseMatrix keepMaskPerGroup(DenseMatrix importance, int[] groupSizes, double keepFraction) {
    return new DenseMatrix(importance.rows(), importance.cols(),
        TopS.keepMaskPerGroup(importance.data(), groupSizes, keepFraction));
  }

  private static void finite(String name, DenseMatrix m) {
    Checks.requireFinite(name, m.data(), m.cols());
  }

  private static void sameShape(DenseMatrix a, DenseMatrix b) {
    Checks.requireSameShape("a", a.rows(), a.cols(), "b", b.rows(), b.cols());
  }
}
