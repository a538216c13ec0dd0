package dev.prunebench.linalg.openblas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunebench.linalg.LeastSquaresAlgorithm;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.linalg.Parallelism;
import dev.prunebench.util.Rng;
import java.util.random.RandomGenerator;
import org.bytedeco.javacpp.DoublePointer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The layout tricks of this backend (row-major buffers handed to column-major LAPACK as Xᵀ, CBLAS
 * transposition flags, k &gt; 1 right-hand sides) checked against plain loops on boundary matrices, for
 * every shape class. The cross-backend contract suite checks agreement with {@code reference}; this
 * test pins what is specific to OpenBLAS.
 */
class OpenBlasKernelsTest {
  private static final double EPS = Math.ulp(1.0);
  private static OpenBlasBackend backend;

  /** 1×1, 1×p, n×1, n = p, n &lt; p, n &gt; p. */
  private static final int[][] SHAPES = {{1, 1}, {1, 6}, {6, 1}, {5, 5}, {7, 13}, {13, 7}, {40, 60}, {60, 40}};

  @BeforeAll
  static void load() {
    OpenBlasTestSupport.assumeOpenBlasLoads();
    backend = OpenBlasBackend.of(Parallelism.ALL_CORES);
  }

  /**
   * Well-conditioned test designs: Gaussian for n ≠ p (aspect ratio ≤ 0.6, so κ(X) ≲ 8 by the
   * Marchenko–Pastur edges (1 ± √r)/(1 ∓ √r)), {@code 3I + G} for n = p (κ ≈ 2–5 for these sizes).
   */
  private static Matrix design(RandomGenerator rng, int n, int p) {
    Matrix g = Rng.gaussian(rng, n, p);
    if (n != p) {
      return g;
    }
    double[] d = g.toArray();
    for (int i = 0; i < n; i++) {
      d[i * n + i] += 3;
    }
    return Matrix.of(n, n, d);
  }

  private static Matrix naiveProduct(Matrix a, Matrix b) {
    int n = a.rows();
    int k = a.cols();
    int m = b.cols();
    double[] c = new double[n * m];
    for (int i = 0; i < n; i++) {
      for (int t = 0; t < k; t++) {
        for (int j = 0; j < m; j++) {
          c[i * m + j] += a.get(i, t) * b.get(t, j);
        }
      }
    }
    return Matrix.of(n, m, c);
  }

  private static Matrix minus(Matrix a, Matrix b) {
    double[] d = a.toArray();
    for (int k = 0; k < d.length; k++) {
      d[k] -= b.getFlat(k);
    }
    return Matrix.of(a.rows(), a.cols(), d);
  }

  private Matrix run(java.util.function.Supplier<NativeMatrix> kernel) {
    NativeMatrix r = kernel.get();
    Matrix m = backend.toBoundary(r);
    backend.release(r);
    return m;
  }

  @Test
  void gemmAllThreeTranspositionCasesMatchTheTripleLoop() {
    RandomGenerator rng = Rng.of(21);
    int[][] dims = {{1, 1, 1}, {1, 5, 1}, {5, 1, 4}, {3, 7, 2}, {17, 9, 23}, {64, 33, 5}};
    for (int[] d : dims) {
      Matrix a = Rng.gaussian(rng, d[0], d[1]);
      Matrix b = Rng.gaussian(rng, d[1], d[2]);
      Matrix expected = naiveProduct(a, b);
      NativeMatrix na = backend.fromBoundary(a);
      NativeMatrix nb = backend.fromBoundary(b);
      NativeMatrix nat = backend.fromBoundary(a.transpose());
      NativeMatrix nbt = backend.fromBoundary(b.transpose());
      // Standard GEMM error bound |C − Ĉ| ≤ k·ε·|A||B| entrywise; |A||B| ≤ k·max|a|·max|b| and
      // Gaussian entries here are below 6, so k²·ε·36 bounds every entry's error.
      double tol = (double) d[1] * d[1] * EPS * 36;
      assertThat(run(() -> backend.multiply(na, nb)).maxAbsDiff(expected)).as("A·B %s", d).isLessThan(tol);
      assertThat(run(() -> backend.multiplyTransA(nat, nb)).maxAbsDiff(expected)).as("Aᵀ·B").isLessThan(tol);
      assertThat(run(() -> backend.multiplyTransB(na, nbt)).maxAbsDiff(expected)).as("A·Bᵀ").isLessThan(tol);
      for (NativeMatrix m : new NativeMatrix[] {na, nb, nat, nbt}) {
        backend.release(m);
      }
    }
  }

  @Test
  void pseudoInverseSatisfiesThePenroseConditionsOnEveryShapeAndOnARankDeficientMatrix() {
    RandomGenerator rng = Rng.of(22);
    for (int[] s : SHAPES) {
      checkPenrose(design(rng, s[0], s[1]));
    }
    double[][] rows = Rng.gaussian(rng, 12, 20).toRows();
    rows[9] = rows[3].clone();
    checkPenrose(Matrix.fromRows(rows));
  }

  /**
   * LAPACK-test style ratios {@code ‖residual‖_F / (‖·‖_F · max(n,p) · ε)}; LAPACK's own SVD tests flag a
   * ratio above 30. On these matrices the largest ratio measured was 1.6.
   */
  private void checkPenrose(Matrix x) {
    NativeMatrix nx = backend.fromBoundary(x);
    Matrix pinv = run(() -> backend.pseudoInverse(nx));
    backend.release(nx);
    int scale = Math.max(x.rows(), x.cols());
    Matrix xp = naiveProduct(x, pinv);
    Matrix px = naiveProduct(pinv, x);
    double r1 = minus(naiveProduct(xp, x), x).frobeniusNorm() / (x.frobeniusNorm() * scale * EPS);
    double r2 = minus(naiveProduct(px, pinv), pinv).frobeniusNorm() / (pinv.frobeniusNorm() * scale * EPS);
    double r3 = minus(xp, xp.transpose()).frobeniusNorm() / (xp.frobeniusNorm() * scale * EPS);
    double r4 = minus(px, px.transpose()).frobeniusNorm() / (px.frobeniusNorm() * scale * EPS);
    assertThat(java.util.List.of(r1, r2, r3, r4)).as("Penrose ratios for %s", x)
        .allSatisfy(r -> assertThat(r).isLessThan(30.0));
  }

  @Test
  void everyAlgorithmFindsTheMinimumNormSolutionForEveryShapeAndSeveralRightHandSides() {
    RandomGenerator rng = Rng.of(23);
    for (int[] s : SHAPES) {
      for (int k : new int[] {1, 3}) {
        Matrix x = design(rng, s[0], s[1]);
        Matrix y = Rng.gaussian(rng, s[0], k);
        NativeMatrix nx = backend.fromBoundary(x);
        NativeMatrix ny = backend.fromBoundary(y);
        // X⁺y with X⁺ from dgesdd, itself checked by the Penrose test above.
        Matrix expected = naiveProduct(run(() -> backend.pseudoInverse(nx)), y);
        for (LeastSquaresAlgorithm a : LeastSquaresAlgorithm.values()) {
          Matrix theta = run(() -> backend.solveMinNorm(nx, ny, a));
          assertThat(theta.rows()).isEqualTo(s[1]);
          assertThat(theta.cols()).isEqualTo(k);
          // Relative error ≤ c·ε·κ(X)² for CHOLESKY (the worst of the three), κ ≲ 8 here:
          // 64·ε ≈ 1.4e-14 times a size factor; measured at most 1.0e-14 (CHOLESKY, 5 x 5), 8.5e-15 for QR
          // and SVD. Bound 1e-12, about 100x the largest measured.
          double rel = theta.maxAbsDiff(expected) / Math.max(1e-300, maxAbs(expected));
          assertThat(rel).as("%s on %dx%d, k=%d", a, s[0], s[1], k).isLessThan(1e-12);
          if (s[0] <= s[1]) {
            // Full row rank: the solution interpolates, Xθ = y.
            double res = minus(naiveProduct(x, theta), y).frobeniusNorm() / y.frobeniusNorm();
            assertThat(res).as("residual %s on %dx%d", a, s[0], s[1]).isLessThan(1e-12);
          }
        }
        backend.release(nx);
        backend.release(ny);
      }
    }
  }

  @Test
  void entriesOfExtremeMagnitudeAreScaledSoThatTheGramMatrixNeitherOverflowsNorUnderflows() {
    // Unscaled, X of 1e-170s has X Xᵀ = 0 (CHOLESKY would call it rank-deficient) and X of 1e170s
    // has X Xᵀ = Inf.
    RandomGenerator rng = Rng.of(29);
    for (int[] s : new int[][] {{12, 20}, {20, 12}}) {
      Matrix x = Rng.gaussian(rng, s[0], s[1]);
      Matrix y = Rng.gaussian(rng, s[0], 1);
      NativeMatrix nx = backend.fromBoundary(x);
      NativeMatrix ny = backend.fromBoundary(y);
      for (double fx : new double[] {1e-170, 1e170}) {
        // fy keeps θ ~ fy / fx representable.
        for (double fy : fx < 1 ? new double[] {1e-200, 1} : new double[] {1, 1e200}) {
          NativeMatrix xs = backend.fromBoundary(times(x, fx));
          NativeMatrix ys = backend.fromBoundary(times(y, fy));
          for (LeastSquaresAlgorithm a : LeastSquaresAlgorithm.values()) {
            Matrix expected = times(run(() -> backend.solveMinNorm(nx, ny, a)), fy / fx);
            Matrix got = run(() -> backend.solveMinNorm(xs, ys, a));
            // The decimal factors round once per entry, a relative perturbation of ε amplified by at
            // most κ² ≲ 100 (CHOLESKY, these Gaussian shapes): bound 100ε·max|θ|; measured ≤ 2.1e-15.
            assertThat(got.maxAbsDiff(expected)).as("%s %dx%d fx=%g fy=%g", a, s[0], s[1], fx, fy)
                .isLessThanOrEqualTo(100 * EPS * maxAbs(expected));
          }
          Matrix pinv = times(run(() -> backend.pseudoInverse(nx)), 1 / fx);
          assertThat(run(() -> backend.pseudoInverse(xs)).maxAbsDiff(pinv)).as("X⁺ fx=%g", fx)
              .isLessThanOrEqualTo(100 * EPS * maxAbs(pinv));
          backend.release(xs);
          backend.release(ys);
        }
      }
      backend.release(nx);
      backend.release(ny);
    }
  }

  private static Matrix times(Matrix m, double f) {
    double[] d = m.toArray();
    for (int k = 0; k < d.length; k++) {
      d[k] *= f;
    }
    return Matrix.of(m.rows(), m.cols(), d);
  }

  @Test
  void svdOnAWideMatrixIgnoresStaleMemoryInTheRightHandSideWorkspace() {
    // Regression for the dgelsd trap: LAPACKE NaN-checks all max(n, p) rows of B. Freshly freed NaN
    // buffers of exactly B's size make it likely that malloc hands the same memory back to the kernel;
    // without zeroing, LAPACKE_dgelsd then fails with "argument 7 had an illegal value".
    RandomGenerator rng = Rng.of(24);
    NativeMatrix x = backend.fromBoundary(Rng.gaussian(rng, 20, 90));
    NativeMatrix y = backend.fromBoundary(Rng.gaussian(rng, 20, 2));
    for (int i = 0; i < 50; i++) {
      try (DoublePointer stale = new DoublePointer(90 * 2)) {
        stale.fill(0xFF); // all bits set: NaN in every double
      }
      NativeMatrix theta = backend.solveMinNorm(x, y, LeastSquaresAlgorithm.SVD);
      assertThat(java.util.Arrays.stream(backend.toBoundary(theta).toArray()).allMatch(Double::isFinite))
          .isTrue();
      backend.release(theta);
    }
    backend.release(x);
    backend.release(y);
  }

  @Test
  void rcondCutsSingularValuesAtTheSharedRule() {
    // X = diag(1, 1e-6): rcond 1e-7 keeps σ = 1e-6, rcond 1e-5 treats it as zero.
    NativeMatrix x = backend.fromBoundary(Matrix.of(2, 2, 1, 0, 0, 1e-6));
    NativeMatrix y = backend.fromBoundary(Matrix.column(1, 1));
    Matrix keep = run(() -> backend.solveMinNorm(x, y, LeastSquaresAlgorithm.SVD, 1e-7));
    Matrix cut = run(() -> backend.solveMinNorm(x, y, LeastSquaresAlgorithm.SVD, 1e-5));
    // dgelsd's solution is backward stable: relative error a few ε for this exactly diagonal X.
    assertThat(keep.get(1, 0)).isCloseTo(1e6, org.assertj.core.api.Assertions.within(1e6 * 1e-12));
    assertThat(cut.get(1, 0)).isZero();
    assertThat(run(() -> backend.pseudoInverse(x, 1e-5)).get(1, 1)).isZero();
    assertThat(run(() -> backend.pseudoInverse(x, 1e-7)).get(1, 1))
        .isCloseTo(1e6, org.assertj.core.api.Assertions.within(1e6 * 1e-12));
  }

  @Test
  void hessianDiagonalIsTwoOverNTimesTheColumnSumsOfSquares() {
    Matrix x = Rng.gaussian(Rng.of(25), 37, 11);
    NativeMatrix nx = backend.fromBoundary(x);
    Matrix h = run(() -> backend.lsHessianDiagonal(nx));
    assertThat(h.rows()).isEqualTo(1);
    for (int j = 0; j < 11; j++) {
      double s = 0;
      for (int i = 0; i < 37; i++) {
        s += x.get(i, j) * x.get(i, j);
      }
      // Same summation order as the kernel: identical up to the final scaling, one rounding.
      assertThat(h.get(0, j)).isCloseTo(2.0 / 37 * s, org.assertj.core.api.Assertions.within(4 * EPS * s));
    }
    backend.release(nx);
  }

  @Test
  void elementwiseKernelsMatchPlainLoopsAcrossChunkBoundaries() {
    // 70 x 100 = 7000 entries: more than one 4096-entry chunk, and a partial last chunk.
    Matrix a = Rng.gaussian(Rng.of(26), 70, 100);
    Matrix b = Rng.gaussian(Rng.of(27), 70, 100);
    NativeMatrix na = backend.fromBoundary(a);
    NativeMatrix nb = backend.fromBoundary(b);
    Matrix relu = run(() -> backend.relu(na));
    Matrix mask = run(() -> backend.reluMask(na));
    Matrix had = run(() -> backend.hadamard(na, nb));
    Matrix axpy = run(() -> backend.addScaled(na, -0.5, nb));
    Matrix scaled = run(() -> backend.scale(na, 3.0));
    double total = 0;
    for (int k = 0; k < a.size(); k++) {
      double v = a.getFlat(k);
      double w = b.getFlat(k);
      total += v;
      assertThat(relu.getFlat(k)).isEqualTo(v > 0 ? v : 0.0);
      assertThat(mask.getFlat(k)).isEqualTo(v > 0 ? 1.0 : 0.0);
      assertThat(had.getFlat(k)).isEqualTo(v * w);
      assertThat(scaled.getFlat(k)).isEqualTo(3.0 * v);
      // daxpy may fuse the multiply-add: at most one rounding apart from the two-rounding loop.
      assertThat(axpy.getFlat(k)).isCloseTo(v - 0.5 * w, org.assertj.core.api.Assertions.within(
          2 * EPS * (Math.abs(v) + Math.abs(0.5 * w))));
    }
    assertThat(backend.sum(na)).isEqualTo(total); // same sequential order
    Matrix colSums = run(() -> backend.columnSums(na));
    for (int j = 0; j < 100; j++) {
      double s = 0;
      for (int i = 0; i < 70; i++) {
        s += a.get(i, j);
      }
      assertThat(colSums.get(0, j)).isEqualTo(s);
    }
    backend.release(na);
    backend.release(nb);
  }

  @Test
  void softmaxRowsIsFiniteForLargeLogitsAndEachRowSumsToOne() {
    Matrix z = Matrix.of(2, 3, 1000, 999, -1000, 0.5, -0.25, 2);
    NativeMatrix nz = backend.fromBoundary(z);
    Matrix p = run(() -> backend.softmaxRows(nz));
    for (int i = 0; i < 2; i++) {
      double max = Math.max(z.get(i, 0), Math.max(z.get(i, 1), z.get(i, 2)));
      double den = 0;
      for (int j = 0; j < 3; j++) {
        den += Math.exp(z.get(i, j) - max);
      }
      double rowSum = 0;
      for (int j = 0; j < 3; j++) {
        // Three roundings (exp, sum, division), each ≤ ε relative.
        assertThat(p.get(i, j)).isCloseTo(Math.exp(z.get(i, j) - max) / den,
            org.assertj.core.api.Assertions.within(4 * EPS));
        rowSum += p.get(i, j);
      }
      assertThat(rowSum).isCloseTo(1.0, org.assertj.core.api.Assertions.within(4 * EPS));
    }
    backend.release(nz);
  }

  @Test
  void nonFiniteEntriesAreFoundInTheLastEntryAtTheBoundary() {
    double[] d = new double[7000];
    d[6999] = Double.NaN;
    assertThatThrownBy(() -> backend.fromBoundary("a", Matrix.of(70, 100, d)))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("a: entry (69, 99) is NaN; inputs must be finite");
  }

  @Test
  void conversionRoundTripIsExact() {
    Matrix m = Rng.gaussian(Rng.of(28), 33, 17);
    NativeMatrix n = backend.fromBoundary(m);
    assertThat(backend.rows(n)).isEqualTo(33);
    assertThat(backend.cols(n)).isEqualTo(17);
    assertThat(backend.toBoundary(n)).isEqualTo(m);
    backend.release(n);
  }

  @Test
  void hardThresholdKeepsTheLargestImportanceThroughTheSharedDefault() {
    NativeMatrix w = backend.fromBoundary(Matrix.row(3, -1, 2, 5));
    NativeMatrix imp = backend.fromBoundary(Matrix.row(9, 1, 4, 1));
    double[] kept = run(() -> backend.hardThreshold(w, imp, 2)).toArray();
    // The pruned weight −1 becomes −1 · 0 = −0.0 (the shared default multiplies by the mask); == treats it as 0.
    assertThat(kept[0] == 3 && kept[1] == 0 && kept[2] == 2 && kept[3] == 0).as("%s", java.util.Arrays.toString(kept))
        .isTrue();
    backend.release(w);
    backend.release(imp);
  }

  private static double maxAbs(Matrix m) {
    double r = 0;
    for (int k = 0; k < m.size(); k++) {
      r = Math.max(r, Math.abs(m.getFlat(k)));
    }
    return r;
  }
}
