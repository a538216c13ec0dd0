package dev.prunebench.linalg;

import java.util.Arrays;

/**
 * Naive, obviously-correct linear algebra on boundary matrices: the oracle the contract suite
 * compares every backend with. Independent of every backend (including {@code reference}).
 *
 * <p>The SVD is one-sided (Hestenes) Jacobi: columns are orthogonalised by plane rotations until
 * every pair is orthogonal to working precision. It is slow (fine for the ≤ 200 x 200 test sizes)
 * but accurate: singular values with small relative error and singular vectors orthonormal to
 * O(ε), which is why it serves as the oracle.
 */
final class Naive {
  static final double EPS = Math.ulp(1.0);

  private Naive() {}

  /** {@code C = A B} by the textbook triple loop. */
  static Matrix multiply(Matrix a, Matrix b) {
    return multiplyAbs(a, b, false);
  }

  /** {@code |A| |B|} entrywise absolute values: the scale of the rounding error of a product. */
  static Matrix multiplyAbs(Matrix a, Matrix b) {
    return multiplyAbs(a, b, true);
  }

  private static Matrix multiplyAbs(Matrix a, Matrix b, boolean abs) {
    if (a.cols() != b.rows()) {
      throw new IllegalArgumentException("naive multiply: " + a + " * " + b);
    }
    int n = a.rows();
    int k = a.cols();
    int m = b.cols();
    double[] c = new double[n * m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        double s = 0;
        for (int l = 0; l < k; l++) {
          double t = a.get(i, l) * b.get(l, j);
          s += abs ? Math.abs(t) : t;
        }
        c[i * m + j] = s;
      }
    }
    return Matrix.wrap(n, m, c);
  }

  static Matrix subtract(Matrix a, Matrix b) {
    double[] d = a.toArray();
    for (int k = 0; k < d.length; k++) {
      d[k] -= b.getFlat(k);
    }
    return Matrix.wrap(a.rows(), a.cols(), d);
  }

  /** Column j of m as an n x 1 matrix. */
  static Matrix column(Matrix m, int j) {
    double[] d = new double[m.rows()];
    for (int i = 0; i < d.length; i++) {
      d[i] = m.get(i, j);
    }
    return Matrix.wrap(d.length, 1, d);
  }

  /** Thin SVD {@code A = U diag(σ) Vᵀ}, r = min(n, p), σ descending. */
  record Svd(Matrix u, double[] sigma, Matrix v) {
    double condition(int rank) {
      return sigma[0] / sigma[rank - 1];
    }

    /** The pseudo-inverse keeping the leading {@code rank} singular triplets. */
    Matrix pseudoInverse(int rank) {
      int n = u.rows();
      int p = v.rows();
      double[] d = new double[p * n];
      for (int k = 0; k < rank; k++) {
        double inv = 1 / sigma[k];
        for (int j = 0; j < p; j++) {
          double vj = v.get(j, k) * inv;
          for (int i = 0; i < n; i++) {
            d[j * n + i] += vj * u.get(i, k);
          }
        }
      }
      return Matrix.wrap(p, n, d);
    }

    /** The number of singular values above {@code rcond · σ_max} (the interface's rcond rule). */
    int rankAbove(double rcond) {
      int r = 0;
      while (r < sigma.length && sigma[r] > rcond * sigma[0]) {
        r++;
      }
      return r;
    }

    /**
     * {@code ‖(I − V_r V_rᵀ) θ‖_F}: the part of θ outside the span of the leading {@code rank}
     * right singular vectors, i.e. in the null space of X.
     */
    double distanceFromRowSpace(Matrix theta, int rank) {
      int p = v.rows();
      double[] rest = theta.toArray();
      for (int c = 0; c < theta.cols(); c++) {
        for (int k = 0; k < rank; k++) {
          double dot = 0;
          for (int j = 0; j < p; j++) {
            dot += v.get(j, k) * theta.get(j, c);
          }
          for (int j = 0; j < p; j++) {
            rest[j * theta.cols() + c] -= dot * v.get(j, k);
          }
        }
      }
      return Matrix.wrap(p, theta.cols(), rest).frobeniusNorm();
    }
  }

  private static final java.util.Map<Matrix, Svd> SVDS = new java.util.concurrent.ConcurrentHashMap<>();

  /**
   * The SVD of {@code a}, memoised: every backend is checked on the same inputs, so the oracle is
   * computed once per input, not once per backend.
   */
  static Svd svd(Matrix a) {
    return SVDS.computeIfAbsent(a, Naive::computeSvd);
  }

  private static Svd computeSvd(Matrix a) {
    if (a.rows() >= a.cols()) {
      return jacobi(a);
    }
    Svd t = jacobi(a.transpose());
    return new Svd(t.v(), t.sigma(), t.u());
  }

  /** One-sided Jacobi for m ≥ n. */
  private static Svd jacobi(Matrix a) {
    int m = a.rows();
    int n = a.cols();
    double[][] u = new double[n][m]; // columns
    double[][] v = new double[n][n];
    for (int j = 0; j < n; j++) {
      for (int i = 0; i < m; i++) {
        u[j][i] = a.get(i, j);
      }
      v[j][j] = 1;
    }
    for (int sweep = 0; sweep < 60; sweep++) {
      boolean rotated = false;
      for (int i = 0; i < n - 1; i++) {
        for (int j = i + 1; j < n; j++) {
          double alpha = dot(u[i], u[i]);
          double beta = dot(u[j], u[j]);
          double gamma = dot(u[i], u[j]);
          if (gamma == 0 || Math.abs(gamma) <= EPS * Math.sqrt(alpha * beta)) {
            continue;
          }
          rotated = true;
          double zeta = (beta - alpha) / (2 * gamma);
          double t = Math.signum(zeta) / (Math.abs(zeta) + Math.hypot(1, zeta));
          if (zeta == 0) {
            t = 1;
          }
          double c = 1 / Math.hypot(1, t);
          double s = c * t;
          rotate(u[i], u[j], c, s);
          rotate(v[i], v[j], c, s);
        }
      }
      if (!rotated) {
        break;
      }
    }
    double[] sigma = new double[n];
    for (int j = 0; j < n; j++) {
      sigma[j] = Math.sqrt(dot(u[j], u[j]));
    }
    Integer[] order = new Integer[n];
    for (int j = 0; j < n; j++) {
      order[j] = j;
    }
    Arrays.sort(order, (x, y) -> Double.compare(sigma[y], sigma[x]));
    double[] us = new double[m * n];
    double[] vs = new double[n * n];
    double[] ss = new double[n];
    for (int k = 0; k < n; k++) {
      int j = order[k];
      ss[k] = sigma[j];
      for (int i = 0; i < m; i++) {
        us[i * n + k] = sigma[j] == 0 ? 0 : u[j][i] / sigma[j];
      }
      for (int i = 0; i < n; i++) {
        vs[i * n + k] = v[j][i];
      }
    }
    return new Svd(Matrix.wrap(m, n, us), ss, Matrix.wrap(n, n, vs));
  }

  private static double dot(double[] x, double[] y) {
    double s = 0;
    for (int i = 0; i < x.length; i++) {
      s += x[i] * y[i];
    }
    return s;
  }

  private static void rotate(double[] x, double[] y, double c, double s) {
    for (int i = 0; i < x.length; i++) {
      double xi = x[i];
      double yi = y[i];
      x[i] = c * xi - s * yi;
      y[i] = s * xi + c * yi;
    }
  }
}
