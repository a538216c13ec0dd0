package dev.prunebench.accuracy;

import dev.prunebench.linalg.Matrix;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;

/**
 * The exact rank of a double matrix and a set of independent columns, by fraction-free Gaussian
 * elimination (Bareiss) in {@link BigInteger}. Every double is {@code m·2^e} with an integer m, so
 * multiplying the whole matrix by {@code 2^(−min e)} makes every entry an integer without changing
 * the rank; Bareiss keeps every intermediate an integer (a minor of the scaled matrix), so nothing
 * is rounded and "zero" means zero. Cost O(n·p·min(n, p)) big-integer operations; fine for the
 * catalogue's sizes (≤ 56).
 */
final class ExactRank {
  private ExactRank() {}

  /** Indices of a maximal set of linearly independent columns, in increasing order; its size is the rank. */
  static int[] independentColumns(Matrix x) {
    int n = x.rows();
    int p = x.cols();
    int minExp = Integer.MAX_VALUE;
    for (int k = 0; k < x.size(); k++) {
      double d = x.getFlat(k);
      if (d != 0) {
        minExp = Math.min(minExp, binaryExponent(d));
      }
    }
    BigInteger[][] a = new BigInteger[n][p];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        double d = x.get(i, j);
        a[i][j] = d == 0 ? BigInteger.ZERO : mantissa(d).shiftLeft(binaryExponent(d) - minExp);
      }
    }
    List<Integer> pivots = new ArrayList<>();
    BigInteger prev = BigInteger.ONE;
    int r = 0;
    for (int col = 0; col < p && r < n; col++) {
      int piv = -1;
      for (int i = r; i < n && piv < 0; i++) {
        if (a[i][col].signum() != 0) {
          piv = i;
        }
      }
      if (piv < 0) {
        continue; // column depends on the pivot columns before it
      }
      BigInteger[] t = a[piv];
      a[piv] = a[r];
      a[r] = t;
      BigInteger pv = a[r][col];
      for (int i = r + 1; i < n; i++) {
        BigInteger f = a[i][col];
        for (int j = col + 1; j < p; j++) {
          // Sylvester's identity: the quotient is exact (every entry stays a minor)
          BigInteger[] qr = pv.multiply(a[i][j]).subtract(f.multiply(a[r][j])).divideAndRemainder(prev);
          if (qr[1].signum() != 0) {
            throw new IllegalStateException("Bareiss division not exact at (" + i + ", " + j + ")");
          }
          a[i][j] = qr[0];
        }
        a[i][col] = BigInteger.ZERO;
      }
      prev = pv;
      pivots.add(col);
      r++;
    }
    return pivots.stream().mapToInt(Integer::intValue).toArray();
  }

  /** e with d = m·2^e and |m| &lt; 2^53 an integer. */
  private static int binaryExponent(double d) {
    int e = Math.getExponent(d);
    return e < Double.MIN_EXPONENT ? -1074 : e - 52;
  }

  private static BigInteger mantissa(double d) {
    long bits = Double.doubleToRawLongBits(d);
    long m = bits & ((1L << 52) - 1);
    if (Math.getExponent(d) >= Double.MIN_EXPONENT) {
      m |= 1L << 52;
    }
    BigInteger b = BigInteger.valueOf(m);
    return d < 0 ? b.negate() : b;
  }
}
