package dev.prunebench.linalg;

/**
 * Dense matrix products (GEMM). No transpose is materialised by the caller: each variant maps to the
 * library's own transposed-operand call where it has one.
 *
 * @param <M> library-native matrix type
 */
public interface Products<M> {

  /** {@code C = A · B}. Inputs are not modified. */
  M multiply(M a, M b);

  /** {@code C = Aᵀ · B}. Inputs are not modified. */
  M multiplyTransA(M a, M b);

  /** {@code C = A · Bᵀ}. Inputs are not modified. */
  M multiplyTransB(M a, M b);
}
