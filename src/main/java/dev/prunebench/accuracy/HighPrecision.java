package dev.prunebench.accuracy;

import static dev.prunebench.accuracy.BigLinear.big;
import static dev.prunebench.accuracy.BigLinear.inverse;
import static dev.prunebench.accuracy.BigLinear.mul;
import static dev.prunebench.accuracy.BigLinear.toMatrix;
import static dev.prunebench.accuracy.BigLinear.transpose;

import dev.prunebench.linalg.Matrix;
import java.math.BigDecimal;

/**
 * A higher-precision reference for small, full-rank problems: {@code X⁺} and the minimum-norm
 * solution computed in {@link BigDecimal} arithmetic with 60 significant digits. Rank-deficient and
 * rcond-truncated problems: {@link MinNormReference}.
 *
 * <p>The double entries of X and y are exact in BigDecimal; every product and sum is rounded to 60
 * digits, as is the Gauss–Jordan elimination of the Gram matrix. For a condition number κ(X) ≤ 1e16
 * the Gram matrix has κ ≤ 1e32, so the reference keeps ≥ 25 correct digits: far more than the 16 a
 * double result can be compared against.
 *
 * <p>Formulas (X is n x p of full rank): n ≤ p: {@code X⁺ = Xᵀ (X Xᵀ)⁻¹}; n &gt; p:
 * {@code X⁺ = (Xᵀ X)⁻¹ Xᵀ}; the minimum-norm solution is {@code θ* = X⁺ y}.
 */
public final class HighPrecision {
  private HighPrecision() {}

  /** {@code X⁺} of a full-rank X, rounded to double at the end. */
  public static Matrix pseudoInverse(Matrix x) {
    return toMatrix(pinv(big(x)));
  }

  /** {@code θ* = X⁺ y} of a full-rank X, rounded to double at the end. */
  public static Matrix minNormSolution(Matrix x, Matrix y) {
    return toMatrix(mul(pinv(big(x)), big(y)));
  }

  /**
   * {@code X⁺} of a full-rank X at 60 digits.
   *
   * @throws IllegalArgumentException if the Gram matrix is exactly singular
   */
  static BigDecimal[][] pinv(BigDecimal[][] x) {
    int n = x.length;
    int p = x[0].length;
    BigDecimal[][] xt = transpose(x);
    if (n <= p) {
      return mul(xt, inverse(mul(x, xt)));
    }
    return mul(inverse(mul(xt, x)), xt);
  }
}
