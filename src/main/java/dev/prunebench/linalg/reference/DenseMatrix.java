package dev.prunebench.linalg.reference;

import dev.prunebench.linalg.Checks;

/**
 * The reference backend's native matrix: mutable, dense, row-major, on the heap. Entry (i, j) is
 * {@code data()[i * cols() + j]}, the same layout as the boundary {@link dev.prunebench.linalg.Matrix},
 * so conversion is one array copy.
 *
 * <p>Kernels of {@link ReferenceBackend} never modify their arguments and always return a new
 * instance; callers that own a {@code DenseMatrix} may write to {@link #data()} directly.
 */
public final class DenseMatrix {
  private final int rows;
  private final int cols;
  private final double[] data;

  /** A zero matrix. */
  public DenseMatrix(int rows, int cols) {
    Checks.requireDimensions(rows, cols);
    this.rows = rows;
    this.cols = cols;
    this.data = new double[Math.multiplyExact(rows, cols)];
  }

  /**
   * Wraps {@code rowMajor} without copying; the new matrix owns it from now on.
   *
   * @throws IllegalArgumentException if a dimension is below 1 or the length does not match
   */
  public DenseMatrix(int rows, int cols, double[] rowMajor) {
    Checks.requireDimensions(rows, cols);
    if (rowMajor.length != (long) rows * cols) {
      throw new IllegalArgumentException("rowMajor: expected " + ((long) rows * cols) + " entries for a "
          + rows + "x" + cols + " matrix, got " + rowMajor.length);
    }
    this.rows = rows;
    this.cols = cols;
    this.data = rowMajor;
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  /** The backing row-major array itself (not a copy). */
  public double[] data() {
    return data;
  }

  public double get(int i, int j) {
    return data[index(i, j)];
  }

  public void set(int i, int j, double value) {
    data[index(i, j)] = value;
  }

  /** A deep copy. */
  public DenseMatrix copy() {
    return new DenseMatrix(rows, cols, data.clone());
  }

  private int index(int i, int j) {
    if (i < 0 || i >= rows || j < 0 || j >= cols) {
      throw new IndexOutOfBoundsException("(" + i + ", " + j + ") outside " + rows + "x" + cols);
    }
    return i * cols + j;
  }

  @Override
  public String toString() {
    return "DenseMatrix[" + rows + "x" + cols + "]";
  }
}
