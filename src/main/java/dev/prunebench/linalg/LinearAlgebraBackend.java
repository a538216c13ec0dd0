package dev.prunebench.linalg;

/**
 * One linear-algebra library behind the kernels of the paper: conversion to its native type,
 * minimum-norm least squares (eq. 3.2), the least-squares Hessian diagonal, GEMM, the network's
 * elementwise kernels and hard thresholding (Definition 2.3).
 *
 * <p>Each capability is its own small interface; this one only names the whole. Implementations
 * live in {@code linalg/<library>/}, the only packages that import their library. Obtain one with
 * {@link Backend#create()}.
 *
 * <p>Hard thresholding has one shared implementation here: the selection itself is O(p) work on a
 * flat array ({@link TopS}) and is the same for every library, so a backend only overrides it when
 * its library has a genuinely different selector.
 *
 * <p>Thread safety: a backend instance holds no mutable state between calls, so kernels may be
 * called from several threads on distinct operands.
 *
 * @param <M> the library-native matrix type
 */
public interface LinearAlgebraBackend<M>
    extends Conversions<M>, LeastSquares<M>, Products<M>, Elementwise<M>, Thresholding<M>, NetworkKernels<M> {

  /** Library, version and threads actually used. */
  BackendInfo info();

  @Override
  default M keepMask(M importance, int s) {
    Matrix imp = toBoundary(importance);
    return fromFiniteBoundary(Matrix.wrap(imp.rows(), imp.cols(), TopS.keepMask(imp.data(), s)));
  }

  @Override
  default M keepMaskPerGroup(M importance, int[] groupSizes, double keepFraction) {
    Matrix imp = toBoundary(importance);
    return fromFiniteBoundary(Matrix.wrap(imp.rows(), imp.cols(),
        TopS.keepMaskPerGroup(imp.data(), groupSizes, keepFraction)));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Shared implementation: a zero output and {@link #hardThresholdInto}, which writes the kept
   * weights directly (no intermediate mask, no Hadamard product).
   */
  @Override
  default M hardThreshold(M weights, M importance, int s) {
    if (rows(weights) != rows(importance) || cols(weights) != cols(importance)) {
      Checks.requireSameShape("weights", rows(weights), cols(weights), "importance", rows(importance),
          cols(importance));
    }
    M out = zeros(rows(weights), cols(weights));
    hardThresholdInto(weights, importance, s, out);
    return out;
  }

  /**
   * {@inheritDoc}
   *
   * <p>Shared implementation: {@link TopS#hardThresholdInto} on the backing arrays (entrywise
   * selection does not depend on the layout, but ties are broken by flat index, so a column-major
   * backend goes through row-major copies); a library that hides its storage copies in and out.
   */
  @Override
  default void hardThresholdInto(M weights, M importance, int s, M out) {
    Checks.requireSameShape("weights", rows(weights), cols(weights), "importance", rows(importance),
        cols(importance));
    Checks.requireSameShape("weights", rows(weights), cols(weights), "out", rows(out), cols(out));
    boolean direct = storageOrder() == StorageOrder.ROW_MAJOR && storage(out) != null;
    double[] w = direct ? storage(weights) : toBoundary(weights).data();
    double[] imp = direct ? storage(importance) : toBoundary(importance).data();
    double[] o = direct ? storage(out) : new double[w.length];
    TopS.hardThresholdInto(w, imp, s, o);
    if (!direct) {
      assign(out, o);
    }
  }
}
