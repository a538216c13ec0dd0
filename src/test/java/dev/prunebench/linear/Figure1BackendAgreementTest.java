package dev.prunebench.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.prunebench.linalg.Backend;
import dev.prunebench.linalg.LeastSquaresAlgorithm;
import dev.prunebench.linalg.Parallelism;
import dev.prunebench.theory.HNormalisation;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code --backend} changes the speed, and the numbers only by rounding. */
class Figure1BackendAgreementTest {

  static Stream<Backend> backends() {
    return Stream.of(Backend.available()).filter(b -> b != Backend.REFERENCE);
  }

  private static Figure1Config small(Backend b) {
    return new Figure1Config(120, 72, 0.1, ThetaProfile.POLYNOMIAL, 0.1, List.of(0.5, 5.0),
        Figure1Config.uniformGrid(10), 3, 10, 77, b, Parallelism.SINGLE, LeastSquaresAlgorithm.DEFAULT,
        HessianSource.EMPIRICAL, HNormalisation.PER_P);
  }

  // No invocation while the reference backend is the only one available.
  @ParameterizedTest(allowZeroInvocations = true)
  @MethodSource("backends")
  void everyBackendReproducesTheReferenceNumbersUpToRounding(Backend backend) {
    Figure1Result ref = Figure1Experiment.run(small(Backend.REFERENCE), Figure1Experiment.Progress.NONE);
    Figure1Result other = Figure1Experiment.run(small(backend), Figure1Experiment.Progress.NONE);
    for (int k = 0; k < ref.pruning().size(); k++) {
      Figure1Result.PruningPoint a = ref.pruning().get(k);
      Figure1Result.PruningPoint b = other.pruning().get(k);
      // Same seeds and the same kept sets (continuous data: no importance is within rounding of
      // another), so the only difference is the solve's rounding. Measured on the full Figure 1 run
      // (p = 1000, 50 trials): ejml and commons-math differ from reference by ≤ 6e-16 in every mean;
      // 1e-9 leaves room for a backend whose different algorithm flips no kept set.
      assertThat(b.analytic().mean()).isEqualTo(a.analytic().mean());
      assertThat(b.empirical().mean()).isCloseTo(a.empirical().mean(), within(1e-9));
    }
    for (int k = 0; k < ref.importance().size(); k++) {
      assertThat(other.importance().get(k).trainingNi().mean())
          .isCloseTo(ref.importance().get(k).trainingNi().mean(), within(1e-9));
    }
  }
}
