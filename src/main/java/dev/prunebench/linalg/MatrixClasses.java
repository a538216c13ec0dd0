package dev.prunebench.linalg;

import dev.prunebench.util.Rng;
import java.util.random.RandomGenerator;

/**
 * Seeded generators for the design matrices of {@link MatrixClass}: the inputs on which every
 * backend's least-squares kernels (paper eq. 3.2, {@code θ = X⁺ y}) are checked and measured.
 * Plain Java, independent of every backend, so that no backend grades its own inputs.
 *
 * <p>Constructions (r = min(n, p) unless said otherwise):
 * <ul>
 *   <li><b>Gaussian</b>: independent N(0, 1) entries ({@link Rng#gaussian}).
 *   <li><b>Given condition number κ</b>: {@code X = U diag(σ) Vᵀ}, with U (n x r) and V (p x r) the
 *       orthonormal Q factors of Householder QR of independent Gaussian n x r and p x r matrices
 *       (signs fixed so that diag(R) > 0, which makes U and V Haar-distributed), and
 *       {@code σᵢ = κ^(−i/(r−1))}, i = 0 … r−1, log-spaced from 1 down to 1/κ. Then
 *       {@code ‖X‖₂ = 1} and {@code cond₂(X) = κ} up to rounding of the product, which perturbs
 *       each σᵢ by at most about {@code ε · r}, i.e. relatively by {@code ε · r · κ} (the measured
 *       deviation of cond₂ from κ = 1e12 is below 1e-5 for r ≤ 120).
 *   <li><b>Exactly rank-deficient</b>, rank {@code k = max(1, ⌊r / 2⌋)}: duplicated rows (rows
 *       {@code 0 … k−1} Gaussian, row i a bitwise copy of row {@code i mod k}), duplicated columns
 *       (the same for columns), or a low-rank product {@code G₁ G₂} of Gaussian n x k and k x p
 *       factors (rank k up to rounding, so {@code σ_{k+1} ≈ ε ‖X‖}, not exactly 0).
 *   <li><b>Badly scaled rows</b>: a Gaussian matrix with row i multiplied by {@code 10^(e_i)},
 *       e_i evenly spaced from {@code −d/2} to {@code d/2} (d decades in all). Row scaling leaves
 *       the row space, and for n ≤ p the interpolating minimum-norm solution, unchanged, but
 *       multiplies the condition number by up to {@code 10^d}: it punishes algorithms that are not
 *       backward stable row-wise (e.g. the Gram matrix of Cholesky).
 * </ul>
 */
public final class MatrixClasses {
  /** Decades spanned by the row scales of {@link MatrixClass#BADLY_SCALED_ROWS} (1e-5 … 1e5). */
  public static final int SCALING_DECADES = 10;

  private MatrixClasses() {}

  /** An n x p matrix of independent N(0, 1) entries. */
  public static Matrix gaussian(int n, int p, long seed) {
    Checks.requireDimensions(n, p);
    return Rng.gaussian(Rng.of(seed), n, p);
  }

  /**
   * {@code U diag(σ) Vᵀ} with Haar-orthonormal U, V and σ log-spaced from 1 to {@code 1/cond}.
   *
   * @param cond the 2-norm condition number, at least 1
   */
  public static Matrix withCondition(int n, int p, double cond, long seed) {
    Checks.requireDimensions(n, p);
    if (!(cond >= 1) || Double.isInfinite(cond)) {
      throw new IllegalArgumentException("cond must be finite and at least 1, got " + cond);
    }
    RandomGenerator rng = Rng.of(seed);
    int r = Math.min(n, p);
    double[] u = orthonormalColumns(n, r, rng); // n x r, row-major
    double[] v = orthonormalColumns(p, r, rng); // p x r, row-major
    double[] sigma = logSpacedSingularValues(r, cond);
    double[] x = new double[n * p];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < r; k++) {
        double us = u[i * r + k] * sigma[k];
        for (int j = 0; j < p; j++) {
          x[i * p + j] += us * v[j * r + k];
        }
      }
    }
    return Matrix.wrap(n, p, x);
  }

  /** {@code σᵢ = cond^(−i/(r−1))}, i = 0 … r−1; a single value 1 when r = 1. */
  public static double[] logSpacedSingularValues(int r, double cond) {
    double[] s = new double[r];
    for (int i = 0; i < r; i++) {
      s[i] = r == 1 ? 1.0 : Math.pow(cond, -(double) i / (r - 1));
    }
    return s;
  }

  /** Rows {@code 0 … rank−1} Gaussian, every later row i a bitwise copy of row {@code i mod rank}. */
  public static Matrix duplicatedRows(int n, int p, int rank, long seed) {
    requireRank(n, p, rank);
    double[] base = Rng.gaussian(Rng.of(seed), rank, p).toArray();
    double[] x = new double[n * p];
    for (int i = 0; i < n; i++) {
      System.arraycopy(base, (i % rank) * p, x, i * p, p);
    }
    return Matrix.wrap(n, p, x);
  }

  /** Columns {@code 0 … rank−1} Gaussian, every later column j a copy of column {@code j mod rank}. */
  public static Matrix duplicatedColumns(int n, int p, int rank, long seed) {
    requireRank(n, p, rank);
    double[] base = Rng.gaussian(Rng.of(seed), n, rank).toArray();
    double[] x = new double[n * p];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        x[i * p + j] = base[i * rank + (j % rank)];
      }
    }
    return Matrix.wrap(n, p, x);
  }

  /** {@code G₁ G₂}, Gaussian n x rank times Gaussian rank x p. */
  public static Matrix lowRankProduct(int n, int p, int rank, long seed) {
    requireRank(n, p, rank);
    RandomGenerator rng = Rng.of(seed);
    double[] g1 = Rng.gaussian(rng, n, rank).toArray();
    double[] g2 = Rng.gaussian(rng, rank, p).toArray();
    double[] x = new double[n * p];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < rank; k++) {
        double a = g1[i * rank + k];
        for (int j = 0; j < p; j++) {
          x[i * p + j] += a * g2[k * p + j];
        }
      }
    }
    return Matrix.wrap(n, p, x);
  }

  /**
   * A Gaussian matrix with row i scaled by {@code 10^(−decades/2 + decades · i/(n−1))} (a single row
   * keeps scale 1).
   */
  public static Matrix badlyScaledRows(int n, int p, int decades, long seed) {
    Checks.requireDimensions(n, p);
    if (decades < 0 || decades > 300) {
      throw new IllegalArgumentException("decades must be in [0, 300], got " + decades);
    }
    double[] x = Rng.gaussian(Rng.of(seed), n, p).toArray();
    for (int i = 0; i < n; i++) {
      double e = n == 1 ? 0 : -decades / 2.0 + decades * (double) i / (n - 1);
      double scale = Math.pow(10, e);
      for (int j = 0; j < p; j++) {
        x[i * p + j] *= scale;
      }
    }
    return Matrix.wrap(n, p, x);
  }

  /**
   * An m x k matrix (k ≤ m, row-major) with orthonormal columns: the thin Q of a Householder QR of
   * an m x k Gaussian matrix, with column signs chosen so that diag(R) is positive.
   */
  static double[] orthonormalColumns(int m, int k, RandomGenerator rng) {
    if (k > m) {
      throw new IllegalArgumentException("k must be at most m, got k=" + k + " m=" + m);
    }
    // column-major working copy: a[j][i] is entry (i, j)
    double[][] a = new double[k][m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < k; j++) {
        a[j][i] = rng.nextGaussian();
      }
    }
    double[][] householder = new double[k][];
    double[] rSign = new double[k];
    for (int j = 0; j < k; j++) {
      double[] col = a[j];
      double norm = 0;
      for (int i = j; i < m; i++) {
        norm = Math.hypot(norm, col[i]);
      }
      // reflector H = I − 2 w wᵀ / (wᵀ w) mapping col[j..] to −sign(col[j]) · norm · e_j (no cancellation)
      double alpha = col[j] >= 0 ? -norm : norm;
      double[] w = new double[m];
      for (int i = j; i < m; i++) {
        w[i] = col[i];
      }
      w[j] -= alpha;
      double wtw = 0;
      for (int i = j; i < m; i++) {
        wtw += w[i] * w[i];
      }
      householder[j] = wtw == 0 ? null : w;
      rSign[j] = alpha >= 0 ? 1 : -1;
      if (householder[j] != null) {
        for (int c = j; c < k; c++) {
          reflect(w, wtw, a[c], j, m);
        }
      }
    }
    // Q = H_0 H_1 … H_{k−1} applied to the first k columns of the identity, back to front
    double[][] q = new double[k][m];
    for (int c = 0; c < k; c++) {
      q[c][c] = 1;
      for (int j = Math.min(c, k - 1); j >= 0; j--) {
        double[] w = householder[j];
        if (w != null) {
          double wtw = 0;
          for (int i = j; i < m; i++) {
            wtw += w[i] * w[i];
          }
          reflect(w, wtw, q[c], j, m);
        }
      }
    }
    double[] out = new double[m * k];
    for (int c = 0; c < k; c++) {
      for (int i = 0; i < m; i++) {
        out[i * k + c] = rSign[c] * q[c][i];
      }
    }
    return out;
  }

  /** {@code x ← (I − 2 w wᵀ / wtw) x} on indices {@code from … m−1}. */
  private static void reflect(double[] w, double wtw, double[] x, int from, int m) {
    double dot = 0;
    for (int i = from; i < m; i++) {
      dot += w[i] * x[i];
    }
    double f = 2 * dot / wtw;
    for (int i = from; i < m; i++) {
      x[i] -= f * w[i];
    }
  }

  private static void requireRank(int n, int p, int rank) {
    Checks.requireDimensions(n, p);
    if (rank < 1 || rank > Math.min(n, p)) {
      throw new IllegalArgumentException("rank must be in [1, " + Math.min(n, p) + "], got " + rank);
    }
  }
}
