package dev.prunebench.linalg;

/**
 * Exact power-of-two scaling that keeps least-squares inputs away from overflow and underflow.
 *
 * <p>Every min-norm algorithm squares entries somewhere: Gram matrices {@code X Xᵀ}, Householder
 * reflector norms, one-sided Jacobi's {@code ‖bᵢ‖²}. For a matrix of 1e-170s those squares underflow
 * to zero (a full-rank X then looks singular, or an SVD silently drops it); for 1e170s they overflow.
 * Scaling X by {@code 2^-a} and Y by {@code 2^-b} is exact in binary floating point, and
 * {@code (2^a X)⁺ (2^b Y) = 2^(b−a) X⁺ Y}, so the result is unscaled exactly as well.
 *
 * <p>This class decides the global exponent; {@link Scaling} applies it (and the row/column
 * equilibration) inside the shared {@link MinNormSolver} flow. Inside {@code [2^-256, 2^256)} nothing
 * is scaled and nothing is copied.
 */
public final class PowerOfTwoScaling {

  /** Largest |entry| exponents in [-256, 256) are left alone: their squares stay normal doubles. */
  private static final int SAFE_EXPONENT = 256;

  private PowerOfTwoScaling() {}

  /**
   * The scaling exponent for entries whose largest absolute value is {@code maxAbs}: for backends
   * whose storage is not one flat array, or that already know the maximum.
   */
  public static int exponentOfMax(double maxAbs) {
    if (maxAbs == 0) {
      return 0;
    }
    int e = Math.getExponent(maxAbs);
    return e >= -SAFE_EXPONENT && e < SAFE_EXPONENT ? 0 : e;
  }
}
