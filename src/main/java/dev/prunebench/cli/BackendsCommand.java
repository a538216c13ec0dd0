package dev.prunebench.cli;

import dev.prunebench.linalg.Availability;
import dev.prunebench.linalg.Backend;
import dev.prunebench.linalg.BackendInfo;
import dev.prunebench.linalg.LeastSquaresAlgorithm;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.util.Rng;
import java.io.PrintWriter;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.random.RandomGenerator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prunebench backends}: lists every backend with its library, version and threads, then
 * solves one small random min-norm problem on each and prints its agreement with {@code reference}.
 */
@Command(name = "backends", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = "List the linear-algebra backends and self-check that they agree.")
public final class BackendsCommand implements java.util.concurrent.Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--seed", description = "Seed of the self-check problem.", defaultValue = "1")
  long seed;

  @Option(names = "--rows", description = "Rows n of the self-check design (n < p).", defaultValue = "60")
  int rows;

  @Option(names = "--cols", description = "Columns p of the self-check design.", defaultValue = "100")
  int cols;

  @Option(names = "--no-check", description = "Only list, skip the self-check.")
  boolean noCheck;

  @Override
  public Integer call() {
    if (rows < 1) {
      throw Validation.invalid(spec, "--rows", "is invalid: rows n must be at least 1");
    }
    if (cols <= rows) {
      throw Validation.invalid(spec, "--cols", "is invalid: the self-check is a min-norm problem, so columns p must "
          + "exceed rows n = " + rows);
    }
    if ((long) rows * cols > 4_000_000) {
      // The self-check runs the plain-Java reference solver on every backend: keep it a check, not a benchmark.
      throw Validation.invalid(spec, "--cols", "is invalid: rows × cols = " + (long) rows * cols
          + " exceeds the self-check's limit of 4,000,000 entries (use 'prunebench bench' for large problems)");
    }
    PrintWriter out = spec.commandLine().getOut();
    RandomGenerator rng = Rng.of(seed);
    Matrix x = Rng.gaussian(rng, rows, cols);
    Matrix y = Rng.gaussian(rng, rows, 1);
    Map<Backend, Matrix> solutions = new LinkedHashMap<>();
    out.printf("%-13s %-22s %-14s %-7s %s%n", "backend", "library", "version", "threads", "self-check");
    int failures = 0;
    for (Backend b : Backend.values()) {
      Availability a = b.availability();
      if (!a.available()) {
        out.printf("%-13s unavailable: %s%n", b.cliName(), a.reason());
        continue;
      }
      LinearAlgebraBackend<?> backend = b.create();
      BackendInfo info = backend.info();
      String check = "skipped";
      if (!noCheck) {
        try {
          long t0 = System.nanoTime();
          Matrix theta = solve(backend, x, y);
          long micros = (System.nanoTime() - t0) / 1000;
          solutions.put(b, theta);
          Matrix ref = solutions.get(Backend.REFERENCE);
          double residual = residual(x, theta, y);
          check = String.format("residual %.2e", residual)
              + (ref == null || b == Backend.REFERENCE ? "" : String.format(", max |θ − θ_ref| %.2e",
                  theta.maxAbsDiff(ref)))
              + String.format(" (%d µs, one cold call; use the JMH suite for timings)", micros);
          if (!(residual < 1e-8) || (ref != null && !(theta.maxAbsDiff(ref) < 1e-8))) {
            check += "  DISAGREES";
            failures++;
          }
        } catch (RuntimeException e) {
          check = "FAILED: " + e;
          failures++;
        }
      }
      out.printf("%-13s %-22s %-14s %-7d %s%n", b.cliName(), info.library(), info.version(), info.threads(),
          check);
      if (!info.details().isEmpty()) {
        out.printf("%-13s %s%n", "", info.details());
      }
    }
    out.flush();
    return failures == 0 ? 0 : 1;
  }

  private static <M> Matrix solve(LinearAlgebraBackend<M> b, Matrix x, Matrix y) {
    M xm = b.fromBoundary(x);
    M ym = b.fromBoundary(y);
    M theta = b.solveMinNorm(xm, ym, LeastSquaresAlgorithm.DEFAULT);
    Matrix result = b.toBoundary(theta);
    b.release(xm);
    b.release(ym);
    b.release(theta);
    return result;
  }

  /** max_i |(Xθ − y)_i|, computed in plain Java so that no backend checks itself. */
  private static double residual(Matrix x, Matrix theta, Matrix y) {
    double worst = 0;
    for (int i = 0; i < x.rows(); i++) {
      double s = 0;
      for (int j = 0; j < x.cols(); j++) {
        s += x.get(i, j) * theta.get(j, 0);
      }
      worst = Math.max(worst, Math.abs(s - y.get(i, 0)));
    }
    return worst;
  }
}
