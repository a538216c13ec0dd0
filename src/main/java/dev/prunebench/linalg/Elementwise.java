package dev.prunebench.linalg;

/**
 * The elementwise and row-wise kernels the two-layer network of paper Section 4 needs
 * ({@code f(x) = V · ReLU(W x)}, cross-entropy loss eq. 4.1), so that it trains on every backend.
 * Inputs are never modified; every method returns a new matrix.
 *
 * @param <M> library-native matrix type
 */
public interface Elementwise<M> {

  /** {@code max(a, 0)} entrywise. */
  M relu(M a);

  /** The ReLU derivative mask: 1 where {@code a > 0}, 0 elsewhere. */
  M reluMask(M a);

  /** Hadamard product {@code a ∘ b}; same shapes. */
  M hadamard(M a, M b);

  /** {@code a + alpha · b}; same shapes. */
  M addScaled(M a, double alpha, M b);

  /** {@code alpha · a}. */
  M scale(M a, double alpha);

  /**
   * Row-wise softmax {@code P_ik = exp(Z_ik − max_k Z_ik) / Σ_k exp(Z_ik − max_k Z_ik)}; subtracting
   * the row maximum keeps it finite for any finite input.
   */
  M softmaxRows(M z);

  /** Column sums, as a 1 x cols row vector. */
  M columnSums(M a);

  /** Sum of all entries. */
  double sum(M a);
}
