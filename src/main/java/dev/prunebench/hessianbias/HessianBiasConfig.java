package dev.prunebench.hessianbias;

import dev.prunebench.linalg.Backend;
import java.util.Arrays;

/**
 * The scale-ratio sweep of Theorem 4.3 ("larger Hessian wins more"): two feature groups
 * {@code X₁ = √ρ · G₁}, {@code X₂ = G₂/√ρ} (G Gaussian, drawn once from {@code seed}), so that the
 * Hessian blocks scale as ρ and 1/ρ and their ratio is ρ²; for every scale ratio {@code ρ = c₁/c₂} in
 * {@code ratios}, gradient descent from θ₀ runs to convergence and the final init-pruning NI of each
 * group is set against the bounds (4.6), (4.7), (B.19).
 *
 * @param seed seed of G₁, G₂ and y
 * @param initSeed seed of θ₀ (for {@link InitMode#GAUSSIAN})
 * @param backend kernels for the Gram matrices, GD's products and the min-norm check
 * @param samples n ≥ 1
 * @param groupSizes (p₁, p₂), each ≥ n
 * @param ratios the scale ratios ρ = c₁/c₂ of the sweep, each &gt; 0 and finite
 * @param trajectoryRatios ratios (a subset of {@code ratios}) whose full trajectories are reported
 * @param gradientDescent step size and stopping rule
 * @param init where GD starts
 */
public record HessianBiasConfig(long seed, long initSeed, Backend backend, int samples, int[] groupSizes,
    double[] ratios, double[] trajectoryRatios, GradientDescentSettings gradientDescent, InitMode init) {

  /** The grid {@code 2^from, 2^(from+step), …, 2^to} (inclusive, exact powers of two). */
  public static double[] powerOfTwoGrid(double fromExponent, double toExponent, double stepExponent) {
    if (!(stepExponent > 0) || !(toExponent >= fromExponent) || Double.isInfinite(toExponent - fromExponent)) {
      throw new IllegalArgumentException("grid: need step > 0 and to >= from, got from=" + fromExponent + ", to="
          + toExponent + ", step=" + stepExponent);
    }
    int count = (int) Math.floor((toExponent - fromExponent) / stepExponent + 1e-9) + 1;
    double[] g = new double[count];
    for (int k = 0; k < count; k++) {
      g[k] = Math.pow(2, fromExponent + k * stepExponent);
    }
    return g;
  }

  public HessianBiasConfig {
    if (backend == null || gradientDescent == null || init == null) {
      throw new IllegalArgumentException("backend, gradientDescent and init are required, got " + backend + ", "
          + gradientDescent + ", " + init);
    }
    if (samples < 1) {
      throw new IllegalArgumentException("samples must be >= 1, got " + samples);
    }
    if (groupSizes == null || groupSizes.length != 2) {
      throw new IllegalArgumentException("groupSizes: the sweep has exactly two groups, got "
          + Arrays.toString(groupSizes));
    }
    for (int i = 0; i < 2; i++) {
      if (groupSizes[i] < samples) {
        throw new IllegalArgumentException("groupSizes[" + i + "] must be >= samples = " + samples + ", got "
            + groupSizes[i]);
      }
    }
    if (ratios == null || ratios.length == 0) {
      throw new IllegalArgumentException("ratios must not be empty, got " + Arrays.toString(ratios));
    }
    for (double r : ratios) {
      if (!(r > 0) || Double.isInfinite(r)) {
        throw new IllegalArgumentException("ratios: every ratio must be finite and > 0, got " + r);
      }
    }
    trajectoryRatios = trajectoryRatios == null ? new double[0] : trajectoryRatios.clone();
    for (double t : trajectoryRatios) {
      if (Arrays.stream(ratios).noneMatch(r -> r == t)) {
        throw new IllegalArgumentException("trajectoryRatios: " + t + " is not one of the sweep ratios "
            + Arrays.toString(ratios));
      }
    }
    groupSizes = groupSizes.clone();
    ratios = ratios.clone();
  }

  @Override
  public int[] groupSizes() {
    return groupSizes.clone();
  }

  @Override
  public double[] ratios() {
    return ratios.clone();
  }

  @Override
  public double[] trajectoryRatios() {
    return trajectoryRatios.clone();
  }

  /** The group scales (c₁, c₂) = (√ρ, 1/√ρ) for scale ratio ρ. */
  public static double[] scales(double ratio) {
    double c = Math.sqrt(ratio);
    return new double[] {c, 1 / c};
  }
}
