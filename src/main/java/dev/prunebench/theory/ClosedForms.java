package dev.prunebench.theory;

/**
 * Closed forms that Definition 3.2 must reduce to.
 */
public final class ClosedForms {
  private ClosedForms() {}

  /**
   * Excess test risk of min-norm interpolation with isotropic Gaussian features, p/n → κ &gt; 1
   * (Hastie, Montanari, Rosset, Tibshirani 2019, Theorem 1 with Σ = I):
   * {@code r²(1 − 1/κ) + σ²/(κ − 1)}, r = ‖θ̄‖. The test loss is this plus σ².
   */
  public static double isotropicMinNormExcessRisk(double r2, double sigma, double kappa) {
    requireKappa(kappa);
    return r2 * (1 - 1 / kappa) + sigma * sigma / (kappa - 1);
  }

  /** Ξ of eq. 3.3 for Λ = I: {@code 1 = κ/(1 + 1/Ξ)}, so {@code Ξ = 1/(κ − 1)}. */
  public static double isotropicXi(double kappa) {
    requireKappa(kappa);
    return 1 / (kappa - 1);
  }

  /**
   * The coefficient of h in the paper's identity-covariance reduction
   * {@code θ_aux = θ̄/κ + √(σ²/(κ−1) + (κ−1)‖θ̄‖²/κ²) h}, i.e. √Γ.
   */
  public static double isotropicNoiseScale(double r2, double sigma, double kappa) {
    requireKappa(kappa);
    return Math.sqrt(sigma * sigma / (kappa - 1) + (kappa - 1) * r2 / (kappa * kappa));
  }

  /**
   * Ξ of eq. 3.3 for the two-level Λ of eq. 3.5 (λ on a fraction f of the coordinates, 1 on the
   * rest). Clearing denominators in {@code κ [f a/(1+a) + (1−f) Ξ/(1+Ξ)] = 1}, {@code a = λ²Ξ}, gives
   * {@code (κ−1)λ² Ξ² + (κ(fλ² + 1 − f) − 1 − λ²) Ξ − 1 = 0}; its positive root is returned in the
   * cancellation-free form.
   *
   * @param f the exact fraction (count / p) of coordinates scaled by λ
   */
  public static double twoLevelXi(double kappa, double lambda, double f) {
    requireKappa(kappa);
    double l2 = lambda * lambda;
    double a = (kappa - 1) * l2;
    double b = kappa * (f * l2 + 1 - f) - 1 - l2;
    double disc = Math.sqrt(b * b + 4 * a);
    return b >= 0 ? 2 / (b + disc) : (disc - b) / (2 * a);
  }

  private static void requireKappa(double kappa) {
    if (!(kappa > 1) || Double.isInfinite(kappa)) {
      throw new IllegalArgumentException("kappa must be finite and greater than 1, got " + kappa);
    }
  }
}
