package dev.prunebench.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.prunebench.linalg.Backend;
import dev.prunebench.report.AtomicFiles;
import dev.prunebench.report.ReportDirectory;
import dev.prunebench.report.bench.AccuracySummary;
import dev.prunebench.report.bench.BenchEnvironment;
import dev.prunebench.report.bench.BenchPreset;
import dev.prunebench.report.bench.BenchReport;
import dev.prunebench.report.bench.JmhResults;
import dev.prunebench.report.bench.ProtocolExecution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prunebench bench}: runs the JMH suite under the noisy-machine protocol
 * ({@link ProtocolExecution}: calibration, interleaved short forks, calibration again), writes the
 * results as {@code <date>-<commit>.json} (JMH's shape plus per-fork scores) with the environment and
 * calibration in {@code <date>-<commit>.env.json}, and renders {@code README.md} with one chart per
 * kernel. Earlier dated JSON files stay in the directory, so the previous run is there for
 * {@code compare}.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, showDefaultValues = true,
    subcommands = GateQualityCommand.class,
    description = {"Run the JMH benchmark suite (interleaved short forks) and render the backend comparison report.",
      "quick: every kernel at one size (<= 15 min on 2 cores); full: every declared parameter; "
          + "ci: the kernels a change most likely slows (<= 5 min), for compare in a pipeline."})
public final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--preset", defaultValue = "quick", description = "quick, full or ci.")
  BenchPreset preset;

  @Option(names = "--backend", split = ",", description = "Backends to run (default: every available one).")
  List<Backend> backends;

  @Option(names = "--benchmark", split = ",",
      description = "Only these benchmark classes (simple names, e.g. GemmBenchmark).")
  List<String> only;

  @Option(names = "--reference",
      description = "Backend the report's ratios are computed against (paired by fork round); default: reference "
          + "if it runs, else the first backend run.")
  Backend reference;

  @Option(names = "--out", defaultValue = "reports/bench", description = "Output directory.")
  Path out;

  @Option(names = "--accuracy", defaultValue = "reports/accuracy/accuracy.csv",
      description = "Accuracy CSV to show next to speed (skipped if missing).")
  Path accuracyCsv;

  @Option(names = "--forks", description = "Forks per backend and kernel (rounds), at least 2; default: the preset's.")
  Integer forks;

  @Option(names = "--seed", defaultValue = "20201118", description = "Seed of the fork order's rotation.")
  long seed;

  @Option(names = "--no-gc-profiler", description = "Do not add JMH's GC profiler (allocation per op).")
  boolean noGc;

  @Option(names = "--jvm-arg", description = "Extra JVM argument for the forked benchmark JVMs (repeatable).")
  List<String> jvmArgs = new ArrayList<>();

  @Option(names = "--render-only", paramLabel = "JSON",
      description = "Do not run anything: re-render the report from this JSON (and its .env.json).")
  Path renderOnly;

  @Mixin ProgressOptions progress;

  @Mixin OutputOptions output;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public Integer call() throws Exception {
    if (forks != null && forks < 2) {
      throw Validation.invalid(spec, "--forks", "is invalid: forks must be >= 2 (a median over forks needs several)");
    }
    for (String arg : jvmArgs) {
      if (arg.isBlank()) {
        throw Validation.invalid(spec, "--jvm-arg", "is invalid: a JVM argument must not be blank");
      }
    }
    List<Backend> chosen = backends == null ? Arrays.asList(Backend.available()) : backends;
    for (Backend b : chosen) {
      if (!b.availability().available()) {
        throw Validation.invalid(spec, "--backend", "is invalid: " + b.cliName() + " is unavailable here: "
            + b.availability().reason());
      }
    }
    if (reference == null) {
      reference = chosen.contains(Backend.REFERENCE) ? Backend.REFERENCE : chosen.get(0);
    }
    if (!chosen.contains(reference)) {
      throw Validation.invalid(spec, "--reference", "is invalid: " + reference.cliName()
          + " is not among the backends run (" + chosen.stream().map(Backend::cliName).toList() + ")");
    }
    List<String> classes = only == null ? preset.classes() : only;
    for (String c : classes) {
      if (!BenchPreset.BENCHMARK_CLASSES.contains(c)) {
        throw Validation.invalid(spec, "--benchmark", "is invalid: unknown class '" + c + "'; valid: "
            + String.join(", ", BenchPreset.BENCHMARK_CLASSES));
      }
    }
    if (renderOnly != null && !Files.isRegularFile(renderOnly)) {
      throw Validation.invalid(spec, "--render-only", "is invalid: " + renderOnly + ": no such file");
    }
    // The dated JSON results accumulate: every earlier <date>-<commit>.json stays next to the new one.
    try (ReportDirectory report = output.open(out, null, chosen, name -> name.endsWith(".json"))) {
      int code = run(chosen, classes, report.staging());
      if (code == 0) {
        report.commit();
      }
      return code;
    }
  }

  private int run(List<Backend> chosen, List<String> classes, Path dir) throws Exception {
    if (renderOnly != null) {
      BenchEnvironment env = JSON.readValue(envFileFor(renderOnly).toFile(), BenchEnvironment.class);
      render(renderOnly, env, dir);
      return 0;
    }
    String date = LocalDate.now(ZoneOffset.UTC).toString();
    String commit = gitCommit();
    ProtocolExecution.Config config = new ProtocolExecution.Config(preset, classes,
        chosen.stream().map(Backend::name).toList(), forks == null ? preset.rounds : forks, seed,
        dev.prunebench.report.bench.ForkRunner.Settings.of(preset, jvmArgs, !noGc),
        Backend.OPENBLAS.availability().available());
    ProtocolExecution.Outcome outcome = ProtocolExecution.run(config,
        new dev.prunebench.report.bench.JmhForkRunner(org.openjdk.jmh.runner.options.VerboseMode.SILENT),
        progress.open("bench", spec.commandLine().getErr()));
    BenchEnvironment env = BenchEnvironment.capture(date, commit, preset).withCalibration(outcome.calibration());
    String stem = date + "-" + commit;
    Path json = dir.resolve(stem + ".json");
    AtomicFiles.writeBytes(json, JSON.writeValueAsBytes(outcome.results()));
    AtomicFiles.writeBytes(envFileFor(json), JSON.writeValueAsBytes(env));
    render(json, env, dir);
    spec.commandLine().getOut().println("wrote " + out.resolve(json.getFileName()) + " and "
        + out.resolve("README.md") + (outcome.calibration().noisy() ? " (marked noisy: calibration moved)" : ""));
    return 0;
  }

  private void render(Path json, BenchEnvironment env, Path dir) throws IOException {
    List<BenchReport.AccuracyCell> acc = Files.exists(accuracyCsv) ? AccuracySummary.read(accuracyCsv) : List.of();
    BenchReport.render(JmhResults.read(json), env, acc, dir, json.getFileName().toString(),
        reference.name(), previousJson(json));
  }

  /** The newest dated JSON in the published report directory other than {@code json}, for the compare hint. */
  private java.util.Optional<String> previousJson(Path json) throws IOException {
    if (!Files.isDirectory(out)) {
      return java.util.Optional.empty();
    }
    try (var files = Files.list(out)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.matches("\\d{4}-\\d{2}-\\d{2}-.*\\.json") && !n.endsWith(".env.json"))
          .filter(n -> !n.equals(json.getFileName().toString()))
          .max(String::compareTo);
    }
  }

  static Path envFileFor(Path json) {
    String name = json.getFileName().toString();
    String stem = name.endsWith(".json") ? name.substring(0, name.length() - 5) : name;
    return json.resolveSibling(stem + ".env.json");
  }

  /** The short commit hash, or "nogit" outside a repository; "-dirty" when the tree has changes. */
  static String gitCommit() {
    try {
      Process p = new ProcessBuilder("git", "rev-parse", "--short", "HEAD").redirectErrorStream(true).start();
      String hash = new String(p.getInputStream().readAllBytes()).trim();
      if (p.waitFor() != 0 || hash.isEmpty() || hash.contains(" ")) {
        return "nogit";
      }
      Process d = new ProcessBuilder("git", "status", "--porcelain", "--untracked-files=no").start();
      String dirty = new String(d.getInputStream().readAllBytes()).trim();
      d.waitFor();
      return hash.toLowerCase(Locale.ROOT) + (dirty.isEmpty() ? "" : "-dirty");
    } catch (IOException e) {
      return "nogit";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "nogit";
    }
  }
}
