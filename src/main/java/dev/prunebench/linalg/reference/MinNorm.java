package dev.prunebench.linalg.reference;

import dev.prunebench.linalg.PowerOfTwoScaling;

import dev.prunebench.linalg.LeastSquaresAlgorithm;

/**
 * Minimum-norm least squares {@code Θ = X⁺ Y} (paper eq. 3.2) by the three algorithms of
 * {@link LeastSquaresAlgorithm}, on raw row-major arrays: X is n x p, Y is n x k,
 * Θ is p x k. Inputs are never modified.
 */
final class MinNorm {
  private final Gemm gemm;

  MinNorm(Gemm gemm) {
    this.gemm = gemm;
  }

  /**
   * {@code Θ = X⁺ Y} by {@code algorithm}, with X and Y first scaled by powers of two when their
   * largest entries lie outside {@code [2^-256, 2^256)}. Squared entries and squared norms (Gram
   * matrices, reflector norms, Jacobi's {@code ‖bᵢ‖²}) would otherwise overflow or underflow: Jacobi
   * would, for instance, see {@code ‖bᵢ‖² = 0} for a matrix of 1e-170s and silently skip its rows.
   * Power-of-two scaling is exact, and {@code (2^a X)⁺ (2^b Y) = 2^(b−a) X⁺ Y} undoes it; inside the
   * range nothing is scaled, so ordinary inputs are not even copied.
   */
  double[] solve(LeastSquaresAlgorithm algorithm, double[] x, int n, int p, double[] y, int k,
      double rcond) {
    int ex = scaleExponent(x);
    int ey = scaleExponent(y);
    double[] xs = scaled(x, ex);
    double[] ys = scaled(y, ey);
    double[] theta = switch (algorithm) {
      case CHOLESKY -> cholesky(xs, n, p, ys, k);
      case QR -> qr(xs, n, p, ys, k);
      case SVD -> svd(xs, n, p, ys, k, rcond);
    };
    return unscaled(theta, ey - ex);
  }

  /** {@code X⁺} through {@link #svd} with Y = I, scaled like {@link #solve}. */
  double[] pseudoInverse(double[] x, int n, int p, double rcond) {
    double[] identity = new double[n * n];
    for (int i = 0; i < n; i++) {
      identity[i * n + i] = 1.0;
    }
    int ex = scaleExponent(x);
    return unscaled(svd(scaled(x, ex), n, p, identity, n, rcond), -ex);
  }

  private static int scaleExponent(double[] a) {
    return PowerOfTwoScaling.exponent(a);
  }

  private static double[] scaled(double[] a, int e) {
    return PowerOfTwoScaling.scaled(a, e);
  }

  private static double[] unscaled(double[] a, int e) {
    PowerOfTwoScaling.scaleInPlace(a, e);
    return a;
  }

  /**
   * Normal equations with Cholesky: {@code Θ = Xᵀ (X Xᵀ)⁻¹ Y} for n &lt; p (the interpolating
   * solution in the row space of X), {@code Θ = (Xᵀ X)⁻¹ Xᵀ Y} for n ≥ p. The Gram matrix is the
   * smaller of the two, r x r with r = min(n, p); forming it costs r² max(n, p), the factorisation r³/3.
   */
  double[] cholesky(double[] x, int n, int p, double[] y, int k) {
    int maxDim = Math.max(n, p);
    if (n < p) {
      double[] g = gemm.gramOuter(x, n, p);
      Cholesky.factorInPlace(g, n, "X Xᵀ", maxDim);
      double[] z = y.clone();
      Cholesky.solveInPlace(g, n, z, k);
      return gemm.multiplyTransA(x, n, p, z, k);
    }
    double[] g = gemm.gramInner(x, n, p);
    Cholesky.factorInPlace(g, p, "Xᵀ X", maxDim);
    double[] rhs = gemm.multiplyTransA(x, n, p, y, k);
    Cholesky.solveInPlace(g, p, rhs, k);
    return rhs;
  }

  /**
   * Householder factorisation. n &lt; p: {@code X = L Q}, {@code Θ = Qᵀ L⁻¹ Y}. n ≥ p: {@code Xᵀ = L Q},
   * i.e. {@code X = Qᵀ R} with {@code R = Lᵀ}, and {@code Θ = R⁻¹ (Q Y)}.
   */
  double[] qr(double[] x, int n, int p, double[] y, int k) {
    if (n < p) {
      HouseholderLq lq = new HouseholderLq(x.clone(), n, p);
      lq.requireFullRank("LQ factorisation of X (n < p, i.e. QR of Xᵀ)", n, p);
      double[] u = y.clone();
      lq.solveL(u, k);
      double[] z = new double[p * k];
      System.arraycopy(u, 0, z, 0, n * k);
      lq.applyQt(z, k);
      return z;
    }
    HouseholderLq lq = new HouseholderLq(transpose(x, n, p), p, n);
    lq.requireFullRank("QR factorisation of X (n >= p)", n, p);
    double[] z = y.clone();
    lq.applyQ(z, k);
    double[] theta = java.util.Arrays.copyOf(z, p * k);
    lq.solveLt(theta, k);
    return theta;
  }

  /**
   * SVD, with singular values {@code σᵢ ≤ rcond · σ_max} treated as zero. With {@code W = X} (n ≤ p)
   * or {@code W = Xᵀ} (n &gt; p), r = min(n, p): LQ {@code W = L Q}, then Jacobi {@code G L = B}
   * ({@link JacobiSvd}), so {@code W = Gᵀ B Q = Σᵢ σᵢ gᵢ (Qᵀbᵢ/σᵢ)ᵀ} and
   * <ul>
   *   <li>n ≤ p: {@code X⁺ Y = Σᵢ Qᵀbᵢ (gᵢᵀ Y) / σᵢ² = Qᵀ [Bᵀ D G Y; 0]},
   *   <li>n &gt; p: {@code X⁺ Y = Σᵢ gᵢ (bᵢᵀ Q Y) / σᵢ² = Gᵀ D B (Q Y)},
   * </ul>
   * where D = diag(1/σᵢ²) over the kept σᵢ and 0 elsewhere. With Y = I this is X⁺ itself.
   */
  double[] svd(double[] x, int n, int p, double[] y, int k, double rcond) {
    boolean wide = n <= p;
    int r = Math.min(n, p);
    int c = Math.max(n, p);
    HouseholderLq lq = new HouseholderLq(wide ? x.clone() : transpose(x, n, p), r, c);
    JacobiSvd svd = new JacobiSvd(lq.lowerFactor(), r);
    double[] sigma = svd.sigma();
    double sigmaMax = 0;
    for (double s : sigma) {
      sigmaMax = Math.max(sigmaMax, s);
    }
    double cut = rcond * sigmaMax;
    if (wide) {
      double[] z = new double[c * k]; // first r rows: M = Bᵀ D G Y, the rest zero
      double[] t = new double[k];
      for (int i = 0; i < r; i++) {
        if (!(sigma[i] > cut)) {
          continue;
        }
        double[] gi = svd.g(i);
        java.util.Arrays.fill(t, 0);
        for (int q = 0; q < r; q++) {
          Gemm.axpy(gi[q], y, q * k, t, 0, k);
        }
        double inv2 = 1.0 / (sigma[i] * sigma[i]);
        double[] bi = svd.b(i);
        for (int q = 0; q < r; q++) {
          Gemm.axpy(bi[q] * inv2, t, 0, z, q * k, k);
        }
      }
      lq.applyQt(z, k);
      return z;
    }
    double[] qy = y.clone();
    lq.applyQ(qy, k); // its first r rows are Q Y
    double[] theta = new double[r * k];
    double[] t = new double[k];
    for (int i = 0; i < r; i++) {
      if (!(sigma[i] > cut)) {
        continue;
      }
      double[] bi = svd.b(i);
      java.util.Arrays.fill(t, 0);
      for (int q = 0; q < r; q++) {
        Gemm.axpy(bi[q], qy, q * k, t, 0, k);
      }
      double inv2 = 1.0 / (sigma[i] * sigma[i]);
      double[] gi = svd.g(i);
      for (int q = 0; q < r; q++) {
        Gemm.axpy(gi[q] * inv2, t, 0, theta, q * k, k);
      }
    }
    return theta;
  }

  /** Blocked transpose of an n x p row-major matrix; 32 x 32 blocks keep both sides in L1. */
  static double[] transpose(double[] x, int n, int p) {
    double[] t = new double[n * p];
    for (int ib = 0; ib < n; ib += 32) {
      int ie = Math.min(n, ib + 32);
      for (int jb = 0; jb < p; jb += 32) {
        int je = Math.min(p, jb + 32);
        for (int i = ib; i < ie; i++) {
          for (int j = jb; j < je; j++) {
            t[j * n + i] = x[i * p + j];
          }
        }
      }
    }
    return t;
  }
}
