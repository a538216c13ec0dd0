package dev.prunebench.theory;

import dev.prunebench.prune.Loss;

/**
 * The population (test) loss of the Section 3.1 model: features {@code x ~ N(0, I_p)} scaled to
 * {@code x^Λ = Λx}, labels {@code y = xᵀθ̄ + z}, {@code z ~ N(0, σ²)}. From eq. 3.1,
 * {@code L_Λ(θ) = E[(y − θᵀΛx)²] = ‖Λθ − θ̄‖² + σ²}; its minimiser is {@code Λ⁻¹θ̄} and its Hessian
 * {@code 2Λ²}.
 *
 * @param lambda the diagonal of Λ, not copied — do not modify
 * @param thetaBar θ̄, not copied — do not modify
 * @param sigma noise standard deviation σ
 */
public record PopulationLoss(double[] lambda, double[] thetaBar, double sigma) implements Loss {

  public PopulationLoss {
    if (lambda.length != thetaBar.length) {
      throw new IllegalArgumentException("length mismatch: lambda has " + lambda.length
          + " entries but thetaBar has " + thetaBar.length);
    }
    if (!(sigma >= 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("sigma must be finite and non-negative, got " + sigma);
    }
  }

  @Override
  public double value(double[] theta) {
    if (theta.length != thetaBar.length) {
      throw new IllegalArgumentException("theta: expected " + thetaBar.length + " entries, got "
          + theta.length);
    }
    double s = sigma * sigma;
    for (int i = 0; i < theta.length; i++) {
      double d = lambda[i] * theta[i] - thetaBar[i];
      s += d * d;
    }
    return s;
  }

  /** {@code ‖θ − θ̄‖² + σ²}: the loss of a vector already expressed in unscaled coordinates (Λθ). */
  public double valueUnscaled(double[] lambdaTheta) {
    double s = sigma * sigma;
    for (int i = 0; i < lambdaTheta.length; i++) {
      double d = lambdaTheta[i] - thetaBar[i];
      s += d * d;
    }
    return s;
  }

  /** The diagonal of {@code ∇²L_Λ = 2Λ²}. */
  public double[] hessianDiagonal() {
    double[] h = new double[lambda.length];
    for (int i = 0; i < h.length; i++) {
      h[i] = 2 * lambda[i] * lambda[i];
    }
    return h;
  }
}
