package dev.prunebench.util;

import dev.prunebench.linalg.Matrix;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;

/**
 * Seeded random numbers. Every random thing in the project takes an explicit seed and goes through
 * here, so the same seed gives the same numbers on every run and machine. {@link SplittableRandom}
 * is fast, and its {@code nextGaussian} is the JDK 17 ziggurat sampler, not {@code java.util.Random}'s
 * polar method.
 */
public final class Rng {
  private Rng() {}

  /** A generator for this seed. */
  public static RandomGenerator.SplittableGenerator of(long seed) {
    return new SplittableRandom(seed);
  }

  /** An n x p matrix of independent N(0, 1) entries. */
  public static Matrix gaussian(RandomGenerator rng, int rows, int cols) {
    double[] d = new double[rows * cols];
    for (int k = 0; k < d.length; k++) {
      d[k] = rng.nextGaussian();
    }
    return Matrix.wrap(rows, cols, d);
  }

  /** A vector of independent N(0, sd²) entries. */
  public static double[] gaussian(RandomGenerator rng, int n, double sd) {
    double[] d = new double[n];
    for (int k = 0; k < n; k++) {
      d[k] = sd * rng.nextGaussian();
    }
    return d;
  }
}
