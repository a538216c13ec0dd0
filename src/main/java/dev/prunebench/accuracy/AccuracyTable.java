package dev.prunebench.accuracy;

import dev.prunebench.linalg.Backend;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.linalg.MatrixClass;
import dev.prunebench.linalg.RankDeficientException;
import dev.prunebench.util.Rng;
import java.util.ArrayList;
import java.util.List;

/**
 * Accuracy of every backend x kernel x matrix class x shape, measured apart from speed, in the style
 * of LAPACK's least-squares test driver DDRVLS and Java-Matrix-Benchmark's accuracy runs.
 *
 * <p>All norms are Frobenius norms; ε = 2⁻⁵² and {@code m = max(n, p)}. κ = ‖X‖·‖X⁺‖ (Frobenius, an
 * upper bound of the 2-norm condition number within a factor min(n, p)). Metrics, each a ratio that a
 * backward-stable algorithm keeps O(1):
 * <ul>
 *   <li>{@code penrose_axa} = ‖X X⁺ X − X‖ / (ε m κ ‖X‖); threshold 30 (LAPACK's). The κ is needed because
 *       even the exact X⁺, rounded to double, leaves a residual of order ε κ ‖X‖ once X X⁺ X is formed
 *       in double arithmetic (measured: 2.5e9 · ε m ‖X‖ for κ = 1e12 without it).
 *   <li>{@code penrose_xax} = ‖X⁺ X X⁺ − X⁺‖ / (ε m κ ‖X⁺‖); threshold 30.
 *   <li>{@code symmetry_ax}, {@code symmetry_xa} = ‖S − Sᵀ‖ / (ε m κ) for S = X X⁺ and X⁺ X; threshold 30.
 *   <li>{@code normal_residual} = ‖Xᵀ(y − Xθ)‖ / (ε m ‖X‖ (‖X‖ ‖θ‖ + ‖y − Xθ‖)); threshold 30 for QR and
 *       SVD. Cholesky of the Gram matrix solves the normal equations, which are not backward stable for
 *       X (its error grows like κ²), so it has no absolute threshold, only the baseline check.
 *   <li>{@code forward_error} = ‖θ − θ*‖ / (ε m κ ‖θ*‖) against the 60-digit {@link HighPrecision}
 *       reference (full-rank classes only; κ² instead of κ for Cholesky). Informational: forward error
 *       is bounded only up to constants that depend on the problem, so no absolute threshold.
 *   <li>GEMM {@code forward_error} = ‖C − C*‖ / (ε k ‖A‖ ‖B‖) with exact C* (k the inner dimension);
 *       threshold 30 (the classical |C − C*| ≤ γ_k |A||B| bound).
 *   <li>Hessian diagonal {@code forward_error} = max_j |h_j − h*_j| / (ε n h*_j); threshold 30.
 *   <li>{@code refused} (ratio 0): the kernel threw {@link RankDeficientException}, as CHOLESKY and an
 *       unpivoted QR (ojAlgo, Commons Math) must on rank-deficient X; a pivoted QR solves it instead. A change in which cells refuse is itself reported by the baseline check.
 *   <li>{@code hard_forward_error}, {@code hard_refused}, {@code hard_non_finite}: the hard-matrix
 *       catalogue, see {@link HardAccuracy}.
 * </ul>
 */
public final class AccuracyTable {
  private AccuracyTable() {}

  /** LAPACK's test threshold for normalised ratios. */
  public static final double LAPACK_THRESHOLD = 30;
  private static final double EPS = Math.ulp(1.0);

  /**
   * Measures every kernel on every class and shape for each backend, then the least-squares kernels
   * on the hard-matrix catalogue ({@link HardAccuracy}).
   */
  public static List<AccuracyRow> measure(List<Backend> backends, long seed) {
    return measure(backends, seed, what -> { });
  }

  /** Number of (matrix class, shape) problems {@link #measure} reports as steps. */
  public static int problems() {
    return MatrixClass.values().length * AccuracyShape.values().length;
  }

  /** As {@link #measure(List, long)}, calling {@code step} after each (matrix class, shape) problem. */
  public static List<AccuracyRow> measure(List<Backend> backends, long seed,
      java.util.function.Consumer<String> step) {
    List<AccuracyRow> rows = new ArrayList<>();
    for (MatrixClass mc : MatrixClass.values()) {
      for (AccuracyShape shape : AccuracyShape.values()) {
        Problem prob = Problem.make(mc, shape, seed);
        for (Backend b : backends) {
          measureOne(b.create(), b, prob, rows);
        }
        step.accept(mc + " " + shape);
      }
    }
    HardAccuracy.measure(backends, seed, rows);
    return rows;
  }

  /** One problem: X, y, B and the high-precision references (null where X is rank-deficient). */
  private record Problem(MatrixClass mc, AccuracyShape shape, Matrix x, Matrix y, Matrix b, Matrix pinvStar,
      Matrix thetaStar) {
    static Problem make(MatrixClass mc, AccuracyShape shape, long seed) {
      long s = seed * 31 + mc.ordinal() * 7L + shape.ordinal();
      Matrix x = mc.generate(shape.rows, shape.cols, s);
      Matrix y = Rng.gaussian(Rng.of(s + 1), shape.rows, 1);
      Matrix b = Rng.gaussian(Rng.of(s + 2), shape.cols, 3);
      Matrix pinv = mc.fullRank() ? HighPrecision.pseudoInverse(x) : null;
      Matrix theta = mc.fullRank() ? HighPrecision.minNormSolution(x, y) : null;
      return new Problem(mc, shape, x, y, b, pinv, theta);
    }
  }

  private static <M> void measureOne(LinearAlgebraBackend<M> be, Backend backend, Problem pr, List<AccuracyRow> out) {
    int n = pr.shape.rows;
    int p = pr.shape.cols;
    int m = Math.max(n, p);
    Matrix x = pr.x;
    double normX = x.frobeniusNorm();
    M xm = be.fromBoundary(x);
    Row row = (kernel, metric, ratio, threshold) -> out.add(new AccuracyRow(backend.cliName(), kernel.cliName(),
        pr.mc.cliName(), n, p, metric, ratio, threshold));

    // pseudo-inverse and Penrose conditions
    M pm = be.pseudoInverse(xm);
    Matrix pinv = be.toBoundary(pm);
    be.release(pm);
    double normP = pinv.frobeniusNorm();
    double kappa = normX * normP;
    Matrix ax = mul(x, pinv);
    Matrix xa = mul(pinv, x);
    row.add(AccuracyKernel.PSEUDO_INVERSE, "penrose_axa", frob(sub(mul(ax, x), x)) / (EPS * m * kappa * normX), LAPACK_THRESHOLD);
    row.add(AccuracyKernel.PSEUDO_INVERSE, "penrose_xax", frob(sub(mul(xa, pinv), pinv)) / (EPS * m * kappa * normP),
        LAPACK_THRESHOLD);
    row.add(AccuracyKernel.PSEUDO_INVERSE, "symmetry_ax", frob(sub(ax, ax.transpose())) / (EPS * m * kappa),
        LAPACK_THRESHOLD);
    row.add(AccuracyKernel.PSEUDO_INVERSE, "symmetry_xa", frob(sub(xa, xa.transpose())) / (EPS * m * kappa),
        LAPACK_THRESHOLD);
    if (pr.pinvStar != null) {
      row.add(AccuracyKernel.PSEUDO_INVERSE, "forward_error",
          frob(sub(pinv, pr.pinvStar)) / (EPS * m * kappa * pr.pinvStar.frobeniusNorm()), Double.NaN);
    }

    // min-norm least squares, per algorithm
    M ym = be.fromBoundary(pr.y);
    for (AccuracyKernel k : new AccuracyKernel[] {AccuracyKernel.MIN_NORM_CHOLESKY, AccuracyKernel.MIN_NORM_QR,
        AccuracyKernel.MIN_NORM_SVD}) {
      Matrix theta;
      try {
        M tm = be.solveMinNorm(xm, ym, k.algorithm);
        theta = be.toBoundary(tm);
        be.release(tm);
      } catch (RankDeficientException e) {
        row.add(k, "refused", 0, Double.NaN);
        continue;
      }
      Matrix r = sub(pr.y, mul(x, theta));
      double normalResidual = frob(mul(x.transpose(), r))
          / (EPS * m * normX * (normX * theta.frobeniusNorm() + r.frobeniusNorm()));
      boolean stable = k != AccuracyKernel.MIN_NORM_CHOLESKY;
      row.add(k, "normal_residual", normalResidual, stable ? LAPACK_THRESHOLD : Double.NaN);
      if (pr.thetaStar != null) {
        double amplification = stable ? kappa : kappa * kappa;
        row.add(k, "forward_error",
            frob(sub(theta, pr.thetaStar)) / (EPS * m * amplification * pr.thetaStar.frobeniusNorm()), Double.NaN);
      }
    }
    be.release(ym);

    // GEMM against the exact product (BigDecimal sums of exact double products)
    M bm = be.fromBoundary(pr.b);
    M cm = be.multiply(xm, bm);
    Matrix c = be.toBoundary(cm);
    be.release(cm);
    be.release(bm);
    row.add(AccuracyKernel.GEMM, "forward_error",
        frob(sub(c, exactProduct(x, pr.b))) / (EPS * p * normX * pr.b.frobeniusNorm()), LAPACK_THRESHOLD);

    // Hessian diagonal against exact sums of squares
    M hm = be.lsHessianDiagonal(xm);
    Matrix h = be.toBoundary(hm);
    be.release(hm);
    double worst = 0;
    for (int j = 0; j < p; j++) {
      java.math.BigDecimal s = java.math.BigDecimal.ZERO;
      for (int i = 0; i < n; i++) {
        java.math.BigDecimal v = new java.math.BigDecimal(x.get(i, j));
        s = s.add(v.multiply(v));
      }
      double exact = s.multiply(java.math.BigDecimal.valueOf(2)).divide(java.math.BigDecimal.valueOf(n),
          java.math.MathContext.DECIMAL128).doubleValue();
      if (exact > 0) {
        worst = Math.max(worst, Math.abs(h.get(0, j) - exact) / (EPS * n * exact));
      }
    }
    row.add(AccuracyKernel.HESSIAN_DIAGONAL, "forward_error", worst, LAPACK_THRESHOLD);
    be.release(xm);
  }

  @FunctionalInterface
  private interface Row {
    void add(AccuracyKernel kernel, String metric, double ratio, double threshold);
  }

  // Plain-double helpers: the yardstick must not depend on any backend under test.

  static Matrix mul(Matrix a, Matrix b) {
    int n = a.rows();
    int k = a.cols();
    int m = b.cols();
    double[] c = new double[n * m];
    for (int i = 0; i < n; i++) {
      for (int l = 0; l < k; l++) {
        double v = a.get(i, l);
        for (int j = 0; j < m; j++) {
          c[i * m + j] += v * b.get(l, j);
        }
      }
    }
    return Matrix.wrap(n, m, c);
  }

  static Matrix sub(Matrix a, Matrix b) {
    double[] d = a.toArray();
    for (int k = 0; k < d.length; k++) {
      d[k] -= b.getFlat(k);
    }
    return Matrix.wrap(a.rows(), a.cols(), d);
  }

  static double frob(Matrix a) {
    return a.frobeniusNorm();
  }

  private static Matrix exactProduct(Matrix a, Matrix b) {
    double[] c = new double[a.rows() * b.cols()];
    for (int i = 0; i < a.rows(); i++) {
      for (int j = 0; j < b.cols(); j++) {
        java.math.BigDecimal s = java.math.BigDecimal.ZERO;
        for (int l = 0; l < a.cols(); l++) {
          s = s.add(new java.math.BigDecimal(a.get(i, l)).multiply(new java.math.BigDecimal(b.get(l, j))));
        }
        c[i * b.cols() + j] = s.doubleValue();
      }
    }
    return Matrix.wrap(a.rows(), b.cols(), c);
  }
}
