package dev.prunebench.accuracy;

/** Wide (the paper's n &lt; p regime), square and tall designs, small enough for the BigDecimal reference. */
public enum AccuracyShape {
  WIDE(20, 32),
  SQUARE(24, 24),
  TALL(32, 20);

  public final int rows;
  public final int cols;

  AccuracyShape(int rows, int cols) {
    this.rows = rows;
    this.cols = cols;
  }
}
