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

  /** Most ratios a sweep may have: each is a gradient-descent run (the default grid has 33). */
  public static final int MAX_RATIOS = 10_000;

  /**
   * Largest |exponent| of a ratio: the groups are scaled by √ρ and 1/√ρ, the Gram matrices by ρ and 1/ρ
   * and GD's products by up to ρ² times Gaussian entries, and the bounds square condition numbers of
   * order ρ²; 2^±64 keeps those fourth powers (2^±256 times the Gaussian spread) far inside a double's
   * range (2^±1022). The default grid is 2^±8.
   */
  public static final int MAX_ABS_EXPONENT = 64;

  /** The grid {@code 2^from, 2^(from+step), …, 2^to} (inclusive, exact powers of two). */
  public static double[] powerOfTwoGrid(double fromExponent, double toExponent, double stepExponent) {
    if (!(stepExponent > 0) || Double.isInfinite(stepExponent)) {
      throw new IllegalArgumentException("stepExponent must be finite and > 0, got " + stepExponent);
    }
    if (!(toExponent >= fromExponent) || Double.isInfinite(toExponent - fromExponent)) {
      throw new IllegalArgumentException("toExponent must be finite and >= fromExponent = " + fromExponent + ", got "
          + toExponent);
    }
    if (Math.max(Math.abs(fromExponent), Math.abs(toExponent)) > MAX_ABS_EXPONENT) {
      throw new IllegalArgumentException("toExponent: the grid 2^" + fromExponent + " .. 2^" + toExponent + " leaves "
          + "[2^-" + MAX_ABS_EXPONENT + ", 2^" + MAX_ABS_EXPONENT + "], where ρ and 1/ρ scale the groups' squared "
          + "entries past the range of a double");
    }
    double exact = Math.floor((toExponent - fromExponent) / stepExponent + 1e-9) + 1;
    if (exact > MAX_RATIOS) {
      throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "stepExponent: the grid 2^%s .. 2^%s "
          + "in steps of 2^%s has %.0f ratios; at most %d are allowed (each is a gradient-descent run to "
          + "convergence)", fromExponent, toExponent, stepExponent, exact, MAX_RATIOS));
    }
    int count = (int) exact;
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
    long columns = (long) groupSizes[0] + groupSizes[1];
    if (columns * samples > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("groupSizes: the n × (p₁ + p₂) = " + samples + " × " + columns + " design "
          + "has more entries than a Java array holds (2³¹ − 1)");
    }
    groupSizes = groupSizes.clone();
    ratios = ratios.clone();
  }

  /**
   * The dominant arrays of a sweep ({@link dev.prunebench.util.MemoryBudget}): the Gaussian groups and
   * their scaled copy (2·n·(p₁ + p₂)) on the heap; in the backend the scaled design, its transpose and
   * the two n × n Gram matrices, plus GD's iterates (a few p-vectors, negligible).
   */
  public dev.prunebench.util.MemoryBudget.Estimate memoryEstimate() {
    double np = (double) samples * ((double) groupSizes[0] + groupSizes[1]);
    return dev.prunebench.util.MemoryBudget.Estimate.of(2 * np, 2 * np + 2.0 * samples * samples,
        backend.nativeMatrices());
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
