package dev.prunebench.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.prunebench.util.Rng;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AuxiliaryDistributionTest {
  private static final double KAPPA = 5.0 / 3.0;
  private static final double SIGMA = 0.1;

  private static double[] ones(int p) {
    double[] v = new double[p];
    Arrays.fill(v, 1.0);
    return v;
  }

  /** The paper's θ̄_i ∝ 1/(1 + 4i/p)², unit norm. */
  private static double[] paperTheta(int p) {
    double[] v = new double[p];
    double n2 = 0;
    for (int i = 0; i < p; i++) {
      v[i] = 1 / Math.pow(1 + 4.0 * (i + 1) / p, 2);
      n2 += v[i] * v[i];
    }
    for (int i = 0; i < p; i++) {
      v[i] /= Math.sqrt(n2);
    }
    return v;
  }

  @Test
  void isotropicCaseReducesToThePapersClosedForm() {
    int p = 1000;
    double[] theta = paperTheta(p);
    AuxiliaryDistribution aux = AuxiliaryDistribution.solve(KAPPA, ones(p), theta, SIGMA, HNormalisation.PER_P);
    // Ξ = 1/(κ − 1), 1 − ζ = 1/κ, γ = √Γ with Γ = σ²/(κ−1) + (κ−1)‖θ̄‖²/κ² (text after eq. 3.4).
    // Tolerances: p-term sums of O(1) values, so rounding is ~p·ε ≈ 2e-13 relative.
    assertThat(aux.xi()).isCloseTo(ClosedForms.isotropicXi(KAPPA), within(1e-12));
    for (double s : aux.shrinkage()) {
      assertThat(s).isCloseTo(1 / KAPPA, within(1e-12));
    }
    double scale = ClosedForms.isotropicNoiseScale(1.0, SIGMA, KAPPA);
    for (double g : aux.gamma()) {
      assertThat(g).isCloseTo(scale, within(1e-12));
    }
  }

  @Test
  void onlyTheAppendixNormalisationOfHReproducesTheHmrtClosedForm() {
    int p = 1000;
    double[] theta = paperTheta(p);
    double closed = SIGMA * SIGMA + ClosedForms.isotropicMinNormExcessRisk(1.0, SIGMA, KAPPA);
    double perP = AuxiliaryDistribution.solve(KAPPA, ones(p), theta, SIGMA, HNormalisation.PER_P).expectedTestLoss();
    double perN = AuxiliaryDistribution.solve(KAPPA, ones(p), theta, SIGMA, HNormalisation.PER_N).expectedTestLoss();
    // σ² + (1 − 1/κ) + σ²/(κ − 1) = 0.01 + 0.4 + 0.015 = 0.425 for κ = 5/3, σ = 0.1, ‖θ̄‖ = 1.
    assertThat(closed).isCloseTo(0.425, within(1e-15));
    // Exact algebra (see HNormalisation): equal up to the rounding of p-term sums.
    assertThat(perP).isCloseTo(closed, within(1e-12));
    // Main text's h ~ N(0, I/n): σ² + (κ−1)(2κ−1)/κ² + κσ²/(κ−1) = 0.01 + 0.56 + 0.025 = 0.595.
    assertThat(perN).isCloseTo(0.595, within(1e-12));
  }

  @Test
  void monteCarloRiskOfTheAuxiliaryVectorMatchesItsClosedForm() {
    int p = 500;
    double[] theta = paperTheta(p);
    AuxiliaryDistribution aux = AuxiliaryDistribution.solve(KAPPA, ones(p), theta, SIGMA, HNormalisation.PER_P);
    RandomGenerator rng = Rng.of(11);
    Estimate.Accumulator acc = new Estimate.Accumulator();
    PopulationLoss loss = aux.populationLoss();
    for (int d = 0; d < 2000; d++) {
      acc.add(loss.value(aux.sample(rng)));
    }
    Estimate e = acc.estimate();
    double closed = SIGMA * SIGMA + ClosedForms.isotropicMinNormExcessRisk(1.0, SIGMA, KAPPA);
    // Monte-Carlo precision: 4 standard errors (se ≈ 0.0006 here; a 4-se band fails with prob. < 1e-4).
    assertThat(e.mean()).isCloseTo(closed, within(4 * e.standardError()));
  }

  @Test
  void expectedTestLossEqualsKappaGammaForAnyLambda() {
    int p = 300;
    RandomGenerator rng = Rng.of(5);
    double[] lambda = new double[p];
    for (int i = 0; i < p; i++) {
      lambda[i] = Math.exp(3 * (rng.nextDouble() - 0.5));
    }
    AuxiliaryDistribution aux = AuxiliaryDistribution.solve(2.5, lambda, paperTheta(p), 0.3, HNormalisation.PER_P);
    // Identity from the definition of Γ (see class Javadoc); rounding of p-term sums only.
    assertThat(aux.expectedTestLoss()).isCloseTo(2.5 * aux.bigGamma(), within(1e-12 * aux.expectedTestLoss()));
  }

  @ParameterizedTest(name = "λ = {0}, p = {1}")
  @CsvSource({
    "1e-3, 1000", "1e-2, 1000", "0.5, 1000", "5, 1000", "1e2, 1000", "1e3, 1000",
    "1e-3, 1000000", "1e3, 1000000"
  })
  void xiMatchesTheTwoLevelClosedFormOnExtremeLambda(double lambda, int p) {
    LambdaTwoLevel two = new LambdaTwoLevel(lambda, 0.1, p);
    AuxiliaryDistribution aux = AuxiliaryDistribution.solve(KAPPA, two.diagonal, new double[p], SIGMA,
        HNormalisation.PER_P);
    double expected = ClosedForms.twoLevelXi(KAPPA, lambda, two.exactFraction);
    // Measured relative error ≤ 6e-16 (compensated sum, bracket width 1e-15 in ln Ξ); 1e-13 leaves
    // room for other JVMs' exp. The residual check uses a plain p-term sum: measured ≤ 2.4e-11 at
    // p = 1e6, i.e. ~p·ε.
    assertThat(aux.xi()).isCloseTo(expected, within(1e-13 * expected));
    assertThat(Math.abs(aux.rootResidual())).isLessThan(1e-9);
    assertThat(aux.bigGamma()).isPositive().isFinite();
  }

  @ParameterizedTest(name = "κ = {0}")
  @ValueSource(doubles = {1.0001, 1.01, 5.0 / 3.0, 10, 1000})
  void xiSolvesEquation33ForLogUniformLambdaAcrossSixDecades(double kappa) {
    int p = 100_000;
    RandomGenerator rng = Rng.of(3);
    double[] lambda = new double[p];
    for (int i = 0; i < p; i++) {
      lambda[i] = Math.pow(10, -3 + 6 * rng.nextDouble());
    }
    AuxiliaryDistribution aux = AuxiliaryDistribution.solve(kappa, lambda, new double[p], SIGMA, HNormalisation.PER_P);
    // The residual is a mean of p logistic terms times κ; its rounding is ≈ κ·p·ε ≈ 2e-8 for κ = 1000.
    assertThat(Math.abs(aux.rootResidual())).isLessThan(1e-7);
    assertThat(aux.xi()).isPositive().isFinite();
    assertThat(aux.bigGamma()).isPositive().isFinite();
    assertThat(aux.rootIterations()).isLessThan(200);
  }

  @Test
  void rejectsKappaAtMostOneAndSingularLambdaNamingTheArgument() {
    assertThatThrownBy(() -> AuxiliaryDistribution.solve(1.0, ones(3), new double[3], SIGMA, HNormalisation.PER_P))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("kappa").hasMessageContaining("1.0");
    assertThatThrownBy(() -> AuxiliaryDistribution.solve(2, new double[] {1, 0, 1}, new double[3], SIGMA,
        HNormalisation.PER_P))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("lambda: entry 1");
  }

  /** Λ of eq. 3.5 built here independently of the linear package. */
  private static final class LambdaTwoLevel {
    final double[] diagonal;
    final double exactFraction;

    LambdaTwoLevel(double lambda, double f, int p) {
      int count = (int) Math.round(f * p);
      diagonal = new double[p];
      for (int i = 0; i < p; i++) {
        diagonal[i] = i < count ? lambda : 1;
      }
      exactFraction = (double) count / p;
    }
  }
}
