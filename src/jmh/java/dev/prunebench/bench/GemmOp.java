package dev.prunebench.bench;

/** The three GEMM variants on the backend interface. */
public enum GemmOp {
  /** {@code C = A · B}, A is m x k, B is k x n. */
  AB,
  /** {@code C = Aᵀ · B}, A is k x m, B is k x n (the network's weight gradient). */
  AT_B,
  /** {@code C = A · Bᵀ}, A is m x k, B is n x k (the network's forward pass X Wᵀ). */
  A_BT
}
