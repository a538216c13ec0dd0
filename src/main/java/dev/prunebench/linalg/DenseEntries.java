package dev.prunebench.linalg;

/**
 * The entry-wise parts of {@link MinNormKernels} for backends that keep a dense matrix in one heap
 * array, row-major (reference, EJML) or column-major (ojAlgo): written once so that the scans and the
 * exact power-of-two scaling are the same loops everywhere. Entry (i, j) is {@code d[i·cols + j]}
 * (row-major) or {@code d[i + j·rows]} (column-major).
 */
public final class DenseEntries {
  private DenseEntries() {}

  private static int index(int i, int j, int rows, int cols, boolean rowMajor) {
    return rowMajor ? i * cols + j : i + j * rows;
  }

  /** First non-finite entry in row-major order, or null. */
  public static MinNormKernels.Entry firstNonFinite(double[] d, int rows, int cols, boolean rowMajor) {
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        double v = d[index(i, j, rows, cols, rowMajor)];
        if (!Double.isFinite(v)) {
          return new MinNormKernels.Entry(i, j, v);
        }
      }
    }
    return null;
  }

  /** Largest |entry| per row; NaN and ∞ propagate, so a non-finite row maximum flags bad input. */
  public static double[] rowMaxAbs(double[] d, int rows, int cols, boolean rowMajor) {
    double[] max = new double[rows];
    if (rowMajor) {
      for (int i = 0; i < rows; i++) {
        double v = 0;
        for (int k = i * cols, end = k + cols; k < end; k++) {
          double a = Math.abs(d[k]);
          v = a > v || a != a ? a : v;
        }
        max[i] = v;
      }
    } else {
      for (int j = 0; j < cols; j++) {
        for (int i = 0, k = j * rows; i < rows; i++, k++) {
          double a = Math.abs(d[k]);
          max[i] = a > max[i] || a != a ? a : max[i];
        }
      }
    }
    return max;
  }

  /** Largest {@code |2^rowExp[i] d_ij|} per column. */
  public static double[] columnMaxAbs(double[] d, int rows, int cols, boolean rowMajor, int[] rowExp) {
    double[] max = new double[cols];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        max[j] = Math.max(max[j], Math.abs(Math.scalb(d[index(i, j, rows, cols, rowMajor)], rowExp[i])));
      }
    }
    return max;
  }

  /** A new array, same layout, entries {@code 2^(rowExp[i] + colExp[j]) d_ij}. */
  public static double[] scaled(double[] d, int rows, int cols, boolean rowMajor, int[] rowExp, int[] colExp) {
    double[] s = new double[d.length];
    for (int i = 0; i < rows; i++) {
      for (int j = 0; j < cols; j++) {
        int k = index(i, j, rows, cols, rowMajor);
        s[k] = Math.scalb(d[k], rowExp[i] + colExp[j]);
      }
    }
    return s;
  }

  /** Row i times {@code 2^rowExp[i]}, in place. */
  public static void scaleRowsInPlace(double[] d, int rows, int cols, boolean rowMajor, int[] rowExp) {
    for (int i = 0; i < rows; i++) {
      if (rowExp[i] != 0) {
        for (int j = 0; j < cols; j++) {
          int k = index(i, j, rows, cols, rowMajor);
          d[k] = Math.scalb(d[k], rowExp[i]);
        }
      }
    }
  }
}
