package dev.prunebench.bench;

/**
 * Problem sizes taken from the paper, as a JMH {@code @Param}. {@code SANITY_*} are tiny versions used
 * only by the benchmark sanity test, never in a real run (benchmarks list their sizes explicitly).
 */
public enum Shape {
  /** Figure 1: n = 600 samples, p = 1000 features (κ = 5/3). */
  N600_P1000(600, 1000, 0),
  /** Figure 1 scaled by 4 (the numpy reference point). */
  N2400_P4000(2400, 4000, 0),
  /** An over-determined (tall) least-squares case. */
  N2000_P500(2000, 500, 0),
  /** GEMM at the network's batch shape: C (128 x 1024) with inner dimension 784. */
  M128_K784_N1024(128, 1024, 784),
  /** GEMM 1024 x 1024 x 1024 (the hidden layer squared). */
  M1024_K1024_N1024(1024, 1024, 1024),
  /** GEMM 2000 x 2000 x 2000 (the numpy reference point). */
  M2000_K2000_N2000(2000, 2000, 2000),
  /** Tiny wide least squares, for the sanity test. */
  SANITY_WIDE(12, 20, 0),
  /** Tiny tall least squares, for the sanity test. */
  SANITY_TALL(20, 12, 0),
  /** Tiny GEMM, for the sanity test. */
  SANITY_GEMM(7, 9, 5);

  /** Rows (n, or GEMM's m). */
  public final int rows;
  /** Columns (p, or GEMM's n). */
  public final int cols;
  /** GEMM's inner dimension k; 0 for least-squares shapes. */
  public final int inner;

  Shape(int rows, int cols, int inner) {
    this.rows = rows;
    this.cols = cols;
    this.inner = inner;
  }
}
