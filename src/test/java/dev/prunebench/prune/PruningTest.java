package dev.prunebench.prune;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PruningTest {

  @Test
  void magnitudeAndHessianImportanceFollowEquation21WithTheObdHalf() {
    double[] theta = {3, -1, 0.5};
    assertThat(Importance.magnitude(theta)).containsExactly(9, 1, 0.25);
    assertThat(Importance.hessian(new double[] {2, 8, 4}, theta)).containsExactly(9, 4, 0.5);
    assertThat(Importance.over(Importance.magnitude(theta), new int[] {0, 2})).isEqualTo(9.25);
  }

  @Test
  void sharedThresholderKeepsTheLargestImportancesAndBreaksTiesByLowerIndex() {
    double[] w = {1, -5, 2, 2, 0.1};
    assertThat(Thresholder.shared().magnitudePrune(w, 2)).containsExactly(0, -5, 2, 0, 0);
    assertThat(Thresholder.shared().magnitudePrune(w, 0)).containsExactly(0, 0, 0, 0, 0);
    assertThat(Thresholder.shared().magnitudePrune(w, 5)).containsExactly(w);
  }

  @Test
  void hessianPruningDiffersFromMagnitudePruningWhenTheHessianIsNotFlat() {
    double[] theta = {1, 2, 3};
    double[] h = {200, 2, 2};
    assertThat(Thresholder.shared().prune(theta, PruningMethod.HP.importance(theta, h), 1)).containsExactly(1, 0, 0);
    assertThat(Thresholder.shared().prune(theta, PruningMethod.MP.importance(theta, null), 1)).containsExactly(0, 0, 3);
  }

  @Test
  void naturalImportanceWithAReferenceReplacesTheEntriesOverDelta() {
    Loss sumOfSquares = t -> t[0] * t[0] + 10 * t[1] * t[1] + t[0] * t[1];
    double[] theta = {1, 2};
    double[] init = {0.5, 0};
    // Replacing θ_1 by 0: L(1, 0) − L(1, 2) = 1 − (1 + 40 + 2) = −42.
    assertThat(NaturalImportance.of(sumOfSquares, theta, new int[] {1})).isEqualTo(-42);
    // Init-pruning of Δ = {0}: L(0.5, 2) − L(1, 2) = (0.25 + 40 + 1) − 43 = −1.75.
    assertThat(NaturalImportance.of(sumOfSquares, theta, init, new int[] {0})).isCloseTo(-1.75, within(1e-15));
    QuadraticLoss q = new QuadraticLoss(new double[][] {{1, 0.5}, {0.5, 10}}, new double[] {0, 0}, 0);
    assertThat(q.naturalImportance(theta, init, new int[] {0})).isCloseTo(-1.75, within(1e-15));
  }

  @Test
  void naturalPruningFindsTheBestSubsetWhenTheHessianIsNotDiagonal() {
    // Strongly correlated features: θ = (1, 1, 0.2) with x1 ≈ −x2 makes keeping the pair {0, 1}
    // worse than magnitude suggests; the loss is L(θ) = (θ − a)ᵀQ(θ − a) with minimiser a = θ.
    double[][] q = {{1, -0.99, 0}, {-0.99, 1, 0}, {0, 0, 1}};
    double[] theta = {1, 1, 0.2};
    double[] b = QuadraticLoss.multiply(q, theta);
    QuadraticLoss loss = new QuadraticLoss(q, b, QuadraticLoss.dot(theta, b));
    NaturalPruning.Result r = NaturalPruning.prune(loss, theta, 1);
    // Keeping only θ_0 or θ_1 leaves the other: loss 1 + 0.04; keeping θ_2: 2 − 1.98 = 0.02 — the best.
    assertThat(r.kept()).containsExactly(2);
    assertThat(r.loss()).isCloseTo(0.02, within(1e-12));
    assertThat(Thresholder.shared().magnitudePrune(theta, 1)).containsExactly(1, 0, 0);
  }

  @Test
  void badArgumentsAreRejectedNamingTheArgument() {
    assertThatThrownBy(() -> NaturalPruning.prune(t -> 0, new double[21], 3))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("p = 21");
    assertThatThrownBy(() -> NaturalImportance.of(t -> 0, new double[3], new int[] {3}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("delta: index 3");
    assertThatThrownBy(() -> Importance.hessian(new double[] {-1}, new double[] {1}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hessianDiagonal: entry 0");
    assertThatThrownBy(() -> Importance.magnitude(new double[] {Double.NaN}))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("theta: entry 0");
  }
}
