package dev.prunebench.linalg;

/**
 * The part of a {@link MinNormKernels.CholeskyFactor} that is the same on every heap backend: the
 * flags the flow reads and the operator {@code G⁻¹ = R⁻¹ R⁻ᵀ} (built by {@link Triangle#gram}) that
 * the condition estimate uses. A backend supplies only {@link #solve}, its library's solve with the
 * factor. Written once so the estimate is computed the same way on each backend.
 *
 * @param <M> the library-native matrix type
 */
public abstract class HeapCholeskyFactor<M> implements MinNormKernels.CholeskyFactor<M> {
  private final boolean positiveDefinite;
  private final double gramNorm1;
  private final int order;
  private final ConditionEstimator.InverseOperator inverse;

  /**
   * @param positiveDefinite whether the factorisation ran to the end with positive pivots
   * @param gramNorm1 {@code ‖G‖₁} of the Gram matrix as formed
   * @param order the order m of G
   * @param inverse {@code G⁻¹} as an operator; may be {@code null} when not positive definite (the
   *     flow then never calls the operator methods)
   */
  protected HeapCholeskyFactor(
      boolean positiveDefinite, double gramNorm1, int order, ConditionEstimator.InverseOperator inverse) {
    this.positiveDefinite = positiveDefinite;
    this.gramNorm1 = gramNorm1;
    this.order = order;
    this.inverse = inverse;
  }

  @Override
  public final boolean positiveDefinite() {
    return positiveDefinite;
  }

  @Override
  public final double gramNorm1() {
    return gramNorm1;
  }

  @Override
  public final int order() {
    return order;
  }

  @Override
  public final void applyInverse(double[] v) {
    inverse.applyInverse(v);
  }

  @Override
  public final void applyInverseTransposed(double[] v) {
    inverse.applyInverseTransposed(v);
  }
}
