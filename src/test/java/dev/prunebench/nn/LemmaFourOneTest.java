package dev.prunebench.nn;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.prunebench.data.Digits;
import dev.prunebench.linalg.Backend;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.linalg.Parallelism;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Paper Lemma 4.1 on θ^λ = (λW, λ⁻¹V), for an untrained (He-normal) and a trained base network:
 * the network function is unchanged; MI of W scales as λ², of V as λ⁻²; HI of both layers is
 * invariant (eq. 4.2); the Hessian diagonal of W scales as λ⁻², of V as λ² (eq. 4.3).
 *
 * <p>Tolerance: λ ∈ {1/8, 1/2, 2, 8} are powers of two, and multiplying by a power of two is exact in
 * binary floating point and commutes with every rounding in the GEMMs, ReLU and softmax, so on one
 * backend every identity holds bit for bit (measured: 0). The assertions allow 1e-14 relative so
 * that a backend whose kernels may change their summation order between calls (multi-threaded BLAS)
 * still passes; a wrong power of λ is off by a factor ≥ 4.
 */
class LemmaFourOneTest {
  private static final LinearAlgebraBackend<?> REF = Backend.REFERENCE.create(Parallelism.SINGLE);
  private static final Digits DATA = TestData.clusters(80, 12, 4, 0.8, 81);
  private static final NetParams UNTRAINED = NetParams.heNormal(12, 20, 4, 82);
  private static final double TOL = 1e-14;

  static Stream<Arguments> cases() {
    NetParams trained = Trainer.train(REF, UNTRAINED, DATA, new SgdConfig(0.05, 0.9, 16, 150, 83), "base",
        Trainer.Listener.SILENT).params();
    return Stream.of(0.125, 0.5, 2.0, 8.0).flatMap(l -> Stream.of(
        Arguments.of("untrained", UNTRAINED, l), Arguments.of("trained", trained, l)));
  }

  @ParameterizedTest(name = "{0} network, λ = {2}")
  @MethodSource("cases")
  void scalingMovesMagnitudeBetweenLayersButKeepsFunctionAndHessianImportance(String which, NetParams base,
      double lambda) {
    NetParams scaled = base.scaled(lambda);

    Matrix z1 = TwoLayerNetwork.logits(REF, base, DATA.images());
    Matrix zl = TwoLayerNetwork.logits(REF, scaled, DATA.images());
    assertThat(zl.maxAbsDiff(z1)).isLessThanOrEqualTo(TOL * HessianDiagonalTest.maxAbs(z1));

    LayerTotals mi1 = Importance.totals(ImportanceKind.MAGNITUDE, base, null);
    LayerTotals mil = Importance.totals(ImportanceKind.MAGNITUDE, scaled, null);
    assertThat(mil.w()).isCloseTo(lambda * lambda * mi1.w(), within(TOL * lambda * lambda * mi1.w()));
    assertThat(mil.v()).isCloseTo(mi1.v() / (lambda * lambda), within(TOL * mi1.v() / (lambda * lambda)));

    NetParams h1 = TwoLayerNetwork.hessianDiagonal(REF, base, DATA);
    NetParams hl = TwoLayerNetwork.hessianDiagonal(REF, scaled, DATA);
    assertScaled(hl.w(), h1.w(), 1 / (lambda * lambda));
    assertScaled(hl.v(), h1.v(), lambda * lambda);

    LayerTotals hi1 = Importance.totals(ImportanceKind.HESSIAN, base, h1);
    LayerTotals hil = Importance.totals(ImportanceKind.HESSIAN, scaled, hl);
    assertThat(hil.w()).isCloseTo(hi1.w(), within(TOL * hi1.w()));
    assertThat(hil.v()).isCloseTo(hi1.v(), within(TOL * hi1.v()));
    assertThat(hi1.w()).isPositive();
  }

  private static void assertScaled(Matrix actual, Matrix base, double factor) {
    double max = HessianDiagonalTest.maxAbs(base) * factor;
    for (int k = 0; k < base.size(); k++) {
      assertThat(actual.getFlat(k)).isCloseTo(factor * base.getFlat(k), within(TOL * max));
    }
  }
}
