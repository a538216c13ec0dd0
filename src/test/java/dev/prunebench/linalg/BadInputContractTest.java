package dev.prunebench.linalg;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunebench.util.Rng;
import org.assertj.core.api.SoftAssertions;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input gets a clear error, never a silent wrong answer: on every backend, each kind of bad
 * argument throws {@link IllegalArgumentException} whose message names the argument and the
 * offending value (the wording comes from the shared {@link Checks} / {@link TopS}, so every backend
 * reads the same).
 */
@ExtendWith(ContractErrors.class)
class BadInputContractTest {

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.prunebench.linalg.TestBackends#backends")
  void everyBadArgumentIsRejectedWithItsNameAndValue(Backend backend) {
    SoftAssertions soft = new SoftAssertions();
    badInputs(TestBackends.create(backend), backend, soft);
    soft.assertAll();
  }

  static <M> void badInputs(LinearAlgebraBackend<M> b, Backend backend, SoftAssertions soft) {
    M x34 = b.fromBoundary(Rng.gaussian(Rng.of(1), 3, 4));
    M y2 = b.fromBoundary(Rng.gaussian(Rng.of(2), 2, 1));
    M y3 = b.fromBoundary(Rng.gaussian(Rng.of(3), 3, 1));
    M a23 = b.fromBoundary(Rng.gaussian(Rng.of(4), 2, 3));
    M a24 = b.fromBoundary(Rng.gaussian(Rng.of(5), 2, 4));
    M a32 = b.fromBoundary(Rng.gaussian(Rng.of(6), 3, 2));
    String name = backend.cliName() + ": ";

    // dimension mismatch
    for (LeastSquaresAlgorithm alg : LeastSquaresAlgorithm.values()) {
      expect(soft, name + "solveMinNorm " + alg + " with y of 2 rows for a 3x4 X",
          () -> b.solveMinNorm(x34, y2, alg), "y has 2 rows", "3x4");
    }
    expect(soft, name + "multiply 2x3 * 2x4", () -> b.multiply(a23, a24), "2x3", "2x4");
    expect(soft, name + "multiplyTransA 2x3ᵀ * 3x2", () -> b.multiplyTransA(a23, a32), "2x3", "3x2");
    expect(soft, name + "multiplyTransB 2x3 * (2x4)ᵀ", () -> b.multiplyTransB(a23, a24), "2x3", "2x4");
    expect(soft, name + "hadamard 2x3 ∘ 2x4", () -> b.hadamard(a23, a24), "2x3", "2x4");
    expect(soft, name + "addScaled 2x3 + 3x2", () -> b.addScaled(a23, 1, a32), "2x3", "3x2");
    expect(soft, name + "hardThreshold weights 2x3 importance 2x4", () -> b.hardThreshold(a23, a24, 1),
        "2x3", "2x4");

    // NaN / Inf entries are rejected where they enter (ValidationContractTest has the full rule)
    expect(soft, name + "fromBoundary with NaN in X", () -> b.fromBoundary("X", Matrix.of(2, 3, 1, 2, 3, 4, 5,
        Double.NaN)), "X: entry (1, 2)", "NaN");
    expect(soft, name + "fromBoundary with Inf in y", () -> b.fromBoundary("y", Matrix.of(2, 1, 1,
        Double.POSITIVE_INFINITY)), "y: entry (1, 0)", "Infinity");

    // s out of range, bad groups, bad keepFraction
    expect(soft, name + "keepMask s = -1", () -> b.keepMask(a23, -1), "s", "got -1");
    expect(soft, name + "keepMask s = 7 > 6", () -> b.keepMask(a23, 7), "s must be in [0, 6]", "got 7");
    expect(soft, name + "hardThreshold s = 7 > 6", () -> b.hardThreshold(a23, a23, 7), "got 7");
    expect(soft, name + "groups add up to 5 of 6", () -> b.keepMaskPerGroup(a23, new int[] {2, 3}, 0.5),
        "groupSizes", "5", "6");
    expect(soft, name + "group of size 0", () -> b.keepMaskPerGroup(a23, new int[] {6, 0}, 0.5),
        "groupSizes[1]", "got 0");
    expect(soft, name + "keepFraction 1.5", () -> b.keepMaskPerGroup(a23, new int[] {6}, 1.5),
        "keepFraction", "1.5");

    // rcond outside [0, 1)
    for (double rcond : new double[] {-0.1, 1.0, 2.5, Double.POSITIVE_INFINITY}) {
      expect(soft, name + "pseudoInverse rcond " + rcond, () -> b.pseudoInverse(x34, rcond), "rcond",
          String.valueOf(rcond));
      expect(soft, name + "solveMinNorm SVD rcond " + rcond,
          () -> b.solveMinNorm(x34, y3, LeastSquaresAlgorithm.SVD, rcond), "rcond", String.valueOf(rcond));
    }
    for (M m : java.util.List.of(x34, y2, y3, a23, a24, a32)) {
      b.release(m);
    }
  }

  private static void expect(SoftAssertions soft, String what, ThrowingCallable call, String... fragments) {
    var t = soft.assertThatThrownBy(call).as(what).isInstanceOf(IllegalArgumentException.class);
    for (String f : fragments) {
      t.hasMessageContaining(f);
    }
  }

  @Test
  void emptyMatricesAreRejectedBeforeAnyBackendSeesThem() {
    assertThatThrownBy(() -> Matrix.of(0, 3)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0x3");
    assertThatThrownBy(() -> Matrix.zeros(4, 0)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("4x0");
    assertThatThrownBy(() -> Matrix.fromRows(new double[0][])).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("0 rows");
    assertThatThrownBy(() -> Matrix.of(2, 2, 1, 2, 3)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("expected 4 entries").hasMessageContaining("got 3");
  }
}
