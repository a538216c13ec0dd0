package dev.prunebench.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunebench.data.Digits;
import dev.prunebench.linalg.Backend;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Parallelism;
import dev.prunebench.report.Claim;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A diverged training is reported as diverged: marked rows, no "holds", and no silent result. */
class DivergenceTest {
  @TempDir Path dir;

  private static final LinearAlgebraBackend<?> REF = Backend.REFERENCE.create(Parallelism.SINGLE);

  @Test
  void learningRateOneThousandIsReportedAsDivergedEverywhere() throws IOException {
    Digits all = TestData.clusters(300, 20, 4, 0.9, 101, true);
    NnConfig cfg = new NnConfig(NnConfig.Preset.QUICK, Backend.REFERENCE, 16, 200, 100, 1, 2,
        List.of(0.5, 1.0, 2.0), List.of(1000.0), 0.9, 32, 10, List.of(0.1), 2, 0.1, 3);
    NnExperiment.Results r = NnExperiment.run(REF, cfg, all, true, Trainer.Listener.SILENT);
    NnReport.write(r, dir, "test");

    assertThat(r.sweep().rows()).allMatch(LambdaSweep.Row::diverged);
    assertThat(r.pruning().rows()).allMatch(PruningExperiment.Row::diverged);
    List<String> fig2 = Files.readAllLines(dir.resolve("fig2_importance.csv"));
    assertThat(fig2.get(0)).endsWith(",status");
    assertThat(fig2.subList(1, fig2.size())).allMatch(l -> l.endsWith(",diverged"));
    List<String> pruning = Files.readAllLines(dir.resolve("fig3_fig4_pruning.csv"));
    assertThat(pruning.subList(1, pruning.size())).isNotEmpty().allMatch(l -> l.endsWith(",diverged"));
    List<Claim> claims = NnClaims.evaluate(r);
    assertThat(claims).isNotEmpty().allMatch(c -> c.verdict() == Claim.Verdict.NOT_JUDGED);
    assertThat(dev.prunebench.report.Claims.read(dir.resolve("claims.csv"))).isEqualTo(claims);
    assertThat(Files.readString(dir.resolve("README.md"))).contains("trainings diverged").contains("**not judged**");
  }

  /** Weights that overflow to NaN cannot be measured or pruned: every row says so and the report is written. */
  @Test
  void anOverflowingSweepStillWritesAReportMarkedDiverged() throws IOException {
    Digits all = TestData.clusters(200, 20, 4, 0.9, 102, true);
    NnConfig cfg = new NnConfig(NnConfig.Preset.QUICK, Backend.REFERENCE, 16, 100, 50, 1, 2, List.of(1.0),
        List.of(1e150), 0.9, 32, 5, List.of(0.1), 2, 0.1, 3);
    NnExperiment.Results r = NnExperiment.run(REF, cfg, all, true, Trainer.Listener.SILENT);
    NnReport.write(r, dir, "test");
    assertThat(r.sweep().rows()).singleElement().satisfies(x -> {
      assertThat(x.diverged()).isTrue();
      assertThat(x.train().loss()).isNaN();
    });
    assertThat(r.pruning().rows()).isNotEmpty().allMatch(PruningExperiment.Row::diverged);
    assertThat(r.hessianCheck().entriesW()).isZero();
    assertThat(Files.readAllLines(dir.resolve("fig2_importance.csv")).get(1)).endsWith(",diverged");
    assertThat(NnClaims.evaluate(r)).noneMatch(c -> c.verdict() == Claim.Verdict.HOLDS);
  }

  @Test
  void theTrainerStopsAtTheFirstNonFiniteEpoch() {
    Digits data = TestData.clusters(120, 20, 4, 0.9, 7, true);
    NetParams he = NetParams.heNormal(20, 16, 4, 3);
    NetParams init = new NetParams(times(he.w(), 1e150), times(he.v(), 1e150));
    TrainingResult r = Trainer.train(REF, init, data, new SgdConfig(1e100, 0.9, 16, 50, 5), "t",
        Trainer.Listener.SILENT);
    assertThat(r.diverged()).isTrue();
    // Weights of 1e150 and η = 1e100: the first step makes them 1e250 and the next forward pass overflows,
    // so epoch 1 ends non-finite, and it is the last epoch.
    assertThat(r.last().trainLoss()).isNaN();
    assertThat(r.history().stream().filter(s -> !Double.isFinite(s.trainLoss()))).hasSize(1);
    assertThat(r.epochs()).isEqualTo(1);
    assertThat(LambdaSweep.finite(r.params())).isFalse();
  }

  private static dev.prunebench.linalg.Matrix times(dev.prunebench.linalg.Matrix m, double c) {
    double[] a = m.toArray();
    for (int i = 0; i < a.length; i++) {
      a[i] *= c;
    }
    return dev.prunebench.linalg.Matrix.wrap(m.rows(), m.cols(), a);
  }

  @Test
  void theChanceRuleSparesMaskedRetrainingAndConvergedRuns() {
    EpochStats chance = new EpochStats(5, Math.log(10), 0.1);
    assertThat(TrainingResult.diverged(chance, 10, false)).isTrue();
    // A pruning that killed a layer leaves chance accuracy: the paper's finding, not a divergence.
    assertThat(TrainingResult.diverged(chance, 10, true)).isFalse();
    assertThat(TrainingResult.diverged(new EpochStats(5, Double.NaN, 0.9), 10, true)).isTrue();
    assertThat(TrainingResult.diverged(new EpochStats(5, 0.3, 0.16), 10, false)).isFalse();
    assertThat(TrainingResult.diverged(new EpochStats(5, Double.POSITIVE_INFINITY, 0.5), 10, false)).isTrue();
  }

  @Test
  void aConvergedRunIsNotDiverged() {
    Digits data = TestData.clusters(120, 20, 4, 0.9, 7, true);
    TrainingResult r = Trainer.train(REF, NetParams.heNormal(20, 16, 4, 3), data, new SgdConfig(0.05, 0.9, 16, 50, 5),
        "t", Trainer.Listener.SILENT);
    assertThat(r.diverged()).isFalse();
  }
}
