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
    extends Conversions<M>, LeastSquares<M>, Products<M>, Elementwise<M>, Thresholding<M> {

  /** Library, version and threads actually used. */
  BackendInfo info();

  @Override
  default M keepMask(M importance, int s) {
    Matrix imp = toBoundary(importance);
    return fromBoundary(Matrix.wrap(imp.rows(), imp.cols(), TopS.keepMask(imp.data(), s)));
  }

  @Override
  default M keepMaskPerGroup(M importance, int[] groupSizes, double keepFraction) {
    Matrix imp = toBoundary(importance);
    return fromBoundary(Matrix.wrap(imp.rows(), imp.cols(),
        TopS.keepMaskPerGroup(imp.data(), groupSizes, keepFraction)));
  }

  /**
   * {@inheritDoc}
   *
   * <p>Shared implementation: both operands cross to the boundary once, {@link TopS#hardThreshold}
   * writes the kept weights directly (no intermediate mask, no Hadamard product), and the result
   * crosses back once.
   */
  @Override
  default M hardThreshold(M weights, M importance, int s) {
    if (rows(weights) != rows(importance) || cols(weights) != cols(importance)) {
      Checks.requireSameShape("weights", rows(weights), cols(weights), "importance", rows(importance),
          cols(importance));
    }
    Matrix w = toBoundary(weights);
    Matrix imp = toBoundary(importance);
    return fromBoundary(Matrix.wrap(w.rows(), w.cols(), TopS.hardThreshold(w.data(), imp.data(), s)));
  }
}
