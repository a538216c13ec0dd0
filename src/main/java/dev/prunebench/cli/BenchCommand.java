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
import dev.prunebench.util.Progress;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.profile.GCProfiler;
import org.openjdk.jmh.results.format.ResultFormatType;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.ChainedOptionsBuilder;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prunebench bench}: runs the JMH suite through JMH's {@code Runner} API (JMH prints its own
 * progress), writes the results as {@code <date>-<commit>.json} with the environment in
 * {@code <date>-<commit>.env.json}, and renders {@code README.md} with one chart per kernel.
 */
@Command(name = "bench", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = {"Run the JMH benchmark suite and render the backend comparison report.",
      "quick: a few minutes per backend at the paper's main sizes; full: every declared parameter."})
public final class BenchCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--preset", defaultValue = "quick", description = "quick or full.")
  BenchPreset preset;

  @Option(names = "--backend", split = ",", description = "Backends to run (default: every available one).")
  List<Backend> backends;

  @Option(names = "--benchmark", split = ",",
      description = "Only these benchmark classes (simple names, e.g. GemmBenchmark).")
  List<String> only;

  @Option(names = "--out", defaultValue = "reports/bench", description = "Output directory.")
  Path out;

  @Option(names = "--accuracy", defaultValue = "reports/accuracy/accuracy.csv",
      description = "Accuracy CSV to show next to speed (skipped if missing).")
  Path accuracyCsv;

  @Option(names = "--forks", defaultValue = "1", description = "JMH forks per benchmark (0 runs in this JVM).")
  int forks;

  @Option(names = "--no-gc-profiler", description = "Do not add JMH's GC profiler (allocation per op).")
  boolean noGc;

  @Option(names = "--jvm-arg", description = "Extra JVM argument for the forked benchmark JVMs (repeatable).")
  List<String> jvmArgs = new ArrayList<>();

  @Option(names = "--render-only", paramLabel = "JSON",
      description = "Do not run anything: re-render the report from this JMH JSON (and its .env.json).")
  Path renderOnly;

  @picocli.CommandLine.Mixin ProgressOptions progress;

  @Mixin OutputOptions output;

  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  @Override
  public Integer call() throws IOException, RunnerException {
    if (forks < 0) {
      throw Validation.invalid(spec, "--forks", "is invalid: forks must be >= 0 (0 runs in this JVM)");
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
    List<String> classes = only == null ? BenchPreset.BENCHMARK_CLASSES : only;
    for (String c : classes) {
      if (!BenchPreset.BENCHMARK_CLASSES.contains(c)) {
        throw Validation.invalid(spec, "--benchmark", "is invalid: unknown class '" + c + "'; valid: "
            + String.join(", ", BenchPreset.BENCHMARK_CLASSES));
      }
    }
    if (renderOnly != null && !Files.isRegularFile(renderOnly)) {
      throw Validation.invalid(spec, "--render-only", "is invalid: " + renderOnly + ": no such file");
    }
    // The dated JMH results accumulate: every earlier <date>-<commit>.json stays next to the new one.
    try (ReportDirectory report = output.open(out, null, chosen, name -> name.endsWith(".json"))) {
      int code = run(chosen, classes, report.staging());
      if (code == 0) {
        report.commit();
      }
      return code;
    }
  }

  private int run(List<Backend> chosen, List<String> classes, Path dir) throws IOException, RunnerException {
    if (renderOnly != null) {
      Path envFile = envFileFor(renderOnly);
      BenchEnvironment env = JSON.readValue(envFile.toFile(), BenchEnvironment.class);
      render(renderOnly, env, dir);
      return 0;
    }
    String date = LocalDate.now(ZoneOffset.UTC).toString();
    String commit = gitCommit();
    BenchEnvironment env = BenchEnvironment.capture(date, commit, preset);
    ArrayNode merged = JSON.createArrayNode();
    Path tmp = Files.createTempFile("prunebench-jmh", ".json");
    try (Progress bar = progress.open("bench", spec.commandLine().getErr())) {
      bar.stage("benchmark classes (JMH prints its own iterations)", classes.size());
      for (String c : classes) {
        runClass(c, preset.paramsFor(c), chosen, tmp, merged);
        bar.step(c);
      }
      bar.stage("the machine's roofs", BenchPreset.ROOF_RUNS.size());
      for (BenchPreset.RoofRun roof : BenchPreset.ROOF_RUNS) {
        List<String> names = chosen.stream().map(Backend::name).toList();
        if ((!roof.needsOpenBlas() || Backend.OPENBLAS.availability().available())
            && !preset.covers(roof, classes, names)) {
          runClass(roof.benchmarkClass(), roof.params(), chosen, tmp, merged);
        }
        bar.step(roof.benchmarkClass());
      }
    } finally {
      Files.deleteIfExists(tmp);
    }
    String stem = date + "-" + commit;
    Path json = dir.resolve(stem + ".json");
    AtomicFiles.writeBytes(json, JSON.writeValueAsBytes(merged));
    AtomicFiles.writeBytes(envFileFor(json), JSON.writeValueAsBytes(env));
    render(json, env, dir);
    spec.commandLine().getOut().println("wrote " + out.resolve(json.getFileName()) + " and "
        + out.resolve("README.md"));
    return 0;
  }

  /** Runs one benchmark class with {@code params} (a {@code backend} entry overrides the chosen backends). */
  private void runClass(String c, Map<String, String[]> params, List<Backend> chosen, Path tmp, ArrayNode merged)
      throws IOException, RunnerException {
    ChainedOptionsBuilder o = new OptionsBuilder()
        .include("dev\\.prunebench\\.bench\\." + c + "\\.")
        .warmupIterations(preset.warmupIterations)
        .warmupTime(TimeValue.seconds(preset.warmupSeconds))
        .measurementIterations(preset.measurementIterations)
        .measurementTime(TimeValue.seconds(preset.measurementSeconds))
        .timeUnit(TimeUnit.MILLISECONDS)
        .forks(forks)
        .shouldFailOnError(true)
        .resultFormat(ResultFormatType.JSON)
        .result(tmp.toString());
    if (!params.containsKey("backend")) {
      o.param("backend", chosen.stream().map(Backend::name).toArray(String[]::new));
    }
    for (Map.Entry<String, String[]> p : params.entrySet()) {
      o.param(p.getKey(), p.getValue());
    }
    if (!noGc) {
      o.addProfiler(GCProfiler.class);
    }
    // Forks see the same backends as this JVM: netlib's Vector-API BLAS and the jars loaded by --with.
    List<String> forkArgs = new ArrayList<>(List.of("--add-modules=jdk.incubator.vector"));
    String with = System.getProperty(Backend.WITH_PROPERTY, "");
    if (!with.isBlank()) {
      forkArgs.add("-D" + Backend.WITH_PROPERTY + "=" + with);
    }
    forkArgs.addAll(jvmArgs);
    o.jvmArgsAppend(forkArgs.toArray(String[]::new));
    new Runner(o.build()).run();
    JSON.readTree(tmp.toFile()).forEach(merged::add);
  }

  private void render(Path json, BenchEnvironment env, Path dir) throws IOException {
    List<BenchReport.AccuracyCell> acc = Files.exists(accuracyCsv) ? AccuracySummary.read(accuracyCsv) : List.of();
    BenchReport.render(JmhResults.read(json), env, acc, dir, json.getFileName().toString());
  }

  private static Path envFileFor(Path json) {
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
