package dev.prunebench.linalg;

/**
 * Hager–Higham estimate of {@code ‖A⁻¹‖₁} from a few solves with A and Aᵀ, as LAPACK's
 * {@code dlacn2} (used by {@code dtrcon} and {@code dpocon}): O(n²) when A is a triangular or
 * Cholesky factor, against the O(n³) of forming A⁻¹.
 *
 * <p>The estimator maximises the convex function {@code f(x) = ‖A⁻¹x‖₁} over the unit 1-norm ball
 * by a gradient (sub-gradient) ascent on its vertices {@code ±e_j}: from {@code x = (1/n, …, 1/n)},
 * {@code y = A⁻¹x}, {@code ξ = sign(y)}, {@code z = A⁻ᵀξ}; the next vertex is {@code e_j} with
 * {@code j = argmax |z_j|}, until the sign vector repeats, the estimate stops growing, or five
 * iterations have run (Higham, <i>Accuracy and Stability of Numerical Algorithms</i>, 2nd ed.,
 * Alg. 15.4). Higham's extra test vector {@code x_i = (−1)^i (1 + i/(n−1))} guards against the
 * known counter-examples: the larger of the two estimates is returned.
 *
 * <p>The result is always a lower bound, {@code est ≤ ‖A⁻¹‖₁}, because it is {@code ‖A⁻¹x‖₁} for
 * some x with {@code ‖x‖₁ ≤ 1} (the extra vector's {@code 2‖A⁻¹x‖₁/(3n)} has
 * {@code ‖x‖₁ = 3n/2}). In practice it is within a factor 3 and usually exact; the unit test
 * {@code ConditionEstimatorTest} measures the ratio on random triangular matrices.
 */
public final class ConditionEstimator {
  /** Higham's limit on the number of vertex steps (dlacn2's ITMAX). */
  private static final int MAX_ITERATIONS = 5;

  private ConditionEstimator() {}

  /**
   * A square matrix A available only through solves with it: {@code v ← A⁻¹ v} and
   * {@code v ← A⁻ᵀ v}. Implemented by triangular factors ({@link Triangle}, native factors) and by the
   * Gram matrix of a Cholesky factor ({@code G⁻¹ = R⁻¹ R⁻ᵀ}).
   */
  public interface InverseOperator {
    /** The order n of A. */
    int order();

    /** {@code v ← A⁻¹ v}, in place. */
    void applyInverse(double[] v);

    /** {@code v ← A⁻ᵀ v}, in place. */
    void applyInverseTransposed(double[] v);

    /**
     * {@code u ← A⁻¹ u} and {@code v ← A⁻¹ v}, in place: the same results as two
     * {@link #applyInverse} calls. An implementation whose solves stream the factor from memory
     * (O(n²) bytes per solve) overrides this with one two-column solve, which reads the factor once.
     */
    default void applyInverse(double[] u, double[] v) {
      applyInverse(u);
      applyInverse(v);
    }
  }

  /**
   * An estimate of {@code ‖A⁻¹‖₁}: a lower bound, usually exact or within a factor 3; {@code +∞}
   * when a solve overflows (A is numerically singular), never NaN unless a solve produced NaN.
   */
  public static double inverseNorm1(InverseOperator a) {
    int n = a.order();
    double[] x = new double[n];
    java.util.Arrays.fill(x, 1.0 / n);
    if (n == 1) {
      a.applyInverse(x);
      return Math.abs(x[0]);
    }
    // Higham's alternative vector does not depend on the ascent: solve it with the first vector as
    // one two-column system (one pass over the factor instead of two).
    double[] alt = new double[n];
    for (int i = 0; i < n; i++) {
      alt[i] = (i % 2 == 0 ? 1 : -1) * (1 + (double) i / (n - 1));
    }
    a.applyInverse(x, alt);
    double altEstimate = 2 * norm1(alt) / (3.0 * n);
    double est = norm1(x);
    if (!Double.isFinite(est)) {
      return est == est ? Double.POSITIVE_INFINITY : Double.NaN;
    }
    double[] sign = signs(x);
    double[] z = sign.clone();
    a.applyInverseTransposed(z);
    int j = argmaxAbs(z);
    for (int iter = 2; iter <= MAX_ITERATIONS; iter++) {
      java.util.Arrays.fill(x, 0);
      x[j] = 1;
      a.applyInverse(x);
      double previous = est;
      est = norm1(x);
      if (!Double.isFinite(est)) {
        return est == est ? Double.POSITIVE_INFINITY : Double.NaN;
      }
      double[] newSign = signs(x);
      if (java.util.Arrays.equals(newSign, sign) || est <= previous) {
        est = Math.max(est, previous);
        break;
      }
      sign = newSign;
      z = sign.clone();
      a.applyInverseTransposed(z);
      int last = j;
      j = argmaxAbs(z);
      if (Math.abs(z[last]) == Math.abs(z[j])) {
        break; // no better vertex (dlacn2 label 120)
      }
    }
    // Higham's alternative vector (solved above): catches matrices on which the vertex ascent stalls.
    return Math.max(est, altEstimate);
  }

  private static double norm1(double[] v) {
    double s = 0;
    for (double e : v) {
      s += Math.abs(e);
    }
    return s;
  }

  private static double[] signs(double[] v) {
    double[] s = new double[v.length];
    for (int i = 0; i < v.length; i++) {
      s[i] = v[i] >= 0 ? 1 : -1;
    }
    return s;
  }

  private static int argmaxAbs(double[] v) {
    int j = 0;
    for (int i = 1; i < v.length; i++) {
      if (Math.abs(v[i]) > Math.abs(v[j])) {
        j = i;
      }
    }
    return j;
  }
}
