package dev.prunebench.theory;

import dev.prunebench.prune.Loss;

/**
 * The population (test) loss of the Section 3.1 model: features {@code x ~ N(0, I_p)} scaled to
 * {@code x^Λ = Λx}, labels {@code y = xᵀθ̄ + z}, {@code z ~ N(0, σ²)}. From eq. 3.1,
 * {@code L_Λ(θ) = E[(y − θᵀΛx)²] = ‖Λθ − θ̄‖² + σ²}; its minimiser is {@code Λ⁻¹θ̄} and its Hessian
 * {@code 2Λ²}. Immutable: arrays are copied in and out.
 */
public final class PopulationLoss implements Loss {
  private final double[] lambda;
  private final double[] thetaBar;
  private final double sigma;

  /**
   * @param lambda the diagonal of Λ, copied
   * @param thetaBar θ̄, same length, copied
   * @param sigma noise standard deviation σ ≥ 0
   */
  public PopulationLoss(double[] lambda, double[] thetaBar, double sigma) {
    if (lambda.length != thetaBar.length) {
      throw new IllegalArgumentException("length mismatch: lambda has " + lambda.length
          + " entries but thetaBar has " + thetaBar.length);
    }
    if (!(sigma >= 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("sigma must be finite and non-negative, got " + sigma);
    }
    this.lambda = lambda.clone();
    this.thetaBar = thetaBar.clone();
    this.sigma = sigma;
  }

  @Override
  public double value(double[] theta) {
    requireLength("theta", theta);
    double s = sigma * sigma;
    for (int i = 0; i < theta.length; i++) {
      double d = lambda[i] * theta[i] - thetaBar[i];
      s += d * d;
    }
    return s;
  }

  /**
   * {@code ‖mask ∘ v − θ̄‖² + σ²} for a vector {@code v = Λθ} given in unscaled coordinates: the loss
   * of θ pruned to the entries where {@code mask ≠ 0}.
   *
   * @param unscaled {@code Λθ}, not modified
   * @param mask keep-mask (0 = pruned), not modified
   */
  public double valueOfMaskedUnscaled(double[] unscaled, double[] mask) {
    requireLength("unscaled", unscaled);
    requireLength("mask", mask);
    double s = sigma * sigma;
    for (int i = 0; i < unscaled.length; i++) {
      double d = (mask[i] != 0 ? unscaled[i] : 0.0) - thetaBar[i];
      s += d * d;
    }
    return s;
  }

  /** The diagonal of {@code ∇²L_Λ = 2Λ²} (a new array). */
  public double[] hessianDiagonal() {
    double[] h = new double[lambda.length];
    for (int i = 0; i < h.length; i++) {
      h[i] = 2 * lambda[i] * lambda[i];
    }
    return h;
  }

  /** The diagonal of Λ (a copy). */
  public double[] lambda() {
    return lambda.clone();
  }

  /** θ̄ (a copy). */
  public double[] thetaBar() {
    return thetaBar.clone();
  }

  public double sigma() {
    return sigma;
  }

  private void requireLength(String name, double[] v) {
    if (v == null || v.length != thetaBar.length) {
      throw new IllegalArgumentException(name + ": expected " + thetaBar.length + " entries, got "
          + (v == null ? "null" : v.length));
    }
  }
}
