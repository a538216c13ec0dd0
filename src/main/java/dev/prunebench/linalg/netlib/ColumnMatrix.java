package dev.prunebench.linalg.netlib;

/**
 * The netlib backend's native matrix: a heap {@code double[]} in column-major (Fortran) order, the
 * layout every BLAS/LAPACK routine takes directly (leading dimension = rows), so no call copies or
 * transposes its operands. Entry (i, j) is {@code data[i + j * rows]}.
 */
public final class ColumnMatrix {
  private final int rows;
  private final int cols;
  private final double[] data;

  ColumnMatrix(int rows, int cols, double[] data) {
    if (data.length != (long) rows * cols) {
      throw new IllegalArgumentException("data: need " + (long) rows * cols + " entries, got " + data.length);
    }
    this.rows = rows;
    this.cols = cols;
    this.data = data;
  }

  /** A rows x cols matrix of zeros. */
  static ColumnMatrix zeros(int rows, int cols) {
    return new ColumnMatrix(rows, cols, new double[Math.multiplyExact(rows, cols)]);
  }

  int rows() {
    return rows;
  }

  int cols() {
    return cols;
  }

  /** The backing array itself (not a copy). */
  double[] data() {
    return data;
  }

  double get(int i, int j) {
    return data[i + j * rows];
  }
}
