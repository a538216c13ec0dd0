package dev.prunebench.accuracy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.prunebench.cli.AccuracyCommand;
import dev.prunebench.linalg.Backend;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.linalg.TestBackends;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The accuracy check of {@code mvn verify}: recomputes the accuracy table at its (small) sizes and
 * fails when a ratio exceeds LAPACK's threshold of 30 where one applies, or grows more than 10x over
 * the committed baseline {@code reports/accuracy/baseline.csv}.
 */
class AccuracyRegressionTest {

  private static final Path BASELINE = Path.of("reports/accuracy/baseline.csv");

  @Test
  void everyBackendStaysWithinThresholdsAndItsBaseline() throws IOException {
    List<Backend> backends = new ArrayList<>();
    for (Backend b : TestBackends.selected()) {
      if (b.availability().available()) {
        backends.add(b);
      } else if (b != Backend.OPENBLAS) {
        fail("JVM backend %s must be available: %s", b.cliName(), b.availability().reason());
      }
    }
    List<AccuracyRow> now = AccuracyTable.measure(backends, AccuracyCommand.DEFAULT_SEED);
    List<AccuracyBaseline.Violation> v = AccuracyBaseline.check(now, AccuracyBaseline.read(BASELINE));
    assertThat(v).extracting(AccuracyBaseline.Violation::message).isEmpty();
  }

  private static AccuracyRow row(String backend, double ratio, double threshold) {
    return new AccuracyRow(backend, "min-norm-qr", "gaussian", 20, 32, "normal_residual", ratio, threshold);
  }

  @Test
  void ruleFlagsThresholdAndTenfoldGrowthAndNamesEverything() {
    List<AccuracyRow> base = List.of(row("ejml", 2.0, 30));
    assertThat(AccuracyBaseline.check(List.of(row("ejml", 3.0, 30)), base)).isEmpty();
    assertThat(AccuracyBaseline.check(List.of(row("ejml", 31.0, 30)), List.of(row("ejml", 29.0, 30))))
        .extracting(AccuracyBaseline.Violation::message).singleElement().asString()
        .contains("backend ejml", "kernel min-norm-qr", "class gaussian", "31.0", "threshold 30");
    assertThat(AccuracyBaseline.check(List.of(row("ejml", 25.0, Double.NaN)), base))
        .extracting(AccuracyBaseline.Violation::message).singleElement().asString()
        .contains("grew more than 10x", "25.0", "2.00");
    // below the floor of 0.01 a tenfold change is noise, not a regression; above it, it is flagged
    assertThat(AccuracyBaseline.check(List.of(row("ejml", 0.009, 30)), List.of(row("ejml", 0.0001, 30)))).isEmpty();
    assertThat(AccuracyBaseline.check(List.of(row("ejml", 0.5, 30)), List.of(row("ejml", 0.01, 30)))).hasSize(1);
    // a measurement that disappeared (e.g. a kernel now refuses) is reported
    assertThat(AccuracyBaseline.check(List.of(row("ejml", 1, 30)),
        List.of(row("ejml", 1, 30), new AccuracyRow("ejml", "min-norm-qr", "gaussian", 20, 32, "forward_error", 1, Double.NaN))))
        .hasSize(1);
  }

  @Test
  void measurementsWithoutABaselineRowFailInOneViolationListingTheFirstFiveAndTheCount() {
    // a backend the baseline has never seen is not waved through: the gate could not judge it
    List<AccuracyRow> now = new ArrayList<>();
    for (int i = 0; i < 7; i++) {
      now.add(new AccuracyRow("openblas", "min-norm-qr", "gaussian", 20 + i, 32, "normal_residual", 1, 30));
    }
    List<AccuracyBaseline.Violation> v = AccuracyBaseline.check(now, List.of(row("ejml", 1, 30)));
    assertThat(v).singleElement().satisfies(x -> {
      assertThat(x.kind()).isEqualTo(AccuracyBaseline.Kind.NOT_IN_BASELINE);
      assertThat(x.message()).contains("no row for 7 measurements made now", "backend openblas, kernel min-norm-qr, "
          + "class gaussian 20x32", "class gaussian 24x32", "; and 2 more").doesNotContain("25x32");
    });
  }

  @Test
  void highPrecisionReferenceSolvesAKnownSystemExactly() {
    // X = [1 0 1; 0 1 0]: X Xᵀ = diag(2, 1), so X⁺ = Xᵀ diag(1/2, 1) and θ* = X⁺ (2, 3)ᵀ = (1, 3, 1)
    Matrix x = Matrix.of(2, 3, 1, 0, 1, 0, 1, 0);
    Matrix theta = HighPrecision.minNormSolution(x, Matrix.column(2, 3));
    assertThat(theta).isEqualTo(Matrix.column(1, 3, 1));
    assertThat(HighPrecision.pseudoInverse(x)).isEqualTo(Matrix.of(3, 2, 0.5, 0, 0, 1, 0.5, 0));
  }
}
