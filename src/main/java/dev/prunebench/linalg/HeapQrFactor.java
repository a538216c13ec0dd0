package dev.prunebench.linalg;

/**
 * The part of a {@link MinNormKernels.QrFactor} that is the same on every heap backend: R as a
 * {@link Triangle} gives the diagonal, {@code ‖R‖₁} and the solves the condition estimate uses. A
 * backend supplies only {@link #solve}, its library's {@code θ = P R⁻¹ Qᵀ y} (or the LQ route).
 *
 * @param <M> the library-native matrix type
 */
public abstract class HeapQrFactor<M> implements MinNormKernels.QrFactor<M> {
  private final Triangle r;

  /** @param r the triangular factor R, order min(n, p) */
  protected HeapQrFactor(Triangle r) {
    this.r = r;
  }

  /** {@code |R_kk|}; a backend whose pivoted factorisation stops early overrides it to report 0 beyond. */
  @Override
  public double diagonalAbs(int k) {
    return r.diagonalAbs(k);
  }

  @Override
  public final double norm1() {
    return r.norm1();
  }

  @Override
  public final int order() {
    return r.order();
  }

  @Override
  public final void applyInverse(double[] v) {
    r.applyInverse(v);
  }

  @Override
  public final void applyInverseTransposed(double[] v) {
    r.applyInverseTransposed(v);
  }
}
