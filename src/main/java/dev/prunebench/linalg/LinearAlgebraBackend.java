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
 * <p>Thread safety: a backend instance holds no mutable state between calls, so kernels may be
 * called from several threads on distinct operands.
 *
 * @param <M> the library-native matrix type
 */
public interface LinearAlgebraBackend<M>
    extends Conversions<M>, LeastSquares<M>, Products<M>, Elementwise<M>, Thresholding<M> {

  /** Library, version and threads actually used. */
  BackendInfo info();
}
