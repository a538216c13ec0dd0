/**
 * The Apache Commons Math 3.6.1 backend ({@link dev.prunebench.linalg.commonsmath.CommonsMathBackend},
 * native type {@code BlockRealMatrix}); the only package that imports Commons Math.
 *
 * <p>{@code CommonsMathLeastSquares} holds Commons' factorisations behind the shared minimum-norm flow
 * of paper eq. 3.2 and the pseudo-inverse ({@link dev.prunebench.linalg.MinNormSolver}):
 * {@code CholeskyDecomposition}, {@code RRQRDecomposition} and {@code SingularValueDecomposition}.
 */
package dev.prunebench.linalg.commonsmath;
