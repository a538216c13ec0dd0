package dev.prunebench.linalg;

import static dev.prunebench.linalg.Check.EPS;
import static org.assertj.core.api.Assertions.assertThat;

import dev.prunebench.util.Rng;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Contract of {@link Products}: {@code A·B}, {@code Aᵀ·B} and {@code A·Bᵀ} equal the textbook
 * triple loop, on every backend, in both parallelism modes.
 *
 * <p>Tolerance, from the standard error bound (Higham, Accuracy and Stability, eq. 3.13): any
 * summation order, blocked or not, with or without FMA, gives {@code |Ĉ − C| ≤ γ_k |A||B|}
 * entrywise, γ_k = kε/(1 − kε). Two such results (backend and triple loop) differ by at most
 * {@code 2γ_k |A||B|}, so the normalised error {@code |Ĉ − Ĉ_naive|_ij / (k ε (|A||B|)_ij)} is at most
 * {@value #GEMM_BOUND} (up to the 1/(1 − kε) factor). The bound would only fail for Strassen-type
 * algorithms, which none of the libraries use; measured maxima are far lower (contract-errors.csv).
 */
@ExtendWith(ContractErrors.class)
class ProductsContractTest {
  static final double GEMM_BOUND = 2.0;

  enum Op {
    AB, ATB, ABT
  }

  /** C is n x m with inner dimension k. */
  record Shape(int n, int k, int m) {
    @Override
    public String toString() {
      return n + "x" + k + "x" + m;
    }
  }

  static Stream<Arguments> shapes() {
    return TestBackends.cross(List.of(new Shape(1, 1, 1), new Shape(1, 7, 1), new Shape(7, 1, 5),
        new Shape(30, 50, 40), new Shape(50, 30, 1), new Shape(64, 64, 64), new Shape(120, 200, 30)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("shapes")
  void everyProductEqualsTheTripleLoop(Backend backend, Shape s) {
    gemm(TestBackends.create(backend), backend, s, "");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.prunebench.linalg.TestBackends#backends")
  void theSingleThreadedPathComputesTheSameProducts(Backend backend) {
    LinearAlgebraBackend<?> single = TestBackends.create(backend, Parallelism.SINGLE);
    gemm(single, backend, new Shape(120, 200, 150), " single-thread");
    gemm(single, backend, new Shape(3, 5, 2), " single-thread");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.prunebench.linalg.TestBackends#backends")
  void productsOfAMatrixWithItselfAreComplete(Backend backend) {
    aliased(TestBackends.create(backend), backend);
  }

  /**
   * The same native object as both operands: {@code AᵀA}, {@code AAᵀ} (Gram matrices, which a
   * library may route to a symmetric rank-k update that fills one triangle only) and {@code AA}.
   */
  static <M> void aliased(LinearAlgebraBackend<M> b, Backend backend) {
    for (int[] s : new int[][] {{30, 50}, {50, 30}, {1, 7}, {40, 40}}) {
      Matrix a = Rng.gaussian(Rng.of(Check.seed("alias", s[0], s[1])), s[0], s[1]);
      M am = b.fromBoundary(a);
      check(b, backend, "multiplyTransA", Check.take(b, b.multiplyTransA(am, am)), a.transpose(), a, "AᵀA " + s[0] + "x" + s[1]);
      check(b, backend, "multiplyTransB", Check.take(b, b.multiplyTransB(am, am)), a, a.transpose(), "AAᵀ " + s[0] + "x" + s[1]);
      if (s[0] == s[1]) {
        check(b, backend, "multiply", Check.take(b, b.multiply(am, am)), a, a, "AA " + s[0] + "x" + s[1]);
      }
      assertThat(b.toBoundary(am)).as("aliased product must not modify A").isEqualTo(a);
      b.release(am);
    }
  }

  private static <M> void check(LinearAlgebraBackend<M> b, Backend backend, String kernel, Matrix c, Matrix left,
      Matrix right, String what) {
    Matrix expected = Naive.multiply(left, right);
    Matrix scale = Naive.multiplyAbs(left, right);
    assertThat(c.rows()).as("%s rows", what).isEqualTo(expected.rows());
    assertThat(c.cols()).as("%s cols", what).isEqualTo(expected.cols());
    double worst = Check.allFinite(c) ? 0 : Double.NaN;
    for (int q = 0; q < c.size(); q++) {
      worst = Math.max(worst, Math.abs(c.getFlat(q) - expected.getFlat(q)) / (left.cols() * EPS * scale.getFlat(q)));
    }
    // same γ_k bound as the general products (see the class Javadoc)
    Check.ratio(backend, kernel, "aliased operands vs triple loop", worst, GEMM_BOUND, what);
  }

  static <M> void gemm(LinearAlgebraBackend<M> b, Backend backend, Shape s, String label) {
    long seed = Check.seed("gemm", s);
    Matrix a = Rng.gaussian(Rng.of(seed), s.n, s.k);
    Matrix bb = Rng.gaussian(Rng.of(seed + 1), s.k, s.m);
    Matrix expected = Naive.multiply(a, bb);
    Matrix scale = Naive.multiplyAbs(a, bb);
    for (Op op : Op.values()) {
      // feed the operand in the layout the variant expects, so all three compute the same A·B
      Matrix left = op == Op.ATB ? a.transpose() : a;
      Matrix right = op == Op.ABT ? bb.transpose() : bb;
      M l = b.fromBoundary(left);
      M r = b.fromBoundary(right);
      M cm = switch (op) {
        case AB -> b.multiply(l, r);
        case ATB -> b.multiplyTransA(l, r);
        case ABT -> b.multiplyTransB(l, r);
      };
      assertThat(b.rows(cm)).as("rows of %s", op).isEqualTo(s.n);
      assertThat(b.cols(cm)).as("cols of %s", op).isEqualTo(s.m);
      Matrix c = Check.take(b, cm);
      assertThat(b.toBoundary(l)).as("%s must not modify its left operand", op).isEqualTo(left);
      assertThat(b.toBoundary(r)).as("%s must not modify its right operand", op).isEqualTo(right);
      b.release(l);
      b.release(r);
      double worst = 0;
      for (int q = 0; q < c.size(); q++) {
        worst = Math.max(worst, Math.abs(c.getFlat(q) - expected.getFlat(q)) / (s.k * EPS * scale.getFlat(q)));
      }
      if (!Check.allFinite(c)) {
        worst = Double.NaN;
      }
      String kernel = switch (op) {
        case AB -> "multiply";
        case ATB -> "multiplyTransA";
        case ABT -> "multiplyTransB";
      };
      Check.ratio(backend, kernel, "vs triple loop" + label, worst, GEMM_BOUND, s.toString());
    }
  }
}
