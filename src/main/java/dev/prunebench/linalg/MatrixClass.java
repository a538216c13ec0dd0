package dev.prunebench.linalg;

/**
 * The problem classes every backend is checked and measured on (contract tests, the accuracy
 * command, JMH {@code @Param}). Each constant builds an n x p design from a seed through
 * {@link MatrixClasses}; see there for the constructions.
 *
 * <p>For the rank-deficient classes the rank {@code r = max(1, ⌊min(n, p) / 2⌋)} is exact by
 * construction (with probability one); they need {@code min(n, p) ≥ 2} to be deficient at all.
 */
public enum MatrixClass {
  /** Independent N(0, 1) entries; condition number of order {@code (√max + √min) / (√max − √min)}. */
  GAUSSIAN(Double.NaN, true),
  /** {@code U diag(σ) Vᵀ}, σ log-spaced from 1 to 1e-4. */
  CONDITION_1E4(1e4, true),
  /** {@code U diag(σ) Vᵀ}, σ log-spaced from 1 to 1e-8 (the "ill-conditioned" class). */
  CONDITION_1E8(1e8, true),
  /** {@code U diag(σ) Vᵀ}, σ log-spaced from 1 to 1e-12: beyond what Cholesky of the Gram matrix can resolve. */
  CONDITION_1E12(1e12, true),
  /** The first r rows are Gaussian; row i ≥ r is an exact copy of row {@code i mod r}. */
  DUPLICATED_ROWS(Double.NaN, false),
  /** The first r columns are Gaussian; column j ≥ r is an exact copy of column {@code j mod r}. */
  DUPLICATED_COLUMNS(Double.NaN, false),
  /** {@code G₁ G₂} with Gaussian G₁ (n x r) and G₂ (r x p): rank r up to rounding. */
  LOW_RANK_PRODUCT(Double.NaN, false),
  /** A Gaussian matrix whose rows are scaled by {@code 10^k}, k evenly spaced over [−5, 5]. */
  BADLY_SCALED_ROWS(Double.NaN, true);

  private final double designedCondition;
  private final boolean fullRank;

  MatrixClass(double designedCondition, boolean fullRank) {
    this.designedCondition = designedCondition;
    this.fullRank = fullRank;
  }

  /**
   * An n x p member of this class.
   *
   * @param seed every entry is a deterministic function of the seed
   * @throws IllegalArgumentException if n or p is below 1
   */
  public Matrix generate(int n, int p, long seed) {
    return switch (this) {
      case GAUSSIAN -> MatrixClasses.gaussian(n, p, seed);
      case CONDITION_1E4, CONDITION_1E8, CONDITION_1E12 ->
          MatrixClasses.withCondition(n, p, designedCondition, seed);
      case DUPLICATED_ROWS -> MatrixClasses.duplicatedRows(n, p, deficientRank(n, p), seed);
      case DUPLICATED_COLUMNS -> MatrixClasses.duplicatedColumns(n, p, deficientRank(n, p), seed);
      case LOW_RANK_PRODUCT -> MatrixClasses.lowRankProduct(n, p, deficientRank(n, p), seed);
      case BADLY_SCALED_ROWS -> MatrixClasses.badlyScaledRows(n, p, MatrixClasses.SCALING_DECADES, seed);
    };
  }

  /**
   * The 2-norm condition number {@code σ_max / σ_min} the construction prescribes, or NaN when it is
   * not prescribed (Gaussian, badly scaled, rank-deficient classes). A 1 x 1, 1 x p or n x 1 member
   * has a single singular value and condition number 1 whatever this says.
   */
  public double designedCondition() {
    return designedCondition;
  }

  /** Whether members have full rank {@code min(n, p)} (with probability one). */
  public boolean fullRank() {
    return fullRank;
  }

  /** The rank of an n x p member (with probability one). */
  public int rank(int n, int p) {
    return fullRank ? Math.min(n, p) : deficientRank(n, p);
  }

  /** {@code r = max(1, ⌊min(n, p) / 2⌋)}, the rank of the deficient classes. */
  public static int deficientRank(int n, int p) {
    return Math.max(1, Math.min(n, p) / 2);
  }

  /** The lower-case name used in reports and on the command line. */
  public String cliName() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
  }
}
