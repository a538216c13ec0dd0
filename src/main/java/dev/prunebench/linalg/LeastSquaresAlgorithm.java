package dev.prunebench.linalg;

/**
 * How a backend computes the minimum-norm least-squares solution {@code θ = X⁺ y} (paper eq. 3.2:
 * {@code θ̂^Λ = X_Λ⁺ y}).
 */
public enum LeastSquaresAlgorithm {
  /**
   * Normal equations through a Cholesky factorisation of the Gram matrix: {@code θ = Xᵀ (X Xᵀ)⁻¹ y}
   * when n &lt; p, {@code θ = (Xᵀ X)⁻¹ Xᵀ y} when n ≥ p. Fastest; squares the condition number, so
   * it is accurate only for well-conditioned, full-rank X. A rank-deficient X makes the Gram matrix
   * singular and the solve throws {@link RankDeficientException}.
   */
  CHOLESKY,
  /**
   * Householder QR of X (n ≥ p) or of Xᵀ, i.e. an LQ factorisation of X (n &lt; p). Does not square
   * the condition number; still requires full rank (throws {@link RankDeficientException}).
   */
  QR,
  /**
   * Singular value decomposition {@code X = U S Vᵀ}, {@code θ = V S⁺ Uᵀ y} where singular values
   * {@code σᵢ ≤ rcond · σ_max} are treated as zero. The safe choice for rank-deficient or badly
   * conditioned X.
   */
  SVD;

  /** The default: the fastest algorithm that is accurate for well-conditioned, full-rank X. */
  public static final LeastSquaresAlgorithm DEFAULT = CHOLESKY;

  /** The lower-case command-line name. */
  public String cliName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
