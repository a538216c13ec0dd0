package dev.prunebench.hessianbias;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.prunebench.linalg.Backend;
import dev.prunebench.linalg.LeastSquaresAlgorithm;
import dev.prunebench.linalg.LinearAlgebraBackend;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;

class HessianBiasExperimentTest {

  private static final double EPS = Math.ulp(1.0);

  static Backend[] backends() {
    return Backend.available();
  }

  /**
   * GD's limit from θ₀ is θ* = θ₀ + X⁺(y − Xθ₀) (from θ₀ = 0: the min-norm solution). Tolerance: the
   * stopping rule bounds ‖θ_last − θ*‖ by √(2L(θ_last)/σ_min(X)²) (GradientDescentTrace); the backend
   * solves through the Gram matrix (Cholesky, the default), whose forward error is of order
   * {@code (n + p) ε κ(X)² ‖θ*‖} with {@code κ(X)² = ‖X‖²/σ_min(X)² ≤ L/σ_min(X)²}; GD's own rounding
   * drift outside the row space over τ steps is at most about {@code τ p ε ‖θ*‖}. We allow the sum.
   */
  @ParameterizedTest
  @MethodSource("backends")
  void gradientDescentConvergesToTheBackendsMinNormSolution(Backend b) {
    LinearAlgebraBackend<?> backend = b.create();
    for (long seed = 1; seed <= 6; seed++) {
      int n = 3 + (int) seed * 2;
      GroupedDesign design = GroupedDesign.scaledGaussian(seed, n, new int[] {2 * n, 3 * n},
          new double[] {Math.pow(2, seed - 3), 1});
      for (InitMode init : InitMode.values()) {
        double[] theta0 = init.draw(design, seed + 100);
        HessianBiasPoint pt = HessianBiasExperiment.point(backend, design, 1.0, theta0,
            new GradientDescentSettings(1.0, 20_000, 1e-22));
        GradientDescentTrace t = pt.trace();
        assertThat(t.converged()).isTrue();
        double[] limit = MinNormLimit.solve(backend, design, theta0, LeastSquaresAlgorithm.DEFAULT);
        double norm = Math.sqrt(Arrays.stream(limit).map(v -> v * v).sum());
        double cond2 = t.ppls().totalSmoothness() / t.sigmaMinSquared();
        double tol = pt.limitDistanceBound() + (n + design.parameters()) * EPS * cond2 * norm
            + t.last() * design.parameters() * EPS * norm;
        assertThat(pt.limitDistance()).as("backend %s seed %d init %s (‖θ*‖=%s)", b, seed, init, norm)
            .isLessThanOrEqualTo(tol);
      }
    }
  }

  /**
   * Every backend records the same trajectory as the reference up to rounding: per iterate, each
   * loss-type value may be off by the a-priori rounding allowance of
   * {@link Theorem43RandomInstancesTest#roundingSlack} on each side (measured: about 1e-11 relative on
   * NI values of 1e-9·L(θ₀) for EJML and Commons Math, well inside the allowance).
   */
  @ParameterizedTest
  @MethodSource("backends")
  void gradientDescentRecordsAgreeWithTheReferenceBackendWithinRounding(Backend b) {
    GroupedDesign design = GroupedDesign.scaledGaussian(5, 12, new int[] {30, 40}, new double[] {4, 0.25});
    double[] theta0 = InitMode.GAUSSIAN.draw(design, 6);
    GradientDescentSettings settings = new GradientDescentSettings(1.0, 400, 1e-20);
    GradientDescentTrace ref = GradientDescent.run(Backend.REFERENCE.create(), design, theta0, settings);
    GradientDescentTrace other = GradientDescent.run(b.create(), design, theta0, settings);
    int last = Math.min(ref.last(), other.last());
    for (int tau = 0; tau <= last; tau++) {
      double tol = 2 * Theorem43RandomInstancesTest.roundingSlack(design, ref, tau) * ref.loss0();
      assertThat(other.loss()[tau]).as("%s loss at tau=%d", b, tau).isCloseTo(ref.loss()[tau], within(tol));
      for (int i = 0; i < 2; i++) {
        assertThat(other.groupNi()[i][tau]).as("%s NI group %d tau=%d", b, i, tau)
            .isCloseTo(ref.groupNi()[i][tau], within(tol));
        assertThat(other.complementNi()[i][tau]).as("%s complement NI group %d tau=%d", b, i, tau)
            .isCloseTo(ref.complementNi()[i][tau], within(tol));
      }
    }
  }

  /**
   * "Larger Hessian wins more" (Theorem 4.3): on a fixed seed, across the grid 2⁻⁸ … 2⁸, the group
   * with the larger scale has the larger final NI (ρ = 1 has no larger group and is skipped).
   */
  @ParameterizedTest
  @EnumSource(InitMode.class)
  void theGroupWithTheLargerScaleHasTheLargerFinalNiAcrossTheGrid(InitMode init) {
    HessianBiasConfig config = new HessianBiasConfig(11, 12, Backend.REFERENCE, 10, new int[] {30, 30},
        HessianBiasConfig.powerOfTwoGrid(-8, 8, 1), null, GradientDescentSettings.DEFAULT, init);
    HessianBiasExperiment.Result r = HessianBiasExperiment.run(config);
    for (HessianBiasPoint pt : r.points()) {
      assertThat(pt.trace().converged()).isTrue();
      if (pt.ratio() == 1) {
        continue;
      }
      int big = pt.ratio() > 1 ? 0 : 1;
      assertThat(pt.groupNiShare(big)).as("ratio %s: NI of the larger-scale group %d vs the other", pt.ratio(),
          big + 1).isGreaterThan(pt.groupNiShare(1 - big));
    }
  }

  @Test
  void sweepRecordsOnePointPerRatioWithEnvelopesAtTheLastIterate() {
    HessianBiasConfig config = new HessianBiasConfig(3, 4, Backend.REFERENCE, 5, new int[] {10, 15},
        new double[] {0.25, 1, 4}, new double[] {4}, GradientDescentSettings.DEFAULT, InitMode.GAUSSIAN);
    HessianBiasExperiment.Result r = HessianBiasExperiment.run(config);
    assertThat(r.points()).extracting(HessianBiasPoint::ratio).containsExactly(0.25, 1.0, 4.0);
    HessianBiasPoint pt = r.points().get(2);
    assertThat(pt.envelopes()).hasSize(2);
    assertThat(pt.envelopes()[1].rateFactor()).isEqualTo(
        Math.pow(1 - pt.trace().eta() * pt.trace().ppls().totalMu(), pt.trace().last()));
  }

  @Test
  void configRejectsBadValuesNamingThem() {
    assertThatThrownBy(() -> new HessianBiasConfig(1, 2, Backend.REFERENCE, 10, new int[] {5, 30},
        new double[] {1}, null, GradientDescentSettings.DEFAULT, InitMode.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("groupSizes[0]").hasMessageContaining("5");
    assertThatThrownBy(() -> new HessianBiasConfig(1, 2, Backend.REFERENCE, 10, new int[] {30, 30},
        new double[] {-1}, null, GradientDescentSettings.DEFAULT, InitMode.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("-1");
    assertThatThrownBy(() -> new HessianBiasConfig(1, 2, Backend.REFERENCE, 10, new int[] {30, 30},
        new double[] {1}, new double[] {2}, GradientDescentSettings.DEFAULT, InitMode.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trajectoryRatios");
    assertThatThrownBy(() -> new GradientDescentSettings(1.5, 10, 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1.5");
    assertThatThrownBy(() -> GroupedDesign.scaledGaussian(1, 4, new int[] {3}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("sizes[0]");
  }

  @Test
  void powerOfTwoGridIsInclusiveAndExact() {
    assertThat(HessianBiasConfig.powerOfTwoGrid(-2, 2, 1)).containsExactly(0.25, 0.5, 1, 2, 4);
    assertThat(HessianBiasConfig.powerOfTwoGrid(0, 1, 0.5)).hasSize(3);
  }
}
