package dev.prunebench.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunebench.util.Rng;
import java.util.Arrays;
import java.util.Comparator;
import java.util.random.RandomGenerator;
import java.util.stream.IntStream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Contract of {@link Thresholding} (paper Definition 2.3, hard thresholding {@code Π_s}): on every
 * backend the kept set equals a brute-force full sort (importance descending, then flat row-major
 * index ascending), globally and per group, including ties, s = 0 and s = p. Selection is exact, so
 * the tolerance is 0 mismatching entries.
 */
@ExtendWith(ContractErrors.class)
class ThresholdingContractTest {

  /** The specification: sort by importance descending, ties by lower index; keep the first s. */
  static double[] bruteForce(double[] imp, int from, int len, int s, double[] mask) {
    Integer[] idx = IntStream.range(from, from + len).boxed().toArray(Integer[]::new);
    // numeric order (so −0.0 ties with 0.0, as the Javadoc's "equal" means ==), then lower index
    Comparator<Integer> byImportance = (i, j) -> imp[i] > imp[j] ? -1 : imp[i] < imp[j] ? 1 : 0;
    Arrays.sort(idx, byImportance.thenComparingInt(i -> i));
    for (int k = 0; k < s; k++) {
      mask[idx[k]] = 1;
    }
    return mask;
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.prunebench.linalg.TestBackends#backends")
  void globalKeepMaskAndHardThresholdEqualABruteForceSort(Backend backend) {
    global(TestBackends.create(backend), backend);
  }

  static <M> void global(LinearAlgebraBackend<M> b, Backend backend) {
    RandomGenerator rng = Rng.of(Check.seed("threshold"));
    int mismatches = 0;
    for (int trial = 0; trial < 60; trial++) {
      // shapes that make the row-major flattening matter (ojAlgo is column-major inside)
      int rows = 1 + rng.nextInt(9);
      int cols = 1 + rng.nextInt(13);
      int p = rows * cols;
      double[] imp = new double[p];
      double[] w = new double[p];
      for (int k = 0; k < p; k++) {
        // every third trial: few distinct values (many ties); every fifth: also ±0.0 and the extreme
        // finite values (±∞ cannot enter: fromBoundary rejects every non-finite entry); otherwise
        // signed Gaussians
        imp[k] = trial % 3 == 0 ? rng.nextInt(4) : rng.nextGaussian();
        if (trial % 5 == 1) {
          double[] special = {0.0, -0.0, Double.MAX_VALUE, -Double.MAX_VALUE, 1.0};
          imp[k] = special[rng.nextInt(special.length)];
        }
        w[k] = rng.nextGaussian();
      }
      Matrix impM = Matrix.of(rows, cols, imp);
      Matrix wM = Matrix.of(rows, cols, w);
      M im = b.fromBoundary(impM);
      M wm = b.fromBoundary(wM);
      for (int s : new int[] {0, p, rng.nextInt(p + 1), p / 2}) {
        double[] want = bruteForce(imp, 0, p, s, new double[p]);
        Matrix mask = Check.take(b, b.keepMask(im, s));
        Matrix kept = Check.take(b, b.hardThreshold(wm, im, s));
        M into = b.zeros(rows, cols);
        b.hardThresholdInto(wm, im, s, into);
        assertThat(Check.take(b, into)).as("hardThresholdInto equals hardThreshold").isEqualTo(kept);
        assertThat(mask.rows()).isEqualTo(rows);
        assertThat(mask.cols()).isEqualTo(cols);
        for (int k = 0; k < p; k++) {
          if (mask.getFlat(k) != want[k] || kept.getFlat(k) != want[k] * w[k]) {
            mismatches++;
          }
        }
        assertThat(mask.toArray()).as("%s keepMask %dx%d s=%d trial %d", backend.cliName(), rows, cols, s, trial)
            .containsExactly(want);
        // Π_s keeps the weight itself and writes +0.0 elsewhere (not w·0, which is −0.0 for w < 0)
        double[] wantKept = new double[p];
        for (int k = 0; k < p; k++) {
          wantKept[k] = want[k] == 1 ? w[k] : 0.0;
        }
        assertThat(kept.toArray()).as("%s hardThreshold %dx%d s=%d", backend.cliName(), rows, cols, s)
            .containsExactly(wantKept);
      }
      assertThat(b.toBoundary(im)).as("keepMask must not modify importance").isEqualTo(impM);
      b.release(im);
      b.release(wm);
    }
    ContractErrors.record(backend, "keepMask", "mismatches vs brute-force sort", mismatches, 0);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.prunebench.linalg.TestBackends#backends")
  void tiesGoToTheLowerRowMajorIndex(Backend backend) {
    ties(TestBackends.create(backend), backend);
  }

  static <M> void ties(LinearAlgebraBackend<M> b, Backend backend) {
    // 2 x 3, all equal: the first three in row-major order are row 0
    M im = b.fromBoundary(Matrix.of(2, 3, 5, 5, 5, 5, 5, 5));
    assertThat(Check.take(b, b.keepMask(im, 3)).toArray()).containsExactly(1, 1, 1, 0, 0, 0);
    b.release(im);
    // 3 x 2 with a tie straddling the cut: (0,1) and (2,0) both 2, only one slot left after the 3
    M im2 = b.fromBoundary(Matrix.of(3, 2, 0, 2, 3, 1, 2, 0));
    assertThat(Check.take(b, b.keepMask(im2, 2)).toArray()).containsExactly(0, 1, 1, 0, 0, 0);
    b.release(im2);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.prunebench.linalg.TestBackends#backends")
  void perGroupKeepMaskKeepsTheSameFractionInEveryGroupLikeABruteForceSort(Backend backend) {
    perGroup(TestBackends.create(backend), backend);
  }

  static <M> void perGroup(LinearAlgebraBackend<M> b, Backend backend) {
    RandomGenerator rng = Rng.of(Check.seed("per-group"));
    int[] groups = {20, 30, 27, 1};
    int p = 78;
    int mismatches = 0;
    for (int trial = 0; trial < 20; trial++) {
      double[] imp = new double[p];
      for (int k = 0; k < p; k++) {
        imp[k] = trial % 2 == 0 ? rng.nextInt(3) : rng.nextGaussian();
      }
      Matrix impM = Matrix.of(6, 13, imp);
      M im = b.fromBoundary(impM);
      for (double f : new double[] {0, 0.37, 0.5, 1, rng.nextDouble()}) {
        double[] want = new double[p];
        int from = 0;
        for (int g : groups) {
          // round(f · size), half up: the documented per-group count
          int s = (int) Math.min(g, Math.floor(f * g + 0.5));
          bruteForce(imp, from, g, s, want);
          from += g;
        }
        Matrix mask = Check.take(b, b.keepMaskPerGroup(im, groups, f));
        for (int k = 0; k < p; k++) {
          if (mask.getFlat(k) != want[k]) {
            mismatches++;
          }
        }
        assertThat(mask.toArray()).as("%s keepMaskPerGroup f=%s trial %d", backend.cliName(), f, trial)
            .containsExactly(want);
      }
      b.release(im);
    }
    ContractErrors.record(backend, "keepMaskPerGroup", "mismatches vs brute-force sort", mismatches, 0);
  }
}
