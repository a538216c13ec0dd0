package dev.prunebench.cli;

import dev.prunebench.accuracy.AccuracyBaseline;
import dev.prunebench.accuracy.AccuracyRow;
import dev.prunebench.accuracy.AccuracyTable;
import dev.prunebench.linalg.Backend;
import dev.prunebench.report.AtomicFiles;
import dev.prunebench.report.ReportDirectory;
import dev.prunebench.report.bench.AccuracySummary;
import dev.prunebench.report.bench.BenchReport;
import dev.prunebench.util.Progress;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/**
 * {@code prunebench accuracy}: measures every backend's accuracy (see {@link AccuracyTable}), writes
 * {@code accuracy.csv} and a Markdown summary, and checks the committed baseline. The baseline changes
 * only with {@code --update-baseline}. The gate cannot be switched off by accident: a baseline that is
 * missing or does not parse is refused before measuring (exit 2), and measurements the baseline has no
 * row for fail the check (exit 1).
 */
@Command(name = "accuracy", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = {"Measure backend accuracy (LAPACK-style normalised ratios) and check the baseline.",
      "The baseline must exist and parse (except with --update-baseline); every measurement must have a "
          + "baseline row."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:every ratio within its threshold and baseline (or the baseline was updated)",
      "1:a ratio exceeds its threshold or grew >10x over the baseline, or the baseline lacks rows for "
          + "measurements made now (listed)",
      "2:bad arguments, or a --baseline that does not exist or does not parse (checked before measuring)"})
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

  @Option(names = "--baseline", description = "Baseline to check against or update (default: "
      + "reports/accuracy/baseline.csv of the project: -Dprunebench.home, which the launcher sets, or found from "
      + "the jar's location target/prunebench.jar).")
  Path baselineFile;

  @picocli.CommandLine.Mixin ProgressOptions progress;

  @Option(names = "--update-baseline", description = "Overwrite baseline.csv with this run (explicit, never automatic).")
  boolean updateBaseline;

  @Mixin OutputOptions output;

  @Override
  public Integer call() throws IOException {
    Path baseline = baselinePath();
    // Before measuring and before creating OUT: a gate that would fail anyway must not cost a run.
    List<AccuracyRow> accepted = updateBaseline ? List.of() : readBaseline(baseline);
    List<Backend> chosen = backends == null ? Arrays.asList(Backend.available()) : backends;
    for (Backend b : chosen) {
      if (!b.availability().available()) {
        throw Validation.invalid(spec, "--backend", "is invalid: " + b.cliName() + " is unavailable here: "
            + b.availability().reason());
      }
    }
    // baseline.csv is committed next to the report and survives every run that does not update it
    try (ReportDirectory report = output.open(out, seed, chosen, "baseline.csv"::equals)) {
      int code = measure(chosen, report, baseline, accepted);
      report.commit();
      return code;
    }
  }

  private int measure(List<Backend> chosen, ReportDirectory report, Path baseline, List<AccuracyRow> accepted)
      throws IOException {
    Path dir = report.staging();
    PrintWriter w = spec.commandLine().getOut();
    w.println("measuring accuracy on " + chosen.size() + " backends ...");
    w.flush();
    List<AccuracyRow> rows;
    try (Progress bar = progress.open("accuracy", spec.commandLine().getErr())) {
      bar.stage("matrix classes × shapes", AccuracyTable.problems());
      rows = AccuracyTable.measure(chosen, seed, bar::step);
    }
    Path csv = dir.resolve("accuracy.csv");
    AccuracyBaseline.write(csv, rows);
    String link = out.toAbsolutePath().normalize().relativize(baseline.toAbsolutePath().normalize()).toString();
    String summary = "# Backend accuracy\n\nSeed " + seed + ". Ratios as defined in `AccuracyTable` "
        + "(LAPACK DDRVLS style: normalised by ε, the size and the norms; a backward-stable kernel keeps "
        + "them O(1)). Full data: [`accuracy.csv`](accuracy.csv); committed baseline: "
        + "[`baseline.csv`](" + link + ").\n\n" + BenchReport.accuracyTable(AccuracySummary.read(csv));
    AtomicFiles.writeString(dir.resolve("README.md"), summary);
    w.println("wrote " + out.resolve("accuracy.csv") + " (" + rows.size() + " measurements) and "
        + out.resolve("README.md"));
    if (updateBaseline) {
      // Checked against itself only the thresholds can fail; such a baseline would accept a broken kernel.
      List<AccuracyBaseline.Violation> bad = AccuracyBaseline.check(rows, rows);
      bad.forEach(x -> w.println(x.kind().label() + ": " + x.message()));
      if (!bad.isEmpty()) {
        w.println("baseline " + baseline + " NOT updated: " + bad.size() + " ratios exceed their thresholds");
        return 1;
      }
      // a baseline inside --out is part of the report: written with it, swapped in with it
      boolean inReport = baseline.toAbsolutePath().normalize().getParent().equals(report.target());
      AccuracyBaseline.write(inReport ? dir.resolve(baseline.getFileName()) : baseline, rows);
      w.println("updated " + baseline);
      return 0;
    }
    List<AccuracyBaseline.Violation> v = AccuracyBaseline.check(rows, accepted);
    v.forEach(x -> w.println(x.kind().label() + ": " + x.message()));
    w.println(v.isEmpty() ? "baseline check passed (" + baseline + ")" : v.size() + " baseline violations ("
        + baseline + ")");
    return v.isEmpty() ? 0 : 1;
  }

  private Path baselinePath() {
    if (baselineFile != null) {
      if (baselineFile.toString().isBlank()) {
        throw new ParameterException(spec.commandLine(), "--baseline: must name a file, got '" + baselineFile + "'");
      }
      return baselineFile;
    }
    try {
      return ProjectHome.accuracyBaseline();
    } catch (IllegalStateException e) {
      throw new ParameterException(spec.commandLine(), "--baseline: " + e.getMessage());
    }
  }

  /** The baseline's rows, or a usage error naming the path and the reason (exit 2). */
  private List<AccuracyRow> readBaseline(Path baseline) {
    try {
      return AccuracyBaseline.read(baseline);
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), "--baseline " + baseline + ": " + IoErrors.reason(e)
          + (e instanceof NoSuchFileException ? " (create one with --update-baseline)" : ""));
    }
  }
}
