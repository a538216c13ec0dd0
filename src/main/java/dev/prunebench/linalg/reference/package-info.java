/**
 * The reference backend: plain Java written for this project, no library. It is the correctness
 * baseline every library backend is compared with, and it is cache-aware enough (blocked GEMM,
 * row-oriented factorisations) for the paper's Section 4 network to train on it.
 *
 * <p>{@link dev.prunebench.linalg.reference.ReferenceBackend} implements the kernels on
 * {@link dev.prunebench.linalg.reference.DenseMatrix}; the package-private classes hold the numerics:
 * {@code Gemm} (products and Gram matrices), {@code Cholesky}, {@code HouseholderLq} (QR and LQ),
 * {@code JacobiSvd} and {@code MinNorm} (paper eq. 3.2 by each algorithm).
 */
package dev.prunebench.linalg.reference;
