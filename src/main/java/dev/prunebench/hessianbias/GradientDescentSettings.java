package dev.prunebench.hessianbias;

/**
 * How gradient descent on eq. (4.4) is run: step size {@code η = stepFraction / L} (Theorem 4.3 needs
 * {@code η ≤ 1/L}, i.e. {@code stepFraction ≤ 1}), and when it stops: at the first τ with
 * {@code L(θ_τ) ≤ relativeTolerance · L(θ₀)}, or after {@code maxIterations} steps.
 *
 * <p>The stopping rule fixes how far the last iterate can be from the limit θ*: the iterates stay in
 * {@code θ₀ + rowspace(X)}, so {@code ‖θ_τ − θ*‖² ≤ 2L(θ_τ)/σ_min(X)² ≤ 2L(θ_τ)/μ} (see
 * {@link GradientDescentTrace#distanceToLimitBound()}).
 *
 * @param stepFraction η·L, in (0, 1]
 * @param maxIterations at least 1
 * @param relativeTolerance in [0, 1); 0 runs all {@code maxIterations} steps unless the loss is
 *     exactly 0
 */
public record GradientDescentSettings(double stepFraction, int maxIterations, double relativeTolerance) {

  /** η = 1/L, at most 20000 steps, stop at a loss of 1e-20 · L(θ₀). */
  public static final GradientDescentSettings DEFAULT = new GradientDescentSettings(1.0, 20_000, 1e-20);

  public GradientDescentSettings {
    if (!(stepFraction > 0 && stepFraction <= 1)) {
      throw new IllegalArgumentException("stepFraction (eta * L) must be in (0, 1], got " + stepFraction);
    }
    if (maxIterations < 1) {
      throw new IllegalArgumentException("maxIterations must be >= 1, got " + maxIterations);
    }
    if (!(relativeTolerance >= 0 && relativeTolerance < 1)) {
      throw new IllegalArgumentException("relativeTolerance must be in [0, 1), got " + relativeTolerance);
    }
  }
}
