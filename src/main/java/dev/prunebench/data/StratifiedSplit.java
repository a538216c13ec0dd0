package dev.prunebench.data;

import dev.prunebench.util.Rng;
import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A seeded, stratified train/test split: every class contributes to the training and test sets in
 * proportion to its size (largest-remainder rounding, ties to the lower class), and within a class
 * the images are drawn in a seeded random order. Same digits, sizes and seed give the same split.
 */
public final class StratifiedSplit {
  private StratifiedSplit() {}

  /** The two halves. */
  public record Split(Digits train, Digits test) {}

  /**
   * @param all the digits to split, not modified
   * @param nTrain training-set size, at least 1
   * @param nTest test-set size, at least 1; {@code nTrain + nTest ≤ all.size()}
   * @param seed shuffle seed
   */
  public static Split split(Digits all, int nTrain, int nTest, long seed) {
    if (nTrain < 1) {
      throw new IllegalArgumentException("nTrain must be at least 1, got " + nTrain);
    }
    if (nTest < 1) {
      throw new IllegalArgumentException("nTest must be at least 1, got " + nTest);
    }
    if ((long) nTrain + nTest > all.size()) {
      throw new IllegalArgumentException("nTrain + nTest must be at most " + all.size() + ", got "
          + nTrain + " + " + nTest);
    }
    int k = all.classes();
    int[] counts = all.countsPerClass();
    int[][] byClass = new int[k][];
    int[] fill = new int[k];
    for (int c = 0; c < k; c++) {
      byClass[c] = new int[counts[c]];
    }
    for (int i = 0; i < all.size(); i++) {
      int c = all.label(i);
      byClass[c][fill[c]++] = i;
    }
    RandomGenerator rng = Rng.of(seed);
    for (int[] idx : byClass) {
      shuffle(idx, rng);
    }
    int[] trainPer = allocate(counts, nTrain);
    int[] remaining = new int[k];
    for (int c = 0; c < k; c++) {
      remaining[c] = counts[c] - trainPer[c];
    }
    int[] testPer = allocate(remaining, nTest);
    int[] train = new int[nTrain];
    int[] test = new int[nTest];
    int a = 0;
    int b = 0;
    for (int c = 0; c < k; c++) {
      for (int j = 0; j < trainPer[c]; j++) {
        train[a++] = byClass[c][j];
      }
      for (int j = 0; j < testPer[c]; j++) {
        test[b++] = byClass[c][trainPer[c] + j];
      }
    }
    // Interleave the classes so that the first rows are not all zeros; training shuffles anyway,
    // but a prefix of the set (e.g. for a quick evaluation) should be stratified too.
    shuffle(train, rng);
    shuffle(test, rng);
    return new Split(all.subset(train), all.subset(test));
  }

  /** Largest-remainder allocation of {@code total} over classes proportional to {@code sizes}. */
  static int[] allocate(int[] sizes, int total) {
    long sum = Arrays.stream(sizes).asLongStream().sum();
    int[] out = new int[sizes.length];
    double[] rem = new double[sizes.length];
    int given = 0;
    for (int c = 0; c < sizes.length; c++) {
      double exact = (double) total * sizes[c] / sum;
      out[c] = (int) Math.min(sizes[c], Math.floor(exact));
      rem[c] = exact - out[c];
      given += out[c];
    }
    while (given < total) {
      int best = -1;
      for (int c = 0; c < sizes.length; c++) {
        if (out[c] < sizes[c] && (best < 0 || rem[c] > rem[best])) {
          best = c;
        }
      }
      out[best]++;
      rem[best] = -1;
      given++;
    }
    return out;
  }

  private static void shuffle(int[] a, RandomGenerator rng) {
    for (int i = a.length - 1; i > 0; i--) {
      int j = rng.nextInt(i + 1);
      int t = a[i];
      a[i] = a[j];
      a[j] = t;
    }
  }
}
