package dev.prunebench.linalg;

/**
 * What a backend supplies to the shared minimum-norm flow ({@link MinNormSolver}): entry access for
 * validation and scaling, and its factorisations. Everything else (check order, error wording,
 * scaling, the refusal rules, unscaling, the overflow check) is written once in {@link MinNormSolver}.
 *
 * <p>Matrices passed in are never modified, except by the {@code InPlace} methods, which the flow
 * only calls on matrices it owns (results and scaled copies).
 *
 * @param <M> the library-native matrix type
 */
public interface MinNormKernels<M> {

  int rows(M m);

  int cols(M m);

  /**
   * The first non-finite entry in row-major order, or {@code null} when every entry is finite; the
   * flow turns it into the one shared message ({@link Checks#requireFinite(String, double[], int)}'s
   * wording).
   */
  Entry firstNonFinite(M m);

  /** Largest |entry| of each row (length rows). */
  double[] rowMaxAbs(M m);

  /** Largest {@code |2^rowExp[i] · m_ij|} of each column j (length cols). */
  double[] columnMaxAbs(M m, int[] rowExp);

  /**
   * A new matrix with entries {@code 2^(rowExp[i] + colExp[j]) · m_ij} ({@link Math#scalb}, exact
   * unless an entry leaves the normal range).
   */
  M scaled(M m, int[] rowExp, int[] colExp);

  /** Multiplies row i of {@code m} by {@code 2^rowExp[i]} in place (m is owned by the caller). */
  void scaleRowsInPlace(M m, int[] rowExp);

  /** The entries as a fresh row-major heap array (the rank-deficient QR path's complete orthogonal step). */
  double[] toRowMajor(M m);

  /** A new native matrix holding the row-major {@code d} (rows x cols). */
  M fromRowMajor(int rows, int cols, double[] d);

  /** Frees a temporary the flow created (native memory); no-op on the heap backends. */
  default void release(M m) {}

  /**
   * Cholesky factorisation of the Gram matrix: {@code G = X Xᵀ} (n &lt; p) or {@code G = Xᵀ X}
   * (n ≥ p). Must not throw when G is not positive definite: report it through
   * {@link CholeskyFactor#positiveDefinite()}.
   */
  CholeskyFactor<M> gramCholesky(M x);

  /**
   * Householder QR of X (n ≥ p) or of Xᵀ (n &lt; p, the LQ of X), with column pivoting of the factored
   * matrix where the library has a rank-revealing one (then a {@link PivotedQrFactor}).
   */
  QrFactor<M> qr(M x);

  /** {@code V S⁺ Uᵀ y} with {@code σᵢ ≤ rcond · σ_max} treated as zero. */
  M svdSolve(M x, M y, double rcond);

  /** {@code V S⁺ Uᵀ} with the same rcond rule. */
  M pseudoInverse(M x, double rcond);

  /** A matrix entry, for messages. */
  record Entry(int row, int col, double value) {}

  /**
   * The factor R of {@code G = Rᵀ R}, as the operator {@code G⁻¹ = R⁻¹ R⁻ᵀ} for the estimator.
   *
   * @param <M> native matrix type
   */
  interface CholeskyFactor<M> extends ConditionEstimator.InverseOperator, AutoCloseable {
    /**
     * Whether the factorisation ran to the end with positive pivots (LAPACK {@code dpotrf} info = 0).
     * When false the operator methods must not be called.
     */
    boolean positiveDefinite();

    /** {@code ‖G‖₁} of the Gram matrix as formed (before factorisation). */
    double gramNorm1();

    /** θ: {@code Xᵀ G⁻¹ y} (n &lt; p) or {@code G⁻¹ Xᵀ y} (n ≥ p). */
    M solve(M y);

    @Override
    default void close() {}
  }

  /**
   * The triangular factor R (order min(n, p)) of a Householder QR of X (n ≥ p) or of Xᵀ (n &lt; p),
   * as the operator R for the estimator.
   *
   * @param <M> native matrix type
   */
  interface QrFactor<M> extends ConditionEstimator.InverseOperator, AutoCloseable {
    /** {@code |R_kk|}; 0 for steps a pivoted factorisation skipped because the rest was exactly zero. */
    double diagonalAbs(int k);

    /** {@code ‖R‖₁}. */
    double norm1();

    /** θ: {@code P R⁻¹ Qᵀ y} (n ≥ p) or {@code Q [R⁻ᵀ Pᵀ y; 0]} (n &lt; p). */
    M solve(M y);

    @Override
    default void close() {}
  }

  /**
   * A QR factorisation {@code A P = Q R} with column pivoting by trailing column norms (LAPACK
   * {@code dgeqp3}), A = X (n ≥ p) or Xᵀ (n &lt; p): {@code |R_00| ≥ |R_11| ≥ …}, so the diagonal
   * reveals the numerical rank r, and the flow finishes a rank-deficient problem with the complete
   * orthogonal decomposition ({@link CompleteOrthogonal}) from the pieces below. Only the first r
   * reflectors of Q matter for them (the rest act on rows r and beyond).
   *
   * @param <M> native matrix type
   */
  interface PivotedQrFactor<M> extends QrFactor<M> {
    /** Column k of {@code A P} is column {@code permutation()[k]} of A. */
    int[] permutation();

    /** Rows 0…r−1 of R, r x order row-major (zeros below the diagonal). */
    double[] upperRows(int r);

    /** n ≥ p only: rows 0…r−1 of {@code Qᵀ y}, r x k row-major ({@code Q₁ᵀ y}). */
    double[] qTransposeTimes(M y, int r);

    /** n &lt; p only: {@code Q [v; 0]} for an r x k row-major v, a new p x k matrix ({@code Q₁ v}). */
    M qTimes(double[] v, int r, int k);
  }
}
