/**
 * The EJML 0.46.1 backend ({@link dev.prunebench.linalg.ejml.EjmlBackend}, native type
 * {@code DMatrixRMaj}); the only package that imports EJML.
 *
 * <p>{@code EjmlOps} is the single switch between EJML's single-threaded and concurrent
 * ({@code _MT_}) code; {@code EjmlLeastSquares} holds the three minimum-norm algorithms of paper
 * eq. 3.2 and the pseudo-inverse.
 */
package dev.prunebench.linalg.ejml;
