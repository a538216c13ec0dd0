package dev.prunebench.linear;

/**
 * Which Hessian diagonal HP uses for the linear model (both are "Λ²-like"; see
 * {@link dev.prunebench.prune.Importance} for the OBD factor ½).
 */
public enum HessianSource {
  /**
   * The population Hessian {@code ∇²L_Λ = 2Λ²}: HI = {@code Λ_ii² θ_i²}. This is what the analytic
   * HP formula of Section 3.1 uses, and the default.
   */
  POPULATION,
  /**
   * The training-loss Hessian {@code ∇²L̂_Λ = (2/n) X_Λᵀ X_Λ}, from the backend's
   * {@code lsHessianDiagonal}: HI = {@code (diag(X_Λᵀ X_Λ)/n)_i θ_i²}.
   */
  EMPIRICAL
}
