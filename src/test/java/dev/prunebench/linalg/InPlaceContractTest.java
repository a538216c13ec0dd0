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
 * Contract of {@link InPlace} and {@link NetworkKernels}, on every backend: the caller-owned-output
 * GEMM against a triple loop (every transpose form, α and β), the in-place and fused kernels against
 * naive code. Entrywise kernels that are one or two IEEE operations per entry evaluated in a fixed
 * order (ReLU, the masks, squares, the Bernoulli variance, gathers, Hadamard, scaling) must be exact;
 * BLAS-backed updates (axpy, the momentum step) may use a fused multiply-add, so they are held to
 * 2ε of the terms' magnitudes; the softmax to its (k + 3)ε bound (see {@link ElementwiseContractTest}).
 */
@ExtendWith(ContractErrors.class)
class InPlaceContractTest {

  record Shape(int rows, int cols) {
    @Override
    public String toString() {
      return rows + "x" + cols;
    }
  }

  static Stream<Arguments> shapes() {
    return TestBackends.cross(List.of(new Shape(17, 23), new Shape(1, 1), new Shape(64, 10), new Shape(9, 130)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("shapes")
  void gemmIntoCallerOwnedOutputMatchesTripleLoop(Backend backend, Shape s) {
    gemm(TestBackends.create(backend), backend, s);
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("shapes")
  void inPlaceAndFusedKernelsEqualNaiveCode(Backend backend, Shape s) {
    fused(TestBackends.create(backend), backend, s);
  }

  /** C (rows x cols) = α op(A) op(B) + β C₀ with inner dimension 7, for all four transpose forms. */
  static <M> void gemm(LinearAlgebraBackend<M> b, Backend backend, Shape s) {
    int k = 7;
    long seed = Check.seed("gemmInto", s);
    Matrix a = Rng.gaussian(Rng.of(seed), s.rows, k);
    Matrix bb = Rng.gaussian(Rng.of(seed + 1), k, s.cols);
    Matrix c0 = Rng.gaussian(Rng.of(seed + 2), s.rows, s.cols);
    Matrix ab = Naive.multiply(a, bb);
    Matrix abs = Naive.multiplyAbs(a, bb);
    double[][] alphaBeta = {{1, 0}, {-0.75, 0}, {1, 1}, {0.5, -2}};
    for (boolean ta : new boolean[] {false, true}) {
      for (boolean tb : new boolean[] {false, true}) {
        M am = b.fromBoundary(ta ? a.transpose() : a);
        M bm = b.fromBoundary(tb ? bb.transpose() : bb);
        for (double[] ab2 : alphaBeta) {
          double alpha = ab2[0];
          double beta = ab2[1];
          M cm = b.fromBoundary(c0);
          b.gemm(ta, tb, alpha, am, bm, beta, cm);
          Matrix c = Check.take(b, cm);
          double worst = Check.allFinite(c) ? 0 : Double.NaN;
          for (int q = 0; q < c.size(); q++) {
            double want = alpha * ab.getFlat(q) + beta * c0.getFlat(q);
            // γ_k for the product, plus one rounding each for α·, β· and the sum: (k + 3)ε of the terms
            double bound = (k + 3) * EPS * (Math.abs(alpha) * abs.getFlat(q) + Math.abs(beta * c0.getFlat(q)));
            worst = Math.max(worst, Math.abs(c.getFlat(q) - want) / bound);
          }
          String what = s + (ta ? " Aᵀ" : " A") + (tb ? "Bᵀ" : "B") + " α=" + alpha + " β=" + beta;
          Check.ratio(backend, "gemm", "into C vs triple loop", worst, ProductsContractTest.GEMM_BOUND, what);
        }
        assertThat(b.toBoundary(am)).as("gemm must not modify A").isEqualTo(ta ? a.transpose() : a);
        b.release(am);
        b.release(bm);
      }
    }
  }

  static <M> void fused(LinearAlgebraBackend<M> b, Backend backend, Shape s) {
    long seed = Check.seed("fused", s);
    Matrix h = sprinkledZeros(Rng.gaussian(Rng.of(seed), s.rows, s.cols));
    Matrix g = Rng.gaussian(Rng.of(seed + 1), s.rows, s.cols);
    M hm = b.fromBoundary(h);
    M gm = b.fromBoundary(g);
    M out = b.zeros(s.rows, s.cols);
    String w = s.toString();

    b.reluInto(hm, out);
    exact(backend, "reluInto", b.toBoundary(out), h, g, (x, y) -> Math.max(x, 0), w);
    b.squareInto(hm, out);
    exact(backend, "squareInto", b.toBoundary(out), h, g, (x, y) -> x * x, w);
    b.bernoulliVarianceInto(hm, out);
    exact(backend, "bernoulliVarianceInto", b.toBoundary(out), h, g, (x, y) -> x - x * x, w);
    b.copyInto(gm, out);
    b.maskByPositive(out, hm);
    exact(backend, "maskByPositive", b.toBoundary(out), g, h, (x, y) -> x * (y > 0 ? 1 : 0), w);
    b.copyInto(gm, out);
    b.hadamardInPlace(out, hm);
    exact(backend, "hadamardInPlace", b.toBoundary(out), g, h, (x, y) -> x * y, w);
    b.copyInto(gm, out);
    b.scaleInPlace(-0.3, out);
    exact(backend, "scaleInPlace", b.toBoundary(out), g, h, (x, y) -> -0.3 * x, w);
    b.copyInto(gm, out);
    b.maskedVarianceInPlace(out, gm, hm); // s = g, pv = g: 1[h > 0](g − g²)
    exact(backend, "maskedVarianceInPlace", b.toBoundary(out), g, h, (x, y) -> (y > 0 ? 1 : 0) * (x - x * x), w);

    momentum(b, backend, hm, gm, h, g, s);
    softmaxCrossEntropy(b, backend, g, s);
    gather(b, backend, g, s);
    assertThat(b.toBoundary(hm)).as("h must not be modified").isEqualTo(h);
    assertThat(b.toBoundary(gm)).as("g must not be modified").isEqualTo(g);
    for (M m : List.of(hm, gm, out)) {
      b.release(m);
    }
  }

  /** θ = h, buf = g, gradient = h·0.5, with and without a mask that zeroes every third entry. */
  private static <M> void momentum(LinearAlgebraBackend<M> b, Backend backend, M hm, M gm, Matrix h, Matrix g,
      Shape s) {
    double lr = 0.05;
    double mu = 0.9;
    double[] maskValues = new double[h.size()];
    for (int q = 0; q < maskValues.length; q++) {
      maskValues[q] = q % 3 == 1 ? 0 : 1;
    }
    Matrix mask = Matrix.of(s.rows, s.cols, maskValues);
    for (boolean masked : new boolean[] {false, true}) {
      M theta = b.zeros(s.rows, s.cols);
      M buf = b.zeros(s.rows, s.cols);
      M grad = b.zeros(s.rows, s.cols);
      M mm = b.fromBoundary(mask);
      b.copyInto(hm, theta);
      b.copyInto(gm, buf);
      b.copyInto(hm, grad);
      b.scaleInPlace(0.5, grad);
      b.momentumStep(theta, buf, grad, lr, mu, masked ? mm : null);
      Matrix t = Check.take(b, theta);
      Matrix bf = Check.take(b, buf);
      double worst = Check.allFinite(t) && Check.allFinite(bf) ? 0 : Double.NaN;
      int leaked = 0;
      for (int q = 0; q < h.size(); q++) {
        double gq = 0.5 * h.getFlat(q);
        double nb = mu * g.getFlat(q) + gq;
        double nt = (h.getFlat(q) - lr * nb) * (masked ? maskValues[q] : 1);
        // two roundings per update, fused or not: within 2ε of the terms' magnitudes, ratio ≤ 2
        double bBound = 2 * EPS * (Math.abs(mu * g.getFlat(q)) + Math.abs(gq));
        double tBound = 2 * EPS * (Math.abs(h.getFlat(q)) + lr * (Math.abs(nb) + bBound)) + lr * bBound;
        worst = Math.max(worst, relative(Math.abs(bf.getFlat(q) - nb), bBound));
        worst = Math.max(worst, relative(Math.abs(t.getFlat(q) - nt), tBound));
        if (masked && maskValues[q] == 0 && t.getFlat(q) != 0) {
          leaked++;
        }
      }
      Check.ratio(backend, "momentumStep", masked ? "masked vs naive" : "vs naive", worst, 2, s.toString());
      assertThat(leaked).as("%s pruned weights that became nonzero", backend.cliName()).isZero();
      b.release(grad);
      b.release(mm);
    }
  }

  /** Logits z = 4·g (spread), labels i mod K: the gradient (P − Y)/n and the mean loss. */
  private static <M> void softmaxCrossEntropy(LinearAlgebraBackend<M> b, Backend backend, Matrix g, Shape s) {
    int n = s.rows;
    int k = s.cols;
    double[] zv = g.toArray();
    for (int q = 0; q < zv.length; q++) {
      zv[q] *= 4;
    }
    Matrix z = Matrix.of(n, k, zv);
    int[] labels = new int[n + 3]; // longer than n: only the first n are read
    for (int i = 0; i < labels.length; i++) {
      labels[i] = i % k;
    }
    M zm = b.fromBoundary(z);
    M gm = b.zeros(n, k);
    double loss = b.softmaxCrossEntropyGradient(zm, labels, gm);
    Matrix grad = Check.take(b, gm);
    M pm = b.zeros(n, k);
    b.softmaxRowsInto(zm, pm);
    Matrix p = Check.take(b, pm);
    b.release(zm);
    double worst = Check.allFinite(grad) ? 0 : Double.NaN;
    double worstP = Check.allFinite(p) ? 0 : Double.NaN;
    double naiveLoss = 0;
    double lossScale = 0;
    for (int i = 0; i < n; i++) {
      double max = Double.NEGATIVE_INFINITY;
      for (int j = 0; j < k; j++) {
        max = Math.max(max, z.get(i, j));
      }
      double denom = 0;
      for (int j = 0; j < k; j++) {
        denom += Math.exp(z.get(i, j) - max);
      }
      for (int j = 0; j < k; j++) {
        double pij = Math.exp(z.get(i, j) - max) / denom;
        double want = (pij - (j == labels[i] ? 1 : 0)) / n;
        // p to (k + 3)ε relative (see ElementwiseContractTest), the subtraction and 1/n add ≤ 2ε of
        // |want|; twice for two computations
        worst = Math.max(worst, relative(Math.abs(grad.get(i, j) - want), EPS * ((k + 3) * pij / n + 2 * Math.abs(want))));
        worstP = Math.max(worstP, relative(Math.abs(p.get(i, j) - pij), EPS * (k + 3) * pij));
      }
      double li = max + Math.log(denom) - z.get(i, labels[i]);
      naiveLoss += li;
      lossScale += Math.abs(max) + Math.abs(Math.log(denom)) + Math.abs(z.get(i, labels[i]));
    }
    naiveLoss /= n;
    Check.ratio(backend, "softmaxCrossEntropyGradient", "gradient vs naive", worst, 2, s.toString());
    Check.ratio(backend, "softmaxRowsInto", "vs naive", worstP, 2, s.toString());
    // log-sum-exp terms each within (k + 3)ε of their magnitude, summed over n rows: (k + n + 3)ε
    Check.ratio(backend, "softmaxCrossEntropyGradient", "loss vs naive",
        relative(Math.abs(loss - naiveLoss), EPS * (k + n + 3) * lossScale / n), 2, s.toString());
  }

  /** Rows of g in reverse order, then the middle rows from an offset into the index array. */
  private static <M> void gather(LinearAlgebraBackend<M> b, Backend backend, Matrix g, Shape s) {
    int[] index = new int[s.rows + 2];
    for (int r = 0; r < s.rows; r++) {
      index[r + 2] = s.rows - 1 - r;
    }
    M src = b.fromBoundary(g);
    M dst = b.zeros(s.rows, s.cols);
    b.gatherRows(src, index, 2, dst);
    Matrix got = Check.take(b, dst);
    b.release(src);
    int bad = 0;
    for (int r = 0; r < s.rows; r++) {
      for (int j = 0; j < s.cols; j++) {
        bad += got.get(r, j) == g.get(s.rows - 1 - r, j) ? 0 : 1;
      }
    }
    Check.ratio(backend, "gatherRows", "entries differing from the source rows", bad, 0, s.toString());
  }

  private static Matrix sprinkledZeros(Matrix m) {
    double[] d = m.toArray();
    for (int q = 0; q < d.length; q++) {
      d[q] = q % 7 == 3 ? 0.0 : q % 11 == 5 ? -0.0 : 3 * d[q];
    }
    return Matrix.of(m.rows(), m.cols(), d);
  }

  private static void exact(Backend backend, String kernel, Matrix got, Matrix a, Matrix c,
      java.util.function.DoubleBinaryOperator f, String what) {
    int bad = 0;
    for (int q = 0; q < a.size(); q++) {
      double want = f.applyAsDouble(a.getFlat(q), c.getFlat(q));
      bad += got.getFlat(q) == want ? 0 : 1;
    }
    Check.ratio(backend, kernel, "entries differing from naive (exact)", Check.allFinite(got) ? bad : Double.NaN,
        0, what);
  }

  private static double relative(double diff, double scale) {
    return scale == 0 ? (diff == 0 ? 0 : Double.POSITIVE_INFINITY) : diff / scale;
  }
}
