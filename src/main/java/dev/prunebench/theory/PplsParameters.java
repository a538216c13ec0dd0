package dev.prunebench.theory;

import java.util.Arrays;

/**
 * Partial-PL-and-smoothness (PPLS) parameters of D disjoint parameter groups (paper Definition 4.2):
 * over group Δᵢ the partial gradient is {@code Lᵢ}-Lipschitz in {@code θ_Δᵢ} and obeys
 * {@code ‖∂L/∂θ_Δᵢ‖² ≥ 2μᵢ L(θ)}. For the grouped regression of eq. (4.4)/(B.17),
 * {@code μᵢ = σ_min(Xᵢ)²} and {@code Lᵢ = ‖Xᵢ‖²}.
 *
 * <p>Derived quantities used by Theorem 4.3 and Proposition B.2: {@code μ = Σμᵢ} (global PL
 * parameter), {@code L = ΣLᵢ} (global smoothness), {@code κᵢ = Lᵢ/μ} and {@code κ̃ᵢ = μᵢ/L}.
 *
 * @param mu the μᵢ, one per group; copied
 * @param smoothness the Lᵢ, one per group; copied
 */
public record PplsParameters(double[] mu, double[] smoothness) {

  /**
   * @throws IllegalArgumentException if the arrays are empty, differ in length, or some group
   *     violates {@code Lᵢ ≥ μᵢ ≥ 0}, or every μᵢ is zero (then no PL rate exists)
   */
  public PplsParameters {
    if (mu == null || smoothness == null || mu.length == 0 || mu.length != smoothness.length) {
      throw new IllegalArgumentException("mu and smoothness must be non-empty and of equal length, got "
          + Arrays.toString(mu) + " and " + Arrays.toString(smoothness));
    }
    mu = mu.clone();
    smoothness = smoothness.clone();
    double total = 0;
    for (int i = 0; i < mu.length; i++) {
      if (!(mu[i] >= 0) || !(smoothness[i] >= mu[i]) || !Double.isFinite(smoothness[i])) {
        throw new IllegalArgumentException("group " + i + ": PPLS needs L_i >= mu_i >= 0 and finite, got mu_i="
            + mu[i] + ", L_i=" + smoothness[i]);
      }
      total += mu[i];
    }
    if (!(total > 0)) {
      throw new IllegalArgumentException("mu: at least one group needs mu_i > 0, got " + Arrays.toString(mu));
    }
  }

  @Override
  public double[] mu() {
    return mu.clone();
  }

  @Override
  public double[] smoothness() {
    return smoothness.clone();
  }

  /** Number of groups D. */
  public int groups() {
    return mu.length;
  }

  /** μᵢ of group i. */
  public double mu(int i) {
    return mu[i];
  }

  /** Lᵢ of group i. */
  public double smoothness(int i) {
    return smoothness[i];
  }

  /** The global PL parameter {@code μ = Σᵢ μᵢ}. */
  public double totalMu() {
    return Arrays.stream(mu).sum();
  }

  /** The global smoothness {@code L = Σᵢ Lᵢ}. */
  public double totalSmoothness() {
    return Arrays.stream(smoothness).sum();
  }

  /** {@code κ = Lᵢ/μ} of Theorem 4.3. */
  public double kappa(int i) {
    return smoothness[i] / totalMu();
  }

  /** {@code κ̃ = μᵢ/L} of Proposition B.2. */
  public double kappaTilde(int i) {
    return mu[i] / totalSmoothness();
  }

  /** The largest step size Theorem 4.3 allows, {@code η = 1/L}. */
  public double maxStepSize() {
    return 1.0 / totalSmoothness();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof PplsParameters p && Arrays.equals(p.mu, mu) && Arrays.equals(p.smoothness, smoothness);
  }

  @Override
  public int hashCode() {
    return 31 * Arrays.hashCode(mu) + Arrays.hashCode(smoothness);
  }

  @Override
  public String toString() {
    return "PplsParameters[mu=" + Arrays.toString(mu) + ", L=" + Arrays.toString(smoothness) + "]";
  }
}
