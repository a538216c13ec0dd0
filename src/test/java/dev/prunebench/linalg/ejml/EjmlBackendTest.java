package dev.prunebench.linalg.ejml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunebench.linalg.LeastSquaresAlgorithm;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.linalg.Parallelism;
import dev.prunebench.linalg.RankDeficientException;
import dev.prunebench.util.Rng;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.ejml.concurrency.EjmlConcurrency;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.SingularOps_DDRM;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * EJML-specific checks the cross-backend contract suite cannot make: that {@code ALL_CORES} really
 * runs on EJML's concurrent ({@code _MT_}) code and {@code SINGLE} never does, and that the
 * single-threaded path, which the contract suite does not exercise (it uses {@code ALL_CORES}), gives
 * the same answers.
 */
class EjmlBackendTest {
  private int originalThreads;

  @BeforeEach
  void rememberPool() {
    originalThreads = EjmlConcurrency.getMaxThreads();
  }

  @AfterEach
  void restorePool() {
    EjmlConcurrency.setMaxThreads(originalThreads);
  }

  /** Every kernel that has an MT variant in EJML, on small inputs (60 x 90 design). */
  private static Map<String, Consumer<EjmlBackend>> concurrentKernels() {
    Matrix x = Rng.gaussian(Rng.of(1), 60, 90);
    Matrix b = Rng.gaussian(Rng.of(2), 90, 40);
    Matrix y = Rng.gaussian(Rng.of(3), 60, 1);
    Matrix tall = Rng.gaussian(Rng.of(4), 90, 60);
    Matrix yTall = Rng.gaussian(Rng.of(5), 90, 1);
    Map<String, Consumer<EjmlBackend>> k = new LinkedHashMap<>();
    k.put("multiply", e -> e.multiply(e.fromBoundary(x), e.fromBoundary(b)));
    k.put("multiplyTransA", e -> e.multiplyTransA(e.fromBoundary(x), e.fromBoundary(x)));
    k.put("multiplyTransB", e -> e.multiplyTransB(e.fromBoundary(x), e.fromBoundary(x)));
    // QR is EJML's column-pivoted QR, which has no concurrent variant: it is not in this list
    for (LeastSquaresAlgorithm alg : new LeastSquaresAlgorithm[] {LeastSquaresAlgorithm.CHOLESKY,
        LeastSquaresAlgorithm.SVD}) {
      k.put("solveMinNorm/" + alg + " n<p", e -> e.solveMinNorm(e.fromBoundary(x), e.fromBoundary(y), alg));
      k.put("solveMinNorm/" + alg + " n>p",
          e -> e.solveMinNorm(e.fromBoundary(tall), e.fromBoundary(yTall), alg));
    }
    k.put("pseudoInverse", e -> e.pseudoInverse(e.fromBoundary(x)));
    return k;
  }

  @Test
  void allCoresRunsEveryDecompositionAndProductOnEjmlsThreadPool() {
    concurrentKernels().forEach((name, kernel) -> {
      // A fresh pool starts with no worker threads; EJML's MT loops submit to it, which starts one.
      EjmlConcurrency.setMaxThreads(2);
      kernel.accept(EjmlBackend.createTyped(Parallelism.ALL_CORES));
      assertThat(EjmlConcurrency.getThreadPool().getPoolSize()).as("pool workers after ALL_CORES %s", name)
          .isPositive();
    });
  }

  @Test
  void singleNeverTouchesEjmlsThreadPool() {
    concurrentKernels().forEach((name, kernel) -> {
      EjmlConcurrency.setMaxThreads(2);
      kernel.accept(EjmlBackend.createTyped(Parallelism.SINGLE));
      assertThat(EjmlConcurrency.getThreadPool().getPoolSize()).as("pool workers after SINGLE %s", name)
          .isZero();
    });
  }

  @Test
  void infoReportsThePoolSizeForAllCoresAndOneThreadForSingle() {
    EjmlConcurrency.setMaxThreads(3);
    assertThat(EjmlBackend.create(Parallelism.ALL_CORES).info().threads()).isEqualTo(3);
    assertThat(EjmlBackend.create(Parallelism.SINGLE).info().threads()).isEqualTo(1);
  }

  @Test
  void singleAndAllCoresProductsAreIdentical() {
    EjmlBackend single = EjmlBackend.createTyped(Parallelism.SINGLE);
    EjmlBackend all = EjmlBackend.createTyped(Parallelism.ALL_CORES);
    Matrix a = Rng.gaussian(Rng.of(11), 130, 70);
    Matrix b = Rng.gaussian(Rng.of(12), 70, 90);
    // CommonOps_MT_DDRM splits the rows of C over threads and runs the same inner loop, so every
    // entry is the same sum in the same order: equality is exact (measured difference 0).
    assertThat(single.toBoundary(single.multiply(single.fromBoundary(a), single.fromBoundary(b))))
        .isEqualTo(all.toBoundary(all.multiply(all.fromBoundary(a), all.fromBoundary(b))));
    assertThat(single.toBoundary(single.multiplyTransA(single.fromBoundary(a), single.fromBoundary(a))))
        .isEqualTo(all.toBoundary(all.multiplyTransA(all.fromBoundary(a), all.fromBoundary(a))));
    assertThat(single.toBoundary(single.multiplyTransB(single.fromBoundary(a), single.fromBoundary(a))))
        .isEqualTo(all.toBoundary(all.multiplyTransB(all.fromBoundary(a), all.fromBoundary(a))));
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(LeastSquaresAlgorithm.class)
  void singleAndAllCoresSolvesAgree(LeastSquaresAlgorithm alg) {
    EjmlBackend single = EjmlBackend.createTyped(Parallelism.SINGLE);
    EjmlBackend all = EjmlBackend.createTyped(Parallelism.ALL_CORES);
    for (int[] shape : new int[][] {{60, 90}, {90, 60}, {1, 5}, {5, 1}}) {
      int n = shape[0];
      int p = shape[1];
      Matrix x = Rng.gaussian(Rng.of(n * 1000L + p), n, p);
      Matrix y = Rng.gaussian(Rng.of(7), n, 2);
      Matrix ts = single.toBoundary(single.solveMinNorm(single.fromBoundary(x), single.fromBoundary(y), alg));
      Matrix ta = all.toBoundary(all.solveMinNorm(all.fromBoundary(x), all.fromBoundary(y), alg));
      double kappa = condition(x);
      // Both paths are backward stable for the same factorisation, so they differ by at most about
      // 2·ε·m·κ (QR, SVD) or 2·ε·m·κ² (CHOLESKY, the Gram matrix has condition κ²) relative. Measured:
      // QR and SVD bitwise equal; CHOLESKY (blocked vs inner-product factorisation) ≤ 0.02·ε·m.
      double k = alg == LeastSquaresAlgorithm.CHOLESKY ? kappa * kappa : kappa;
      double bound = 2 * Math.ulp(1.0) * Math.max(n, p) * k;
      assertThat(ts.maxAbsDiff(ta) / ts.frobeniusNorm()).as("%s %dx%d, κ=%.3g", alg, n, p, kappa)
          .isLessThanOrEqualTo(bound);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Parallelism.class)
  void blockFormatGramRouteGivesTheSameCholeskySolutionAsMultOuter(Parallelism parallelism) {
    // The block route normally starts at millions of entries; a threshold of 1 forces it here.
    EjmlBackend blocked = EjmlBackend.withBlockedGramFrom(parallelism, 1);
    EjmlBackend plain = EjmlBackend.createTyped(parallelism);
    for (int[] shape : new int[][] {{70, 150}, {150, 70}}) {
      Matrix x = Rng.gaussian(Rng.of(31L * shape[0] + shape[1]), shape[0], shape[1]);
      Matrix y = Rng.gaussian(Rng.of(32), shape[0], 2);
      EjmlConcurrency.setMaxThreads(2);
      Matrix tb = blocked.toBoundary(blocked.solveMinNorm(blocked.fromBoundary(x), blocked.fromBoundary(y),
          LeastSquaresAlgorithm.CHOLESKY));
      assertThat(EjmlConcurrency.getThreadPool().getPoolSize() > 0).as("pool used by %s block route", parallelism)
          .isEqualTo(parallelism == Parallelism.ALL_CORES);
      Matrix tp = plain.toBoundary(plain.solveMinNorm(plain.fromBoundary(x), plain.fromBoundary(y),
          LeastSquaresAlgorithm.CHOLESKY));
      // Both Gram matrices are sums of the same products in different orders (error ≤ ε·min(n,p)·‖G‖
      // each), and the solve amplifies that by κ(G) = κ²: relative agreement within 2·ε·m·κ².
      double kappa = condition(x);
      assertThat(tb.maxAbsDiff(tp) / tp.frobeniusNorm()).as("%dx%d κ=%.3g", shape[0], shape[1], kappa)
          .isLessThanOrEqualTo(2 * Math.ulp(1.0) * Math.max(shape[0], shape[1]) * kappa * kappa);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Parallelism.class)
  void choleskyReportsDuplicatedRowsAndColumnsAndPivotedQrSolvesThemAsSvdOnBothPaths(Parallelism parallelism) {
    EjmlBackend e = EjmlBackend.createTyped(parallelism);
    double[] wide = Rng.gaussian(Rng.of(21), 40, 70).toArray();
    System.arraycopy(wide, 3 * 70, wide, 17 * 70, 70); // row 17 := row 3
    double[] tall = Rng.gaussian(Rng.of(22), 70, 40).toArray();
    for (int i = 0; i < 70; i++) {
      tall[i * 40 + 31] = tall[i * 40 + 5]; // column 31 := column 5
    }
    for (Matrix x : new Matrix[] {Matrix.of(40, 70, wide), Matrix.of(70, 40, tall)}) {
      DMatrixRMaj xm = e.fromBoundary(x);
      DMatrixRMaj y = e.fromBoundary(Rng.gaussian(Rng.of(23), x.rows(), 1));
      assertThatThrownBy(() -> e.solveMinNorm(xm, y, LeastSquaresAlgorithm.CHOLESKY))
          // a zero pivot or, when rounding keeps it positive, the condition estimate
          .isInstanceOf(RankDeficientException.class)
          .hasMessageFindingMatch("not positive definite|estimated condition number κ₁")
          .hasMessageContaining("use SVD");
      // QRColPiv reveals rank min(n, p) − 1; the complete orthogonal decomposition then gives SVD's
      // minimum-norm solution (κ_r of these Gaussian matrices ≈ 10: 1e3·ε is ample)
      Matrix qr = e.toBoundary(e.solveMinNorm(xm, y, LeastSquaresAlgorithm.QR));
      Matrix svd = e.toBoundary(e.solveMinNorm(xm, y, LeastSquaresAlgorithm.SVD));
      assertThat(qr.maxAbsDiff(svd) / svd.frobeniusNorm()).as("%dx%d QR vs SVD", x.rows(), x.cols())
          .isLessThan(1e3 * Math.ulp(1.0));
    }
  }

  private static double condition(Matrix x) {
    double[] s = SingularOps_DDRM.singularValues(new DMatrixRMaj(x.rows(), x.cols(), true, x.toArray()));
    double max = 0;
    double min = Double.POSITIVE_INFINITY;
    for (double v : s) {
      max = Math.max(max, v);
      min = Math.min(min, v);
    }
    return max / min;
  }
  @ParameterizedTest(name = "{0}")
  @ValueSource(doubles = {1e-170, 1e170})
  void extremelyScaledDesignsAreSolvedExactlyAsTheUnscaledOne(double scale) {
    // Entries of 1e±170 make Gram matrices and squared norms overflow or underflow; the backend
    // scales by a power of two first. Tolerance: all three algorithms must match the SVD solution of
    // the unscaled problem within 2·ε·m·κ² (CHOLESKY's bound; κ = 9.8 and 6.0 for these two seeded
    // designs, m = 30): 1.3e-12 relative. Measured: ≤ 9e-15.
    EjmlBackend b = EjmlBackend.createTyped(Parallelism.ALL_CORES);
    for (int[] shape : new int[][] {{20, 30}, {30, 20}}) {
      Matrix x = Rng.gaussian(Rng.of(41), shape[0], shape[1]);
      Matrix y = Rng.gaussian(Rng.of(42), shape[0], 1);
      Matrix expected = b.toBoundary(b.solveMinNorm(b.fromBoundary(x), b.fromBoundary(y), LeastSquaresAlgorithm.SVD));
      double[] xd = x.toArray();
      for (int k = 0; k < xd.length; k++) {
        xd[k] *= scale;
      }
      DMatrixRMaj xs = b.fromBoundary(Matrix.of(shape[0], shape[1], xd));
      for (LeastSquaresAlgorithm alg : LeastSquaresAlgorithm.values()) {
        double[] t = b.toBoundary(b.solveMinNorm(xs, b.fromBoundary(y), alg)).toArray();
        for (int k = 0; k < t.length; k++) {
          t[k] *= scale; // θ(sX) = θ(X)/s
        }
        Matrix theta = Matrix.of(shape[1], 1, t);
        assertThat(theta.maxAbsDiff(expected) / expected.frobeniusNorm()).as("%s %dx%d", alg, shape[0], shape[1])
            .isLessThanOrEqualTo(2 * Math.ulp(1.0) * 30 * 100);
      }
      Matrix pinv = b.toBoundary(b.pseudoInverse(xs));
      Matrix pinvExpected = b.toBoundary(b.pseudoInverse(b.fromBoundary(x)));
      // Same SVD on exactly scaled data: the norms agree within 2·ε·m·κ (1.3e-14); measured ≤ 6.7e-16.
      assertThat(pinv.frobeniusNorm() * scale / pinvExpected.frobeniusNorm()).as("‖(sX)⁺‖·s / ‖X⁺‖")
          .isCloseTo(1.0, within(2 * Math.ulp(1.0) * 30 * 10));
    }
  }
}
