package dev.prunebench.theory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class BracketedRootTest {

  @Test
  void findsASimpleRootToTheRequestedWidth() {
    BracketedRoot.Root r = BracketedRoot.solve(t -> new BracketedRoot.Eval(t * t - 2, 2 * t), 0, 10, 1e-15);
    // √2 is representable to ~2e-16; the bracket width requested is 1e-15.
    assertThat(r.t()).isCloseTo(Math.sqrt(2), within(2e-15));
  }

  @Test
  void convergesWhenNewtonWouldOvershootOnAFlatThenSteepFunction() {
    // atan is increasing with a vanishing slope far from 0: plain Newton from t = 500 diverges.
    BracketedRoot.Root r = BracketedRoot.solve(t -> new BracketedRoot.Eval(Math.atan(t - 3), 1 / (1 + (t - 3) * (t - 3))),
        -1000, 2000, 1e-13);
    assertThat(r.t()).isCloseTo(3, within(1e-12));
    assertThat(r.iterations()).isLessThan(BracketedRoot.MAX_ITERATIONS);
  }

  @Test
  void convergesOnAZeroSlopeTripleRoot() {
    BracketedRoot.Root r = BracketedRoot.solve(t -> new BracketedRoot.Eval(t * t * t, 3 * t * t), -1, 3, 1e-12);
    // A triple root is only determined to about the cube root of the rounding of f: |t|³ ~ 1e-300 is
    // already reachable, but the bracket test stops at width 1e-12.
    assertThat(r.t()).isCloseTo(0, within(1e-12));
  }

  @Test
  void rejectsABracketWithoutASignChange() {
    assertThatThrownBy(() -> BracketedRoot.solve(t -> new BracketedRoot.Eval(t + 5, 1), 0, 1, 1e-12))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("does not bracket a root");
    assertThatThrownBy(() -> BracketedRoot.solve(t -> new BracketedRoot.Eval(t, 1), 1, 0, 1e-12))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("lo ≤ hi");
  }
}
