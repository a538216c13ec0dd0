/**
 * The Hipparchus 4.0.2 backend ({@link dev.prunebench.linalg.hipparchus.HipparchusBackend}, native type
 * {@code BlockRealMatrix}); the only package that imports Hipparchus, the maintained successor of
 * Commons Math 3.
 *
 * <p>{@code HipparchusLeastSquares} holds Hipparchus' factorisations behind the shared minimum-norm flow
 * of paper eq. 3.2 and the pseudo-inverse ({@link dev.prunebench.linalg.MinNormSolver}):
 * {@code CholeskyDecomposition}, {@code RRQRDecomposition} and {@code SingularValueDecomposition}.
 */
package dev.prunebench.linalg.hipparchus;
