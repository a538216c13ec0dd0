/**
 * The EJML 0.46.1 backend ({@link dev.prunebench.linalg.ejml.EjmlBackend}, native type
 * {@code DMatrixRMaj}); the only package that imports EJML.
 *
 * <p>{@code EjmlOps} is the single switch between EJML's single-threaded and concurrent
 * ({@code _MT_}) code; {@code EjmlLeastSquares} holds EJML's factorisations (Cholesky, column-pivoted
 * QR, SVD) behind the shared minimum-norm flow of paper eq. 3.2 and the pseudo-inverse
 * ({@link dev.prunebench.linalg.MinNormSolver}).
 */
package dev.prunebench.linalg.ejml;
