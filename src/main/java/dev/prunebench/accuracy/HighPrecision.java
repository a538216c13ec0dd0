package dev.prunebench.accuracy;

import dev.prunebench.linalg.Matrix;
import java.math.BigDecimal;
import java.math.MathContext;

/**
 * A higher-precision reference for small, full-rank problems: {@code X⁺} and the minimum-norm
 * solution computed in {@link BigDecimal} arithmetic with 60 significant digits.
 *
 * <p>The double entries of X and y are exact in BigDecimal, products and sums of them are exact, and
 * the only rounding is in the Gauss–Jordan elimination of the Gram matrix, at 60 digits. For a
 * condition number κ(X) ≤ 1e12 the Gram matrix has κ ≤ 1e24, so the reference keeps ≥ 30 correct
 * digits: far more than the 16 a double result can be compared against.
 *
 * <p>Formulas (X is n x p of full rank): n ≤ p: {@code X⁺ = Xᵀ (X Xᵀ)⁻¹}; n &gt; p:
 * {@code X⁺ = (Xᵀ X)⁻¹ Xᵀ}; the minimum-norm solution is {@code θ* = X⁺ y}.
 */
public final class HighPrecision {
  private HighPrecision() {}

  private static final MathContext MC = new MathContext(60);

  /** {@code X⁺} of a full-rank X, rounded to double at the end. */
  public static Matrix pseudoInverse(Matrix x) {
    BigDecimal[][] pinv = pinv(big(x));
    return toMatrix(pinv);
  }

  /** {@code θ* = X⁺ y} of a full-rank X, rounded to double at the end. */
  public static Matrix minNormSolution(Matrix x, Matrix y) {
    return toMatrix(mul(pinv(big(x)), big(y)));
  }

  private static BigDecimal[][] pinv(BigDecimal[][] x) {
    int n = x.length;
    int p = x[0].length;
    BigDecimal[][] xt = transpose(x);
    if (n <= p) {
      return mul(xt, inverse(mul(x, xt)));
    }
    return mul(inverse(mul(xt, x)), xt);
  }

  private static BigDecimal[][] big(Matrix m) {
    BigDecimal[][] b = new BigDecimal[m.rows()][m.cols()];
    for (int i = 0; i < m.rows(); i++) {
      for (int j = 0; j < m.cols(); j++) {
        b[i][j] = new BigDecimal(m.get(i, j));
      }
    }
    return b;
  }

  private static Matrix toMatrix(BigDecimal[][] b) {
    double[] d = new double[b.length * b[0].length];
    for (int i = 0; i < b.length; i++) {
      for (int j = 0; j < b[0].length; j++) {
        d[i * b[0].length + j] = b[i][j].doubleValue();
      }
    }
    return Matrix.wrap(b.length, b[0].length, d);
  }

  private static BigDecimal[][] transpose(BigDecimal[][] a) {
    BigDecimal[][] t = new BigDecimal[a[0].length][a.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[0].length; j++) {
        t[j][i] = a[i][j];
      }
    }
    return t;
  }

  private static BigDecimal[][] mul(BigDecimal[][] a, BigDecimal[][] b) {
    int n = a.length;
    int k = b.length;
    int m = b[0].length;
    BigDecimal[][] c = new BigDecimal[n][m];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < m; j++) {
        BigDecimal s = BigDecimal.ZERO;
        for (int l = 0; l < k; l++) {
          s = s.add(a[i][l].multiply(b[l][j], MC), MC);
        }
        c[i][j] = s;
      }
    }
    return c;
  }

  /** Gauss–Jordan inverse with partial pivoting, at 60 digits. */
  private static BigDecimal[][] inverse(BigDecimal[][] a) {
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
