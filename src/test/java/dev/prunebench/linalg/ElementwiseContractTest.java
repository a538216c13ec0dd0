package dev.prunebench.linalg;

import static dev.prunebench.linalg.Check.EPS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prunebench.util.Rng;
import java.util.List;
import java.util.function.DoubleBinaryOperator;
import java.util.function.DoubleUnaryOperator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Contract of {@link Elementwise}: the network kernels (paper Section 4, eq. 4.1) equal naive code.
 * ReLU, its mask, the Hadamard product and scaling are single IEEE operations per entry and must be
 * exact (tolerance 0). The rest are held to their textbook rounding bounds, stated at each check.
 */
@ExtendWith(ContractErrors.class)
class ElementwiseContractTest {

  record Shape(int rows, int cols) {
    @Override
    public String toString() {
      return rows + "x" + cols;
    }
  }

  static Stream<Arguments> shapes() {
    return TestBackends.cross(List.of(new Shape(17, 23), new Shape(1, 1), new Shape(1, 9), new Shape(9, 1),
        new Shape(120, 200)));
  }

  /** Gaussian entries times 3, with exact zeros and negative zeros sprinkled in (ReLU's kink). */
  private static Matrix input(Shape s, long seed) {
    double[] d = Rng.gaussian(Rng.of(seed), s.rows, s.cols).toArray();
    for (int k = 0; k < d.length; k++) {
      d[k] = k % 7 == 3 ? 0.0 : k % 11 == 5 ? -0.0 : 3 * d[k];
    }
    return Matrix.of(s.rows, s.cols, d);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("shapes")
  void elementwiseKernelsEqualNaiveCode(Backend backend, Shape s) {
    check(TestBackends.create(backend), backend, s);
  }

  static <M> void check(LinearAlgebraBackend<M> b, Backend backend, Shape s) {
    Matrix a = input(s, Check.seed("a", s));
    Matrix c = input(s, Check.seed("b", s));
    M am = b.fromBoundary(a);
    M cm = b.fromBoundary(c);
    double alpha = -0.7310585786300049;

    exact(backend, "relu", Check.take(b, b.relu(am)), a, v -> Math.max(v, 0), s);
    exact(backend, "reluMask", Check.take(b, b.reluMask(am)), a, v -> v > 0 ? 1 : 0, s);
    exact(backend, "hadamard", Check.take(b, b.hadamard(am, cm)), a, c, (x, y) -> x * y, s);
    exact(backend, "scale", Check.take(b, b.scale(am, alpha)), a, v -> alpha * v, s);

    // a + αb: the naive two-rounding result and a fused one are each within ε(|a| + |αb|) of the
    // exact value, so they differ by at most 2ε(|a| + |αb|): ratio ≤ 2.
    Matrix sum = Check.take(b, b.addScaled(am, alpha, cm));
    assertThat(sum.rows() * 100000L + sum.cols()).as("addScaled shape").isEqualTo(s.rows * 100000L + s.cols);
    double worst = 0;
    for (int k = 0; k < a.size(); k++) {
      double x = a.getFlat(k);
      double y = alpha * c.getFlat(k);
      worst = Math.max(worst, relative(Math.abs(sum.getFlat(k) - (x + y)), EPS * (Math.abs(x) + Math.abs(y))));
    }
    Check.ratio(backend, "addScaled", "vs naive", nanIfAny(worst, sum), 2, s.toString());

    // Column sums and the total: recursive summation of k terms has error ≤ γ_k Σ|a|, for the
    // backend's order and the naive one alike: ratio ≤ 2.
    Matrix cs = Check.take(b, b.columnSums(am));
    assertThat(cs.rows()).isEqualTo(1);
    assertThat(cs.cols()).isEqualTo(s.cols);
    worst = 0;
    double total = 0;
    double totalAbs = 0;
    for (int j = 0; j < s.cols; j++) {
      double naive = 0;
      double abs = 0;
      for (int i = 0; i < s.rows; i++) {
        naive += a.get(i, j);
        abs += Math.abs(a.get(i, j));
      }
      total += naive;
      totalAbs += abs;
      worst = Math.max(worst, relative(Math.abs(cs.get(0, j) - naive), EPS * s.rows * abs));
    }
    Check.ratio(backend, "columnSums", "vs naive", nanIfAny(worst, cs), 2, s.toString());
    double sumAll = b.sum(am);
    // the naive total sums column sums (one more level of rounding): γ_{rows+cols} bound
    Check.ratio(backend, "sum", "vs naive",
        relative(Math.abs(sumAll - total), EPS * (s.rows + s.cols) * totalAbs), 2, s.toString());

    softmax(b, backend, am, a, s);

    // the same native object as both operands
    exact(backend, "hadamard", Check.take(b, b.hadamard(am, am)), a, a, (x, y) -> x * y, s);
    Matrix twice = Check.take(b, b.addScaled(am, 1.0, am));
    exact(backend, "addScaled", twice, a, v -> v + v, s); // a + 1·a = 2a is exact

    assertThat(b.toBoundary(am)).as("kernels must not modify their input").isEqualTo(a);
    assertThat(b.toBoundary(cm)).as("kernels must not modify their input").isEqualTo(c);
    b.release(am);
    b.release(cm);
  }

  private static <M> void softmax(LinearAlgebraBackend<M> b, Backend backend, M zm, Matrix z, Shape s) {
    Matrix p = Check.take(b, b.softmaxRows(zm));
    double worst = 0;
    double worstSum = 0;
    for (int i = 0; i < s.rows; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < s.cols; j++) {
        max = Math.max(max, z.get(i, j));
      }
      double[] e = new double[s.cols];
      double denom = 0;
      for (int j = 0; j < s.cols; j++) {
        e[j] = Math.exp(z.get(i, j) - max);
        denom += e[j];
      }
      double rowSum = 0;
      for (int j = 0; j < s.cols; j++) {
        double naive = e[j] / denom;
        rowSum += p.get(i, j);
        // exp (≤ 1 ulp), a k-term sum (γ_k) and a division: relative error ≤ (k + 3)ε for either
        // computation; a log-sum-exp formulation adds ε·|z − lse| ≤ ε·(max − min + log k), a few ε
        // here. Ratio ≤ 2 for two computations.
        worst = Math.max(worst, Math.abs(p.get(i, j) - naive) / (EPS * (s.cols + 3) * naive));
      }
      // each entry off by ≤ (k + 3)ε relatively, plus the k-term sum of the check: ≤ (2k + 3)ε
      worstSum = Math.max(worstSum, Math.abs(rowSum - 1) / (EPS * (2 * s.cols + 3)));
    }
    Check.ratio(backend, "softmaxRows", "vs naive", nanIfAny(worst, p), 2, s.toString());
    Check.ratio(backend, "softmaxRows", "rows sum to 1", nanIfAny(worstSum, p), 1, s.toString());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.prunebench.linalg.TestBackends#backends")
  void softmaxStaysFiniteAndExactForHugeInputs(Backend backend) {
    hugeSoftmax(TestBackends.create(backend), backend);
  }

  static <M> void hugeSoftmax(LinearAlgebraBackend<M> b, Backend backend) {
    double big = Double.MAX_VALUE / 2;
    Matrix z = Matrix.fromRows(new double[][] {
        {1000, 1001, 999},
        {-1000, -1001, -999},
        {Double.MAX_VALUE, -Double.MAX_VALUE, 0}, // z − max overflows to −∞ for the middle entry: exp gives 0, not NaN
        {-big, -big, -big},
        {7e307, 7e307, -1e308}});
    M zm = b.fromBoundary(z);
    Matrix p = Check.take(b, b.softmaxRows(zm));
    b.release(zm);
    assertThat(Check.allFinite(p)).as("%s softmax of huge inputs must be finite", backend.cliName()).isTrue();
    double e1 = Math.exp(-1);
    double e2 = Math.exp(-2);
    double third = 1.0 / 3;
    Matrix expected = Matrix.fromRows(new double[][] {
        {e1 / (1 + e1 + e2), 1 / (1 + e1 + e2), e2 / (1 + e1 + e2)},
        {e1 / (1 + e1 + e2), e2 / (1 + e1 + e2), 1 / (1 + e1 + e2)},
        {1, 0, 0},
        {third, third, third},
        {0.5, 0.5, 0}});
    // (k + 3)ε relative per entry with k = 3, twice (expected values are computed too): 12ε absolute
    // for entries ≤ 1; ratio = max|Δ| / 12ε ≤ 1.
    Check.ratio(backend, "softmaxRows", "huge inputs", p.maxAbsDiff(expected) / (12 * EPS), 1, "5 rows");
  }

  private static void exact(Backend backend, String kernel, Matrix got, Matrix a, DoubleUnaryOperator f, Shape s) {
    assertThat(got.rows()).as("%s rows", kernel).isEqualTo(a.rows());
    assertThat(got.cols()).as("%s cols", kernel).isEqualTo(a.cols());
    double worst = 0;
    for (int k = 0; k < a.size(); k++) {
      // == rather than bit equality: −0.0 and 0.0 are the same number (ReLU of −0.0 may be either)
      double want = f.applyAsDouble(a.getFlat(k));
      worst = Math.max(worst, got.getFlat(k) == want ? 0 : Math.abs(got.getFlat(k) - want) / Math.ulp(want));
    }
    Check.ratio(backend, kernel, "exact vs naive", nanIfAny(worst, got), 0, s.toString());
  }

  private static void exact(Backend backend, String kernel, Matrix got, Matrix a, Matrix c, DoubleBinaryOperator f,
      Shape s) {
    assertThat(got.rows()).as("%s rows", kernel).isEqualTo(a.rows());
    assertThat(got.cols()).as("%s cols", kernel).isEqualTo(a.cols());
    double worst = 0;
    for (int k = 0; k < a.size(); k++) {
      double want = f.applyAsDouble(a.getFlat(k), c.getFlat(k));
      worst = Math.max(worst, got.getFlat(k) == want ? 0 : Math.abs(got.getFlat(k) - want) / Math.ulp(want));
    }
    Check.ratio(backend, kernel, "exact vs naive", nanIfAny(worst, got), 0, s.toString());
  }

  /** {@code diff / scale}, where a zero scale (all terms exactly 0) demands an exact result. */
  private static double relative(double diff, double scale) {
    return scale == 0 ? (diff == 0 ? 0 : Double.POSITIVE_INFINITY) : diff / scale;
  }

  private static double nanIfAny(double worst, Matrix m) {
    return Check.allFinite(m) ? worst : Double.NaN;
  }
}
