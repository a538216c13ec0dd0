package dev.prunebench.linalg;

/**
 * How a backend lays out the entries of a matrix in its backing array: entry (i, j) of an r x c
 * matrix sits at {@code i·c + j} ({@link #ROW_MAJOR}) or {@code i + j·r} ({@link #COLUMN_MAJOR}).
 * Entrywise kernels do not care; row-wise ones (softmax, row gathers) index through it.
 */
public enum StorageOrder {
  ROW_MAJOR,
  COLUMN_MAJOR;

  /** Flat index of (i, j) in an r x c matrix. */
  public int index(int i, int j, int rows, int cols) {
    return this == ROW_MAJOR ? i * cols + j : i + j * rows;
  }
}
