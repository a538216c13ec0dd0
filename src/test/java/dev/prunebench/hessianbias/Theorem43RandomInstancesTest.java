package dev.prunebench.hessianbias;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunebench.linalg.Backend;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.theory.PplsParameters;
import dev.prunebench.theory.Theorem43Bound;
import dev.prunebench.theory.Theorem43Bounds;
import dev.prunebench.util.Rng;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Theorem 4.3 and Proposition B.2 on many seeded random instances of eq. (4.4): different n, group
 * counts and sizes, scales over four decades, step sizes and initial points. A failure message names
 * the instance (seed, sizes, scales, init, step), so {@link Instance#replay} reproduces it.
 *
 * <p>Tolerances. The bounds are statements about exact arithmetic; the measured side carries
 * rounding. Every loss is ½‖r‖² of a residual {@code r = r₀ − Σ Xᵢdᵢ} formed from products with
 * error at most {@code pᵢ ε ‖Xᵢ‖_F ‖dᵢ‖} (standard GEMM bound) and a norm with relative error nε, so
 * with {@code S = ‖r₀‖ + Σ‖Xᵢ‖_F‖dᵢ‖} (≥ every residual norm involved) a loss or NI value is off by
 * at most about {@code (n + p) ε S²}; we allow four times that. The bounds themselves use μᵢ, Lᵢ from
 * the formed Gram matrix (absolute error ≈ nε‖Xᵢ‖², hence relative error ≈ nε·L/μ in κ, κ̃); we allow
 * four times {@code (n + p) ε L/μ} relative. The converse bounds are about the limit θ*; at the last
 * iterate they get the extra slack that the stopping rule implies (see {@link #converseSlack}).
 */
class Theorem43RandomInstancesTest {

  private static final double EPS = Math.ulp(1.0);

  /** One random instance, reproducible from its fields. */
  record Instance(long seed, int n, int[] sizes, double[] scales, InitMode init, double stepFraction) {
    GroupedDesign design() {
      return GroupedDesign.scaledGaussian(seed, n, sizes, scales);
    }

    GradientDescentTrace replay(LinearAlgebraBackend<?> backend, int maxIterations, double tolerance) {
      GroupedDesign d = design();
      return GradientDescent.run(backend, d, init.draw(d, seed + 1),
          new GradientDescentSettings(stepFraction, maxIterations, tolerance));
    }

    @Override
    public String toString() {
      return "Instance[seed=" + seed + ", n=" + n + ", sizes=" + Arrays.toString(sizes) + ", scales="
          + Arrays.toString(scales) + ", init=" + init + ", stepFraction=" + stepFraction + "]";
    }
  }

  /** Random instances; {@code minAspect} is the least pᵢ/n (larger keeps σ_min(Xᵢ) away from 0). */
  static List<Instance> instances(long seed, int count, int maxN, double minAspect, boolean oneSample) {
    RandomGenerator rng = Rng.of(seed);
    List<Instance> list = new ArrayList<>();
    for (int k = 0; k < count; k++) {
      int n = oneSample ? 1 : 1 + rng.nextInt(maxN);
      int d = 1 + rng.nextInt(3);
      int[] sizes = new int[d];
      double[] scales = new double[d];
      for (int i = 0; i < d; i++) {
        sizes[i] = (int) Math.ceil(minAspect * n) + rng.nextInt(2 * n + 1);
        scales[i] = Math.pow(2, rng.nextDouble(-6, 6));
      }
      InitMode init = rng.nextBoolean() ? InitMode.ZERO : InitMode.GAUSSIAN;
      double step = k % 3 == 0 ? 1.0 : rng.nextDouble(0.2, 1.0);
      list.add(new Instance(rng.nextLong(), n, sizes, scales, init, step));
    }
    return list;
  }

  private static LinearAlgebraBackend<?> backend() {
    return Backend.REFERENCE.create();
  }

  /** The rounding allowance on loss-type quantities at iterate τ, in units of L(θ₀) (class comment). */
  static double roundingSlack(GroupedDesign design, GradientDescentTrace t, int tau) {
    double s = Math.sqrt(2 * t.loss0());
    for (int i = 0; i < design.groupCount(); i++) {
      s += design.groups().get(i).frobeniusNorm() * Math.sqrt(t.distanceSquared()[i][tau]);
    }
    return 4 * (design.samples() + design.parameters()) * EPS * s * s / t.loss0();
  }

  /** Relative allowance on a bound for the rounding in μᵢ and Lᵢ (class comment). */
  static double boundRelativeSlack(GroupedDesign design, PplsParameters p) {
    return 4 * (design.samples() + design.parameters()) * EPS * p.totalSmoothness() / p.totalMu();
  }

  @Test
  void everyRecordedIterateSatisfiesTheLinearRateAndBounds45To47() {
    LinearAlgebraBackend<?> backend = backend();
    long checked = 0;
    for (Instance inst : instances(4301, 60, 12, 1.0, false)) {
      GroupedDesign design = inst.design();
      GradientDescentTrace t = inst.replay(backend, 300, 0);
      double rel = boundRelativeSlack(design, t.ppls());
      for (HessianBiasChecks.Check c : HessianBiasChecks.of(t, design.samples())) {
        // ‖dᵢ‖² is a sum of pᵢ squares (relative error ≤ pᵢε), not a difference of losses, so (4.5)
        // gets a relative allowance 4pε instead of the loss-type one.
        double abs = c.bound() == Theorem43Bound.EQ_4_5
            ? 4 * design.parameters() * EPS * c.boundValue()
            : roundingSlack(design, t, c.tau());
        assertHolds(c, rel, abs, inst);
        checked++;
      }
    }
    // 60 instances x 301 iterates x (1 + 3D) checks: make sure the loop really ran.
    assertThat(checked).isGreaterThan(60L * 301 * 4);
  }

  /**
   * Slack for the converse bounds at the last iterate instead of θ*. With {@code δ = ‖θ_last − θ*‖ ≤
   * √(2L(θ_last)/σ_min(X)²)}: the group displacement is off by at most δ; the residuals of both
   * ablations are off by at most {@code √(2L(θ_last)) + √Lᵢ δ}. Returned as an allowance on the
   * square roots of 2·(NI + L(θ_last)) (resp. of ‖dᵢ‖²).
   */
  static double[] converseSlack(GradientDescentTrace t, int group) {
    double delta = t.distanceToLimitBound();
    double residual = Math.sqrt(2 * t.finalLoss()) + Math.sqrt(t.ppls().smoothness(group)) * delta;
    return new double[] {delta, residual};
  }

  @Test
  void converseBoundsB18AndB19HoldAtConvergenceFromZeroAndFromRandomInitialPoints() {
    LinearAlgebraBackend<?> backend = backend();
    int checked = 0;
    for (Instance inst : instances(4302, 40, 10, 2.0, false)) {
      GroupedDesign design = inst.design();
      GradientDescentTrace t = inst.replay(backend, 20_000, 1e-22);
      assertThat(t.converged()).as("GD converged on %s", inst).isTrue();
      int last = t.last();
      double rel = boundRelativeSlack(design, t.ppls());
      double round = roundingSlack(design, t, last);
      for (int i = 0; i < design.groupCount(); i++) {
        double[] sl = converseSlack(t, i);
        double kt = t.ppls().kappaTilde(i);
        double l0 = t.loss0();
        double b18 = Theorem43Bounds.distanceLowerBoundB18(kt, t.ppls().totalSmoothness(), l0) * (1 - rel);
        assertThat(Math.sqrt(t.distanceSquared()[i][last]) + sl[0]).as("(B.18) group %d, %s", i, inst)
            .isGreaterThanOrEqualTo(Math.sqrt(b18));
        double b19 = Theorem43Bounds.groupNiLowerBoundB19(kt) * (1 - rel);
        double measured = Math.sqrt(Math.max(0, 2 * (t.groupNi()[i][last] + t.finalLoss() + round * l0)));
        assertThat(measured + sl[1]).as("(B.19) group %d, %s", i, inst)
            .isGreaterThanOrEqualTo(Math.sqrt(2 * b19 * l0));
        checked++;
      }
    }
    assertThat(checked).isGreaterThan(40);
  }

  @Test
  void correctedB20HoldsWithEqualityForOneSampleWhileThePrintedFormFails() {
    LinearAlgebraBackend<?> backend = backend();
    int violationsOfPrinted = 0;
    int checked = 0;
    for (Instance inst : instances(4303, 30, 1, 1.0, true)) {
      GroupedDesign design = inst.design();
      GradientDescentTrace t = inst.replay(backend, 20_000, 1e-22);
      assertThat(t.converged()).as("GD converged on %s", inst).isTrue();
      int last = t.last();
      double l0 = t.loss0();
      double round = roundingSlack(design, t, last);
      double rel = boundRelativeSlack(design, t.ppls());
      for (int i = 0; i < design.groupCount(); i++) {
        double kt = t.ppls().kappaTilde(i);
        double[] sl = converseSlack(t, i);
        double measured = t.complementNi()[i][last];
        // |√(2(NI + L_last)) − √(2·(1 − κ̃)²·L₀)| ≤ residual slack (+ rounding): equality at θ*.
        double lhs = Math.sqrt(Math.max(0, 2 * (measured + t.finalLoss())));
        double rhs = Math.sqrt(2 * Theorem43Bounds.complementNiUpperBoundB20(kt) * l0);
        assertThat(Math.abs(lhs - rhs)).as("(B.20) corrected, group %d, %s", i, inst)
            .isLessThanOrEqualTo(sl[1] + Math.sqrt(2 * (round + rel) * l0));
        if (measured / l0 > Theorem43Bounds.complementNiUpperBoundB20AsPrinted(kt) + round + rel) {
          violationsOfPrinted++;
        }
        checked++;
      }
    }
    // The printed bound is short by 2κ̃² > 0, so every group of every instance violates it.
    assertThat(violationsOfPrinted).isEqualTo(checked);
  }

  /**
   * Finding, pinned: seed 43, n = 1, two groups of sizes (3, 5) with scales (1, 1), θ₀ = 0. GD
   * converges to θ* and {@code I^N_Δ̄₁(θ*, 0)/L(θ₀) = (1 − κ̃₁)²}, which exceeds the printed (B.20)
   * bound {@code 1 − κ̃₁² − 2κ̃₁} by {@code 2κ̃₁²}.
   */
  @Test
  void printedB20FailsOnPinnedOneSampleInstanceSeed43() {
    Instance inst = new Instance(43, 1, new int[] {3, 5}, new double[] {1, 1}, InitMode.ZERO, 1.0);
    GradientDescentTrace t = inst.replay(backend(), 100, 1e-24);
    double kt = t.ppls().kappaTilde(0);
    double ratio = t.complementNi()[0][t.last()] / t.loss0();
    double printed = Theorem43Bounds.complementNiUpperBoundB20AsPrinted(kt);
    // n = 1: μᵢ = Lᵢ = ‖xᵢ‖², so η = 1/L solves the problem in one step up to rounding (≈ 1e-16 L₀).
    assertThat(ratio - printed).as("%s: measured %s, printed bound %s, kappaTilde %s", inst, ratio, printed, kt)
        .isCloseTo(2 * kt * kt, org.assertj.core.api.Assertions.within(1e-12));
    assertThat(ratio).isGreaterThan(printed);
  }

  private static void assertHolds(HessianBiasChecks.Check c, double rel, double abs, Instance inst) {
    double allowance = Math.abs(c.boundValue()) * rel + abs;
    assertThat(c.margin() + allowance).as("(%s) %s violated at tau=%d group=%d: measured %s, bound %s, on %s",
        c.bound().equation(), c.bound().statement(), c.tau(), c.group(), c.measured(), c.boundValue(), inst)
        .isGreaterThanOrEqualTo(0);
  }

  @Test
  void recordedNiAgreesWithDefinition21EvaluatedByResettingCoordinates() {
    LinearAlgebraBackend<?> backend = backend();
    for (Instance inst : instances(4304, 10, 8, 1.0, false)) {
      GroupedDesign design = inst.design();
      double[] theta0 = inst.init().draw(design, inst.seed() + 1);
      GradientDescentTrace t = GradientDescent.run(backend, design, theta0,
          new GradientDescentSettings(inst.stepFraction(), 25, 0));
      double[] theta = t.thetaFinal();
      double base = design.loss(theta);
      for (int i = 0; i < design.groupCount(); i++) {
        int from = design.offset(i);
        int to = from + design.sizes()[i];
        double[] resetGroup = theta.clone();
        double[] resetOthers = theta0.clone();
        for (int k = from; k < to; k++) {
          resetGroup[k] = theta0[k];
          resetOthers[k] = theta[k];
        }
        double tol = roundingSlack(design, t, t.last()) * t.loss0();
        assertThat(t.groupNi()[i][t.last()]).as("I_Δ%d on %s", i, inst)
            .isCloseTo(design.loss(resetGroup) - base, org.assertj.core.api.Assertions.within(tol));
        assertThat(t.complementNi()[i][t.last()]).as("I_Δ̄%d on %s", i, inst)
            .isCloseTo(design.loss(resetOthers) - base, org.assertj.core.api.Assertions.within(tol));
      }
      assertThat(t.finalLoss()).isCloseTo(base, org.assertj.core.api.Assertions.within(
          roundingSlack(design, t, t.last()) * t.loss0()));
    }
  }

}
