package dev.prunebench.linear;

import dev.prunebench.linalg.Matrix;
import dev.prunebench.theory.AuxiliaryDistribution;
import dev.prunebench.theory.HNormalisation;
import dev.prunebench.theory.PopulationLoss;
import dev.prunebench.util.Rng;
import java.util.random.RandomGenerator;

/**
 * The realisable model of paper Section 3.1: n samples {@code x_i ~ N(0, I_p)},
 * {@code y_i = x_iᵀθ̄ + z_i}, {@code z_i ~ N(0, σ²)}, features scaled as {@code x^Λ = Λx}.
 * Arrays are copied in and out.
 *
 * @param lambda the diagonal of Λ
 * @param thetaBar θ̄
 * @param sigma σ
 * @param n number of samples
 */
public record LinearModel(double[] lambda, double[] thetaBar, double sigma, int n) {

  public LinearModel {
    if (lambda.length != thetaBar.length || lambda.length == 0) {
      throw new IllegalArgumentException("lambda and thetaBar must have the same positive length, got "
          + lambda.length + " and " + thetaBar.length);
    }
    if (n < 1) {
      throw new IllegalArgumentException("n must be at least 1, got " + n);
    }
    if (!(sigma >= 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("sigma must be finite and non-negative, got " + sigma);
    }
    lambda = lambda.clone();
    thetaBar = thetaBar.clone();
  }

  /** The model for a Λ profile and a θ̄ profile. */
  public static LinearModel of(LambdaProfile lambda, ThetaProfile theta, int p, int n, double sigma) {
    return new LinearModel(lambda.diagonal(p), theta.vector(p), sigma, n);
  }

  @Override
  public double[] lambda() {
    return lambda.clone();
  }

  @Override
  public double[] thetaBar() {
    return thetaBar.clone();
  }

  public int p() {
    return thetaBar.length;
  }

  /** {@code κ = p/n}. */
  public double kappa() {
    return (double) p() / n;
  }

  /** The population loss {@code ‖Λθ − θ̄‖² + σ²}. */
  public PopulationLoss populationLoss() {
    return new PopulationLoss(lambda, thetaBar, sigma);
  }

  /** Definition 3.2 for this model (requires p &gt; n). */
  public AuxiliaryDistribution auxiliary(HNormalisation h) {
    return AuxiliaryDistribution.solve(kappa(), lambda, thetaBar, sigma, h);
  }

  /** One unscaled data set: X (n x p, entries N(0,1)) and {@code y = Xθ̄ + z}. */
  public record Sample(Matrix x, double[] y) {}

  /** Draws X and y. */
  public Sample sample(RandomGenerator rng) {
    int p = p();
    Matrix x = Rng.gaussian(rng, n, p);
    double[] xa = x.toArray();
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      double s = 0;
      int off = i * p;
      for (int j = 0; j < p; j++) {
        s += xa[off + j] * thetaBar[j];
      }
      y[i] = s + sigma * rng.nextGaussian();
    }
    return new Sample(x, y);
  }

  /** {@code X_Λ = X Λ}: column j of X scaled by {@code Λ_jj} (rows are samples {@code x_iᵀ Λ}). */
  public Matrix scaledDesign(Matrix x) {
    int p = p();
    if (x.cols() != p) {
      throw new IllegalArgumentException("x: expected " + p + " columns, got " + x.cols());
    }
    double[] d = x.toArray();
    for (int k = 0; k < d.length; k++) {
      d[k] *= lambda[k % p];
    }
    return Matrix.wrap(x.rows(), p, d);
  }
}
