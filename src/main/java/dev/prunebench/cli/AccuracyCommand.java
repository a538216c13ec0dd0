package dev.prunebench.cli;

import dev.prunebench.accuracy.AccuracyBaseline;
import dev.prunebench.accuracy.AccuracyRow;
import dev.prunebench.accuracy.AccuracyTable;
import dev.prunebench.linalg.Backend;
import dev.prunebench.report.AtomicFiles;
import dev.prunebench.report.ReportDirectory;
import dev.prunebench.report.bench.AccuracySummary;
import dev.prunebench.report.bench.BenchReport;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prunebench accuracy}: measures every backend's accuracy (see {@link AccuracyTable}), writes
 * {@code accuracy.csv} and a Markdown summary, and checks the committed baseline. The baseline changes
 * only with {@code --update-baseline}.
 */
@Command(name = "accuracy", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = {"Measure backend accuracy (LAPACK-style normalised ratios) and check the baseline.",
      "Exit status: 0 ok, 1 a ratio exceeds its threshold or grew >10x over the baseline, 2 bad arguments."})
public final class AccuracyCommand implements Callable<Integer> {

  /** The seed of the committed baseline; the regression test uses the same one. */
  public static final long DEFAULT_SEED = 20200619L;

  @Spec CommandSpec spec;

  @Option(names = "--backend", split = ",", description = "Backends to measure (default: every available one).")
  List<Backend> backends;

  @Option(names = "--seed", defaultValue = "20200619", description = "Seed of the test matrices.")
  long seed;

  @Option(names = "--out", defaultValue = "reports/accuracy", description = "Output directory.")
  Path out;

  @Option(names = "--baseline", description = "Baseline to check against or update (default: OUT/baseline.csv).")
  Path baselineFile;

  @Option(names = "--update-baseline", description = "Overwrite baseline.csv with this run (explicit, never automatic).")
  boolean updateBaseline;

  @Mixin OutputOptions output;

  @Override
  public Integer call() throws IOException {
    List<Backend> chosen = backends == null ? Arrays.asList(Backend.available()) : backends;
    // baseline.csv is committed next to the report and survives every run that does not update it
    try (ReportDirectory report = output.open(out, seed, chosen, "baseline.csv"::equals)) {
      int code = measure(chosen, report);
      report.commit();
      return code;
    }
  }

  private int measure(List<Backend> chosen, ReportDirectory report) throws IOException {
    Path dir = report.staging();
    PrintWriter w = spec.commandLine().getOut();
    w.println("measuring accuracy on " + chosen.size() + " backends ...");
    w.flush();
    List<AccuracyRow> rows = AccuracyTable.measure(chosen, seed);
    Path csv = dir.resolve("accuracy.csv");
    AccuracyBaseline.write(csv, rows);
    String summary = "# Backend accuracy\n\nSeed " + seed + ". Ratios as defined in `AccuracyTable` "
        + "(LAPACK DDRVLS style: normalised by ε, the size and the norms; a backward-stable kernel keeps "
        + "them O(1)). Full data: [`accuracy.csv`](accuracy.csv); committed baseline: "
        + "[`baseline.csv`](baseline.csv).\n\n" + BenchReport.accuracyTable(AccuracySummary.read(csv));
    AtomicFiles.writeString(dir.resolve("README.md"), summary);
    w.println("wrote " + out.resolve("accuracy.csv") + " (" + rows.size() + " measurements) and "
        + out.resolve("README.md"));
    Path baseline = baselineFile != null ? baselineFile : out.resolve("baseline.csv");
    if (updateBaseline) {
      // a baseline inside --out is part of the report: written with it, swapped in with it
      boolean inReport = baseline.toAbsolutePath().normalize().getParent().equals(report.target());
      AccuracyBaseline.write(inReport ? dir.resolve(baseline.getFileName()) : baseline, rows);
      w.println("updated " + baseline);
      return 0;
    }
    if (!Files.exists(baseline)) {
      w.println("no baseline at " + baseline + "; create one with --update-baseline");
      return 0;
    }
    List<AccuracyBaseline.Violation> v = AccuracyBaseline.check(rows, AccuracyBaseline.read(baseline));
    v.forEach(x -> w.println("REGRESSION: " + x.message()));
    w.println(v.isEmpty() ? "baseline check passed" : v.size() + " baseline violations");
    return v.isEmpty() ? 0 : 1;
  }
}
