package dev.prunebench.nn;

import dev.prunebench.linalg.BackendInfo;
import dev.prunebench.report.AtomicFiles;
import dev.prunebench.report.Csv;
import dev.prunebench.util.ThreadPolicy;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;

/**
 * A shard's partial result ({@code prunebench nn --shard K/N}) and the merge of shards into one study
 * ({@code --merge}). A partial holds every number of its units at full precision (doubles are written
 * with {@link Double#toString(double)}, which round-trips), so the merged {@link NnExperiment.Results}
 * equal a whole run's field by field and {@link NnReport} writes the same bytes from them. Files:
 * {@code sweep.csv} (Figure-2 rows), {@code history.csv}, {@code pruning.csv}, {@code survival.csv},
 * {@code hessian_check.csv} (only in the shard that owns {@link NnShard#hessianCheckUnit}) and
 * {@code shard.csv}, written last, which marks the partial complete and records the configuration
 * (every shard of a study must have the same), the shard and its provenance.
 */
public final class NnPartial {
  private NnPartial() {}

  /** The file whose presence marks a partial complete. */
  public static final String MARKER = "shard.csv";

  private static final List<String> SWEEP = List.of("learning_rate", "lambda", "epochs", "interpolated",
      "train_loss", "train_error", "train_accuracy", "test_loss", "test_error", "test_accuracy", "mi_w_init",
      "mi_v_init", "mi_w_final", "mi_v_final", "hi_w_init", "hi_v_init", "hi_w_final", "hi_v_final",
      "ni_w_train_loss", "ni_v_train_loss", "ni_w_test_loss", "ni_v_test_loss", "ni_w_test_error", "ni_v_test_error",
      "htrace_w_init", "htrace_v_init", "seconds", "diverged", "change_w", "change_v");
  private static final List<String> HISTORY = List.of("learning_rate", "lambda", "epoch", "train_loss",
      "train_accuracy");
  private static final List<String> PRUNING = List.of("learning_rate", "scope", "method", "lambda", "fraction",
      "kept_w", "kept_v", "survival_w", "survival_v", "accuracy_pruned", "accuracy_retrained", "retrain_epochs",
      "retrain_interpolated", "diverged");
  private static final List<String> SURVIVAL = List.of("learning_rate", "scope", "method", "lambda", "fraction",
      "survival_w", "survival_v");
  private static final List<String> CHECK = List.of("entries_w", "entries_v", "max_rel_error_w", "max_rel_error_v",
      "samples");
  private static final List<String> SHARD = List.of("key", "value");

  /** A merge: the study's results and the provenance of every shard, in shard order. */
  public record Merged(NnExperiment.Results results, List<NnRunRecord> runs) {}

  /** Writes {@code r} (one shard's results) into {@code dir}, {@link #MARKER} last. */
  public static void write(NnExperiment.Results r, NnRunRecord run, Path dir) throws IOException {
    AtomicFiles.requireWritableDirectory(dir);
    List<List<?>> sweep = new ArrayList<>();
    List<List<?>> history = new ArrayList<>();
    for (LambdaSweep.Row x : r.sweep().rows()) {
      sweep.add(List.of(x.learningRate(), x.lambda(), x.epochs(), x.interpolated(), x.train().loss(), x.train().error(),
          x.train().accuracy(), x.test().loss(), x.test().error(), x.test().accuracy(), x.magnitudeInit().w(),
          x.magnitudeInit().v(), x.magnitudeFinal().w(), x.magnitudeFinal().v(), x.hessianInit().w(),
          x.hessianInit().v(), x.hessianFinal().w(), x.hessianFinal().v(), x.naturalTrainLoss().w(),
          x.naturalTrainLoss().v(), x.naturalTestLoss().w(), x.naturalTestLoss().v(), x.naturalTestError().w(),
          x.naturalTestError().v(), x.hessianTraceInit().w(), x.hessianTraceInit().v(), x.seconds(), x.diverged(),
          x.change().w(), x.change().v()));
      for (EpochStats s : x.history()) {
        history.add(List.of(x.learningRate(), x.lambda(), s.epoch(), s.trainLoss(), s.trainAccuracy()));
      }
    }
    Csv.write(dir.resolve("sweep.csv"), SWEEP, sweep);
    Csv.write(dir.resolve("history.csv"), HISTORY, history);
    Csv.write(dir.resolve("pruning.csv"), PRUNING, r.pruning().rows().stream().map(x -> List.of(x.learningRate(),
        x.scope(), x.kind(), x.lambda(), x.fraction(), x.keptW(), x.keptV(), x.survivalW(), x.survivalV(),
        x.accuracyPruned(), x.accuracyRetrained(), x.retrainEpochs(), x.retrainInterpolated(), x.diverged())).toList());
    Csv.write(dir.resolve("survival.csv"), SURVIVAL, r.pruning().survival().stream().map(x -> List.of(
        x.learningRate(), x.scope(), x.kind(), x.lambda(), x.fraction(), x.survivalW(), x.survivalV())).toList());
    HessianCheck.Result hc = r.hessianCheck();
    if (r.shard().units(r.config()).contains(NnShard.hessianCheckUnit(r.config()))) {
      Csv.write(dir.resolve("hessian_check.csv"), CHECK, List.of(List.of(hc.entriesW(), hc.entriesV(),
          hc.maxRelErrorW(), hc.maxRelErrorV(), hc.samples())));
    }
    Csv.write(dir.resolve(MARKER), SHARD, List.of(List.of("config", r.config().canonical()),
        List.of("shard", r.shard().toString()), List.of("dimension", r.dimension()),
        List.of("classes", r.classes()),
        List.of("thread_policy", r.threadPolicy().name()), List.of("sweep_seconds", r.sweepSeconds()),
        List.of("pruning_seconds", r.pruning().seconds()), List.of("total_seconds", r.totalSeconds()),
        List.of("commit", run.commit()), List.of("command", run.command()), List.of("backend", run.backend()),
        List.of("openblas_coretype", run.openblasCoretype()), List.of("wall_seconds", run.wallSeconds()),
        List.of("cpu_seconds", run.cpuSeconds()), List.of("load_average", run.loadAverage()),
        List.of("started", run.started())));
  }

  /** Whether {@code dir} holds a complete partial. */
  public static boolean complete(Path dir) {
    return Files.isRegularFile(dir.resolve(MARKER));
  }

  /**
   * Merges the partials in {@code dirs} (shard directories, or directories holding {@code shard-*}
   * directories) into the results of the study {@code cfg}, as {@link NnExperiment#run} would return
   * them for the whole study, with {@code info} as the backend.
   *
   * @throws IllegalArgumentException naming the problem: a partial of another configuration, shards
   *     of different N, a unit twice, or the shards still missing (listed, so only those are re-run)
   */
  public static Merged merge(NnConfig cfg, BackendInfo info, List<Path> dirs) throws IOException {
    List<Path> parts = new ArrayList<>();
    for (Path d : dirs) {
      if (complete(d)) {
        parts.add(d);
      } else if (Files.isDirectory(d)) {
        try (var s = Files.list(d)) {
          s.filter(p -> p.getFileName().toString().startsWith("shard-") && complete(p)).sorted().forEach(parts::add);
        }
      }
    }
    if (parts.isEmpty()) {
      throw new IllegalArgumentException("merge: no complete shard (a directory with " + MARKER + ") in " + dirs);
    }
    List<NnUnitData> units = new ArrayList<>();
    List<NnRunRecord> runs = new ArrayList<>();
    TreeSet<Integer> have = new TreeSet<>();
    int count = -1;
    HessianCheck.Result check = HessianCheck.Result.notRun();
    int dimension = 0;
    int classes = 0;
    ThreadPolicy policy = ThreadPolicy.JOBS;
    double sweepSeconds = 0;
    double pruningSeconds = 0;
    double totalSeconds = 0;
    for (Path p : parts) {
      java.util.Map<String, String> meta = new java.util.HashMap<>();
      for (List<String> kv : Csv.read(p.resolve(MARKER)).subList(1, Csv.read(p.resolve(MARKER)).size())) {
        meta.put(kv.get(0), kv.get(1));
      }
      if (!cfg.canonical().equals(meta.get("config"))) {
        throw new IllegalArgumentException("merge: " + p + " is a shard of another configuration: " + meta.get("config")
            + "; this merge is for " + cfg.canonical() + " (pass the shards' --preset and overrides)");
      }
      NnShard shard = NnShard.parse(meta.get("shard"));
      if (count >= 0 && shard.count() != count) {
        throw new IllegalArgumentException("merge: " + p + " is shard " + shard + ", the others are of " + count);
      }
      count = shard.count();
      if (!have.add(shard.index())) {
        throw new IllegalArgumentException("merge: shard " + shard + " appears twice (" + p + ")");
      }
      dimension = Integer.parseInt(meta.get("dimension"));
      classes = Integer.parseInt(meta.get("classes"));
      policy = ThreadPolicy.valueOf(meta.get("thread_policy"));
      sweepSeconds += Double.parseDouble(meta.get("sweep_seconds"));
      pruningSeconds += Double.parseDouble(meta.get("pruning_seconds"));
      totalSeconds += Double.parseDouble(meta.get("total_seconds"));
      runs.add(new NnRunRecord(meta.get("shard"), meta.get("commit"), meta.get("command"), meta.get("backend"),
          meta.get("openblas_coretype"), meta.get("thread_policy").toLowerCase(Locale.ROOT),
          Double.parseDouble(meta.get("wall_seconds")), Double.parseDouble(meta.get("cpu_seconds")),
          Double.parseDouble(meta.get("load_average")), meta.get("started")));
      units.addAll(NnUnitData.read(p));
      if (Files.isRegularFile(p.resolve("hessian_check.csv"))) {
        List<String> c = Csv.read(p.resolve("hessian_check.csv")).get(1);
        check = new HessianCheck.Result(Integer.parseInt(c.get(0)), Integer.parseInt(c.get(1)),
            Double.parseDouble(c.get(2)), Double.parseDouble(c.get(3)), Integer.parseInt(c.get(4)));
      }
    }
    List<Integer> missing = new ArrayList<>();
    for (int k = 1; k <= count; k++) {
      if (!have.contains(k)) {
        missing.add(k);
      }
    }
    if (!missing.isEmpty()) {
      throw new IllegalArgumentException("merge: shards " + missing + " of " + count + " are missing; run only "
          + "those (--shard K/" + count + ") and merge again");
    }
    List<NnShard.Unit> order = NnShard.all(cfg);
    units.sort(Comparator.comparingInt(u -> order.indexOf(u.unit())));
    runs.sort(Comparator.comparingInt(x -> NnShard.parse(x.shard()).index()));
    List<LambdaSweep.Row> sweep = units.stream().map(NnUnitData::row).toList();
    List<PruningExperiment.Row> pruning = units.stream().flatMap(u -> u.pruning().stream()).toList();
    List<PruningExperiment.Survival> survival = units.stream().flatMap(u -> u.survival().stream()).toList();
    NnExperiment.Results r = new NnExperiment.Results(cfg, info, new LambdaSweep.Result(sweep, List.of()),
        new PruningExperiment.Result(pruning, survival, pruningSeconds), check, sweepSeconds, totalSeconds, policy,
        dimension, classes, NnShard.WHOLE);
    return new Merged(r, runs);
  }

  static List<String> sweepHeader() {
    return SWEEP;
  }

  static List<String> pruningHeader() {
    return PRUNING;
  }
}
