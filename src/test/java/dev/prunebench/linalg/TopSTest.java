package dev.prunebench.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunebench.util.Rng;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.DoubleBuffer;
import java.util.Arrays;
import java.util.Comparator;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class TopSTest {

  /**
   * The specification, by a full sort: importance descending, then index ascending. Equality is
   * {@code ==}, so −0.0 and 0.0 tie ({@code + 0.0} maps −0.0 to 0.0 before {@code Double.compare},
   * which would otherwise order them).
   */
  private static double[] bruteForceMask(double[] imp, int s) {
    Integer[] idx = IntStream.range(0, imp.length).boxed().toArray(Integer[]::new);
    Arrays.sort(idx, Comparator.<Integer>comparingDouble(i -> -(imp[i] + 0.0)).thenComparingInt(i -> i));
    double[] mask = new double[imp.length];
    for (int k = 0; k < s; k++) {
      mask[idx[k]] = 1;
    }
    return mask;
  }

  @Test
  void matchesBruteForceSortOnRandomInputsWithTiesAndExtremes() {
    RandomGenerator rng = Rng.of(42);
    for (int trial = 0; trial < 300; trial++) {
      int p = 1 + rng.nextInt(200);
      double[] imp = new double[p];
      for (int k = 0; k < p; k++) {
        // few distinct values so that ties are frequent
        imp[k] = trial % 2 == 0 ? rng.nextInt(5) : rng.nextGaussian();
      }
      for (int s : new int[] {0, p, rng.nextInt(p + 1)}) {
        assertThat(TopS.keepMask(imp, s)).as("p=%d s=%d trial=%d", p, s, trial)
            .containsExactly(bruteForceMask(imp, s));
      }
    }
  }

  @Test
  void sampledSelectionOnLongInputsMatchesBruteForceIncludingAdversarialOrder() {
    RandomGenerator rng = Rng.of(7);
    int p = 50_000; // above the 2^14 length where the sampled bracket is used
    double[] gaussian = new double[p];
    double[] fewValues = new double[p];
    double[] sorted = new double[p];
    double[] adversarial = new double[p];
    for (int k = 0; k < p; k++) {
      gaussian[k] = rng.nextGaussian();
      fewValues[k] = rng.nextInt(3); // massive ties at the threshold
      sorted[k] = k;
      // every strided sample position (k * p / 4096) holds a huge value, the rest are small:
      // the sample then brackets the wrong range and the exact fallback must answer
      adversarial[k] = rng.nextDouble();
    }
    for (int i = 0; i < 4096; i++) {
      adversarial[(int) ((long) i * p / 4096)] = 1e6 + i;
    }
    for (double[] imp : new double[][] {gaussian, fewValues, sorted, adversarial}) {
      for (int s : new int[] {1, 500, 5_000, 25_000, 49_999}) {
        assertThat(TopS.keepMask(imp, s)).containsExactly(bruteForceMask(imp, s));
        double[] w = gaussian;
        double[] expected = bruteForceMask(imp, s);
        for (int k = 0; k < p; k++) {
          expected[k] = expected[k] == 1 ? w[k] : 0.0;
        }
        assertThat(TopS.hardThreshold(w, imp, s)).containsExactly(expected);
        assertThat(viaDirectBuffers(w, imp, s)).as("buffer path, s=%d", s).containsExactly(expected);
      }
    }
    double[] withNaN = gaussian.clone();
    withNaN[40_000] = Double.NaN;
    assertThatThrownBy(() -> TopS.keepMask(withNaN, 100)).hasMessageContaining("entry 40000 is NaN");
    assertThatThrownBy(() -> viaDirectBuffers(gaussian, withNaN, 100))
        .hasMessageContaining("entry 40000 is NaN");
  }

  /**
   * The fused pass (keep/drop written while the candidates are collected) against the sort oracle,
   * bit for bit: signed zeros in importances (tied: {@code -0.0 == 0.0}) and weights (a kept −0.0
   * stays −0.0), infinities, heavy ties, and lengths on both sides of the sampling threshold.
   */
  @Test
  void fusedPassIsBitIdenticalToTheSortOracleOnRandomLongInputs() {
    RandomGenerator rng = Rng.of(20261201);
    for (int trial = 0; trial < 24; trial++) {
      int p = (1 << 14) - 50 + rng.nextInt(40_000);
      double[] imp = new double[p];
      double[] w = new double[p];
      for (int k = 0; k < p; k++) {
        int kind = rng.nextInt(20);
        imp[k] = switch (trial % 3) {
          case 0 -> rng.nextGaussian();
          case 1 -> rng.nextInt(50) * 0.5; // 50 distinct values: ties inside the bracket
          default -> kind == 0 ? -0.0 : kind == 1 ? 0.0 : kind == 2 ? Double.POSITIVE_INFINITY
              : kind == 3 ? Double.NEGATIVE_INFINITY : rng.nextGaussian();
        };
        w[k] = kind == 4 ? -0.0 : rng.nextGaussian();
      }
      for (int s : new int[] {1, p / 10, p / 2, p - 1, 1 + rng.nextInt(p - 1)}) {
        double[] mask = bruteForceMask(imp, s);
        double[] expected = new double[p];
        for (int k = 0; k < p; k++) {
          expected[k] = mask[k] == 1 ? w[k] : 0.0;
        }
        String label = "trial=" + trial + " p=" + p + " s=" + s;
        assertThat(bits(TopS.hardThreshold(w, imp, s))).as(label).containsExactly(bits(expected));
        assertThat(bits(viaDirectBuffers(w, imp, s))).as("buffer " + label).containsExactly(bits(expected));
        assertThat(TopS.keepMask(imp, s)).as("mask " + label).containsExactly(mask);
      }
    }
  }

  @Test
  void theFusedPassNamesTheFirstNaNWhereverItIs() {
    RandomGenerator rng = Rng.of(3);
    int p = 40_000;
    double[] imp = new double[p];
    for (int k = 0; k < p; k++) {
      imp[k] = rng.nextGaussian();
    }
    // 0 and 39 990 are sample positions (the NaN then also enters the sorted sample), 17 and 25 003
    // are not; a second, later NaN must not be the one named
    for (int at : new int[] {0, 17, 25_003, 39_990}) {
      double[] bad = imp.clone();
      bad[at] = Double.NaN;
      bad[p - 1] = Double.NaN;
      for (int s : new int[] {1, 4_000, 39_999}) {
        String msg = "entry " + at + " is NaN";
        assertThatThrownBy(() -> TopS.keepMask(bad, s)).hasMessageContaining(msg);
        assertThatThrownBy(() -> viaDirectBuffers(imp, bad, s)).hasMessageContaining(msg);
      }
    }
  }

  private static long[] bits(double[] a) {
    return Arrays.stream(a).mapToLong(Double::doubleToRawLongBits).toArray();
  }

  /**
   * {@link TopS#hardThresholdInto(DoubleBuffer, DoubleBuffer, int, int, DoubleBuffer)} on direct
   * (off-heap) buffers, the path of the native backend; the output starts as garbage so that every
   * entry must be written.
   */
  private static double[] viaDirectBuffers(double[] w, double[] imp, int s) {
    DoubleBuffer wb = direct(w);
    DoubleBuffer ib = direct(imp);
    double[] garbage = new double[w.length];
    Arrays.fill(garbage, -7.0);
    DoubleBuffer out = direct(garbage);
    TopS.hardThresholdInto(wb, ib, w.length, s, out);
    double[] o = new double[w.length];
    out.get(0, o);
    return o;
  }

  private static DoubleBuffer direct(double[] a) {
    DoubleBuffer b = ByteBuffer.allocateDirect(a.length * Double.BYTES).order(ByteOrder.nativeOrder())
        .asDoubleBuffer();
    b.put(0, a);
    return b;
  }

  @Test
  void topSBreaksTiesByLowerIndex() {
    assertThat(TopS.keepMask(new double[] {1, 1, 1, 1}, 2)).containsExactly(1, 1, 0, 0);
    assertThat(TopS.keepMask(new double[] {0, 2, 1, 2, 1}, 3)).containsExactly(0, 1, 1, 1, 0);
  }

  @Test
  void perGroupKeepsTheSameFractionInEveryGroup() {
    double[] imp = {5, 4, 3, 2, 1, 10, 20, 30, 40, 50};
    // groups of 5 and 5, keep 40 % -> 2 per group, although group 2 dominates globally
    assertThat(TopS.keepMaskPerGroup(imp, new int[] {5, 5}, 0.4))
        .containsExactly(1, 1, 0, 0, 0, 0, 0, 0, 1, 1);
  }

  @Test
  void badArgumentsNameTheArgumentAndValue() {
    assertThatThrownBy(() -> TopS.keepMask(new double[3], 4)).hasMessageContaining("s must be in [0, 3], got 4");
    assertThatThrownBy(() -> TopS.keepMask(new double[3], -1)).hasMessageContaining("got -1");
    assertThatThrownBy(() -> TopS.keepMask(new double[] {1, Double.NaN}, 1)).hasMessageContaining("entry 1 is NaN");
    assertThatThrownBy(() -> TopS.keepMaskPerGroup(new double[5], new int[] {2, 2}, 0.5))
        .hasMessageContaining("groupSizes add up to 4 but importance has 5");
    assertThatThrownBy(() -> TopS.keepMaskPerGroup(new double[5], new int[] {5}, 1.5))
        .hasMessageContaining("keepFraction must be in [0, 1], got 1.5");
  }
}
