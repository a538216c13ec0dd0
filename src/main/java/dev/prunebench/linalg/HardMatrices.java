package dev.prunebench.linalg;

import dev.prunebench.util.Rng;
import java.util.random.RandomGenerator;

/**
 * Generators for the hard least-squares catalogue of {@link HardMatrix} (issue 19 item 5). Plain
 * Java, independent of every backend. Every matrix is exact as returned: the references are computed
 * from these doubles, not from the formulas that produced them, so rounding in the construction only
 * moves the problem, never the yardstick.
 */
final class HardMatrices {
  private HardMatrices() {}

  /**
   * Kahan's matrix {@code K = diag(1, s, …, s^{k−1}) · (I − c·U)}, U strictly upper triangular of
   * ones, {@code s = √(1 − c²)}, plus MATLAB's {@code gallery('kahan')} diagonal perturbation
   * {@code 25·ε·(k − i)} so that column pivoting keeps the natural order: every column of K has
   * 2-norm 1, and the perturbation breaks the tie in favour of that order. Upper triangular, so
   * Householder QR returns R = ±K and its diagonal {@code s^i} hides how small σ_min is.
   */
  static double[] kahan(int k, double c) {
    double s = Math.sqrt(1 - c * c);
    double eps = Math.ulp(1.0);
    double[] a = new double[k * k];
    double scale = 1;
    for (int i = 0; i < k; i++) {
      a[i * k + i] = scale + 25 * eps * (k - i);
      for (int j = i + 1; j < k; j++) {
        a[i * k + j] = -c * scale;
      }
      scale *= s;
    }
    return a;
  }

  /** {@code H_ij = 1/(i + j + 1)}, 0-based, rounded to double. */
  static double[] hilbert(int n, int p) {
    double[] a = new double[n * p];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        a[i * p + j] = 1.0 / (i + j + 1);
      }
    }
    return a;
  }

  /** {@code V_ij = t_i^j}, {@code t_i = i/(n−1)} equispaced on [0, 1] (polynomial fitting in the monomial basis). */
  static double[] vandermonde(int n, int p) {
    double[] a = new double[n * p];
    for (int i = 0; i < n; i++) {
      double t = n == 1 ? 0 : (double) i / (n - 1);
      double v = 1;
      for (int j = 0; j < p; j++) {
        a[i * p + j] = v;
        v *= t;
      }
    }
    return a;
  }

  /**
   * A Gaussian matrix whose rows ({@code rows = true}) or columns are scaled by {@code 10^(e_k)},
   * e_k evenly spaced from −{@code decades}/2 to +{@code decades}/2.
   */
  static double[] graded(int n, int p, int decades, boolean rows, long seed) {
    double[] a = Rng.gaussian(Rng.of(seed), n, p).toArray();
    int count = rows ? n : p;
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        int k = rows ? i : j;
        double e = count == 1 ? 0 : -decades / 2.0 + decades * (double) k / (count - 1);
        a[i * p + j] *= Math.pow(10, e);
      }
    }
    return a;
  }

  /**
   * An n x p small-integer matrix of exact rank {@code min(n, p) − 1} whose dependency is hidden
   * from an unpivoted triangular factor. For n ≥ p: {@code X = [A | A w]} with
   * {@code A = [100 B | 100 B v + e]} (B uniform integers in [−9, 9], v in [−2, 2], e in {−1, 0, 1},
   * w = w₀ + 1000·(v, −1) with w₀ in [−3, 3]): the last column is an exact integer combination of
   * the others, A itself is nearly dependent (κ(A) ≈ 2e6, from the ±1 perturbation e against
   * columns of size 1e4), and w points mostly along A's near-null vector, so the rounding left on
   * the diagonal of R (about ε·‖A‖·‖w‖) is far above the rank gate ε·max(n, p)·max |R_jj|. For n &lt; p the transpose of the p x n
   * member (the last row is the combination). All entries are integers far below 2^53, so X is
   * exact in double.
   */
  static double[] integerRankHidden(int n, int p, long seed) {
    if (n < p) {
      return Matrix.wrap(p, n, integerRankHidden(p, n, seed)).transpose().toArray();
    }
    RandomGenerator rng = Rng.of(seed);
    int q = p - 2; // columns of B
    long[][] b = new long[n][q];
    for (long[] row : b) {
      for (int j = 0; j < q; j++) {
        row[j] = rng.nextInt(19) - 9;
      }
    }
    long[] v = new long[q];
    for (int j = 0; j < q; j++) {
      v[j] = rng.nextInt(5) - 2;
    }
    long[][] a = new long[n][p - 1];
    for (int i = 0; i < n; i++) {
      long bv = 0;
      for (int j = 0; j < q; j++) {
        a[i][j] = 1000 * b[i][j];
        bv += b[i][j] * v[j];
      }
      a[i][q] = 1000 * bv + (rng.nextInt(3) - 1);
    }
    // w = w₀ + 1000·(v, −1): mostly along A's near-null vector (A (v, −1) = −e), so ‖w‖ ≈ 1e4 and
    // the rounding Householder leaves in R_pp, about ε·‖A‖·‖w‖, is ~1e4·ε relative to max |R_jj|,
    // far above the rank gate ε·max(n, p), while the last column itself stays of ordinary size
    long[] w = new long[p - 1];
    for (int j = 0; j < p - 1; j++) {
      w[j] = rng.nextInt(7) - 3 + 1000 * (j < q ? v[j] : -1);
    }
    double[] x = new double[n * p];
    for (int i = 0; i < n; i++) {
      long last = 0;
      for (int j = 0; j < p - 1; j++) {
        x[i * p + j] = a[i][j];
        last += a[i][j] * w[j];
      }
      x[i * p + p - 1] = last;
    }
    return x;
  }

  /**
   * {@code U diag(σ) Vᵀ} (Haar U, V as in {@link MatrixClasses#withCondition}) with σ log-spaced from
   * 1 to 1e-3 except the last, {@code σ_min = factor · ε · max(n, p)}: a factor above 1 puts it just
   * above the default rcond cutoff ({@link LeastSquares#defaultRcond}), below 1 just below.
   */
  static double[] nearCutoff(int n, int p, double factor, long seed) {
    RandomGenerator rng = Rng.of(seed);
    int r = Math.min(n, p);
    double[] u = MatrixClasses.orthonormalColumns(n, r, rng);
    double[] v = MatrixClasses.orthonormalColumns(p, r, rng);
    double[] sigma = MatrixClasses.logSpacedSingularValues(r - 1, 1e3);
    double[] s = new double[r];
    System.arraycopy(sigma, 0, s, 0, r - 1);
    s[r - 1] = factor * LeastSquares.defaultRcond(n, p);
    double[] x = new double[n * p];
    for (int i = 0; i < n; i++) {
      for (int k = 0; k < r; k++) {
        double us = u[i * r + k] * s[k];
        for (int j = 0; j < p; j++) {
          x[i * p + j] += us * v[j * r + k];
        }
      }
    }
    return x;
  }

  /** A Gaussian matrix times {@code 2^exponent}, rounded once (to a subnormal for exponents near −1030). */
  static double[] scaledGaussian(int n, int p, int exponent, long seed) {
    double[] a = Rng.gaussian(Rng.of(seed), n, p).toArray();
    for (int k = 0; k < a.length; k++) {
      a[k] = Math.scalb(a[k], exponent);
    }
    return a;
  }

  /**
   * {@code [A; 0]} with {@code extra} zero rows (tall), or its transpose {@code [Aᵀ 0]} (wide), for a
   * k x k matrix A: same nonzero singular values, and the QR of the tall member and the LQ of the
   * wide one (a QR of its transpose) both factor A itself.
   */
  static double[] padded(double[] square, int k, int extra, boolean tall) {
    double[] out = new double[(k + extra) * k];
    System.arraycopy(square, 0, out, 0, k * k);
    return tall ? out : Matrix.wrap(k + extra, k, out).transpose().toArray();
  }
}
