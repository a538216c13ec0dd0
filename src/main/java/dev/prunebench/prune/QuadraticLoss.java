package dev.prunebench.prune;

import dev.prunebench.linalg.Matrix;

/**
 * A least-squares loss in the form of paper Appendix C.1,
 * {@code L(θ) = c − 2bᵀθ + θᵀQθ}, with Q symmetric positive semi-definite.
 *
 * <ul>
 *   <li>Population loss (eq. 3.1) of features with covariance Σ and cross-correlation
 *       {@code b = E[xy]}: {@code Q = Σ}, {@code c = E[y²]}. For {@code y = xᵀθ̄ + z},
 *       {@code b = Σθ̄} and {@code c = θ̄ᵀΣθ̄ + σ²} ({@link #population}).
 *   <li>Training loss (eq. 3.1) {@code (1/n)‖y − Xθ‖²}: {@code Q = XᵀX/n}, {@code b = Xᵀy/n},
 *       {@code c = ‖y‖²/n} ({@link #training}).
 *   <li>Feature scaling {@code x^Λ = Λx} (Section 3): {@code Q → ΛQΛ}, {@code b → Λb}, c unchanged
 *       ({@link #scaled}).
 * </ul>
 * The Hessian is {@code ∇²L = 2Q} everywhere. Q is stored densely: this class serves the exact
 * checks (Lemma 3.1, natural pruning), not the large experiment.
 */
public final class QuadraticLoss implements Loss {
  private final double[][] q;
  private final double[] b;
  private final double c;

  /**
   * @param q p x p symmetric, copied
   * @param b length p, copied
   * @param c the constant term
   */
  public QuadraticLoss(double[][] q, double[] b, double c) {
    int p = b.length;
    if (q.length != p) {
      throw new IllegalArgumentException("q: expected " + p + " rows to match b, got " + q.length);
    }
    this.q = new double[p][];
    for (int i = 0; i < p; i++) {
      if (q[i].length != p) {
        throw new IllegalArgumentException("q: row " + i + " has " + q[i].length + " entries, expected " + p);
      }
      this.q[i] = q[i].clone();
    }
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < i; j++) {
        if (q[i][j] != q[j][i]) {
          throw new IllegalArgumentException("q: not symmetric at (" + i + ", " + j + "): " + q[i][j]
              + " vs " + q[j][i]);
        }
      }
    }
    Importance.requireFinite("b", b);
    this.b = b.clone();
    this.c = c;
  }

  /**
   * The population loss {@code E[(y − xᵀθ)²]} for {@code E[xxᵀ] = Σ} and {@code y = xᵀθ̄ + z},
   * {@code z ~ N(0, σ²)} independent of x; its minimiser is θ̄ and its minimum is σ².
   */
  public static QuadraticLoss population(double[][] sigma, double[] thetaBar, double noiseVariance) {
    double[] b = multiply(sigma, thetaBar);
    return new QuadraticLoss(sigma, b, dot(thetaBar, b) + noiseVariance);
  }

  /** The training loss {@code (1/n)‖y − Xθ‖²} of eq. 3.1. */
  public static QuadraticLoss training(Matrix x, double[] y) {
    int n = x.rows();
    int p = x.cols();
    if (y.length != n) {
      throw new IllegalArgumentException("y: expected " + n + " entries to match X (" + n + "x" + p + "), got "
          + y.length);
    }
    double[][] rows = x.toRows();
    double[][] q = new double[p][p];
    double[] b = new double[p];
    for (int k = 0; k < n; k++) {
      double[] r = rows[k];
      for (int i = 0; i < p; i++) {
        b[i] += r[i] * y[k] / n;
        for (int j = 0; j <= i; j++) {
          q[i][j] += r[i] * r[j] / n;
        }
      }
    }
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < i; j++) {
        q[j][i] = q[i][j];
      }
    }
    return new QuadraticLoss(q, b, dot(y, y) / n);
  }

  /** The same loss for scaled features {@code x^Λ = Λx}: {@code ΛQΛ}, {@code Λb}, c (Appendix C.1). */
  public QuadraticLoss scaled(double[] lambda) {
    Importance.requireSameLength("lambda", lambda, "b", b);
    int p = b.length;
    double[][] q2 = new double[p][p];
    double[] b2 = new double[p];
    for (int i = 0; i < p; i++) {
      if (!(lambda[i] != 0) || !Double.isFinite(lambda[i])) {
        throw new IllegalArgumentException("lambda: entry " + i + " is " + lambda[i]
            + "; Λ must be invertible and finite");
      }
      b2[i] = lambda[i] * b[i];
      // Lower triangle, then mirrored: λ_i q_ij λ_j and λ_j q_ji λ_i may round differently.
      for (int j = 0; j <= i; j++) {
        q2[i][j] = lambda[i] * q[i][j] * lambda[j];
        q2[j][i] = q2[i][j];
      }
    }
    return new QuadraticLoss(q2, b2, c);
  }

  @Override
  public double value(double[] theta) {
    requireLength(theta);
    double[] qt = multiply(q, theta);
    return c - 2 * dot(b, theta) + dot(theta, qt);
  }

  /** The diagonal of {@code ∇²L = 2Q}. */
  public double[] hessianDiagonal() {
    double[] h = new double[b.length];
    for (int i = 0; i < h.length; i++) {
      h[i] = 2 * q[i][i];
    }
    return h;
  }

  /**
   * {@code I^N_Δ(θ, θ^R)} in closed form: with {@code d = (θ^R − θ)} on Δ and 0 elsewhere,
   * {@code L(θ + d) − L(θ) = 2(Qθ − b)ᵀd + dᵀQd}. Same value as
   * {@link NaturalImportance#of(Loss, double[], double[], int[])} without the cancellation of two
   * nearly equal losses.
   */
  public double naturalImportance(double[] theta, double[] reference, int[] delta) {
    requireLength(theta);
    requireLength(reference);
    double[] d = new double[theta.length];
    for (int i : Indices.checked(delta, theta.length)) {
      d[i] = reference[i] - theta[i];
    }
    double[] qt = multiply(q, theta);
    double[] qd = multiply(q, d);
    double lin = 0;
    for (int i = 0; i < d.length; i++) {
      lin += (qt[i] - b[i]) * d[i];
    }
    return 2 * lin + dot(d, qd);
  }

  /** Number of parameters p. */
  public int dimension() {
    return b.length;
  }

  private void requireLength(double[] theta) {
    if (theta == null || theta.length != b.length) {
      throw new IllegalArgumentException("theta: expected " + b.length + " entries, got "
          + (theta == null ? "null" : theta.length));
    }
  }

  static double[] multiply(double[][] a, double[] v) {
    double[] out = new double[a.length];
    for (int i = 0; i < a.length; i++) {
      out[i] = dot(a[i], v);
    }
    return out;
  }

  static double dot(double[] a, double[] v) {
    double s = 0;
    for (int i = 0; i < a.length; i++) {
      s += a[i] * v[i];
    }
    return s;
  }
}
