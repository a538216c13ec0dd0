package dev.prunebench.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The one validation rule, identical on every backend: a non-finite entry is rejected where data
 * enters ({@link Conversions#fromBoundary(String, Matrix)}), with an {@link IllegalArgumentException}
 * naming the argument and the first bad entry; kernels on native matrices never rescan, so a NaN that
 * a pipeline computes from finite data (here: an overflow, ∞ − ∞) flows through every kernel the same
 * way on every backend instead of throwing on some and not on others. The one deliberate exception is
 * the selection of hard thresholding ({@link TopS}), which cannot order a NaN and rejects it on every
 * backend alike.
 */
class ValidationContractTest {

  /** The NaN and ±∞ positions tried at the boundary, as (row, column) of a 3 x 4 matrix. */
  static Stream<Arguments> badEntries() {
    return TestBackends.cross(List.of(new double[] {Double.NaN, 0, 0}, new double[] {Double.NaN, 2, 3},
        new double[] {Double.POSITIVE_INFINITY, 1, 2}, new double[] {Double.NEGATIVE_INFINITY, 2, 0}));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("badEntries")
  void fromBoundaryRejectsTheFirstNonFiniteEntryByName(Backend backend, double[] bad) {
    LinearAlgebraBackend<?> b = TestBackends.create(backend);
    double[] d = new double[12];
    int i = (int) bad[1];
    int j = (int) bad[2];
    d[i * 4 + j] = bad[0];
    d[11] = Double.NaN; // a later bad entry: the message names the first
    Matrix m = Matrix.of(3, 4, d);
    String entry = "(" + i + ", " + j + ") is " + bad[0];
    assertThatThrownBy(() -> b.fromBoundary("W", m)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("W: entry " + entry + "; inputs must be finite");
    assertThatThrownBy(() -> b.fromBoundary(m)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("matrix: entry " + entry);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.prunebench.linalg.TestBackends#backends")
  void aNanComputedInsideThePipelineFlowsThroughEveryKernelAlike(Backend backend) {
    pipelineNan(TestBackends.create(backend), backend);
  }

  /**
   * Starting from finite data, {@code a∘a} overflows to +∞ in row 0 and {@code a∘a − a∘a} is NaN
   * there and 0 in row 1; every kernel then runs without an exception and yields NaN exactly in the
   * rows (or entries) that IEEE arithmetic says, on every backend.
   */
  static <M> void pipelineNan(LinearAlgebraBackend<M> b, Backend backend) {
    Matrix a = Matrix.fromRows(new double[][] {{1e200, -1e200}, {2, 3}});
    M am = b.fromBoundary("a", a);
    M sq = b.hadamard(am, am);
    M nan = b.addScaled(sq, -1.0, sq);
    String nanRow = "[NaN, NaN, 0.0, 0.0]";
    String label = backend.cliName() + " ";
    assertThat(pattern(b.toBoundary(nan))).as(label + "∞ − ∞").isEqualTo(nanRow);

    List<Function<M, M>> allocating = List.of(b::relu, x -> b.hadamard(x, am), x -> b.addScaled(x, 2, x),
        x -> b.scale(x, 3), b::softmaxRows, x -> b.multiply(x, am), x -> b.multiplyTransB(x, am));
    List<String> names = List.of("relu", "hadamard", "addScaled", "scale", "softmaxRows", "multiply",
        "multiplyTransB");
    for (int t = 0; t < allocating.size(); t++) {
      Function<M, M> k = allocating.get(t);
      M[] out = newArray(1);
      assertThatCode(() -> out[0] = k.apply(nan)).as(label + names.get(t)).doesNotThrowAnyException();
      String want = names.get(t).equals("softmaxRows") ? "[NaN, NaN, 0.5, 0.5]" : nanRow;
      assertThat(pattern(Check.take(b, out[0]))).as(label + names.get(t)).isEqualTo(want);
    }
    M mask = b.reluMask(nan); // NaN > 0 is false: the mask is 0 there, a number
    assertThat(pattern(Check.take(b, mask))).as(label + "reluMask").isEqualTo("[0.0, 0.0, 0.0, 0.0]");
    assertThat(b.sum(nan)).as(label + "sum").isNaN();

    M out = b.zeros(2, 2);
    b.reluInto(nan, out);
    assertThat(pattern(b.toBoundary(out))).as(label + "reluInto").isEqualTo(nanRow);
    b.gemm(false, false, 1.0, nan, am, 0.0, out);
    assertThat(pattern(b.toBoundary(out))).as(label + "gemm").isEqualTo(nanRow);
    double loss = b.softmaxCrossEntropyGradient(nan, new int[] {0, 1}, out);
    // row 1: P = (½, ½), label 1, n = 2: ((½, ½) − (0, 1))/2
    assertThat(pattern(b.toBoundary(out))).as(label + "softmaxCrossEntropyGradient")
        .isEqualTo("[NaN, NaN, 0.25, -0.25]");
    assertThat(loss).as(label + "cross-entropy of a NaN row").isNaN();
    M theta = b.fromBoundary("theta", Matrix.of(2, 2, 1, 1, 1, 1));
    M buf = b.zeros(2, 2);
    b.momentumStep(theta, buf, nan, 0.1, 0.9, null);
    assertThat(pattern(b.toBoundary(theta))).as(label + "momentumStep").isEqualTo("[NaN, NaN, 1.0, 1.0]");

    assertThatThrownBy(() -> b.keepMask(nan, 1)).as(label + "keepMask cannot order NaN")
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("importance: entry 0 is NaN");
    for (M m : List.of(am, sq, nan, out, theta, buf)) {
      b.release(m);
    }
  }

  /** Entries with every NaN printed as NaN and every zero as 0.0 (the sign of zero is not the point). */
  private static String pattern(Matrix m) {
    double[] d = m.toArray();
    StringBuilder sb = new StringBuilder("[");
    for (int q = 0; q < d.length; q++) {
      sb.append(q == 0 ? "" : ", ").append(Double.isNaN(d[q]) ? "NaN" : d[q] == 0 ? "0.0" : Double.toString(d[q]));
    }
    return sb.append(']').toString();
  }

  @SuppressWarnings("unchecked")
  private static <M> M[] newArray(int n) {
    return (M[]) new Object[n];
  }
}
