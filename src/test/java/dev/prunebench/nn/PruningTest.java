package dev.prunebench.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunebench.data.Digits;
import dev.prunebench.linalg.Backend;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Parallelism;
import java.util.List;
import org.junit.jupiter.api.Test;

class PruningTest {
  private final LinearAlgebraBackend<?> reference = Backend.REFERENCE.create(Parallelism.SINGLE);

  @Test
  void layerwisePruningKeepsTheSameFractionOfEveryLayer() {
    NetParams net = NetParams.heNormal(30, 20, 5, 91).scaled(8);
    Pruning.Outcome o = Pruning.prune(reference, net, null, ImportanceKind.MAGNITUDE, PruningScope.LAYERWISE, 0.1);
    assertThat(o.survivalW()).isEqualTo(60 / 600.0);
    assertThat(o.survivalV()).isEqualTo(10 / 100.0);
    assertThat(o.pruned().hadamard(o.mask())).isEqualTo(o.pruned());
  }

  @Test
  void globalMagnitudePruningOfAScaledNetworkKeepsOnlyTheLargeLayer() {
    NetParams net = NetParams.heNormal(30, 20, 5, 92);
    Pruning.Outcome o = Pruning.prune(reference, net.scaled(8), null, ImportanceKind.MAGNITUDE,
        PruningScope.GLOBAL, 0.05);
    // W entries ~ 8·N(0, 2/30) dwarf V entries ~ N(0, 2/20)/8, so the 35 kept weights are all in W.
    assertThat(o.survivalV()).isZero();
    assertThat(o.layerDied()).isTrue();
    assertThat(o.survivalW() * 600).isEqualTo(35.0);
  }

  @Test
  void hessianPruningOfRescaledCopiesOfOneNetworkChoosesExactlyTheSameWeights() {
    Digits data = TestData.clusters(60, 20, 4, 0.8, 97);
    NetParams net = NetParams.heNormal(20, 16, 4, 98);
    NetParams h = TwoLayerNetwork.hessianDiagonal(reference, net, data);
    Pruning.Outcome hp1 = Pruning.prune(reference, net, h, ImportanceKind.HESSIAN, PruningScope.GLOBAL, 0.05);
    Pruning.Outcome mp1 = Pruning.prune(reference, net, h, ImportanceKind.MAGNITUDE, PruningScope.GLOBAL, 0.05);
    for (double lambda : new double[] {0.125, 8}) {
      NetParams scaled = net.scaled(lambda);
      NetParams hs = TwoLayerNetwork.hessianDiagonal(reference, scaled, data);
      // Lemma 4.1 (4.2): HI is invariant, and for a power-of-two λ bit for bit, so the mask is identical.
      assertThat(Pruning.prune(reference, scaled, hs, ImportanceKind.HESSIAN, PruningScope.GLOBAL, 0.05).mask())
          .isEqualTo(hp1.mask());
      assertThat(Pruning.prune(reference, scaled, hs, ImportanceKind.MAGNITUDE, PruningScope.GLOBAL, 0.05).mask())
          .isNotEqualTo(mp1.mask());
    }
  }

  @Test
  void hessianPruningNeedsTheHessianDiagonal() {
    NetParams net = NetParams.heNormal(4, 3, 2, 93);
    assertThatThrownBy(() -> Pruning.prune(reference, net, null, ImportanceKind.HESSIAN, PruningScope.GLOBAL, 0.5))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("hessianDiagonal");
    assertThatThrownBy(() -> Pruning.prune(reference, net, null, ImportanceKind.MAGNITUDE, PruningScope.GLOBAL, 0))
        .hasMessageContaining("fraction").hasMessageContaining("0.0");
  }

  /**
   * The paper's Figure 3c claim on a small fixed-seed run: networks trained from θ^λ_init for
   * λ ∈ {1/8, 1, 8} and pruned globally to 1 % — HP's per-layer survival varies far less over λ than
   * MP's, and MP kills a whole layer at an extreme λ.
   */
  @Test
  void hessianPruningSurvivalIsStableOverLambdaWhileMagnitudePruningKillsALayer() {
    Digits data = TestData.clusters(200, 100, 5, 1.0, 94, true);
    NetParams base = NetParams.heNormal(100, 128, 5, 95);
    List<Double> lambdas = List.of(0.125, 1.0, 8.0);
    double[][] mp = new double[lambdas.size()][];
    double[][] hp = new double[lambdas.size()][];
    for (int i = 0; i < lambdas.size(); i++) {
      TrainingResult tr = Trainer.train(reference, base.scaled(lambdas.get(i)), data,
          new SgdConfig(0.002, 0.9, 32, 150, 96), "λ", Trainer.Listener.SILENT);
      assertThat(tr.interpolated()).isTrue();
      NetParams fin = tr.params();
      NetParams h = TwoLayerNetwork.hessianDiagonal(reference, fin, data);
      Pruning.Outcome m = Pruning.prune(reference, fin, h, ImportanceKind.MAGNITUDE, PruningScope.GLOBAL, 0.01);
      Pruning.Outcome hh = Pruning.prune(reference, fin, h, ImportanceKind.HESSIAN, PruningScope.GLOBAL, 0.01);
      mp[i] = new double[] {m.survivalW(), m.survivalV()};
      hp[i] = new double[] {hh.survivalW(), hh.survivalV()};
      System.out.printf("λ=%g  MP survival W %.4f V %.4f   HP survival W %.4f V %.4f%n", lambdas.get(i), mp[i][0],
          mp[i][1], hp[i][0], hp[i][1]);
    }
    for (int layer = 0; layer < 2; layer++) {
      double mpSpread = spread(mp, layer);
      double hpSpread = spread(hp, layer);
      // Measured (this seed): W spread HP 0.0021 vs MP 0.0105, V spread HP 0.037 vs MP 0.209, both ≈ 5x.
      // HP is not exactly invariant here, because θ_final^λ moves away from θ_init^λ differently for each
      // λ at a fixed learning rate; Lemma 4.1 only makes it exact for rescalings of one network.
      assertThat(hpSpread).as("layer %d: HP spread vs MP spread %s", layer, mpSpread).isLessThan(mpSpread / 3);
    }
    assertThat(mp[2][1]).as("MP at λ = 8 keeps no output weight").isZero();
    assertThat(mp[0][0]).as("MP at λ = 1/8 keeps no input weight").isZero();
    assertThat(hp[0][0] > 0 && hp[0][1] > 0 && hp[2][0] > 0 && hp[2][1] > 0).as("HP keeps both layers").isTrue();
  }

  private static double spread(double[][] survival, int layer) {
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    for (double[] s : survival) {
      min = Math.min(min, s[layer]);
      max = Math.max(max, s[layer]);
    }
    return max - min;
  }
}
