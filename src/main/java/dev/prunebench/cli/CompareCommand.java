package dev.prunebench.cli;

import dev.prunebench.report.AtomicFiles;
import dev.prunebench.report.bench.CompareOutcome;
import dev.prunebench.report.bench.JmhComparison;
import dev.prunebench.report.bench.JmhResult;
import dev.prunebench.report.bench.JmhResults;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code prunebench compare OLD.json NEW.json}: a Markdown table per benchmark and an exit status a CI
 * gate can trust, in the manner of {@code diff}: 0 no regression, 1 regression (see
 * {@link JmhComparison} for the rule), 2 trouble with the arguments, 3 the runs cannot be judged
 * ({@link CompareOutcome.Incomparable}). Everything is checked before {@code --out} is written.
 */
@Command(name = "compare", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = {"Compare two JMH JSON result files and flag regressions.",
      "With per-fork scores (bench's protocol) a regression needs new/old = med(new forks)/med(old forks) "
          + "above 1 + threshold AND its 95%% bootstrap interval entirely above 1; for plain JMH files, "
          + "disjoint 99.9%% intervals AND new/old worse than 1 + threshold.",
      "Files from different machines (host, CPU model or cores in their .env.json differ) are compared on "
          + "ratios divided by the calibration ratio of the kernel's bound (dgemm or copy), and the report says so.",
      "Runs that cannot be judged are refused (exit 3), never reported as 'no regression': an empty file, "
          + "not JMH JSON or no results ([]); no benchmark in common; a benchmark or parameter set of OLD "
          + "missing from NEW (unless --allow-missing); a NaN, infinite or non-positive score, or a "
          + "non-finite error; a different mode or unit for the same benchmark. The one-line message names "
          + "the first offending benchmark and how many more there are."},
    exitCodeListHeading = "%nExit status:%n",
    exitCodeList = {
      "0:no regression",
      "1:at least one regression flagged",
      "2:usage error: bad option (e.g. --threshold NaN), unreadable OLD or NEW, --out blank or not writable",
      "3:incomparable: the runs cannot be judged (see above)"})
public final class CompareCommand implements Callable<Integer> {

  /** Exit status when the two runs cannot be judged. */
  public static final int INCOMPARABLE = 3;

  @Spec CommandSpec spec;

  @Parameters(index = "0", paramLabel = "OLD", description = "Baseline JMH JSON file (e.g. from main).")
  Path oldFile;

  @Parameters(index = "1", paramLabel = "NEW", description = "Candidate JMH JSON file (e.g. from a branch).")
  Path newFile;

  @Option(names = "--threshold", defaultValue = "0.10",
      description = "Relative slow-down that counts as a regression, in (0, 10] (0.10 = 10%%).")
  double threshold;

  @Option(names = "--allow-missing",
      description = "Judge the measurements both runs have and list those of OLD missing from NEW "
          + "(the runs must still share at least one).")
  boolean allowMissing;

  @Option(names = "--out", description = "Also write the Markdown report to this file.")
  Path out;

  /** When ratios are divided by the runs' calibration ratio. */
  enum Normalise {
    /** Only when the two runs' environments name different machines. */
    AUTO,
    /** Always (e.g. one machine whose speed changed between runs). */
    ALWAYS,
    /** Never: ratios as measured. */
    NEVER
  }

  @Option(names = "--normalise", defaultValue = "auto",
      description = "Divide ratios by the calibration ratio: auto (only across machines), always or never. "
          + "Needs both runs' <stem>.env.json with a calibration.")
  Normalise normalise;

  @Override
  public Integer call() {
    JmhComparison comparison;
    try {
      comparison = new JmhComparison(threshold, allowMissing, normalisation());
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), "--threshold: " + e.getMessage());
    }
    if (out != null) {
      requireWritableFile(out);
    }
    CompareOutcome outcome;
    try {
      outcome = comparison.compare(read("OLD", oldFile), read("NEW", newFile));
    } catch (JmhResults.NotJmhResultsException e) {
      outcome = new CompareOutcome.Incomparable(e.reason(), (e.file().equals(oldFile) ? "OLD " : "NEW ")
          + e.file() + (e.detail().isEmpty() ? "" : " (" + e.detail() + ")"), 0);
    }
    if (outcome instanceof CompareOutcome.Incomparable i) {
      return refuse(i);
    }
    return report(comparison, (CompareOutcome.Judged) outcome);
  }

  /**
   * The cross-machine correction from both runs' environment files; none when a file lacks a
   * calibration, unless {@code --normalise always} asked for it (then a usage error).
   */
  private JmhComparison.Normalisation normalisation() {
    if (normalise == Normalise.NEVER) {
      return JmhComparison.Normalisation.NONE;
    }
    dev.prunebench.report.bench.BenchEnvironment a = environment(oldFile);
    dev.prunebench.report.bench.BenchEnvironment b = environment(newFile);
    boolean calibrated = a != null && b != null && a.calibration() != null && b.calibration() != null;
    if (!calibrated) {
      if (normalise == Normalise.ALWAYS) {
        throw new ParameterException(spec.commandLine(), "--normalise always: OLD and NEW each need a "
            + "<stem>.env.json with a calibration (written by bench)");
      }
      return JmhComparison.Normalisation.NONE;
    }
    if (normalise == Normalise.AUTO && a.sameMachine(b)) {
      return JmhComparison.Normalisation.NONE;
    }
    var k = dev.prunebench.report.bench.KernelCost.Bound.COMPUTE;
    var m = dev.prunebench.report.bench.KernelCost.Bound.MEMORY;
    double compute = b.calibration().speedOf(k) / a.calibration().speedOf(k);
    double memory = b.calibration().speedOf(m) / a.calibration().speedOf(m);
    if (!(compute > 0 && memory > 0)) {
      throw new ParameterException(spec.commandLine(), "--normalise: a calibration lacks the dgemm or the copy");
    }
    return new JmhComparison.Normalisation(compute, memory, String.format(java.util.Locale.ROOT,
        "**Normalised by calibration** (%s): OLD ran on %s (%s, %d cores), NEW on %s (%s, %d cores). Each new/old "
            + "ratio is divided by the calibration ratio new/old of its kernel's bound: dgemm %.3f for "
            + "compute-bound kernels, copy %.3f for memory-bound ones.",
        normalise == Normalise.ALWAYS ? "--normalise always" : "different machines", a.host(), a.cpuModel(),
        a.cores(), b.host(), b.cpuModel(), b.cores(), compute, memory));
  }

  /** The {@code <stem>.env.json} next to a results file, or null if there is none or it is unreadable. */
  private static dev.prunebench.report.bench.BenchEnvironment environment(Path json) {
    Path env = BenchCommand.envFileFor(json);
    if (!Files.isRegularFile(env)) {
      return null;
    }
    try {
      return new com.fasterxml.jackson.databind.ObjectMapper()
          .configure(com.fasterxml.jackson.databind.DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false)
          .readValue(env.toFile(), dev.prunebench.report.bench.BenchEnvironment.class);
    } catch (IOException e) {
      return null;
    }
  }

  private int refuse(CompareOutcome.Incomparable i) {
    String hint = i.reason() == CompareOutcome.Reason.MISSING_IN_NEW
        ? " (--allow-missing judges the measurements both runs have)" : "";
    spec.commandLine().getErr().println(spec.qualifiedName() + ": incomparable: " + i.message() + hint);
    spec.commandLine().getErr().flush();
    return INCOMPARABLE;
  }

  private int report(JmhComparison comparison, CompareOutcome.Judged judged) {
    String md = comparison.toMarkdown(judged);
    spec.commandLine().getOut().print(md);
    spec.commandLine().getOut().flush();
    if (out != null) {
      try {
        AtomicFiles.writeString(out, md);
      } catch (IOException e) {
        throw new ParameterException(spec.commandLine(), "--out " + out + ": " + IoErrors.reason(e));
      }
    }
    return judged.anyRegression() ? 1 : 0;
  }

  /**
   * Reads a results file; a file that cannot be read at all is a usage error (exit 2), one that is
   * read but holds no usable results is incomparable (exit 3, via {@link JmhResults.NotJmhResultsException}).
   */
  private List<JmhResult> read(String side, Path file) throws JmhResults.NotJmhResultsException {
    try {
      return JmhResults.read(file);
    } catch (JmhResults.NotJmhResultsException e) {
      throw e;
    } catch (IOException e) {
      throw new ParameterException(spec.commandLine(), side + " " + file + ": " + IoErrors.reason(e));
    }
  }

  /**
   * Refuses, before any comparison, an {@code --out} that is blank, a directory, or whose nearest
   * existing ancestor is not a writable directory (missing parents are created when writing).
   */
  private void requireWritableFile(Path target) {
    if (target.toString().isBlank()) {
      throw new ParameterException(spec.commandLine(), "--out: must name a file, got '" + target + "'");
    }
    if (Files.isDirectory(target)) {
      throw new ParameterException(spec.commandLine(), "--out " + target + ": is a directory");
    }
    if (Files.exists(target) && !Files.isWritable(target)) {
      throw new ParameterException(spec.commandLine(), "--out " + target + ": permission denied");
    }
    Path ancestor = target.toAbsolutePath().getParent();
    while (ancestor != null && !Files.exists(ancestor)) {
      ancestor = ancestor.getParent();
    }
    if (ancestor == null || !Files.isDirectory(ancestor)) {
      throw new ParameterException(spec.commandLine(), "--out " + target + ": " + ancestor + " is not a directory");
    }
    if (!Files.isWritable(ancestor)) {
      throw new ParameterException(spec.commandLine(), "--out " + target + ": directory " + ancestor
          + " is not writable");
    }
  }
}
