package dev.prunebench.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunebench.data.Digits;
import dev.prunebench.linalg.Backend;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.linalg.Parallelism;
import org.junit.jupiter.api.Test;

class TrainerTest {
  private final LinearAlgebraBackend<?> reference = Backend.REFERENCE.create(Parallelism.SINGLE);
  private final Digits data = TestData.clusters(120, 16, 4, 0.9, 71);
  private final NetParams init = NetParams.heNormal(16, 24, 4, 72);
  private final SgdConfig sgd = new SgdConfig(0.05, 0.9, 16, 150, 73);

  @Test
  void trainsUntilEveryTrainingPointIsClassifiedCorrectly() {
    TrainingResult r = Trainer.train(reference, init, data, sgd, "t", Trainer.Listener.SILENT);
    assertThat(r.interpolated()).isTrue();
    assertThat(r.last().trainAccuracy()).isEqualTo(1.0);
    assertThat(r.epochs()).isBetween(1, 150);
    assertThat(r.history()).hasSize(r.epochs() + 1);
    assertThat(TwoLayerNetwork.evaluate(reference, r.params(), data).error()).isZero();
  }

  @Test
  void theSameSeedOnTheSameBackendGivesTheSameWeightsBitForBit() {
    NetParams a = Trainer.train(reference, init, data, sgd, "a", Trainer.Listener.SILENT).params();
    NetParams b = Trainer.train(reference, init, data, sgd, "b", Trainer.Listener.SILENT).params();
    assertThat(a).isEqualTo(b);
    NetParams c = Trainer.train(reference, init, data, new SgdConfig(0.05, 0.9, 16, 150, 74), "c",
        Trainer.Listener.SILENT).params();
    assertThat(c).as("another shuffle seed gives other weights").isNotEqualTo(a);
  }

  @Test
  void maskedRetrainingKeepsPrunedWeightsExactlyZero() {
    NetParams fin = Trainer.train(reference, init, data, sgd, "t", Trainer.Listener.SILENT).params();
    NetParams h = TwoLayerNetwork.hessianDiagonal(reference, fin, data);
    Pruning.Outcome o = Pruning.prune(reference, fin, h, ImportanceKind.HESSIAN, PruningScope.GLOBAL, 0.2);
    TrainingResult r = Trainer.trainMasked(reference, init, o.mask(), data, sgd.withMaxEpochs(5), "m",
        Trainer.Listener.SILENT);
    Matrix w = r.params().flatten();
    Matrix mask = o.mask().flatten();
    int kept = 0;
    for (int k = 0; k < w.size(); k++) {
      if (mask.getFlat(k) == 0) {
        assertThat(w.getFlat(k)).isZero();
      } else {
        kept++;
      }
    }
    assertThat(kept).isEqualTo(Pruning.keepCount(w.size(), 0.2));
    assertThat(r.last().trainAccuracy()).as("the sparse net still learns").isGreaterThan(0.9);
  }

  @Test
  void rejectsDataOfAnotherShape() {
    Digits other = TestData.clusters(20, 9, 4, 1, 75);
    assertThatThrownBy(() -> Trainer.train(reference, init, other, sgd, "x", Trainer.Listener.SILENT))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("d=16").hasMessageContaining("d=9");
  }

  @Test
  void rejectsBadSettingsNamingTheValue() {
    assertThatThrownBy(() -> new SgdConfig(0, 0.9, 16, 10, 1)).hasMessageContaining("learningRate")
        .hasMessageContaining("0.0");
    assertThatThrownBy(() -> new SgdConfig(0.1, 1.0, 16, 10, 1)).hasMessageContaining("momentum");
    assertThatThrownBy(() -> new SgdConfig(0.1, 0.9, 0, 10, 1)).hasMessageContaining("batchSize");
    assertThatThrownBy(() -> init.scaled(-1)).hasMessageContaining("lambda").hasMessageContaining("-1");
  }
}
