package dev.prunebench.linalg.reference;

/**
 * One-sided (Hestenes) Jacobi SVD of a square r x r matrix A, applied by rows: plane rotations
 * {@code G = J_N ⋯ J_1} make the rows of {@code B = G A} mutually orthogonal, so that
 * {@code A = Gᵀ B = Σᵢ σᵢ gᵢ (bᵢ/σᵢ)ᵀ} with {@code σᵢ = ‖bᵢ‖}, left singular vectors the rows
 * {@code gᵢ} of G and right singular vectors {@code bᵢ/σᵢ}.
 *
 * <p>Why Jacobi: it is short, needs no bidiagonalisation or shifts, and computes small singular
 * values to high relative accuracy, which is what a correctness baseline wants. The caller applies it
 * to the triangular factor L of an LQ factorisation (Drmač–Veselić preconditioning), which makes the
 * rows nearly orthogonal already, so few sweeps are needed, and keeps the work at O(r³) per sweep
 * instead of O(r² max(n, p)).
 *
 * <p>The rotation for the row pair (i, j) with {@code α = ‖bᵢ‖², β = ‖bⱼ‖², γ = bᵢ·bⱼ} is
 * {@code ζ = (β − α) / 2γ}, {@code t = sign(ζ) / (|ζ| + √(1 + ζ²))}, {@code c = 1/√(1 + t²)},
 * {@code s = c t}; it zeroes γ and updates {@code α ← α − tγ}, {@code β ← β + tγ} exactly. A pair is
 * rotated while {@code |γ| > √r · ε · √(αβ)} (the LAPACK {@code dgesvj} threshold: below it the
 * computed γ is rounding noise), and the sweeps stop when none was rotated.
 */
final class JacobiSvd {
  private static final int MAX_SWEEPS = 60;

  private final double[][] b;
  private final double[][] g;
  private final double[] sigma;
  private int sweeps;

  /** @param a r x r row-major, not modified */
  JacobiSvd(double[] a, int r) {
    b = new double[r][];
    g = new double[r][r];
    for (int i = 0; i < r; i++) {
      b[i] = java.util.Arrays.copyOfRange(a, i * r, (i + 1) * r);
      g[i][i] = 1.0;
    }
    double tol = Math.sqrt(r) * Math.ulp(1.0);
    double[] sq = new double[r];
    boolean rotated = true;
    while (rotated) {
      if (sweeps == MAX_SWEEPS) {
        throw new ArithmeticException("Jacobi SVD did not converge in " + MAX_SWEEPS + " sweeps (r = " + r
            + ")");
      }
      sweeps++;
      rotated = false;
      for (int i = 0; i < r; i++) {
        sq[i] = Level1.dot(b[i], 0, b[i], 0, r); // refreshed each sweep so the updates cannot drift
      }
      for (int i = 0; i < r - 1; i++) {
        for (int j = i + 1; j < r; j++) {
          double alpha = sq[i];
          double beta = sq[j];
          if (alpha == 0 || beta == 0) {
            continue;
          }
          double gamma = Level1.dot(b[i], 0, b[j], 0, r);
          if (!(Math.abs(gamma) > tol * Math.sqrt(alpha) * Math.sqrt(beta))) {
            continue;
          }
          rotated = true;
          double zeta = (beta - alpha) / (2 * gamma);
          double t = (zeta >= 0 ? 1.0 : -1.0) / (Math.abs(zeta) + Math.hypot(1.0, zeta));
          double cs = 1.0 / Math.sqrt(1 + t * t);
          double sn = cs * t;
          rotate(b[i], b[j], cs, sn);
          rotate(g[i], g[j], cs, sn);
          sq[i] = alpha - t * gamma;
          sq[j] = beta + t * gamma;
        }
      }
    }
    sigma = new double[r];
    for (int i = 0; i < r; i++) {
      sigma[i] = HouseholderLq.norm(b[i], 0, r);
    }
  }

  /** {@code (x, y) ← (c x − s y, s x + c y)}. */
  private static void rotate(double[] x, double[] y, double c, double s) {
    for (int p = 0; p < x.length; p++) {
      double xp = x[p];
      double yp = y[p];
      x[p] = c * xp - s * yp;
      y[p] = s * xp + c * yp;
    }
  }

  /** Singular values, unsorted: {@code σᵢ = ‖bᵢ‖}. */
  double[] sigma() {
    return sigma;
  }

  /** Row i of {@code B = G A} ({@code σᵢ} times the i-th right singular vector); do not modify. */
  double[] b(int i) {
    return b[i];
  }

  /** Row i of G (the i-th left singular vector); do not modify. */
  double[] g(int i) {
    return g[i];
  }

  int sweeps() {
    return sweeps;
  }
}
