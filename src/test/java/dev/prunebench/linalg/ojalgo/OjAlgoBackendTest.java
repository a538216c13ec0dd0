package dev.prunebench.linalg.ojalgo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.prunebench.linalg.BackendInfo;
import dev.prunebench.linalg.LeastSquaresAlgorithm;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.linalg.Parallelism;
import dev.prunebench.linalg.RankDeficientException;
import dev.prunebench.util.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.ojalgo.OjAlgoUtils;
import org.ojalgo.concurrent.ProcessingService;
import org.ojalgo.matrix.store.R064Store;

/**
 * What only the ojAlgo backend has: column-major storage behind the row-major boundary, and a
 * process-wide thread setting that {@link OjAlgoThreads} scopes per call. The kernels' numbers are
 * checked by the shared contract suite, not here.
 */
class OjAlgoBackendTest {

  private static final OjAlgoBackend SINGLE = (OjAlgoBackend) OjAlgoBackend.create(Parallelism.SINGLE);
  private static final OjAlgoBackend ALL_CORES = (OjAlgoBackend) OjAlgoBackend.create(Parallelism.ALL_CORES);

  /** ojAlgo's shared worker pool: every multi-threaded path submits its tasks here. */
  private static ThreadPoolExecutor ojAlgoPool() {
    return (ThreadPoolExecutor) ProcessingService.INSTANCE.getExecutor();
  }

  @Test
  void boundaryConversionStoresColumnMajorAndRoundTripsOnNonSquareShapes() {
    RandomGenerator rng = Rng.of(11);
    // 130 x 70 and 65 x 129 cross the 64-entry copy tiles in both directions.
    int[][] shapes = {{1, 1}, {1, 7}, {7, 1}, {3, 5}, {5, 3}, {130, 70}, {65, 129}};
    for (int[] s : shapes) {
      Matrix m = Rng.gaussian(rng, s[0], s[1]);
      R064Store store = SINGLE.fromBoundary(m);
      assertThat(SINGLE.rows(store)).isEqualTo(s[0]);
      assertThat(SINGLE.cols(store)).isEqualTo(s[1]);
      for (int i = 0; i < s[0]; i++) {
        for (int j = 0; j < s[1]; j++) {
          // a copy, so bit-for-bit equality is the specification
          assertThat(store.data[i + j * s[0]]).as("%dx%d (%d, %d)", s[0], s[1], i, j).isEqualTo(m.get(i, j));
        }
      }
      assertThat(SINGLE.toBoundary(store)).isEqualTo(m);
    }
  }

  @Test
  void nonFiniteEntriesAreNamedByRowAndColumnNotByColumnMajorIndex() {
    // column-major flat index 3 of a 2x3 matrix is (1, 1); the message must say (0, 2) for entry (0, 2)
    // past the boundary's shared check (fromFiniteBoundary trusts its caller), the solver's own one
    R064Store x = SINGLE.fromFiniteBoundary(Matrix.of(2, 3, 1, 2, Double.NaN, 4, 5, 6));
    R064Store y = SINGLE.fromBoundary(Matrix.column(1, 2));
    assertThatThrownBy(() -> SINGLE.solveMinNorm(x, y)).isInstanceOf(IllegalArgumentException.class)
        .hasMessage("X: entry (0, 2) is NaN; inputs must be finite");
  }

  @Test
  void inputsOfExtremeMagnitudeGiveTheExactlyRescaledSolution() {
    RandomGenerator rng = Rng.of(16);
    Matrix x = Rng.gaussian(rng, 8, 12);
    Matrix y = Rng.gaussian(rng, 8, 2);
    R064Store ys = SINGLE.fromBoundary(y);
    for (LeastSquaresAlgorithm algorithm : LeastSquaresAlgorithm.values()) {
      Matrix plain = SINGLE.toBoundary(SINGLE.solveMinNorm(SINGLE.fromBoundary(x), ys, algorithm));
      // 2^-1000 ≈ 1e-301 (Gram entries would underflow, ojAlgo's SVD alone goes wrong) and 2^900 ≈ 1e271
      // (Gram entries would overflow): θ(2^s X, y) = 2^-s θ(X, y).
      for (int s : new int[] {-1000, -560, 560, 900}) {
        Matrix scaled = SINGLE.toBoundary(SINGLE.solveMinNorm(SINGLE.fromBoundary(times(x, s)), ys, algorithm));
        // Scaling by a power of two commutes exactly with every floating-point step that neither
        // overflows nor underflows (and with ojAlgo's relative rank thresholds), so once
        // PowerOfTwoScaling has brought X back into range the results agree bit for bit
        // (measured: identical for all three algorithms and all four scales).
        assertThat(times(scaled, s)).as("%s, X scaled by 2^%d", algorithm, s).isEqualTo(plain);
      }
    }
    Matrix pinv = SINGLE.toBoundary(SINGLE.pseudoInverse(SINGLE.fromBoundary(x)));
    assertThat(times(SINGLE.toBoundary(SINGLE.pseudoInverse(SINGLE.fromBoundary(times(x, -1000)))), -1000))
        .isEqualTo(pinv);
  }

  private static Matrix times(Matrix m, int powerOfTwo) {
    double[] d = m.toArray();
    for (int k = 0; k < d.length; k++) {
      d[k] = Math.scalb(d[k], powerOfTwo);
    }
    return Matrix.wrap(m.rows(), m.cols(), d);
  }

  @Test
  void singleThreadedKernelsSubmitNothingToOjAlgosThreadPool() {
    RandomGenerator rng = Rng.of(12);
    // 200 x 300 is far above ojAlgo's 32-row/column multiply threshold, so with more than one
    // thread in the environment these calls would split their work over the pool.
    R064Store a = SINGLE.fromBoundary(Rng.gaussian(rng, 200, 300));
    R064Store b = SINGLE.fromBoundary(Rng.gaussian(rng, 300, 200));
    R064Store y = SINGLE.fromBoundary(Rng.gaussian(rng, 200, 1));
    long before = ojAlgoPool().getTaskCount();
    SINGLE.multiply(a, b);
    SINGLE.multiplyTransA(a, a);
    SINGLE.multiplyTransB(a, a);
    for (LeastSquaresAlgorithm algorithm : LeastSquaresAlgorithm.values()) {
      SINGLE.solveMinNorm(a, y, algorithm);
    }
    SINGLE.pseudoInverse(a);
    assertThat(ojAlgoPool().getTaskCount()).isEqualTo(before);
    assertThat(SINGLE.info().threads()).isEqualTo(1);
  }

  @Test
  void allCoresKernelsUseOjAlgosThreadPool() {
    assumeTrue(ALL_CORES.info().threads() > 1, "needs a machine where ojAlgo detects more than one thread");
    RandomGenerator rng = Rng.of(13);
    R064Store a = ALL_CORES.fromBoundary(Rng.gaussian(rng, 200, 300));
    R064Store b = ALL_CORES.fromBoundary(Rng.gaussian(rng, 300, 200));
    long before = ojAlgoPool().getTaskCount();
    ALL_CORES.multiply(a, b);
    assertThat(ojAlgoPool().getTaskCount()).isGreaterThan(before);
    assertThat(ALL_CORES.info().threads()).isEqualTo(OjAlgoUtils.ENVIRONMENT.threads);
  }

  @Test
  void ojAlgosEnvironmentIsRestoredAfterEveryCallEvenWhenTheKernelThrows() {
    var original = OjAlgoUtils.ENVIRONMENT;
    RandomGenerator rng = Rng.of(14);
    Matrix x = Rng.gaussian(rng, 4, 9);
    double[][] rows = x.toRows();
    rows[3] = rows[0].clone(); // duplicated row: rank 3 < 4
    R064Store deficient = SINGLE.fromBoundary(Matrix.fromRows(rows));
    R064Store y = SINGLE.fromBoundary(Rng.gaussian(rng, 4, 1));

    SINGLE.multiply(deficient, SINGLE.fromBoundary(Rng.gaussian(rng, 9, 2)));
    assertThat(OjAlgoUtils.ENVIRONMENT).isSameAs(original);
    assertThatThrownBy(() -> SINGLE.solveMinNorm(deficient, y, LeastSquaresAlgorithm.CHOLESKY))
        .isInstanceOf(RankDeficientException.class).hasMessageContaining("not positive definite")
        .hasMessageContaining("use SVD");
    assertThat(OjAlgoUtils.ENVIRONMENT).isSameAs(original);
  }

  @Test
  @Timeout(60)
  void concurrentSingleAndAllCoresCallsDoNotDeadlockAndGiveIdenticalProducts() throws Exception {
    RandomGenerator rng = Rng.of(15);
    R064Store a = SINGLE.fromBoundary(Rng.gaussian(rng, 120, 90));
    R064Store b = SINGLE.fromBoundary(Rng.gaussian(rng, 90, 110));
    Matrix expected = SINGLE.toBoundary(SINGLE.multiply(a, b));
    ExecutorService callers = Executors.newFixedThreadPool(4);
    try {
      List<Future<Matrix>> results = new ArrayList<>();
      for (int call = 0; call < 40; call++) {
        OjAlgoBackend backend = call % 2 == 0 ? SINGLE : ALL_CORES;
        results.add(callers.submit(() -> backend.toBoundary(backend.multiply(a, b))));
      }
      for (Future<Matrix> r : results) {
        // ojAlgo splits the output by columns and never the inner sum, so each entry is summed in
        // the same order on one thread or many: bit-identical results are the specification.
        assertThat(r.get()).isEqualTo(expected);
      }
    } finally {
      callers.shutdownNow();
    }
  }

  @Test
  void infoNamesTheLibraryAndTheVersionReadFromItsJar() {
    BackendInfo info = SINGLE.info();
    assertThat(info.library()).isEqualTo("ojAlgo");
    // the version comes from the jar (manifest or pom.properties); the pom pins 57.1.0
    assertThat(info.version()).isEqualTo("57.1.0");
  }
}
