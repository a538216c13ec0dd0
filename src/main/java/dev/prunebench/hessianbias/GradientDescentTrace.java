package dev.prunebench.hessianbias;

import dev.prunebench.theory.PplsParameters;

/**
 * What gradient descent on eq. (4.4) recorded, one entry per iterate τ = 0, 1, …, {@code last}.
 * Group quantities are indexed {@code [group][τ]}.
 *
 * <p>NI is the init-pruning natural importance of Definition 2.1 with reference θ₀:
 * {@code I^N_Δᵢ(θ_τ, θ₀) = L(θ_τ with Δᵢ reset to θ₀) − L(θ_τ)} ({@code groupNi}) and
 * {@code I^N_Δ̄ᵢ(θ_τ, θ₀) = L(θ_τ with every coordinate outside Δᵢ reset to θ₀) − L(θ_τ)}
 * ({@code complementNi}). They are absolute (not divided by L(θ₀)).
 *
 * <p>The arrays are handed over, not copied (a trace can hold tens of thousands of entries); callers
 * must treat them as read-only.
 *
 * @param ppls the PPLS parameters the run used
 * @param eta the step size η
 * @param sigmaMinSquared σ_min(X)² of the full design (≥ μ), for the distance-to-limit estimate
 * @param loss the loss L(θ_τ); {@code loss[0] = L(θ₀)}
 * @param distanceSquared ‖θ_Δᵢ,τ − θ_Δᵢ,0‖²
 * @param groupNi I^N_Δᵢ(θ_τ, θ₀)
 * @param complementNi I^N_Δ̄ᵢ(θ_τ, θ₀)
 * @param theta0 the initial point, length p
 * @param thetaFinal the last iterate, length p
 * @param converged whether the relative-loss tolerance was reached
 */
public record GradientDescentTrace(PplsParameters ppls, double eta, double sigmaMinSquared, double[] loss,
    double[][] distanceSquared, double[][] groupNi, double[][] complementNi, double[] theta0,
    double[] thetaFinal, boolean converged) {

  /** L(θ₀). */
  public double loss0() {
    return loss[0];
  }

  /** Index of the last recorded iterate. */
  public int last() {
    return loss.length - 1;
  }

  /** L at the last iterate. */
  public double finalLoss() {
    return loss[last()];
  }

  /**
   * A bound on {@code ‖θ_last − θ*‖}, θ* the limit of gradient descent (the point of
   * {@code θ₀ + rowspace(X)} that interpolates): θ_last − θ* lies in rowspace(X), on which
   * {@code ‖X v‖ ≥ σ_min(X)‖v‖}, and {@code ‖X(θ_last − θ*)‖² = 2L(θ_last)}; hence
   * {@code ‖θ_last − θ*‖ ≤ √(2L(θ_last)/σ_min(X)²)} (exact arithmetic).
   */
  public double distanceToLimitBound() {
    return Math.sqrt(2 * finalLoss() / sigmaMinSquared);
  }
}
