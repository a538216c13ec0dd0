package dev.prunebench.hessianbias;

import dev.prunebench.theory.Theorem43Envelope;

/**
 * One scale ratio of the sweep: the gradient-descent record, the bounds of every group at the last
 * iterate, and GD's distance to the backend's min-norm limit.
 *
 * @param ratio scale ratio ρ = c₁/c₂
 * @param trace the GD record
 * @param envelopes Theorem 4.3 / Proposition B.2 bounds of each group at τ = last
 * @param limitDistance ‖θ_last − θ*‖ with θ* = θ₀ + X⁺(y − Xθ₀) from the backend
 * @param limitDistanceBound the bound √(2L(θ_last)/σ_min(X)²) that the stopping rule implies
 */
public record HessianBiasPoint(double ratio, GradientDescentTrace trace, Theorem43Envelope[] envelopes,
    double limitDistance, double limitDistanceBound) {

  /** Final {@code I^N_Δᵢ(θ_last, θ₀) / L(θ₀)}. */
  public double groupNiShare(int group) {
    return trace.groupNi()[group][trace.last()] / trace.loss0();
  }

  /** Final {@code I^N_Δ̄ᵢ(θ_last, θ₀) / L(θ₀)}. */
  public double complementNiShare(int group) {
    return trace.complementNi()[group][trace.last()] / trace.loss0();
  }

  /** Final {@code ‖θ_Δᵢ,last − θ_Δᵢ,0‖²}. */
  public double distanceSquared(int group) {
    return trace.distanceSquared()[group][trace.last()];
  }
}
