package dev.prunebench.nn;

import dev.prunebench.report.AtomicFiles;
import dev.prunebench.report.Claim;
import dev.prunebench.report.Claims;
import dev.prunebench.report.Csv;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Writes the Section 4 report into a directory: CSV tables, the PNG figures 2a–c, 3a–c and 4a–f (per
 * learning rate, {@link NnFigures}), {@code claims.csv} and {@code claims_by_lr.csv}, and a README.md
 * ({@link NnReadme}) with the configuration, the figures, the retraining statistics and the paper's claims
 * checked against the numbers ({@link NnClaims}). Everything but the README's last section (run time and
 * provenance) is a function of the numbers alone, so merged shards ({@link NnPartial}) write the same
 * bytes as a whole run.
 */
public final class NnReport {
  private NnReport() {}

  /** The heading of the README's one run-dependent section (timings, commit, machine); it comes last. */
  public static final String RUN_SECTION = "## Run time and provenance";

  /** Writes every file of the report for {@code r} into {@code dir}, without run records (tests). */
  public static void write(NnExperiment.Results r, Path dir, String command) throws IOException {
    write(r, dir, List.of(new NnRunRecord("1/1", "n/a", command, r.backendInfo().backend().cliName(), "n/a",
        r.threadPolicy().cliName(), r.totalSeconds(), Double.NaN, Double.NaN, "n/a")));
  }

  /**
   * Writes every file of the report for {@code r} into {@code dir}.
   *
   * @param runs where the numbers came from: one record for a whole run, one per shard for a merge
   */
  public static void write(NnExperiment.Results r, Path dir, List<NnRunRecord> runs) throws IOException {
    AtomicFiles.requireWritableDirectory(dir);
    writeFig2Csv(r, dir.resolve("fig2_importance.csv"));
    writeHistoryCsv(r, dir.resolve("training_history.csv"));
    writePruningCsv(r, dir.resolve("fig3_fig4_pruning.csv"));
    writeSurvivalCsv(r, dir.resolve("fig3c_fig4f_survival.csv"));
    NnFigures.fig2(r, dir);
    NnFigures.fig34(r, dir);
    List<NnJudged> judged = NnClaims.judge(r);
    List<Claim> claims = judged.stream().map(NnJudged::claim).toList();
    Claims.write(dir, claims);
    List<List<?>> byLr = new ArrayList<>();
    for (NnJudged j : judged) {
      j.perLearningRate().forEach((lr, v) -> byLr.add(List.of(j.claim().claim(), lr, v)));
    }
    Csv.write(dir.resolve(BY_LR), List.of("claim", "learning_rate", "verdict"), byLr);
    NnConfig c = r.config();
    Csv.write(dir.resolve(STUDY), List.of("key", "value"), List.of(
        List.of("preset", c.preset().name().toLowerCase(Locale.ROOT)), List.of("seed", c.splitSeed()),
        List.of("width", c.width()), List.of("train", c.trainSize()), List.of("test", c.testSize()),
        List.of("lambdas", c.lambdas().size()), List.of("fractions", c.keepFractions().size()),
        List.of("learning_rates", c.learningRates().toString()),
        List.of("retraining", c.retrainCapped() ? "capped at " + c.retrainEpochs() + " epochs" : "paper rule")));
    AtomicFiles.writeString(dir.resolve("README.md"), NnReadme.text(r, claims) + NnReadme.runSection(r, runs));
  }

  /**
   * What study this report is (preset, master seed, sizes, retraining rule), for the reports index and
   * the sensitivity summary, which must not mistake an earlier protocol's run for the paper's.
   */
  public static final String STUDY = "study.csv";

  /** The per-learning-rate verdicts (the sensitivity study reads them). */
  public static final String BY_LR = "claims_by_lr.csv";

  // ---------------------------------------------------------------- CSV

  /** Wall times stay out of the CSVs (they are in the README) so the same seed gives the same bytes. */
  private static void writeFig2Csv(NnExperiment.Results r, Path file) throws IOException {
    List<List<?>> rows = new ArrayList<>();
    for (LambdaSweep.Row x : r.sweep().rows()) {
      rows.add(List.of(x.learningRate(), x.lambda(), x.epochs(), x.interpolated(), x.train().loss(),
          x.train().error(), x.test().loss(), x.test().error(), x.magnitudeInit().w(), x.magnitudeInit().v(),
          x.magnitudeFinal().w(), x.magnitudeFinal().v(), x.hessianInit().w(), x.hessianInit().v(),
          x.hessianFinal().w(), x.hessianFinal().v(), x.naturalTrainLoss().w(), x.naturalTrainLoss().v(),
          x.naturalTestLoss().w(), x.naturalTestLoss().v(), x.naturalTestError().w(), x.naturalTestError().v(),
          x.hessianTraceInit().w(), x.hessianTraceInit().v(), x.change().w(), x.change().v(), status(x.diverged())));
    }
    Csv.write(file, List.of("learning_rate", "lambda", "epochs", "interpolated", "train_loss", "train_error",
        "test_loss", "test_error", "mi_w_init", "mi_v_init", "mi_w_final", "mi_v_final", "hi_w_init", "hi_v_init",
        "hi_w_final", "hi_v_final", "ni_w_train_loss", "ni_v_train_loss", "ni_w_test_loss", "ni_v_test_loss",
        "ni_w_test_error", "ni_v_test_error", "htrace_w_init", "htrace_v_init", "change_w", "change_v", "status"),
        rows);
  }

  private static void writeHistoryCsv(NnExperiment.Results r, Path file) throws IOException {
    List<List<?>> rows = new ArrayList<>();
    for (LambdaSweep.Row run : r.sweep().rows()) {
      for (EpochStats s : run.history()) {
        rows.add(List.of(run.learningRate(), run.lambda(), s.epoch(), s.trainLoss(), s.trainAccuracy()));
      }
    }
    Csv.write(file, List.of("learning_rate", "lambda", "epoch", "train_loss", "train_accuracy"), rows);
  }

  private static void writePruningCsv(NnExperiment.Results r, Path file) throws IOException {
    List<List<?>> rows = new ArrayList<>();
    for (PruningExperiment.Row x : r.pruning().rows()) {
      rows.add(List.of(x.learningRate(), x.scope(), x.kind().label(), x.lambda(), x.fraction(), x.keptW(), x.keptV(),
          x.survivalW(), x.survivalV(), x.accuracyPruned(), x.accuracyRetrained(), x.retrainEpochs(),
          x.retrainInterpolated(), status(x.diverged())));
    }
    Csv.write(file, List.of("learning_rate", "scope", "method", "lambda", "fraction", "kept_w", "kept_v", "survival_w",
        "survival_v", "accuracy_pruned", "accuracy_retrained", "retrain_epochs", "retrain_interpolated", "status"),
        rows);
  }

  /** The {@code status} column: {@code ok}, or {@code diverged} for a row that is no result. */
  static String status(boolean diverged) {
    return diverged ? "diverged" : "ok";
  }

  private static void writeSurvivalCsv(NnExperiment.Results r, Path file) throws IOException {
    List<List<?>> rows = new ArrayList<>();
    for (PruningExperiment.Survival x : r.pruning().survival()) {
      rows.add(List.of(x.learningRate(), x.scope(), x.kind().label(), x.lambda(), x.fraction(), x.survivalW(),
          x.survivalV(), x.layerDied()));
    }
    Csv.write(file, List.of("learning_rate", "scope", "method", "lambda", "fraction", "survival_w", "survival_v",
        "layer_died"), rows);
  }

  static String pct(double f) {
    return String.format(Locale.ROOT, "%s %%", NnCharts.fmt(100 * f).replaceAll("\\.?0+$", ""));
  }

  static List<LambdaSweep.Row> rowsAt(NnExperiment.Results r, double lr) {
    return r.sweep().rows().stream().filter(x -> x.learningRate() == lr).toList();
  }

  static double pick(LayerTotals t, int layer) {
    return layer == 0 ? t.w() : t.v();
  }
}
