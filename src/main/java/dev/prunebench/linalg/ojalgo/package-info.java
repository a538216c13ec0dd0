/**
 * The ojAlgo backend ({@link dev.prunebench.linalg.ojalgo.OjAlgoBackend}): ojAlgo 57.1.0's dense,
 * column-major {@code R064Store} as the native matrix, its {@code Cholesky.R064}, {@code QR.R064}
 * and {@code SingularValue.R064} decompositions behind the shared minimum-norm flow (paper eq. 3.2,
 * {@link dev.prunebench.linalg.MinNormSolver}) and the pseudo-inverse, its multiply kernels for GEMM, and plain array loops for the memory-bound
 * kernels. ojAlgo's only thread setting is process-wide; {@code OjAlgoThreads} scopes it per call.
 *
 * <p>The only package that imports ojAlgo.
 */
package dev.prunebench.linalg.ojalgo;
