/**
 * The reference backend: plain Java written for this project, no library. It is the correctness
 * baseline every library backend is compared with, and it is cache-aware enough (blocked GEMM,
 * row-oriented factorisations) for the paper's Section 4 network to train on it.
 *
 * <p>{@link dev.prunebench.linalg.reference.ReferenceBackend} implements the kernels on
 * {@link dev.prunebench.linalg.reference.DenseMatrix}; the package-private classes hold the numerics:
 * {@code Gemm} (products and Gram matrices), {@code Cholesky}, {@code HouseholderLq} (QR and LQ,
 * optionally pivoted), {@code JacobiSvd} and {@code MinNorm} (the factorisations behind the shared
 * minimum-norm flow of paper eq. 3.2, {@link dev.prunebench.linalg.MinNormSolver}).
 */
package dev.prunebench.linalg.reference;
