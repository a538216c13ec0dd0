package dev.prunebench.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.offset;

import org.junit.jupiter.api.Test;

class Theorem43BoundsTest {

  // Closed-form values below are exact in binary floating point or within a few ulps of it; 1e-15
  // is a few ulps of numbers of order one.
  private static final double ULPS = 1e-15;

  @Test
  void boundsMatchTheirFormulasAtAHandCheckedPoint() {
    // κ = 1/4, η μ = 1/2, τ = 2: (1 − ημ)^τ = 1/4, (1 − ημ)^{τ/2} = 1/2.
    double kappa = 0.25;
    double eta = 0.5;
    double mu = 1.0;
    assertThat(Theorem43Bounds.rateFactor(eta, mu, 2)).isCloseTo(0.25, offset(ULPS));
    assertThat(Theorem43Bounds.lossUpperBound(eta, mu, 2, 8.0)).isCloseTo(2.0, offset(ULPS));
    assertThat(Theorem43Bounds.distanceUpperBound45(kappa, mu, 3.0)).isCloseTo(8 * 0.25 * 3.0, offset(ULPS));
    assertThat(Theorem43Bounds.groupNiUpperBound46(kappa, eta, mu, 2)).isCloseTo(8 / 16.0 + 4 * 0.25 * 0.5,
        offset(ULPS));
    assertThat(Theorem43Bounds.complementNiLowerBound47(kappa, eta, mu, 2)).isCloseTo(1 - 0.5 - 1 - 0.25,
        offset(ULPS));
    assertThat(Theorem43Bounds.distanceLowerBoundB18(0.25, 4.0, 3.0)).isCloseTo(2 * 0.25 * 3 / 4, offset(ULPS));
    assertThat(Theorem43Bounds.groupNiLowerBoundB19(0.25)).isCloseTo(0.0625, offset(ULPS));
    assertThat(Theorem43Bounds.complementNiUpperBoundB20AsPrinted(0.25)).isCloseTo(1 - 0.0625 - 0.5,
        offset(ULPS));
    assertThat(Theorem43Bounds.complementNiUpperBoundB20(0.25)).isCloseTo(0.5625, offset(ULPS));
  }

  @Test
  void theRateFactorIsOneAtTheStartAndVanishesInTheLimit() {
    assertThat(Theorem43Bounds.rateFactor(0.1, 2.0, 0)).isEqualTo(1.0);
    assertThat(Theorem43Bounds.rateFactor(0.1, 2.0, Double.POSITIVE_INFINITY)).isEqualTo(0.0);
    // n = 1 gives μ = L, so η = 1/L makes ημ = 1 and the bound drops to 0 after one step.
    assertThat(Theorem43Bounds.rateFactor(0.5, 2.0, 1)).isEqualTo(0.0);
  }

  @Test
  void envelopeUsesKappaOverTotalMuAndKappaTildeOverTotalSmoothness() {
    PplsParameters p = new PplsParameters(new double[] {1, 3}, new double[] {2, 6});
    Theorem43Envelope e = Theorem43Bounds.envelope(p, 1, 1.0 / 8, 4, 10.0);
    assertThat(e.kappa()).isCloseTo(6.0 / 4, offset(ULPS));
    assertThat(e.kappaTilde()).isCloseTo(3.0 / 8, offset(ULPS));
    assertThat(e.rateFactor()).isCloseTo(Math.pow(1 - 4.0 / 8, 4), offset(ULPS));
    assertThat(e.distanceUpper()).isCloseTo(8 * 1.5 * 10 / 4, offset(1e-13));
    assertThat(e.groupNiLower()).isCloseTo(9.0 / 64, offset(ULPS));
  }

  /**
   * Finding: (B.20) as printed, {@code I^N_Δ̄ᵢ/L(θ₀) ≤ 1 − κ̃² − 2κ̃}, fails for n = 1. Instance:
   * n = 1, X₁ = [1], X₂ = [1], y = 1, θ₀ = 0. Then L = 2, κ̃₁ = 1/2, θ* = X⁺y = (1/2, 1/2); resetting
   * group 2 leaves the residual 1 − 1/2, so {@code I^N_Δ̄₁(θ*, 0) = ½·¼ − 0 = 1/8} and
   * {@code L(θ₀) = 1/2}: the ratio is {@code 1/4 = (1 − κ̃)²}, above the printed bound
   * {@code 1 − 1/4 − 1 = −1/4}. The proof's last line gives {@code (1 − κ̃)²}; the sign of κ̃² was lost.
   */
  @Test
  void b20AsPrintedFailsOnTheOneSampleTwoUnitFeatureInstanceWhileItsProofsBoundHoldsWithEquality() {
    double l0 = 0.5;
    double kappaTilde = 1.0 / 2;
    double[] thetaStar = {0.5, 0.5};
    double resetGroup2Loss = 0.5 * Math.pow(1 - thetaStar[0], 2);
    double complementNi = resetGroup2Loss - 0.0;
    assertThat(complementNi / l0).isEqualTo(0.25);
    assertThat(complementNi / l0).isGreaterThan(Theorem43Bounds.complementNiUpperBoundB20AsPrinted(kappaTilde));
    assertThat(complementNi / l0).isCloseTo(Theorem43Bounds.complementNiUpperBoundB20(kappaTilde), offset(ULPS));
  }

  /**
   * The same in general for n = 1: with {@code X = [x₁ … x_D]} a row, θ* − θ₀ = Xᵀỹ/‖X‖², so group i
   * alone predicts {@code (‖xᵢ‖²/‖X‖²) ỹ = κ̃ ỹ} and the complement NI ratio is exactly
   * {@code (1 − κ̃)²}, which exceeds the printed bound by {@code 2κ̃²} for every κ̃ &gt; 0.
   */
  @Test
  void b20AsPrintedUnderestimatesTheExactOneSampleValueByTwoKappaTildeSquared() {
    for (double kt = 0.01; kt < 1; kt += 0.07) {
      double exact = (1 - kt) * (1 - kt);
      assertThat(exact - Theorem43Bounds.complementNiUpperBoundB20AsPrinted(kt)).as("kappaTilde=%s", kt)
          .isCloseTo(2 * kt * kt, offset(ULPS));
    }
  }

  @Test
  void badArgumentsAreRejectedNamingTheValue() {
    assertThatThrownBy(() -> Theorem43Bounds.rateFactor(1.0, 2.0, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("eta=1.0");
    assertThatThrownBy(() -> Theorem43Bounds.rateFactor(0.1, 2.0, -1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    assertThatThrownBy(() -> Theorem43Bounds.groupNiUpperBound46(-0.5, 0.1, 1, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kappa").hasMessageContaining("-0.5");
    assertThatThrownBy(() -> Theorem43Bounds.distanceLowerBoundB18(0.1, 0, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("smoothness");
    PplsParameters p = new PplsParameters(new double[] {1}, new double[] {2});
    assertThatThrownBy(() -> Theorem43Bounds.envelope(p, 0, 0.75, 1, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("0.75");
    assertThatThrownBy(() -> Theorem43Bounds.envelope(p, 1, 0.5, 1, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("group");
  }
}
