package dev.prunebench.theory;

/**
 * The bounds of Theorem 4.3 ("larger Hessian wins more") and of its converse, Proposition B.2, as
 * plain functions. Notation of paper Section 4 and Appendix B: D disjoint groups Δᵢ with PPLS
 * parameters {@code Lᵢ ≥ μᵢ ≥ 0} (Definition 4.2), {@code μ = Σμᵢ}, {@code L = ΣLᵢ}, gradient descent
 * {@code θ_{τ+1} = θ_τ − η∇L(θ_τ)} with {@code 0 < η ≤ 1/L} from θ₀; loss normalised as
 * {@code L(θ) = ½‖y − Σ Xᵢθᵢ‖²} with {@code min L = 0} (eq. 4.4 / B.17); NI is the init-pruning
 * natural importance {@code I^N_Δ(θ_τ, θ₀) = L(θ₀_Δ + θ_τ,Δ̄) − L(θ_τ)} (Definition 2.1).
 *
 * <p>Every NI bound is returned normalised by {@code L(θ₀)}, as the paper states it.
 *
 * <p><b>Correction of (B.20).</b> The paper prints (B.20) as
 * {@code I^N_Δ̄ᵢ/L(θ₀) ≤ 1 − κ̃² − 2κ̃}, but its own proof ends with
 * {@code 2L(θᵖ) ≤ (1 − κ̃)²‖ỹ‖²}, i.e. {@code I^N_Δ̄ᵢ/L(θ₀) ≤ (1 − κ̃)² = 1 − 2κ̃ + κ̃²}; for n = 1
 * this holds with equality (the matrix {@code XᵢXᵢᵀ(XXᵀ)⁻¹} is the scalar {@code Lᵢ/L = κ̃}), so the
 * printed bound fails on every n = 1 instance with κ̃ &gt; 0, by exactly {@code 2κ̃²}. Both forms are
 * here: {@link #complementNiUpperBoundB20AsPrinted} and the corrected
 * {@link #complementNiUpperBoundB20}.
 */
public final class Theorem43Bounds {
  private Theorem43Bounds() {}

  /**
   * The linear rate factor {@code (1 − ημ)^τ} of Theorem 4.3 / eq. (B.1):
   * {@code L(θ_τ) ≤ (1 − ημ)^τ L(θ₀)}.
   *
   * @param eta step size, {@code 0 < η} and {@code ημ ≤ 1} (implied by η ≤ 1/L since μ ≤ L)
   * @param mu global PL parameter μ &gt; 0
   * @param tau iteration count τ ≥ 0; {@code +∞} gives the limit 0
   */
  public static double rateFactor(double eta, double mu, double tau) {
    requireStep(eta, mu);
    requireTau(tau);
    if (tau == 0) {
      return 1.0;
    }
    // max(0, ·): η = 1/L rounded up may make ημ exceed 1 by an ulp when n = 1 (then μ = L).
    return Math.pow(Math.max(0, 1 - eta * mu), tau);
  }

  /** Linear convergence (Theorem 4.3, eq. B.1): the upper bound {@code (1 − ημ)^τ L(θ₀)} on {@code L(θ_τ)}. */
  public static double lossUpperBound(double eta, double mu, double tau, double loss0) {
    requireLoss0(loss0);
    return rateFactor(eta, mu, tau) * loss0;
  }

  /**
   * Eq. (4.5): {@code ‖θ_Δᵢ,τ − θ_Δᵢ,0‖² ≤ 8κ L(θ₀)/μ} with {@code κ = Lᵢ/μ}, for every τ.
   *
   * @param kappa κ = Lᵢ/μ ≥ 0
   * @param mu μ &gt; 0
   * @param loss0 L(θ₀) ≥ 0
   */
  public static double distanceUpperBound45(double kappa, double mu, double loss0) {
    requireNonNegative("kappa", kappa);
    requirePositive("mu", mu);
    requireLoss0(loss0);
    return 8 * kappa * loss0 / mu;
  }

  /**
   * Eq. (4.6): {@code I^N_Δᵢ(θ_τ, θ₀)/L(θ₀) ≤ 8κ² + 4κ(1 − ημ)^{τ/2}} — resetting the group to its
   * initial value costs little when its smoothness Lᵢ is small relative to the global PL parameter.
   */
  public static double groupNiUpperBound46(double kappa, double eta, double mu, double tau) {
    requireNonNegative("kappa", kappa);
    return 8 * kappa * kappa + 4 * kappa * rateFactor(eta, mu, tau / 2);
  }

  /**
   * Eq. (4.7): {@code I^N_Δ̄ᵢ(θ_τ, θ₀)/L(θ₀) ≥ 1 − 8κ² − 4κ − (1 − ημ)^τ} — the complement of a
   * small-κ group carries almost all of the learning.
   */
  public static double complementNiLowerBound47(double kappa, double eta, double mu, double tau) {
    requireNonNegative("kappa", kappa);
    return 1 - 8 * kappa * kappa - 4 * kappa - rateFactor(eta, mu, tau);
  }

  /**
   * Eq. (B.18) of Proposition B.2, at the limit θ* of gradient descent:
   * {@code ‖θ*_Δᵢ − θ_Δᵢ,0‖² ≥ 2κ̃ L(θ₀)/L} with {@code κ̃ = μᵢ/L}. Needs {@code pᵢ ≥ n}.
   *
   * @param kappaTilde κ̃ = μᵢ/L ≥ 0
   * @param smoothness L = ΣLᵢ &gt; 0
   */
  public static double distanceLowerBoundB18(double kappaTilde, double smoothness, double loss0) {
    requireNonNegative("kappaTilde", kappaTilde);
    requirePositive("smoothness", smoothness);
    requireLoss0(loss0);
    return 2 * kappaTilde * loss0 / smoothness;
  }

  /** Eq. (B.19), at the limit θ*: {@code I^N_Δᵢ(θ*, θ₀)/L(θ₀) ≥ κ̃²}. */
  public static double groupNiLowerBoundB19(double kappaTilde) {
    requireNonNegative("kappaTilde", kappaTilde);
    return kappaTilde * kappaTilde;
  }

  /**
   * Eq. (B.20) as printed in the paper, for n = 1: {@code I^N_Δ̄ᵢ(θ*, θ₀)/L(θ₀) ≤ 1 − κ̃² − 2κ̃}.
   * It does not hold (see the class comment); kept so that the report can show the gap.
   */
  public static double complementNiUpperBoundB20AsPrinted(double kappaTilde) {
    requireNonNegative("kappaTilde", kappaTilde);
    return 1 - kappaTilde * kappaTilde - 2 * kappaTilde;
  }

  /**
   * Eq. (B.20) as its proof derives it, for n = 1: {@code I^N_Δ̄ᵢ(θ*, θ₀)/L(θ₀) ≤ (1 − κ̃)²}
   * (equality when n = 1, since then {@code XᵢXᵢᵀ(XXᵀ)⁻¹ = Lᵢ/L = κ̃} exactly).
   */
  public static double complementNiUpperBoundB20(double kappaTilde) {
    requireNonNegative("kappaTilde", kappaTilde);
    return (1 - kappaTilde) * (1 - kappaTilde);
  }

  /**
   * All bounds for group i at iteration τ, from its PPLS parameters.
   *
   * @param ppls the PPLS parameters of every group
   * @param group index i of the group
   * @param eta step size, {@code 0 < η ≤ 1/L}
   * @param tau iteration τ ≥ 0 (the converse bounds are for τ → ∞ and do not depend on it)
   * @param loss0 L(θ₀)
   */
  public static Theorem43Envelope envelope(PplsParameters ppls, int group, double eta, double tau,
      double loss0) {
    if (group < 0 || group >= ppls.groups()) {
      throw new IllegalArgumentException("group must be in [0, " + ppls.groups() + "), got " + group);
    }
    double mu = ppls.totalMu();
    double l = ppls.totalSmoothness();
    if (!(eta > 0 && eta * l <= 1 + 1e-12)) {
      throw new IllegalArgumentException("eta must be in (0, 1/L] = (0, " + (1 / l) + "], got " + eta);
    }
    double kappa = ppls.kappa(group);
    double kt = ppls.kappaTilde(group);
    return new Theorem43Envelope(group, kappa, kt, rateFactor(eta, mu, tau),
        distanceUpperBound45(kappa, mu, loss0), groupNiUpperBound46(kappa, eta, mu, tau),
        complementNiLowerBound47(kappa, eta, mu, tau), distanceLowerBoundB18(kt, l, loss0),
        groupNiLowerBoundB19(kt), complementNiUpperBoundB20(kt));
  }

  private static void requireStep(double eta, double mu) {
    requirePositive("mu", mu);
    // η ≤ 1/L ≤ 1/μ; the 1e-12 admits η = 1/L computed in floating point.
    if (!(eta > 0 && eta * mu <= 1 + 1e-12)) {
      throw new IllegalArgumentException("eta must satisfy 0 < eta*mu <= 1, got eta=" + eta + ", mu=" + mu);
    }
  }

  private static void requireTau(double tau) {
    if (!(tau >= 0)) {
      throw new IllegalArgumentException("tau must be >= 0, got " + tau);
    }
  }

  private static void requireLoss0(double loss0) {
    if (!(loss0 >= 0) || Double.isInfinite(loss0)) {
      throw new IllegalArgumentException("loss0 must be finite and >= 0, got " + loss0);
    }
  }

  private static void requireNonNegative(String name, double v) {
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + " must be finite and >= 0, got " + v);
    }
  }

  private static void requirePositive(String name, double v) {
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new IllegalArgumentException(name + " must be finite and > 0, got " + v);
    }
  }
}
