package dev.prunebench.linalg;

import dev.prunebench.linalg.HardMatrix.Problem;
import dev.prunebench.report.Csv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Collects the verdicts of {@link HardMatrixContractTest} and writes them: every case to
 * {@value #CASES}, and per backend x kernel the number of catalogue problems solved, refused and
 * wrong (must be zero) with the largest error ratio of the solved ones,
 * to {@value #TABLE}, also printed.
 */
final class HardOutcomes {
  static final String CASES = ContractErrors.outDir() + "/hard-matrix-cases.csv";
  static final String TABLE = ContractErrors.outDir() + "/hard-matrix-outcomes.csv";

  private HardOutcomes() {}

  private record Row(Backend backend, HardVerdict.Kernel kernel, Problem problem, HardVerdict verdict) {}

  private static final List<Row> ROWS = new ArrayList<>();

  static synchronized void record(Backend backend, HardVerdict.Kernel kernel, Problem pr, HardVerdict v) {
    ROWS.add(new Row(backend, kernel, pr, v));
  }

  static synchronized void write() {
    if (ROWS.isEmpty()) {
      return;
    }
    List<List<?>> cases = new ArrayList<>();
    Map<String, double[]> counts = new TreeMap<>(); // solved, refused, wrong, max ratio
    for (Row r : ROWS) {
      cases.add(List.of(r.backend.cliName(), r.kernel.name().toLowerCase(Locale.ROOT), r.problem.kind().cliName(),
          r.problem.shape().cliName(), r.problem.rows(), r.problem.cols(), r.verdict.outcome().name().toLowerCase(
              Locale.ROOT), r.verdict.ratio(), r.verdict.detail().replace(',', ';').replace('\n', ' ')));
      String key = String.format(Locale.ROOT, "%d %-13s %d %s", r.backend.ordinal(), r.backend.cliName(),
          r.kernel.ordinal(), r.kernel.name().toLowerCase(Locale.ROOT));
      double[] c = counts.computeIfAbsent(key, x -> new double[4]);
      switch (r.verdict.outcome()) {
        case SOLVED -> {
          c[0]++;
          c[3] = Math.max(c[3], r.verdict.ratio());
        }
        case REFUSED -> c[1]++;
        case WRONG -> c[2]++;
      }
    }
    List<List<?>> table = new ArrayList<>();
    StringBuilder out = new StringBuilder(String.format(Locale.ROOT,
        "%nHard-matrix catalogue: outcomes per backend and kernel (%s, cases in %s)%n%-13s %-15s %6s %7s %6s %9s%n",
        TABLE, CASES, "backend", "kernel", "solved", "refused", "wrong", "max ratio"));
    for (Map.Entry<String, double[]> e : counts.entrySet()) {
      String[] parts = e.getKey().split(" +");
      double[] c = e.getValue();
      table.add(List.of(parts[1], parts[3], (int) c[0], (int) c[1], (int) c[2], c[3]));
      out.append(String.format(Locale.ROOT, "%-13s %-15s %6d %7d %6d %9.3g%n", parts[1], parts[3], (int) c[0],
          (int) c[1], (int) c[2], c[3]));
    }
    try {
      Csv.write(Path.of(CASES), List.of("backend", "kernel", "problem", "shape", "rows", "cols", "outcome",
          "ratio", "detail"), cases);
      Csv.write(Path.of(TABLE), List.of("backend", "kernel", "solved", "refused", "wrong", "max_solved_ratio"),
          table);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    System.out.print(out);
  }
}
