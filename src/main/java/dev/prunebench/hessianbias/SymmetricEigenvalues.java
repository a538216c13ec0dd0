package dev.prunebench.hessianbias;

import java.util.Arrays;

/**
 * Eigenvalues of a small dense symmetric matrix by the cyclic Jacobi method, in plain Java.
 *
 * <p>Why it is here: the PPLS parameters {@code μᵢ = σ_min(Xᵢ)²} and {@code Lᵢ = ‖Xᵢ‖²} of eq. (4.4)
 * are the extreme eigenvalues of the n x n Gram matrix {@code XᵢXᵢᵀ} (for {@code pᵢ ≥ n}), and the
 * backend interface has a GEMM for that Gram matrix but no eigen- or singular-value kernel. The Gram
 * matrix is small (n x n, n the number of samples), so an O(n³) sweep method is cheap.
 *
 * <p>Method: sweeps of Jacobi rotations (Rutishauser's formulation, Golub &amp; Van Loan §8.5) zero
 * every off-diagonal entry in turn until the off-diagonal Frobenius norm is below
 * {@code ε · ‖A‖_F}; quadratic convergence means a handful of sweeps. Each eigenvalue is then
 * accurate to about {@code n ε ‖A‖₂} in absolute terms (Weyl), which is the accuracy the Gram
 * matrix itself carries after being formed in floating point.
 */
public final class SymmetricEigenvalues {
  private SymmetricEigenvalues() {}

  /** Sweeps allowed before giving up; cyclic Jacobi converges quadratically, usually in 6–10. */
  static final int MAX_SWEEPS = 100;

  /**
   * The eigenvalues of the symmetric matrix {@code a}, ascending.
   *
   * @param a n x n, row-major, not modified; must be symmetric up to rounding (only the upper
   *     triangle is read)
   * @param n the order n ≥ 1
   * @throws IllegalArgumentException if the length is not n², or an entry is not finite
   * @throws ArithmeticException if the sweeps do not converge (not observed for finite input)
   */
  public static double[] ascending(double[] a, int n) {
    if (n < 1 || a == null || a.length != n * n) {
      throw new IllegalArgumentException("a: expected an n x n array with n >= 1, got n=" + n + ", length="
          + (a == null ? "null" : a.length));
    }
    double[] m = new double[n * n];
    for (int i = 0; i < n; i++) {
      for (int j = i; j < n; j++) {
        double v = a[i * n + j];
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("a: entry (" + i + ", " + j + ") is " + v + "; must be finite");
        }
        m[i * n + j] = v;
        m[j * n + i] = v;
      }
    }
    double frob = 0;
    for (double v : m) {
      frob += v * v;
    }
    double target = Math.ulp(1.0) * Math.sqrt(frob);
    for (int sweep = 0; sweep < MAX_SWEEPS; sweep++) {
      double off = 0;
      for (int i = 0; i < n; i++) {
        for (int j = i + 1; j < n; j++) {
          off += 2 * m[i * n + j] * m[i * n + j];
        }
      }
      if (Math.sqrt(off) <= target) {
        double[] ev = new double[n];
        for (int i = 0; i < n; i++) {
          ev[i] = m[i * n + i];
        }
        Arrays.sort(ev);
        return ev;
      }
      for (int p = 0; p < n; p++) {
        for (int q = p + 1; q < n; q++) {
          rotate(m, n, p, q);
        }
      }
    }
    throw new ArithmeticException("Jacobi eigenvalue sweeps did not converge in " + MAX_SWEEPS + " sweeps");
  }

  /** Applies the Jacobi rotation J(p, q, θ) on both sides so that entry (p, q) becomes zero. */
  private static void rotate(double[] m, int n, int p, int q) {
    double apq = m[p * n + q];
    if (apq == 0) {
      return;
    }
    double app = m[p * n + p];
    double aqq = m[q * n + q];
    double theta = (aqq - app) / (2 * apq);
    // t = tan of the smaller rotation angle; the hypot form avoids overflow for large θ.
    double t = Math.signum(theta) / (Math.abs(theta) + Math.hypot(1, theta));
    if (theta == 0) {
      t = 1;
    }
    double c = 1 / Math.sqrt(1 + t * t);
    double s = t * c;
    for (int k = 0; k < n; k++) {
      double akp = m[k * n + p];
      double akq = m[k * n + q];
      m[k * n + p] = c * akp - s * akq;
      m[k * n + q] = s * akp + c * akq;
    }
    for (int k = 0; k < n; k++) {
      double apk = m[p * n + k];
      double aqk = m[q * n + k];
      m[p * n + k] = c * apk - s * aqk;
      m[q * n + k] = s * apk + c * aqk;
    }
    // Exact zero where the rotation was designed to produce one (rounding would leave dust).
    m[p * n + q] = 0;
    m[q * n + p] = 0;
  }
}
