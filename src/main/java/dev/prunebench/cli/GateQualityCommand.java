package dev.prunebench.cli;

import dev.prunebench.linalg.Backend;
import dev.prunebench.report.AtomicFiles;
import dev.prunebench.report.ReportDirectory;
import dev.prunebench.report.bench.BenchGroup;
import dev.prunebench.report.bench.BenchPlan;
import dev.prunebench.report.bench.BenchPreset;
import dev.prunebench.report.bench.ForkRunner;
import dev.prunebench.report.bench.GateQuality;
import dev.prunebench.report.bench.JmhComparison;
import dev.prunebench.report.bench.JmhForkRunner;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.Callable;
import org.openjdk.jmh.runner.options.VerboseMode;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prunebench bench gate-quality}: measures how often {@code compare} flags a known slow-down and
 * how often it stays quiet on identical code ({@link GateQuality}), and writes both counts to
 * {@code <out>/README.md}, with every run's JSON beside it.
 */
@Command(name = "gate-quality", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = {"Measure compare's power and false-alarm rate here: N trials of baseline, slowed and identical runs.",
      "Exit 0 when both counts reach 9 of 10 (90 %% of the trials), 1 when not, 2 for a bad option."})
public final class GateQualityCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--runs", defaultValue = "10", description = "Trials (each: baseline, slowed and identical run).")
  int runs;

  @Option(names = "--preset", defaultValue = "ci", description = "Preset whose kernels and fork timings each run uses.")
  BenchPreset preset;

  @Option(names = "--benchmark", split = ",", description = "Only these benchmark classes of the preset.")
  List<String> only;

  @Option(names = "--backend", split = ",", description = "Backends to run (default: every available one).")
  List<Backend> backends;

  @Option(names = "--slow", defaultValue = "GemmBenchmark.gemm",
      description = "The benchmark the knob slows, as Class.method (one of the runs' benchmarks).")
  String slow;

  @Option(names = "--fraction", defaultValue = "0.15", description = "The slow-down, in (0, 1].")
  double fraction;

  @Option(names = "--forks", description = "Forks per backend and kernel in each run (>= 3); default: the preset's.")
  Integer forks;

  @Option(names = "--threshold", defaultValue = "0.10", description = "compare's threshold, in (0, 10].")
  double threshold;

  @Option(names = "--seed", defaultValue = "20201118", description = "Seed of the fork order's rotation.")
  long seed;

  @Option(names = "--jvm-arg", description = "Extra JVM argument for the forked benchmark JVMs (repeatable).")
  List<String> jvmArgs = new ArrayList<>();

  @Option(names = "--out", defaultValue = "reports/bench/gate-quality", description = "Output directory.")
  Path out;

  @Mixin ProgressOptions progress;

  @Mixin OutputOptions output;

  @Override
  public Integer call() throws Exception {
    if (runs < 1) {
      throw Validation.invalid(spec, "--runs", "is invalid: at least one trial");
    }
    if (!(fraction > 0 && fraction <= 1)) {
      throw Validation.invalid(spec, "--fraction", "is invalid: must be in (0, 1]");
    }
    if (!(threshold > 0 && threshold <= 10)) {
      throw Validation.invalid(spec, "--threshold", "is invalid: must be in (0, 10]");
    }
    if (forks != null && forks < JmhComparison.MIN_FORKS) {
      throw Validation.invalid(spec, "--forks", "is invalid: compare decides on forks only with at least "
          + JmhComparison.MIN_FORKS);
    }
    List<Backend> chosen = backends == null ? Arrays.asList(Backend.available()) : backends;
    for (Backend b : chosen) {
      if (!b.availability().available()) {
        throw Validation.invalid(spec, "--backend", "is invalid: " + b.cliName() + " is unavailable here: "
            + b.availability().reason());
      }
    }
    List<String> classes = only == null ? preset.classes() : only;
    for (String c : classes) {
      if (!preset.classes().contains(c)) {
        throw Validation.invalid(spec, "--benchmark", "is invalid: '" + c + "' is not a class of preset "
            + preset.name().toLowerCase(java.util.Locale.ROOT) + "; valid: " + String.join(", ", preset.classes()));
      }
    }
    List<BenchGroup> groups = BenchPlan.groups(preset, classes, chosen.stream().map(Backend::name).toList());
    List<String> benchmarks = groups.stream().map(g -> g.benchmarkClass() + "." + g.method()).distinct().toList();
    if (!benchmarks.contains(slow)) {
      throw Validation.invalid(spec, "--slow", "is invalid: '" + slow + "' is not measured by these runs; valid: "
          + String.join(", ", benchmarks));
    }
    GateQuality.Config config = new GateQuality.Config(groups, forks == null ? preset.rounds : forks, runs, slow,
        fraction, threshold, ForkRunner.Settings.of(preset, jvmArgs, false), seed);
    try (ReportDirectory report = output.open(out, seed, chosen)) {
      GateQuality.Outcome outcome = GateQuality.run(config, new JmhForkRunner(VerboseMode.SILENT), report.staging(),
          progress.open("gate-quality", spec.commandLine().getErr()));
      String md = GateQuality.markdown(config, outcome, output.commandLine(), BenchCommand.gitCommit(),
          LocalDate.now(ZoneOffset.UTC).toString());
      AtomicFiles.writeString(report.staging().resolve("README.md"), md);
      report.commit();
      spec.commandLine().getOut().printf("flagged %d of %d, quiet %d of %d; wrote %s%n", outcome.flagged(), runs,
          outcome.quiet(), runs, out.resolve("README.md"));
      return outcome.meetsTarget() ? 0 : 1;
    }
  }
}
