package dev.prunebench.linalg;

/**
 * How a backend computes the minimum-norm least-squares solution {@code θ = X⁺ y} (paper eq. 3.2:
 * {@code θ̂^Λ = X_Λ⁺ y}).
 *
 * <p>Every algorithm runs inside the one shared flow ({@link MinNormSolver}): inputs validated, then
 * scaled by exact powers of two (CHOLESKY and QR: row/column equilibration on the side that keeps
 * the minimum-norm solution, see {@link Scaling}; SVD: one global factor), the refusal rule below
 * applied to the <em>scaled</em> problem, the result unscaled, and a result with a non-finite entry
 * refused with {@link UnrepresentableResultException}. Nothing is returned that the algorithm's error
 * bound does not cover: it either answers within its bound or throws {@link RankDeficientException}.
 * Below, m = max(n, p), ε = 2⁻⁵², rcond the caller's cutoff (default ε·m), κ₁ a condition number
 * in the 1-norm estimated by {@link ConditionEstimator} (a lower bound, usually within a factor 3).
 */
public enum LeastSquaresAlgorithm {
  /**
   * Normal equations through a Cholesky factorisation of the Gram matrix: {@code θ = Xᵀ (X Xᵀ)⁻¹ y}
   * when n &lt; p, {@code θ = (Xᵀ X)⁻¹ Xᵀ y} when n ≥ p. Fastest; squares the condition number.
   *
   * <p><b>Guarantee:</b> forward error {@code ‖θ̂ − θ‖/‖θ‖ ≲ ε·m·κ(G)}, G the Gram matrix of the
   * equilibrated X ({@code κ(G) = κ₂(X̃)²}). <b>Refuses</b> when the factorisation meets a non-positive
   * pivot, or when {@code κ̂₁(G) · max(ε·m, rcond²) ≥ 1} ({@code dpocon} estimate,
   * {@code κ₁(G) = ‖G‖₁ ‖G⁻¹‖₁}). The constant 1 is where that bound reaches 100 %: forming G costs
   * a relative error of order ε·m (inner products of length up to m), and Cholesky solves it with
   * a forward error of ε·m·κ(G) (Higham, Thm 10.4); beyond it not one digit is guaranteed. Since G is
   * symmetric, {@code κ₁(G) ≥ κ₂(G) = κ₂(X̃)²}, so every problem with {@code ε·m·κ₂(X̃)² ≥ 4} is
   * refused unless the estimate is low by more than a factor 4. The rcond² term makes CHOLESKY
   * refuse whenever the estimated κ(X̃) reaches 1/rcond, where SVD would drop a singular value.
   */
  CHOLESKY,
  /**
   * Householder QR of X (n ≥ p) or of Xᵀ, i.e. an LQ factorisation of X (n &lt; p), with column
   * (for the LQ: row) pivoting, LAPACK {@code dgeqp3}, where the library has a rank-revealing one:
   * OpenBLAS ({@code dgeqp3}), EJML ({@code QRColPivDecompositionHouseholderColumn_DDRM}) and the
   * reference backend (its own). ojAlgo 57 has no pivoted QR (unpivoted Householder QR); Commons
   * Math's {@code RRQRDecomposition} pivots but not by trailing column norms, so its diagonal does not
   * reveal rank and it is treated as unpivoted. Does not square the condition number.
   *
   * <p><b>Guarantee:</b> forward error {@code ≲ ε·m·κ₂(X̃)} (plus {@code ε·m·κ²·‖r‖/(‖X‖‖θ‖)} for an
   * inconsistent over-determined system), X̃ the column- or row-equilibrated X. With
   * {@code tol = max(ε·m, rcond)}:
   * <ul>
   *   <li><b>rank</b> (rank-revealing pivoted QR only): the numerical rank r is the first k with
   *       {@code |R_kk| ≤ tol · |R_00|}, SVD's rcond rule read off the pivoted diagonal, decided by the
   *       shared flow for every backend. When r &lt; min(n, p), R22 is dropped and the minimum-norm
   *       solution of the rank-r problem comes from the complete orthogonal decomposition
   *       {@code [R11 R12] = [T 0] Z} ({@link CompleteOrthogonal}, LAPACK {@code xGELSY}):
   *       {@code θ = P Zᵀ [T⁻¹ Q₁ᵀ y; 0]} (n ≥ p), {@code θ = Q₁ T⁻ᵀ (Z Pᵀ y)₁..ᵣ} (n &lt; p), the answer
   *       SVD gives with the same rcond, forward error {@code ≲ ε·m·κ(R11)} over the gap at the cutoff.
   *       Minimum norm is not invariant under a non-uniform equilibration, so a rank-deficient X̃ is
   *       refactored as {@code 2^g X} first. X = 0 gives θ = 0.
   *   <li><b>refuses</b> when {@code κ̂₁(R) · tol ≥ 1} at full rank, or {@code κ̂₁(R11) · tol ≥ 1} for
   *       the kept block at rank r ({@code dtrcon} estimate), i.e. where the error bound reaches 1;
   *       and, on ojAlgo and Commons Math (no rank-revealing QR), for every rank-deficient X (an exactly
   *       zero {@code R_kk}, or the estimate): there the rank cannot be read off R, use SVD.
   * </ul>
   */
  QR,
  /**
   * Singular value decomposition {@code X = U S Vᵀ}, {@code θ = V S⁺ Uᵀ y} where singular values
   * {@code σᵢ ≤ rcond · σ_max} are treated as zero. The safe choice for rank-deficient or badly
   * conditioned X: never refuses for conditioning; the answer is the minimum-norm solution of the
   * rcond-truncated problem, with forward error {@code ≲ ε·m·κ_r} (κ_r = σ_max/σ_r over the kept
   * values) divided by the relative gap at the cutoff. Refuses only an unrepresentable result.
   */
  SVD;

  /** The default: the fastest algorithm that is accurate for well-conditioned, full-rank X. */
  public static final LeastSquaresAlgorithm DEFAULT = CHOLESKY;

  /** The lower-case command-line name. */
  public String cliName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
