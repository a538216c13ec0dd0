package dev.prunebench.linalg;

/**
 * Argument checks shared by every backend, so that each bad input fails the same way everywhere:
 * an {@link IllegalArgumentException} whose message names the argument and the offending value.
 */
public final class Checks {
  private Checks() {}

  public static void requireDimensions(int rows, int cols) {
    if (rows < 1 || cols < 1) {
      throw new IllegalArgumentException("matrix dimensions must be at least 1x1, got " + rows + "x" + cols
          + " (empty matrices are not supported)");
    }
  }

  /** Rejects NaN and infinite entries, naming the first one found. */
  public static void requireFinite(String name, Matrix m) {
    requireFinite(name, m.data(), m.cols()); // the backing array itself: one streaming pass, no copy
  }

  /** Rejects NaN and infinite entries of a raw row-major array. */
  public static void requireFinite(String name, double[] values, int cols) {
    for (int k = 0; k < values.length; k++) {
      if (!Double.isFinite(values[k])) {
        throw new NonFiniteInputException(name + ": entry (" + (k / cols) + ", " + (k % cols) + ") is "
            + values[k] + "; inputs must be finite");
      }
    }
  }

  public static void requireSameShape(String nameA, Matrix a, String nameB, Matrix b) {
    requireSameShape(nameA, a.rows(), a.cols(), nameB, b.rows(), b.cols());
  }

  public static void requireSameShape(String nameA, int ra, int ca, String nameB, int rb, int cb) {
    if (ra != rb || ca != cb) {
      throw new IllegalArgumentException("dimension mismatch: " + nameA + " is " + ra + "x" + ca + " but "
          + nameB + " is " + rb + "x" + cb);
    }
  }

  /** For {@code op(A) * op(B)}: the inner dimensions must agree. */
  public static void requireInner(String what, int innerA, int innerB, int ra, int ca, int rb, int cb) {
    if (innerA != innerB) {
      throw new IllegalArgumentException("dimension mismatch in " + what + ": A is " + ra + "x" + ca
          + ", B is " + rb + "x" + cb + " (inner dimensions " + innerA + " != " + innerB + ")");
    }
  }

  /** Least squares: X is n x p, Y must be n x k. */
  public static void requireRhs(int xRows, int xCols, int yRows, int yCols) {
    if (xRows != yRows) {
      throw new IllegalArgumentException("dimension mismatch: y has " + yRows + " rows but X is " + xRows
          + "x" + xCols);
    }
  }

  public static void requireRcond(double rcond) {
    if (!(rcond >= 0 && rcond < 1)) {
      throw new IllegalArgumentException("rcond must be in [0, 1), got " + rcond);
    }
  }
}
