package dev.prunebench.cli;

import dev.prunebench.accuracy.AccuracyBaseline;
import dev.prunebench.linalg.Backend;
import dev.prunebench.report.ReportDirectory;
import dev.prunebench.reproduce.Experiment;
import dev.prunebench.reproduce.ExperimentRun;
import dev.prunebench.reproduce.ReportsIndex;
import dev.prunebench.reproduce.ReproduceConfig;
import dev.prunebench.reproduce.ReproducePreset;
import dev.prunebench.reproduce.Reproduction;
import dev.prunebench.reproduce.RunMetadata;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prunebench reproduce}: every experiment of the paper in order — linear Figure 1, the network
 * Figures 2–4, Theorem 4.3, the accuracy check (against the committed baseline, never updating it)
 * and, with {@code --with-bench}, the quick benchmark preset — then the reports index
 * {@code OUT/README.md}.
 */
@Command(name = "reproduce", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = {"Reproduce the paper: linear (Fig. 1), nn (Figs. 2-4), theorem43, accuracy [, bench], "
        + "then the reports index OUT/README.md with every figure and the paper's claims against our numbers.",
        "Exit status: 0 all experiments succeeded, 1 one failed (the others still ran), 2 bad arguments."})
public final class ReproduceCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--preset", defaultValue = "quick",
      description = "quick (about 3 min on 2 cores) or paper (each experiment's paper configuration; hours).")
  ReproducePreset preset;

  @Option(names = "--backend", description = "Backend for every experiment (default: each experiment's own).")
  Backend backend;

  @Option(names = "--seed", description = "Master seed for every experiment (default: each experiment's own).")
  Long seed;

  @Option(names = "--out", defaultValue = "reports", description = "Root output directory (OUT/linear, OUT/nn, ...).")
  Path out;

  @Option(names = "--with-bench", description = "Also run the quick JMH benchmark preset into OUT/bench.")
  boolean withBench;

  @picocli.CommandLine.Mixin ProgressOptions progress;

  @Option(names = "--baseline", description = "Accuracy baseline to check against, never updated by this command "
      + "(default: the committed reports/accuracy/baseline.csv of the project, wherever the working directory is).")
  Path baseline;

  @CommandLine.Mixin OutputOptions output;

  @Override
  public Integer call() throws IOException {
    PrintWriter log = spec.commandLine().getOut();
    if (backend != null && !backend.availability().available()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--backend " + backend.cliName()
          + " is unavailable here: " + backend.availability().reason());
    }
    Path committedBaseline = committedBaseline();
    ReproduceConfig config = new ReproduceConfig(preset, backend, seed, out, withBench);
    try {
      // Before any computation: an hour-long run must not die at its first write.
      Reproduction.requireWritableOutputs(config);
    } catch (IOException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--out: " + e.getMessage(), e);
    }
    for (Experiment e : Experiment.selected(config)) {
      output.check(e.directory(out), e.command());
    }
    // OUT is a directory of reports: each experiment's is replaced whole by its own command, then the index.
    try (ReportDirectory root = output.openInPlace(out, seed, backend == null ? List.of() : List.of(backend))) {
      int code = reproduce(config, committedBaseline, log);
      root.commit();
      return code;
    }
  }

  private int reproduce(ReproduceConfig config, Path committedBaseline, PrintWriter log) throws IOException {
    String started = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
    RunMetadata meta = RunMetadata.capture(BenchCommand.gitCommit(), started);
    Reproduction.CommandRunner runner = new Reproduction.CommandRunner() {
      @Override
      public boolean has(String name) {
        return Main.commandLine().getSubcommands().containsKey(name);
      }

      @Override
      public int run(List<String> arguments) {
        CommandLine cl = Main.commandLine();
        cl.setOut(spec.commandLine().getOut());
        cl.setErr(spec.commandLine().getErr());
        // Every experiment reports its own stages in the mode chosen here.
        List<String> args = new java.util.ArrayList<>(arguments);
        args.addAll(List.of("--progress", progress.mode().name().toLowerCase(java.util.Locale.ROOT)));
        if (output.force) {
          args.add("--force");
        }
        return cl.execute(args.toArray(String[]::new));
      }
    };
    List<ExperimentRun> runs = Reproduction.run(config, runner, committedBaseline, log);
    Path index = ReportsIndex.write(config, runs, meta);
    double total = runs.stream().mapToDouble(ExperimentRun::seconds).sum();
    long failed = runs.stream().filter(r -> r.status() == ExperimentRun.Status.FAILED).count();
    log.printf(java.util.Locale.ROOT, "reproduce: %d experiments in %.1f s, %d failed; index in %s%n", runs.size(),
        total, failed, index);
    log.flush();
    return failed == 0 ? 0 : 1;
  }

  /**
   * The accuracy baseline, resolved against the project rather than the working directory and read
   * once up front: a missing or corrupt baseline is a one-line usage error now, not a skipped check
   * (or a failure after an hour of experiments).
   */
  private Path committedBaseline() {
    Path b;
    try {
      b = baseline != null ? baseline : ProjectHome.accuracyBaseline();
    } catch (IllegalStateException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--baseline: " + e.getMessage());
    }
    try {
      AccuracyBaseline.read(b);
    } catch (IOException e) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--baseline " + b + ": "
          + IoErrors.reason(e) + (baseline == null ? " (the committed baseline of project "
          + ProjectHome.directory().map(Path::toString).orElse("?") + ")" : ""));
    }
    return b;
  }
}
