package dev.prunebench.accuracy;

import dev.prunebench.linalg.Matrix;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * Dense linear algebra in {@link BigDecimal} at {@value #DIGITS} significant digits, for the
 * references of {@link HighPrecision} and {@link MinNormReference}. Matrices are {@code BigDecimal[rows][cols]}.
 */
final class BigLinear {
  private BigLinear() {}

  static final int DIGITS = 60;
  static final MathContext MC = new MathContext(DIGITS);

  /**
   * The values of the doubles, rounded to {@value #DIGITS} digits: exact for integers and most
   * doubles of ordinary size, and otherwise (e.g. a subnormal, whose exact decimal expansion has ~750
   * digits and would make every product slow) a relative change of 1e-60, far below the ≥ 25 digits
   * the references keep.
   */
  static BigDecimal[][] big(Matrix m) {
    BigDecimal[][] b = new BigDecimal[m.rows()][m.cols()];
    for (int i = 0; i < m.rows(); i++) {
      for (int j = 0; j < m.cols(); j++) {
        b[i][j] = new BigDecimal(m.get(i, j)).round(MC);
      }
    }
    return b;
  }

  /** Rounded to double; entries beyond the double range become ±∞ (see {@link #representable}). */
  static Matrix toMatrix(BigDecimal[][] b) {
    double[] d = new double[b.length * b[0].length];
    for (int i = 0; i < b.length; i++) {
      for (int j = 0; j < b[0].length; j++) {
        d[i * b[0].length + j] = b[i][j].doubleValue();
      }
    }
    return Matrix.wrap(b.length, b[0].length, d);
  }

  /** Whether every entry rounds to a finite double. */
  static boolean representable(BigDecimal[][] b) {
    for (BigDecimal[] row : b) {
      for (BigDecimal v : row) {
        if (Double.isInfinite(v.doubleValue())) {
          return false;
        }
      }
    }
    return true;
  }

  static BigDecimal[][] transpose(BigDecimal[][] a) {
    BigDecimal[][] t = new BigDecimal[a[0].length][a.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[0].length; j++) {
        t[j][i] = a[i][j];
      }
    }
    return t;
  }

  static BigDecimal[][] mul(BigDecimal[][] a, BigDecimal[][] b) {
    int n = a.length;
    int k = b.length;
    int m = b[0].length;
    BigDecimal[][] c = new BigDecimal[n][m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        BigDecimal s = BigDecimal.ZERO;
        for (int l = 0; l < k; l++) {
          if (a[i][l].signum() != 0 && b[l][j].signum() != 0) { // triangular and zero-padded members
            s = s.add(a[i][l].multiply(b[l][j], MC), MC);
          }
        }
        c[i][j] = s;
      }
    }
    return c;
  }

  static BigDecimal[][] sub(BigDecimal[][] a, BigDecimal[][] b) {
    BigDecimal[][] c = new BigDecimal[a.length][a[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[0].length; j++) {
        c[i][j] = a[i][j].subtract(b[i][j], MC);
      }
    }
    return c;
  }

  /** Columns {@code cols} of a. */
  static BigDecimal[][] columns(BigDecimal[][] a, int[] cols) {
    BigDecimal[][] c = new BigDecimal[a.length][cols.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < cols.length; j++) {
        c[i][j] = a[i][cols[j]];
      }
    }
    return c;
  }

  /** Frobenius norm, rounded to double after the square root at full precision. */
  static double frobenius(BigDecimal[][] a) {
    BigDecimal s = BigDecimal.ZERO;
    for (BigDecimal[] row : a) {
      for (BigDecimal v : row) {
        s = s.add(v.multiply(v, MC), MC);
      }
    }
    return s.sqrt(MC).doubleValue();
  }

  /**
   * Orthonormalises the columns of w in place (modified Gram–Schmidt, twice for stability).
   *
   * @throws IllegalStateException if a column is (numerically) dependent on the earlier ones
   */
  static void orthonormalise(BigDecimal[][] w) {
    int n = w.length;
    int k = w[0].length;
    for (int pass = 0; pass < 2; pass++) {
      for (int j = 0; j < k; j++) {
        for (int q = 0; q < j; q++) {
          BigDecimal d = BigDecimal.ZERO;
          for (int i = 0; i < n; i++) {
            d = d.add(w[i][q].multiply(w[i][j], MC), MC);
          }
          for (int i = 0; i < n; i++) {
            w[i][j] = w[i][j].subtract(d.multiply(w[i][q], MC), MC);
          }
        }
        BigDecimal norm = BigDecimal.ZERO;
        for (int i = 0; i < n; i++) {
          norm = norm.add(w[i][j].multiply(w[i][j], MC), MC);
        }
        norm = norm.sqrt(MC);
        if (norm.signum() == 0) {
          throw new IllegalStateException("orthonormalise: column " + j + " is dependent");
        }
        for (int i = 0; i < n; i++) {
          w[i][j] = w[i][j].divide(norm, MC);
        }
      }
    }
  }

  /** Gauss–Jordan inverse with partial pivoting, at {@value #DIGITS} digits. */
  static BigDecimal[][] inverse(BigDecimal[][] a) {
    int n = a.length;
    BigDecimal[][] m = new BigDecimal[n][2 * n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        m[i][j] = a[i][j];
        m[i][n + j] = i == j ? BigDecimal.ONE : BigDecimal.ZERO;
      }
    }
    for (int col = 0; col < n; col++) {
      int piv = col;
      for (int r = col + 1; r < n; r++) {
        if (m[r][col].abs().compareTo(m[piv][col].abs()) > 0) {
          piv = r;
        }
      }
      if (m[piv][col].signum() == 0) {
        throw new IllegalArgumentException("x: Gram matrix is exactly singular at column " + col
            + "; the high-precision reference needs full rank");
      }
      BigDecimal[] tmp = m[col];
      m[col] = m[piv];
      m[piv] = tmp;
      BigDecimal d = m[col][col];
      for (int j = 0; j < 2 * n; j++) {
        m[col][j] = m[col][j].divide(d, MC);
      }
      for (int r = 0; r < n; r++) {
        if (r != col && m[r][col].signum() != 0) {
          BigDecimal f = m[r][col];
          for (int j = 0; j < 2 * n; j++) {
            m[r][j] = m[r][j].subtract(f.multiply(m[col][j], MC), MC);
          }
        }
      }
    }
    BigDecimal[][] inv = new BigDecimal[n][n];
    for (int i = 0; i < n; i++) {
      System.arraycopy(m[i], n, inv[i], 0, n);
    }
    return inv;
  }
}
