package dev.prunebench.linalg;

/**
 * A {@link HeapQrFactor} for a column-pivoted factorisation {@code A P = Q R}: adds the permutation
 * and R's leading rows. A backend supplies its library's solve and the products with Q
 * ({@link #qTransposeTimes}, {@link #qTimes}).
 *
 * @param <M> the library-native matrix type
 */
public abstract class HeapPivotedQrFactor<M> extends HeapQrFactor<M>
    implements MinNormKernels.PivotedQrFactor<M> {
  private final Triangle r;
  private final int[] permutation;

  /**
   * @param r the triangular factor R, order min(n, p)
   * @param permutation column k of {@code A P} is column {@code permutation[k]} of A (not copied)
   */
  protected HeapPivotedQrFactor(Triangle r, int[] permutation) {
    super(r);
    this.r = r;
    this.permutation = permutation;
  }

  @Override
  public final int[] permutation() {
    return permutation;
  }

  @Override
  public final double[] upperRows(int k) {
    return r.upperRows(k);
  }
}
