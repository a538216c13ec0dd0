package dev.prunebench.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunebench.linalg.Matrix;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class StratifiedSplitTest {
  /** 1000 samples whose single pixel is the sample index, so rows can be traced; classes of 500, 300, 200. */
  private static Digits indexed() {
    int n = 1000;
    double[] x = new double[n];
    int[] y = new int[n];
    for (int i = 0; i < n; i++) {
      x[i] = i;
      y[i] = i < 500 ? 0 : i < 800 ? 1 : 2;
    }
    return new Digits(Matrix.wrap(n, 1, x), y, 3);
  }

  @Test
  void everyClassIsRepresentedInProportionAndTheHalvesAreDisjoint() {
    StratifiedSplit.Split s = StratifiedSplit.split(indexed(), 400, 100, 5);
    assertThat(s.train().countsPerClass()).containsExactly(200, 120, 80);
    assertThat(s.test().countsPerClass()).containsExactly(50, 30, 20);
    Set<Double> seen = new HashSet<>();
    for (Digits d : new Digits[] {s.train(), s.test()}) {
      for (int i = 0; i < d.size(); i++) {
        assertThat(seen.add(d.images().get(i, 0))).as("sample used twice").isTrue();
      }
    }
  }

  @Test
  void theSameSeedGivesTheSameSplitAndAnotherSeedAnother() {
    Digits all = indexed();
    assertThat(StratifiedSplit.split(all, 300, 300, 9)).isEqualTo(StratifiedSplit.split(all, 300, 300, 9));
    assertThat(StratifiedSplit.split(all, 300, 300, 9).train())
        .isNotEqualTo(StratifiedSplit.split(all, 300, 300, 10).train());
  }

  @Test
  void largestRemaindersDecideUnevenAllocations() {
    // 7 of 10 over sizes 5, 3, 2: exact 3.5, 2.1, 1.4 -> floors 3, 2, 1 and one more to the class with 0.5.
    assertThat(StratifiedSplit.allocate(new int[] {5, 3, 2}, 7)).containsExactly(4, 2, 1);
  }

  @Test
  void tooManySamplesAreRejectedNamingTheSizes() {
    assertThatThrownBy(() -> StratifiedSplit.split(indexed(), 900, 200, 1))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("900 + 200").hasMessageContaining("1000");
  }
}
