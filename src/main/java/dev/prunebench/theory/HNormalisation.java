package dev.prunebench.theory;

/**
 * The variance of the Gaussian vector h in Definition 3.2 — an erratum in the paper.
 *
 * <p>The main text (Definition 3.2) writes {@code h ~ N(0, I_p/n)}; the derivation in Appendix A.3
 * (A.16–A.29) normalises {@code h̄ = h/√p}, i.e. {@code h̄ ~ N(0, I_p/p)}. With identity covariance
 * the auxiliary vector is {@code θ̄/κ + √Γ h} with {@code Γ = σ²/(κ−1) + (κ−1)‖θ̄‖²/κ²}, so its
 * excess risk is {@code (1 − 1/κ)²‖θ̄‖² + Γ · E‖h‖²}:
 * <ul>
 *   <li>{@link #PER_P}: {@code E‖h‖² = 1} gives {@code ‖θ̄‖²(1 − 1/κ) + σ²/(κ − 1)}, exactly the
 *       Hastie–Montanari–Rosset–Tibshirani (2019) risk of min-norm interpolation;
 *   <li>{@link #PER_N}: {@code E‖h‖² = κ} gives {@code ‖θ̄‖²(κ−1)(2κ−1)/κ² + κσ²/(κ − 1)}, too large
 *       (0.585 instead of 0.415 for ‖θ̄‖ = 1, κ = 5/3, σ = 0.1).
 * </ul>
 * {@link #PER_P} is therefore the default; {@link #PER_N} is kept only to demonstrate the mismatch.
 */
public enum HNormalisation {
  /** {@code h ~ N(0, I_p/p)} (Appendix A.29) — matches the known closed form. */
  PER_P,
  /** {@code h ~ N(0, I_p/n)} (main text, Definition 3.2) — does not. */
  PER_N;

  /** The standard deviation of each entry of h. */
  public double standardDeviation(int p, double n) {
    return switch (this) {
      case PER_P -> 1 / Math.sqrt(p);
      case PER_N -> 1 / Math.sqrt(n);
    };
  }
}
