package dev.prunebench.linalg;

import java.util.Arrays;

/**
 * The immutable, row-major boundary matrix: the only matrix type that crosses from one backend to
 * another. Kernels never run on it; a backend converts it to its own library-native type with
 * {@link Conversions#fromBoundary(Matrix)} and back with {@link Conversions#toBoundary(Object)}
 * (the Java-Matrix-Benchmark {@code convertToLib} lesson: conversion is explicit and measurable).
 *
 * <p>Entry (i, j) is stored at {@code data[i * cols + j]}. Both dimensions are at least 1: an empty
 * matrix is rejected, never silently carried along. Entries may be any double, NaN included, so that
 * a backend can report a NaN result faithfully; non-finite <em>inputs</em> are rejected where they
 * enter a backend, by {@link Conversions#fromBoundary(String, Matrix)} (and kernels do not rescan).
 */
public final class Matrix {
  private final int rows;
  private final int cols;
  private final double[] data;

  private Matrix(int rows, int cols, double[] data) {
    this.rows = rows;
    this.cols = cols;
    this.data = data;
  }

  /**
   * A matrix from row-major data.
   *
   * @param rows number of rows, at least 1
   * @param cols number of columns, at least 1
   * @param rowMajor {@code rows * cols} entries, row after row; copied, not modified
   * @throws IllegalArgumentException if a dimension is below 1 or the length does not match
   */
  public static Matrix of(int rows, int cols, double... rowMajor) {
    Checks.requireDimensions(rows, cols);
    if (rowMajor == null || rowMajor.length != (long) rows * cols) {
      throw new IllegalArgumentException("rowMajor: expected " + ((long) rows * cols) + " entries for a "
          + rows + "x" + cols + " matrix, got " + (rowMajor == null ? "null" : rowMajor.length));
    }
    return new Matrix(rows, cols, rowMajor.clone());
  }

  /**
   * Wraps an array without copying. Only for backends and kernels that have just allocated
   * {@code rowMajor} and will never write to it again.
   */
  public static Matrix wrap(int rows, int cols, double[] rowMajor) {
    Checks.requireDimensions(rows, cols);
    if (rowMajor.length != (long) rows * cols) {
      throw new IllegalArgumentException("rowMajor: expected " + ((long) rows * cols) + " entries, got "
          + rowMajor.length);
    }
    return new Matrix(rows, cols, rowMajor);
  }

  /** A matrix from an array of equally long rows; copied. */
  public static Matrix fromRows(double[][] rowsArray) {
    if (rowsArray == null || rowsArray.length == 0) {
      throw new IllegalArgumentException("rows: a matrix needs at least one row, got "
          + (rowsArray == null ? "null" : "0 rows"));
    }
    int c = rowsArray[0].length;
    double[] d = new double[rowsArray.length * c];
    for (int i = 0; i < rowsArray.length; i++) {
      if (rowsArray[i].length != c) {
        throw new IllegalArgumentException("rows[" + i + "]: length " + rowsArray[i].length
            + " differs from rows[0] length " + c);
      }
      System.arraycopy(rowsArray[i], 0, d, i * c, c);
    }
    return of(rowsArray.length, c, d);
  }

  /** An n x 1 column vector; copied. */
  public static Matrix column(double... values) {
    return of(values.length, 1, values);
  }

  /** A 1 x n row vector; copied. */
  public static Matrix row(double... values) {
    return of(1, values.length, values);
  }

  /** The all-zero matrix. */
  public static Matrix zeros(int rows, int cols) {
    Checks.requireDimensions(rows, cols);
    return new Matrix(rows, cols, new double[rows * cols]);
  }

  /** The n x n identity. */
  public static Matrix identity(int n) {
    Checks.requireDimensions(n, n);
    double[] d = new double[n * n];
    for (int i = 0; i < n; i++) {
      d[i * n + i] = 1.0;
    }
    return new Matrix(n, n, d);
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  /** Number of entries, {@code rows * cols}. */
  public int size() {
    return data.length;
  }

  public double get(int i, int j) {
    if (i < 0 || i >= rows || j < 0 || j >= cols) {
      throw new IndexOutOfBoundsException("(" + i + ", " + j + ") outside " + rows + "x" + cols);
    }
    return data[i * cols + j];
  }

  /** Entry {@code k} in row-major order (the flattened index used by hard thresholding). */
  public double getFlat(int k) {
    return data[k];
  }

  /**
   * The backing row-major array itself, for read-only use inside this package (kernels that must not
   * pay for a defensive copy). Never written to, never handed out.
   */
  double[] data() {
    return data;
  }

  /** A fresh row-major copy of the entries. */
  public double[] toArray() {
    return data.clone();
  }

  /** Copies the row-major entries into {@code dst} starting at {@code offset}. */
  public void copyInto(double[] dst, int offset) {
    System.arraycopy(data, 0, dst, offset, data.length);
  }

  /**
   * Copies the row-major entries into {@code dst} at absolute positions {@code 0 .. size()-1} (one bulk
   * copy; a direct buffer makes this a single memcpy off-heap, for native backends). The buffer's
   * position is not changed.
   */
  public void copyInto(java.nio.DoubleBuffer dst) {
    dst.put(0, data);
  }

  /** A fresh copy as an array of rows. */
  public double[][] toRows() {
    double[][] r = new double[rows][cols];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(data, i * cols, r[i], 0, cols);
    }
    return r;
  }

  /** The transpose, as a new boundary matrix. */
  public Matrix transpose() {
    double[] t = new double[data.length];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        t[j * rows + i] = data[i * cols + j];
      }
    }
    return new Matrix(cols, rows, t);
  }

  /** Frobenius norm, computed with scaling so that it neither overflows nor underflows. */
  public double frobeniusNorm() {
    double scale = 0;
    double ssq = 1;
    for (double v : data) {
      if (v != 0) {
        double a = Math.abs(v);
        if (scale < a) {
          ssq = 1 + ssq * (scale / a) * (scale / a);
          scale = a;
        } else {
          ssq += (a / scale) * (a / scale);
        }
      }
    }
    return scale * Math.sqrt(ssq);
  }

  /** Largest absolute entry-wise difference to {@code other}, which must have the same shape. */
  public double maxAbsDiff(Matrix other) {
    Checks.requireSameShape("other", other, "this", this);
    double m = 0;
    for (int k = 0; k < data.length; k++) {
      m = Math.max(m, Math.abs(data[k] - other.data[k]));
    }
    return m;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Matrix m && m.rows == rows && m.cols == cols && Arrays.equals(m.data, data);
  }

  @Override
  public int hashCode() {
    return 31 * (31 * rows + cols) + Arrays.hashCode(data);
  }

  @Override
  public String toString() {
    return "Matrix[" + rows + "x" + cols + "]";
  }
}
