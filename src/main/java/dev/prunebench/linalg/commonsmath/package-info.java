/**
 * The Apache Commons Math 3.6.1 backend ({@link dev.prunebench.linalg.commonsmath.CommonsMathBackend},
 * native type {@code BlockRealMatrix}); the only package that imports Commons Math.
 *
 * <p>{@code CommonsMathLeastSquares} holds the three minimum-norm algorithms of paper eq. 3.2 and the
 * pseudo-inverse on Commons' {@code CholeskyDecomposition}, {@code QRDecomposition} and
 * {@code SingularValueDecomposition}.
 */
package dev.prunebench.linalg.commonsmath;
