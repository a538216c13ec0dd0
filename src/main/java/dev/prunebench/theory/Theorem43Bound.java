package dev.prunebench.theory;

/**
 * The individual bounds of Theorem 4.3 and Proposition B.2, by equation number, with the direction
 * in which each constrains its measured quantity. The formulas are in {@link Theorem43Bounds}.
 */
public enum Theorem43Bound {
  /** Theorem 4.3 / (B.1): L(θ_τ)/L(θ₀) ≤ (1 − ημ)^τ, every τ. */
  RATE("B.1", true, "L(θ_τ)/L(θ₀) ≤ (1 − ημ)^τ"),
  /** (4.5): ‖θ_Δᵢ,τ − θ_Δᵢ,0‖² ≤ 8κL(θ₀)/μ, every τ. */
  EQ_4_5("4.5", true, "‖θ_Δᵢ,τ − θ_Δᵢ,0‖² ≤ 8κL(θ₀)/μ"),
  /** (4.6): I^N_Δᵢ/L(θ₀) ≤ 8κ² + 4κ(1 − ημ)^{τ/2}, every τ. */
  EQ_4_6("4.6", true, "I^N_Δᵢ/L(θ₀) ≤ 8κ² + 4κ(1 − ημ)^{τ/2}"),
  /** (4.7): I^N_Δ̄ᵢ/L(θ₀) ≥ 1 − 8κ² − 4κ − (1 − ημ)^τ, every τ. */
  EQ_4_7("4.7", false, "I^N_Δ̄ᵢ/L(θ₀) ≥ 1 − 8κ² − 4κ − (1 − ημ)^τ"),
  /** (B.18): ‖θ*_Δᵢ − θ_Δᵢ,0‖² ≥ 2κ̃L(θ₀)/L at the limit. */
  EQ_B18("B.18", false, "‖θ*_Δᵢ − θ_Δᵢ,0‖² ≥ 2κ̃L(θ₀)/L"),
  /** (B.19): I^N_Δᵢ(θ*)/L(θ₀) ≥ κ̃² at the limit. */
  EQ_B19("B.19", false, "I^N_Δᵢ(θ*)/L(θ₀) ≥ κ̃²"),
  /** (B.20) as its proof derives it, n = 1: I^N_Δ̄ᵢ(θ*)/L(θ₀) ≤ (1 − κ̃)². */
  EQ_B20("B.20", true, "I^N_Δ̄ᵢ(θ*)/L(θ₀) ≤ (1 − κ̃)² (n = 1; printed: 1 − κ̃² − 2κ̃)");

  private final String equation;
  private final boolean upper;
  private final String statement;

  Theorem43Bound(String equation, boolean upper, String statement) {
    this.equation = equation;
    this.upper = upper;
    this.statement = statement;
  }

  /** The paper's equation number, e.g. {@code "4.6"}. */
  public String equation() {
    return equation;
  }

  /** True for an upper bound on the measured quantity, false for a lower bound. */
  public boolean upper() {
    return upper;
  }

  /** The inequality, in the paper's notation. */
  public String statement() {
    return statement;
  }

  /** The signed margin: how far the measured value is on the safe side (negative = violated). */
  public double margin(double measured, double bound) {
    return upper ? bound - measured : measured - bound;
  }

  /**
   * How loose the bound is as a factor ≥ 1 when it holds (1 = tight): bound/measured for an upper
   * bound, measured/bound for a lower bound. {@code NaN} when the bound is vacuous in this sense (a
   * non-positive lower bound, or a non-positive measured value under an upper bound).
   */
  public double looseness(double measured, double bound) {
    if (upper) {
      return measured > 0 ? bound / measured : Double.NaN;
    }
    return bound > 0 ? measured / bound : Double.NaN;
  }
}
