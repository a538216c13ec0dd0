package dev.prunebench.linalg;

/**
 * Hard thresholding {@code Π_s} (paper Definition 2.3): keep the s entries of largest importance,
 * zero the rest. A matrix argument is read as a flat vector in row-major order; that order decides
 * ties (the lower flat index wins, see {@link TopS}).
 *
 * @param <M> library-native matrix type
 */
public interface Thresholding<M> {

  /**
   * The global keep-mask: 1 at the s entries with the largest importance, 0 elsewhere.
   *
   * @param importance any shape, not modified; no NaN
   * @param s {@code 0 ≤ s ≤ size}
   * @return a matrix of the same shape as {@code importance}
   */
  M keepMask(M importance, int s);

  /**
   * The layer-wise keep-mask: consecutive groups of the flattened importance (sizes
   * {@code groupSizes}) each keep {@code round(keepFraction · size)} entries.
   *
   * @param importance any shape, not modified
   * @param groupSizes positive, adding up to the number of entries
   * @param keepFraction in [0, 1]
   */
  M keepMaskPerGroup(M importance, int[] groupSizes, double keepFraction);

  /**
   * {@code Π_s(weights)} with respect to {@code importance}: the weights at the s most important
   * entries, zero elsewhere. Magnitude pruning passes {@code importance = weights ∘ weights}; Hessian
   * pruning passes {@code diag(H) ∘ weights ∘ weights} (paper eq. 2.1).
   */
  M hardThreshold(M weights, M importance, int s);

  /**
   * {@link #hardThreshold} into a caller-owned {@code out} (same shape; every entry overwritten):
   * allocates at most O(s)-sized selection buffers besides.
   *
   * @param out must be neither weights nor importance
   */
  void hardThresholdInto(M weights, M importance, int s, M out);
}
