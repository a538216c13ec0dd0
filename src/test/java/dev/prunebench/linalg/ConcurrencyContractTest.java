package dev.prunebench.linalg;

import static dev.prunebench.linalg.Check.EPS;

import dev.prunebench.util.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@link LinearAlgebraBackend}'s thread-safety promise: kernels may be called from several threads on
 * distinct operands. Two threads share one all-cores instance while a third uses a single-thread
 * instance of the same backend (process-wide thread settings of a native library must not leak
 * between them); every result must match the one computed alone, to the tolerances of the
 * single-threaded contract checks.
 */
@ExtendWith(ContractErrors.class)
class ConcurrencyContractTest {

  private record Result(Matrix product, Matrix theta) {}

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.prunebench.linalg.TestBackends#backends")
  void concurrentCallsOnDistinctOperandsGiveTheSameResults(Backend backend) throws Exception {
    LinearAlgebraBackend<?> shared = TestBackends.create(backend);
    LinearAlgebraBackend<?> single = TestBackends.create(backend, Parallelism.SINGLE);
    int tasks = 6;
    List<Matrix[]> inputs = new ArrayList<>();
    List<Result> alone = new ArrayList<>();
    for (int t = 0; t < tasks; t++) {
      Matrix x = MatrixClass.GAUSSIAN.generate(60, 90, Check.seed("conc-x", t));
      Matrix y = Rng.gaussian(Rng.of(Check.seed("conc-y", t)), 60, 2);
      inputs.add(new Matrix[] {x, y});
      alone.add(run(t % 3 == 2 ? single : shared, x, y));
    }
    ExecutorService pool = Executors.newFixedThreadPool(3);
    try {
      for (int round = 0; round < 3; round++) {
        List<Future<Result>> futures = new ArrayList<>();
        for (int t = 0; t < tasks; t++) {
          Matrix[] in = inputs.get(t);
          LinearAlgebraBackend<?> b = t % 3 == 2 ? single : shared;
          futures.add(pool.submit(() -> run(b, in[0], in[1])));
        }
        for (int t = 0; t < tasks; t++) {
          Result got = futures.get(t).get(60, TimeUnit.SECONDS);
          Result want = alone.get(t);
          Matrix x = inputs.get(t)[0];
          // two correct GEMMs differ by ≤ 2γ_k|X||Xᵀ|; normalised by k·ε·max(|X||Xᵀ|) (GEMM bound)
          double scale = x.cols() * EPS * Naive.multiplyAbs(x, x.transpose()).frobeniusNorm();
          Check.ratio(backend, "multiplyTransB", "concurrent vs alone",
              got.product.maxAbsDiff(want.product) / scale, 2, "60x90 task " + t);
          // two backward-stable QR solves: each within RATIO·ε·m·κ (relative) of the truth, as in
          // the least-squares contract, so within 2·RATIO of each other
          double kappa = Naive.svd(x).condition(60);
          double rel = Naive.subtract(got.theta, want.theta).frobeniusNorm() / want.theta.frobeniusNorm();
          Check.ratio(backend, "solveMinNorm/qr", "concurrent vs alone", rel / (EPS * 90 * kappa),
              2 * LeastSquaresContractTest.RATIO, "60x90 task " + t);
        }
      }
    } finally {
      pool.shutdownNow();
    }
  }

  private static Result run(LinearAlgebraBackend<?> b, Matrix x, Matrix y) {
    return runTyped(b, x, y);
  }

  private static <M> Result runTyped(LinearAlgebraBackend<M> b, Matrix x, Matrix y) {
    M xm = b.fromBoundary(x);
    M ym = b.fromBoundary(y);
    Matrix product = Check.take(b, b.multiplyTransB(xm, xm));
    Matrix theta = Check.take(b, b.solveMinNorm(xm, ym, LeastSquaresAlgorithm.QR));
    b.release(xm);
    b.release(ym);
    return new Result(product, theta);
  }
}
