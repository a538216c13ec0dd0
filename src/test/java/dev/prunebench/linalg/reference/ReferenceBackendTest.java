package dev.prunebench.linalg.reference;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.prunebench.linalg.LeastSquaresAlgorithm;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.linalg.Parallelism;
import dev.prunebench.linalg.RankDeficientException;
import dev.prunebench.util.Rng;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

/**
 * Reference-internal checks against naive computations: the blocked GEMM and Gram kernels at sizes
 * around their block edges, the three least-squares algorithms, the Jacobi SVD and the pseudo-inverse.
 * The cross-backend contract suite lives in {@code dev.prunebench.linalg}; this class covers what only
 * the reference backend has (its blocking, threading and factorisation internals).
 */
class ReferenceBackendTest {
  private static final double EPS = Math.ulp(1.0);

  private final ReferenceBackend single = ReferenceBackend.of(Parallelism.SINGLE);
  private final ReferenceBackend parallel = ReferenceBackend.of(Parallelism.ALL_CORES);

  // ---------------------------------------------------------------- naive helpers (the specification)

  private static DenseMatrix gaussian(RandomGenerator rng, int rows, int cols) {
    Matrix m = Rng.gaussian(rng, rows, cols);
    return new DenseMatrix(rows, cols, m.toArray());
  }

  private static double[][] rowsOf(DenseMatrix m) {
    double[][] r = new double[m.rows()][m.cols()];
    for (int i = 0; i < m.rows(); i++) {
      System.arraycopy(m.data(), i * m.cols(), r[i], 0, m.cols());
    }
    return r;
  }

  private static double[][] transpose(double[][] a) {
    double[][] t = new double[a[0].length][a.length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < a[0].length; j++) {
        t[j][i] = a[i][j];
      }
    }
    return t;
  }

  /** The textbook triple loop, j innermost, one accumulator. */
  private static double[][] naiveProduct(double[][] a, double[][] b) {
    double[][] c = new double[a.length][b[0].length];
    for (int i = 0; i < a.length; i++) {
      for (int j = 0; j < b[0].length; j++) {
        double s = 0;
        for (int p = 0; p < b.length; p++) {
          s += a[i][p] * b[p][j];
        }
        c[i][j] = s;
      }
    }
    return c;
  }

  private static double[][] abs(double[][] a) {
    double[][] r = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      r[i] = Arrays.stream(a[i]).map(Math::abs).toArray();
    }
    return r;
  }

  /**
   * Asserts {@code |C − naive(A·B)| ≤ 2 γ_k (|A||B|)} entrywise, γ_k = kε/(1 − kε): the standard
   * rounding bound of any summation order (Higham, Accuracy and Stability, eq. 3.13), once for each of
   * the two computations being compared.
   */
  private static void assertProductClose(DenseMatrix c, double[][] a, double[][] b, String what) {
    double[][] expected = naiveProduct(a, b);
    double[][] bound = naiveProduct(abs(a), abs(b));
    int k = b.length;
    double gamma = k * EPS / (1 - k * EPS);
    assertThat(c.rows()).as(what).isEqualTo(expected.length);
    assertThat(c.cols()).as(what).isEqualTo(expected[0].length);
    for (int i = 0; i < expected.length; i++) {
      for (int j = 0; j < expected[0].length; j++) {
        assertThat(c.get(i, j)).as("%s entry (%d, %d)", what, i, j)
            .isCloseTo(expected[i][j], within(2 * gamma * bound[i][j] + Double.MIN_NORMAL));
      }
    }
  }

  private static double norm(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return Math.sqrt(s);
  }

  private static double frobenius(DenseMatrix m) {
    return norm(m.data());
  }

  private static DenseMatrix minus(DenseMatrix a, DenseMatrix b) {
    double[] d = new double[a.data().length];
    for (int k = 0; k < d.length; k++) {
      d[k] = a.data()[k] - b.data()[k];
    }
    return new DenseMatrix(a.rows(), a.cols(), d);
  }

  // ---------------------------------------------------------------- GEMM

  /** Sizes straddling KC = 128, NC = 512, DOT_KC = 256, DOT_NC = 128 and the 4x4 tile, plus vectors. */
  private static final int[][] GEMM_SIZES = {
    {1, 1, 1}, {1, 7, 1}, {7, 1, 5}, {1, 300, 1}, {3, 5, 2}, {5, 129, 3}, {6, 257, 130}, {9, 131, 515},
    {130, 257, 129}, {64, 64, 64}
  };

  @Test
  void allThreeProductsMatchTheNaiveTripleLoopAroundTheBlockEdges() {
    RandomGenerator rng = Rng.of(11);
    for (int[] s : GEMM_SIZES) {
      int m = s[0], k = s[1], n = s[2];
      DenseMatrix a = gaussian(rng, m, k);
      DenseMatrix b = gaussian(rng, k, n);
      DenseMatrix at = gaussian(rng, k, m);
      DenseMatrix bt = gaussian(rng, n, k);
      String size = m + "x" + k + "x" + n;
      for (ReferenceBackend be : new ReferenceBackend[] {single, parallel}) {
        String t = " threads=" + be.info().threads();
        assertProductClose(be.multiply(a, b), rowsOf(a), rowsOf(b), "A·B " + size + t);
        assertProductClose(be.multiplyTransA(at, b), transpose(rowsOf(at)), rowsOf(b), "Aᵀ·B " + size + t);
        assertProductClose(be.multiplyTransB(a, bt), rowsOf(a), transpose(rowsOf(bt)), "A·Bᵀ " + size + t);
      }
    }
  }

  @Test
  void splittingRowsOverThreadsGivesBitwiseTheSameProductsAsOneThread() {
    RandomGenerator rng = Rng.of(12);
    // 2·m·k·n = 2·133·257·131 ≈ 9e6 flops: above the 4e6 threshold, so the parallel path really splits
    DenseMatrix a = gaussian(rng, 133, 257);
    DenseMatrix b = gaussian(rng, 257, 131);
    DenseMatrix at = gaussian(rng, 257, 133);
    DenseMatrix bt = gaussian(rng, 131, 257);
    assertThat(parallel.multiply(a, b).data()).containsExactly(single.multiply(a, b).data());
    assertThat(parallel.multiplyTransA(at, b).data()).containsExactly(single.multiplyTransA(at, b).data());
    assertThat(parallel.multiplyTransB(a, bt).data()).containsExactly(single.multiplyTransB(a, bt).data());
    assertThat(parallel.gramOfRows(a).data()).containsExactly(single.gramOfRows(a).data());
    assertThat(parallel.gramOfColumns(a).data()).containsExactly(single.gramOfColumns(a).data());
  }

  @Test
  void rowSplitsCoverEveryRowOnceWithBalancedTriangularWork() {
    for (Gemm.Work w : Gemm.Work.values()) {
      for (int m : new int[] {8, 9, 100, 601}) {
        for (int chunks = 2; chunks <= Math.min(8, m / 4); chunks++) {
          int[] b = Gemm.split(m, chunks, w);
          assertThat(b[0]).isZero();
          assertThat(b[chunks]).isEqualTo(m);
          for (int t = 0; t < chunks; t++) {
            assertThat(b[t + 1]).as("%s m=%d chunks=%d", w, m, chunks).isGreaterThanOrEqualTo(b[t]);
          }
        }
      }
    }
    // LOWER at m = 601 in two chunks: equal area splits at m/√2 ≈ 425, rounded up to a multiple of 4
    assertThat(Gemm.split(601, 2, Gemm.Work.LOWER)[1]).isEqualTo(428);
    // UPPER: equal area at m(1 − 1/√2) ≈ 176.0, reached after row 176, rounded up to 180
    assertThat(Gemm.split(601, 2, Gemm.Work.UPPER)[1]).isEqualTo(180);
  }

  @Test
  void gramMatricesMatchTheNaiveProductAndAreExactlySymmetric() {
    RandomGenerator rng = Rng.of(13);
    int[][] shapes = {{1, 1}, {1, 9}, {9, 1}, {5, 3}, {3, 5}, {130, 70}, {70, 261}, {133, 257}};
    for (int[] s : shapes) {
      DenseMatrix x = gaussian(rng, s[0], s[1]);
      double[][] xr = rowsOf(x);
      for (ReferenceBackend be : new ReferenceBackend[] {single, parallel}) {
        DenseMatrix outer = be.gramOfRows(x);
        DenseMatrix inner = be.gramOfColumns(x);
        assertProductClose(outer, xr, transpose(xr), "X Xᵀ " + s[0] + "x" + s[1]);
        assertProductClose(inner, transpose(xr), xr, "Xᵀ X " + s[0] + "x" + s[1]);
        for (DenseMatrix g : new DenseMatrix[] {outer, inner}) {
          for (int i = 0; i < g.rows(); i++) {
            for (int j = 0; j < i; j++) {
              assertThat(g.get(i, j)).isEqualTo(g.get(j, i));
            }
          }
        }
      }
    }
  }

  // ---------------------------------------------------------------- least squares

  /**
   * A consistent under-determined system with a known minimum-norm solution: θ* = Xᵀ w lies in the
   * row space of X, y = X θ*, so θ* is the unique row-space solution of X θ = y.
   */
  @Test
  void underdeterminedSolutionsInterpolateAndEqualTheRowSpaceSolution() {
    RandomGenerator rng = Rng.of(21);
    for (int[] s : new int[][] {{1, 1}, {1, 6}, {2, 3}, {30, 60}, {59, 60}, {131, 260}}) {
      int n = s[0], p = s[1];
      DenseMatrix x = gaussian(rng, n, p);
      DenseMatrix w = gaussian(rng, n, 2);
      DenseMatrix thetaStar = single.multiplyTransA(x, w);
      DenseMatrix y = single.multiply(x, thetaStar);
      double kappa = condition(x);
      for (LeastSquaresAlgorithm alg : LeastSquaresAlgorithm.values()) {
        DenseMatrix theta = single.solveMinNorm(x, y, alg);
        double rel = frobenius(minus(theta, thetaStar)) / frobenius(thetaStar);
        // forward-error bound c·κ^m·ε, m = 2 for the normal equations (squared condition number) and
        // m = 1 for QR and SVD, c = 10·max(n, p). Measured max relative errors over these shapes:
        // CHOLESKY 3.7e-15, QR 5.2e-15, SVD 1.1e-14, at most 0.17 of the bound; κ ≤ 85 (59 x 60)
        double bound = 10 * p * EPS * (alg == LeastSquaresAlgorithm.CHOLESKY ? kappa * kappa : kappa);
        assertThat(rel).as("%s %dx%d κ=%.1f", alg, n, p, kappa).isLessThanOrEqualTo(bound);
      }
    }
  }

  @Test
  void overdeterminedSolutionsSatisfyTheNormalEquationsAndAgreeAcrossAlgorithms() {
    RandomGenerator rng = Rng.of(22);
    for (int[] s : new int[][] {{1, 1}, {6, 1}, {3, 2}, {60, 60}, {60, 30}, {260, 131}}) {
      int n = s[0], p = s[1];
      DenseMatrix x = gaussian(rng, n, p);
      DenseMatrix y = gaussian(rng, n, 3);
      double kappa = condition(x);
      DenseMatrix svd = single.solveMinNorm(x, y, LeastSquaresAlgorithm.SVD);
      for (LeastSquaresAlgorithm alg : LeastSquaresAlgorithm.values()) {
        DenseMatrix theta = single.solveMinNorm(x, y, alg);
        DenseMatrix residual = minus(y, single.multiply(x, theta));
        DenseMatrix normalEq = single.multiplyTransA(x, residual);
        double scale = frobenius(x) * (frobenius(y) + frobenius(x) * frobenius(theta));
        // ‖Xᵀ(y − Xθ)‖ ≤ c ε ‖X‖ (‖y‖ + ‖X‖‖θ‖) κ^(m−1): backward stability of QR/SVD (m = 1) and the
        // normal equations (m = 2); c = 10·max(n, p) (measured: at most 0.04 of this bound)
        double tol = 10 * n * EPS * scale * (alg == LeastSquaresAlgorithm.CHOLESKY ? kappa : 1);
        assertThat(frobenius(normalEq)).as("%s %dx%d normal equations", alg, n, p).isLessThanOrEqualTo(tol);
        // agreement with SVD: both within the forward-error bound of the true solution (measured: at
        // most 0.05 of the bound; worst CHOLESKY 2.6e-11 and QR 6.2e-14 relative, both at 60 x 60)
        double rel = frobenius(minus(theta, svd)) / frobenius(svd);
        double bound = 20 * n * EPS * (alg == LeastSquaresAlgorithm.CHOLESKY ? kappa * kappa : kappa);
        assertThat(rel).as("%s %dx%d vs SVD", alg, n, p).isLessThanOrEqualTo(bound);
      }
    }
  }

  @Test
  void severalRightHandSidesGiveTheSameColumnsAsSolvingThemOneByOne() {
    RandomGenerator rng = Rng.of(23);
    for (int[] s : new int[][] {{20, 35}, {35, 20}}) {
      DenseMatrix x = gaussian(rng, s[0], s[1]);
      DenseMatrix y = gaussian(rng, s[0], 3);
      for (LeastSquaresAlgorithm alg : LeastSquaresAlgorithm.values()) {
        DenseMatrix all = single.solveMinNorm(x, y, alg);
        for (int c = 0; c < 3; c++) {
          double[] col = new double[s[0]];
          for (int i = 0; i < s[0]; i++) {
            col[i] = y.get(i, c);
          }
          DenseMatrix one = single.solveMinNorm(x, new DenseMatrix(s[0], 1, col), alg);
          for (int j = 0; j < s[1]; j++) {
            // k = 1 takes the dot-product branch of the triangular solves and reflectors, k > 1 the
            // row-axpy branch: the same sums in another order (measured difference ≤ 4.4e-16)
            assertThat(all.get(j, c)).as("%s column %d entry %d", alg, c, j)
                .isCloseTo(one.get(j, 0), within(1e-13));
          }
        }
      }
    }
  }

  @Test
  void tinyShapesHaveTheirClosedFormSolutions() {
    // 1 x p: θ = xᵀ y / ‖x‖²; n x 1: θ = xᵀ y / ‖x‖²; 1 x 1: θ = y / x. Relative tolerance 16ε: a
    // length-3 Householder reflector and a division round a handful of times (measured ≤ 6ε relative)
    DenseMatrix row = new DenseMatrix(1, 3, new double[] {1, 2, 2});
    DenseMatrix col = new DenseMatrix(3, 1, new double[] {1, 2, 2});
    for (LeastSquaresAlgorithm alg : LeastSquaresAlgorithm.values()) {
      assertThat(single.solveMinNorm(row, new DenseMatrix(1, 1, new double[] {18}), alg).data())
          .as("%s 1x3", alg).containsExactly(new double[] {2, 4, 4}, within(16 * EPS * 4));
      assertThat(single.solveMinNorm(col, new DenseMatrix(3, 1, new double[] {1, 0, 0}), alg).data())
          .as("%s 3x1", alg).containsExactly(new double[] {1.0 / 9}, within(16 * EPS / 9));
      assertThat(single.solveMinNorm(new DenseMatrix(1, 1, new double[] {-4}),
          new DenseMatrix(1, 1, new double[] {2}), alg).data()).as("%s 1x1", alg)
          .containsExactly(new double[] {-0.5}, within(16 * EPS * 0.5));
    }
  }

  @Test
  void duplicatedRowsMakeCholeskyReportRankDeficiencyAndPivotedQrAndSvdSolveIt() {
    RandomGenerator rng = Rng.of(24);
    DenseMatrix x = gaussian(rng, 40, 70);
    System.arraycopy(x.data(), 3 * 70, x.data(), 37 * 70, 70); // row 37 := row 3
    DenseMatrix y = single.multiply(x, gaussian(rng, 70, 1)); // consistent
    assertThatThrownBy(() -> single.solveMinNorm(x, y, LeastSquaresAlgorithm.CHOLESKY))
        .isInstanceOf(RankDeficientException.class)
        // rounding leaves the last pivot positive, so it is the condition estimate that refuses
        .hasMessageContaining("estimated condition number κ₁(X Xᵀ)").hasMessageContaining("use SVD");
    // row pivoting moves the duplicate to the end, the last diagonal entry reveals rank 39, and the
    // complete orthogonal decomposition of the wide (LQ) form gives SVD's answer (κ_39 ≈ 5: 1e3·ε)
    DenseMatrix qr = single.solveMinNorm(x, y, LeastSquaresAlgorithm.QR);
    DenseMatrix theta = single.solveMinNorm(x, y, LeastSquaresAlgorithm.SVD);
    assertThat(frobenius(minus(qr, theta)) / frobenius(theta)).isLessThan(1e3 * EPS);
    // consistent system: interpolates (measured residual 2.0e-15 relative)
    assertThat(frobenius(minus(single.multiply(x, theta), y)) / frobenius(y)).isLessThan(1e3 * EPS);
    // equals the solution of the de-duplicated full-rank system, where CHOLESKY is well defined
    double[] kept = Arrays.copyOf(x.data(), 37 * 70);
    System.arraycopy(x.data(), 38 * 70, kept = Arrays.copyOf(kept, 39 * 70), 37 * 70, 2 * 70);
    double[] yKept = new double[39];
    for (int i = 0, r = 0; i < 40; i++) {
      if (i != 37) {
        yKept[r++] = y.get(i, 0);
      }
    }
    DenseMatrix reduced = single.solveMinNorm(new DenseMatrix(39, 70, kept), new DenseMatrix(39, 1, yKept),
        LeastSquaresAlgorithm.QR);
    // measured 1.9e-15 relative; κ of the 39 x 70 reduced matrix ≈ 5.1
    assertThat(frobenius(minus(theta, reduced)) / frobenius(reduced)).isLessThan(1e3 * EPS);
  }

  @Test
  void duplicatedColumnsAreReportedByCholeskyAndQrAndSvdSplitTheirWeightEqually() {
    RandomGenerator rng = Rng.of(25);
    DenseMatrix x = gaussian(rng, 70, 40);
    for (int i = 0; i < 70; i++) {
      x.set(i, 29, x.get(i, 5)); // column 29 := column 5
    }
    DenseMatrix y = gaussian(rng, 70, 1);
    // In exact arithmetic pivot 29 of Xᵀ X is 0; in floating point it is a rounding residue whose sign
    // depends on the summation order (fused multiply-adds in the Gram kernel leave it at +O(ε)‖G‖, the
    // unfused kernel left it at or below 0). Either way it must be rejected: by dpotrf's pivot test
    // ("not positive definite") or by the dpocon-style estimate (κ₁ measured 1.3e17 against the
    // 6.4e13 limit), and both messages name the Gram matrix.
    assertThatThrownBy(() -> single.solveMinNorm(x, y, LeastSquaresAlgorithm.CHOLESKY))
        .isInstanceOf(RankDeficientException.class).hasMessageContaining("Xᵀ X")
        .satisfies(e -> assertThat(e.getMessage()).containsAnyOf("not positive definite", "κ₁(Xᵀ X)"));
    // e₅ − e₂₉ spans the null space; the minimum-norm solution is orthogonal to it (measured 1.1e-15
    // relative to ‖θ‖ for SVD); pivoted QR truncates R[39][39] and its complete orthogonal
    // decomposition lands on the same θ
    for (LeastSquaresAlgorithm alg : new LeastSquaresAlgorithm[] {LeastSquaresAlgorithm.SVD,
        LeastSquaresAlgorithm.QR}) {
      DenseMatrix theta = single.solveMinNorm(x, y, alg);
      assertThat(theta.get(5, 0)).as("%s", alg).isCloseTo(theta.get(29, 0), within(100 * EPS * frobenius(theta)));
    }
  }

  @Test
  void extremelyScaledInputsGiveTheScaledSolutionInsteadOfOverflowOrUnderflow() {
    RandomGenerator rng = Rng.of(26);
    for (int[] s : new int[][] {{12, 20}, {20, 12}}) {
      DenseMatrix x = gaussian(rng, s[0], s[1]);
      DenseMatrix y = gaussian(rng, s[0], 1);
      for (double fx : new double[] {1e-170, 1e170}) {
        // fy chosen so that θ ~ fy / fx stays representable (1e-30, 1e170, 1e-170, 1e30)
        for (double fy : fx < 1 ? new double[] {1e-200, 1} : new double[] {1, 1e200}) {
          DenseMatrix xs = new DenseMatrix(s[0], s[1], Arrays.stream(x.data()).map(v -> v * fx).toArray());
          DenseMatrix ys = new DenseMatrix(s[0], 1, Arrays.stream(y.data()).map(v -> v * fy).toArray());
          for (LeastSquaresAlgorithm alg : LeastSquaresAlgorithm.values()) {
            double[] expected = Arrays.stream(single.solveMinNorm(x, y, alg).data()).map(v -> v * (fy / fx))
                .toArray();
            double[] got = single.solveMinNorm(xs, ys, alg).data();
            double scale = HouseholderLq.norm(expected, 0, expected.length); // no underflow at 1e-171
            for (int j = 0; j < got.length; j++) {
              // the decimal factors round once per entry; the solve then sees a relative perturbation
              // of ε, amplified by at most κ² (CHOLESKY; κ ≤ 10 for these Gaussian shapes). Measured
              // ≤ 1.1e-15 relative to ‖θ‖ (and 3.8e-16 for X⁺), against 100ε = 2.2e-14
              assertThat(got[j]).as("%s %dx%d fx=%g fy=%g entry %d", alg, s[0], s[1], fx, fy, j)
                  .isCloseTo(expected[j], within(100 * EPS * scale));
            }
          }
        }
        DenseMatrix xs = new DenseMatrix(s[0], s[1], Arrays.stream(x.data()).map(v -> v * fx).toArray());
        double[] pinv = single.pseudoInverse(xs).data();
        double[] expected = Arrays.stream(single.pseudoInverse(x).data()).map(v -> v / fx).toArray();
        for (int j = 0; j < pinv.length; j++) {
          assertThat(pinv[j]).as("pinv fx=%g entry %d", fx, j)
              .isCloseTo(expected[j], within(100 * EPS * HouseholderLq.norm(expected, 0, expected.length)));
        }
      }
    }
  }

  // ---------------------------------------------------------------- SVD and pseudo-inverse

  /** σ_max / σ_min from the reference SVD (used only to scale tolerances). */
  private static double condition(DenseMatrix x) {
    double[] s = singularValues(x);
    return s[s.length - 1] / s[0];
  }

  /** Ascending singular values of X through the backend's own LQ + Jacobi path. */
  private static double[] singularValues(DenseMatrix x) {
    int n = x.rows(), p = x.cols();
    double[] w = n <= p ? x.data().clone() : MinNorm.transpose(x.data(), n, p);
    HouseholderLq lq = new HouseholderLq(w, Math.min(n, p), Math.max(n, p));
    double[] s = new JacobiSvd(lq.lowerFactor(), Math.min(n, p)).sigma().clone();
    Arrays.sort(s);
    return s;
  }

  /** Orthonormal columns by modified Gram–Schmidt, applied twice ("twice is enough", Parlett). */
  private static double[][] orthonormalColumns(RandomGenerator rng, int rows, int cols) {
    double[][] q = transpose(rowsOf(gaussian(rng, rows, cols))); // q[j] = column j
    for (int pass = 0; pass < 2; pass++) {
      for (int j = 0; j < cols; j++) {
        for (int i = 0; i < j; i++) {
          double d = 0;
          for (int r = 0; r < rows; r++) {
            d += q[i][r] * q[j][r];
          }
          for (int r = 0; r < rows; r++) {
            q[j][r] -= d * q[i][r];
          }
        }
        double nn = norm(q[j]);
        for (int r = 0; r < rows; r++) {
          q[j][r] /= nn;
        }
      }
    }
    return transpose(q);
  }

  /** X = U diag(s) Vᵀ with random orthonormal U (n x r), V (p x r). */
  private static DenseMatrix withSingularValues(RandomGenerator rng, int n, int p, double[] s) {
    double[][] u = orthonormalColumns(rng, n, s.length);
    double[][] v = orthonormalColumns(rng, p, s.length);
    double[] d = new double[n * p];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        double acc = 0;
        for (int k = 0; k < s.length; k++) {
          acc += u[i][k] * s[k] * v[j][k];
        }
        d[i * p + j] = acc;
      }
    }
    return new DenseMatrix(n, p, d);
  }

  @Test
  void jacobiSvdRecoversPrescribedSingularValuesForWideAndTallMatrices() {
    RandomGenerator rng = Rng.of(31);
    double[] s = {1e-9, 1e-6, 1e-3, 0.5, 1, 3, 10};
    for (int[] shape : new int[][] {{7, 7}, {7, 20}, {20, 7}, {9, 30}}) {
      int n = shape[0], p = shape[1];
      DenseMatrix x = withSingularValues(rng, n, p, s);
      double[] got = singularValues(x);
      double[] expected = new double[Math.min(n, p)];
      System.arraycopy(s, 0, expected, expected.length - s.length, s.length); // pad with zeros
      for (int i = 0; i < expected.length; i++) {
        // backward stability: |σᵢ − sᵢ| ≤ c ε max(n, p) σ_max (Weyl); the construction of X itself
        // rounds at ε·σ_max·r; c = 10 (measured ≤ 1.4e-14 absolute, σ_max = 10, i.e. ≤ 0.03 of it)
        assertThat(got[i]).as("σ_%d of %dx%d", i, n, p)
            .isCloseTo(expected[i], within(10 * Math.max(n, p) * EPS * 10));
      }
    }
  }

  @Test
  void jacobiRotationsAreOrthogonalAndLeaveOrthogonalRowsThatReconstructTheFactor() {
    RandomGenerator rng = Rng.of(32);
    int r = 37;
    double[] l = gaussian(rng, r, r).data();
    JacobiSvd svd = new JacobiSvd(l, r);
    double tol = 10 * r * EPS; // measured max 9.3e-15 (orthogonality), 5.2e-16 (reconstruction / ‖L‖)
    double scale = norm(l);
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < r; j++) {
        double gg = 0;
        double recon = 0;
        for (int q = 0; q < r; q++) {
          gg += svd.g(i)[q] * svd.g(j)[q];
          recon += svd.g(q)[i] * svd.b(q)[j]; // (Gᵀ B)_ij
        }
        assertThat(gg).as("(G Gᵀ)_%d%d", i, j).isCloseTo(i == j ? 1 : 0, within(tol));
        assertThat(recon).as("(Gᵀ B)_%d%d", i, j).isCloseTo(l[i * r + j], within(tol * scale));
        if (i != j) {
          double bb = Level1.dot(svd.b(i), 0, svd.b(j), 0, r);
          // the stopping rule: |bᵢ·bⱼ| ≤ √r ε ‖bᵢ‖‖bⱼ‖ at the last sweep (×2 for the final recompute)
          assertThat(Math.abs(bb)).isLessThanOrEqualTo(2 * Math.sqrt(r) * EPS * svd.sigma()[i] * svd.sigma()[j]);
        }
      }
    }
    assertThat(svd.sweeps()).as("sweeps").isBetween(2, 20);
  }

  @Test
  void pseudoInverseSatisfiesThePenroseConditionsOnRankDeficientWideAndTallMatrices() {
    RandomGenerator rng = Rng.of(33);
    for (int[] shape : new int[][] {{1, 1}, {1, 5}, {5, 1}, {12, 12}, {10, 25}, {25, 10}}) {
      int n = shape[0], p = shape[1];
      int rank = Math.max(1, Math.min(n, p) - 3);
      double[] s = new double[rank];
      for (int i = 0; i < rank; i++) {
        s[i] = Math.pow(10, -4.0 * i / Math.max(1, rank - 1)); // κ = 1e4 on the range
      }
      DenseMatrix x = withSingularValues(rng, n, p, s);
      DenseMatrix pinv = single.pseudoInverse(x);
      assertThat(pinv.rows()).isEqualTo(p);
      assertThat(pinv.cols()).isEqualTo(n);
      DenseMatrix xp = single.multiply(x, pinv);
      DenseMatrix px = single.multiply(pinv, x);
      double nx = frobenius(x);
      double np = frobenius(pinv);
      // LAPACK-style: ‖X X⁺ X − X‖ ≤ c ε max(n, p) ‖X‖ κ, etc., with κ = 1e4 and c = 1 (measured
      // ≤ 4.0e-13 and 1.9e-13 relative for conditions 1 and 2, ≤ 9.2e-13 for the symmetry defects;
      // the smallest bound among the shapes with κ = 1e4, 12 x 12, is 2.7e-11)
      double tol = Math.max(n, p) * EPS * 1e4;
      String what = n + "x" + p + " rank " + rank;
      assertThat(frobenius(minus(single.multiply(xp, x), x)) / nx).as("X X⁺ X = X, %s", what)
          .isLessThanOrEqualTo(tol);
      assertThat(frobenius(minus(single.multiply(px, pinv), pinv)) / np).as("X⁺ X X⁺ = X⁺, %s", what)
          .isLessThanOrEqualTo(tol);
      assertThat(asymmetry(xp)).as("(X X⁺)ᵀ = X X⁺, %s", what).isLessThanOrEqualTo(tol);
      assertThat(asymmetry(px)).as("(X⁺ X)ᵀ = X⁺ X, %s", what).isLessThanOrEqualTo(tol);
    }
  }

  private static double asymmetry(DenseMatrix m) {
    double max = 0;
    for (int i = 0; i < m.rows(); i++) {
      for (int j = 0; j < i; j++) {
        max = Math.max(max, Math.abs(m.get(i, j) - m.get(j, i)));
      }
    }
    return max;
  }

  @Test
  void rcondDropsSingularValuesAtOrBelowTheCutoff() {
    RandomGenerator rng = Rng.of(34);
    DenseMatrix x = withSingularValues(rng, 6, 9, new double[] {1, 1e-3, 1e-7});
    DenseMatrix y = gaussian(rng, 6, 1);
    // rcond = 1e-5 drops σ = 1e-7 only: θ keeps the components along σ = 1 and 1e-3, so ‖θ‖ stays
    // around 1e3·‖y‖ instead of 1e7·‖y‖
    double truncated = frobenius(single.solveMinNorm(x, y, LeastSquaresAlgorithm.SVD, 1e-5));
    double full = frobenius(single.solveMinNorm(x, y, LeastSquaresAlgorithm.SVD, 0));
    assertThat(truncated).isLessThan(1e4 * frobenius(y));
    assertThat(full).isGreaterThan(1e6 * frobenius(y) * 1e-2);
    // the pseudo-inverse obeys the same rule
    assertThat(frobenius(single.pseudoInverse(x, 1e-5))).isCloseTo(Math.sqrt(1 + 1e6), within(1e-6 * 1e3));
    assertThatThrownBy(() -> single.pseudoInverse(x, 1.5)).isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("rcond").hasMessageContaining("1.5");
  }

  // ---------------------------------------------------------------- Hessian diagonal and elementwise

  @Test
  void hessianDiagonalIsTwoOverNTimesColumnSumsOfSquares() {
    DenseMatrix x = new DenseMatrix(2, 3, new double[] {1, -2, 0, 3, 1, -1});
    assertThat(single.lsHessianDiagonal(x).data()).containsExactly(10, 5, 1);
  }

  @Test
  void softmaxStaysFiniteForHugeLogitsAndRowsSumToOne() {
    DenseMatrix z = new DenseMatrix(2, 3, new double[] {1000, 999, -1000, -5, -5, -5});
    DenseMatrix p = single.softmaxRows(z);
    double e = Math.exp(-1);
    assertThat(p.data()).containsExactly(new double[] {1 / (1 + e), e / (1 + e), 0, 1.0 / 3, 1.0 / 3, 1.0 / 3},
        within(4 * EPS));
  }
}
