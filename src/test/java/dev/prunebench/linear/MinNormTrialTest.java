package dev.prunebench.linear;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.prunebench.linalg.Backend;
import dev.prunebench.linalg.LeastSquaresAlgorithm;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.linalg.Parallelism;
import dev.prunebench.prune.NaturalImportance;
import dev.prunebench.prune.QuadraticLoss;
import dev.prunebench.prune.Thresholder;
import dev.prunebench.util.Rng;
import java.util.random.RandomGenerator;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Eq. 3.2 and the trial kernels, on every available backend. */
class MinNormTrialTest {

  static Stream<Backend> backends() {
    return Stream.of(Backend.available());
  }

  private static LinearAlgebraBackend<?> create(Backend b) {
    return b.create(Parallelism.SINGLE);
  }

  /** Λ with entries spread over two decades, so that Λ⁻¹ visibly changes θ. */
  private static LinearModel model(int p, int n, long seed) {
    RandomGenerator rng = Rng.of(seed);
    double[] lambda = new double[p];
    for (int i = 0; i < p; i++) {
      lambda[i] = Math.pow(10, 2 * rng.nextDouble() - 1);
    }
    return new LinearModel(lambda, ThetaProfile.POLYNOMIAL.vector(p), 0.1, n);
  }

  private static double relDiff(double[] a, double[] b) {
    double num = 0;
    double den = 0;
    for (int i = 0; i < a.length; i++) {
      num += (a[i] - b[i]) * (a[i] - b[i]);
      den += b[i] * b[i];
    }
    return Math.sqrt(num / den);
  }

  @ParameterizedTest
  @MethodSource("backends")
  void overdeterminedSolutionIsTheUnscaledOneDividedByLambda(Backend backend) {
    int p = 30;
    int n = 80;
    LinearModel m = model(p, n, 1);
    LinearModel.Sample s = m.sample(Rng.of(2));
    LinearAlgebraBackend<?> b = create(backend);
    double[] scaled = MinNormTrial.run(b, m.scaledDesign(s.x()), s.y(), LeastSquaresAlgorithm.QR, false,
        new int[0]).thetaHat();
    double[] plain = MinNormTrial.run(b, s.x(), s.y(), LeastSquaresAlgorithm.QR, false, new int[0]).thetaHat();
    double[] expected = new double[p];
    double[] lambda = m.lambda();
    for (int i = 0; i < p; i++) {
      expected[i] = plain[i] / lambda[i];
    }
    // QR is backward stable: relative error ≲ cond(X_Λ)·ε. Measured 1.2e-15 on the reference
    // backend; 1e-10 leaves room for every backend's QR and for other seeds.
    assertThat(relDiff(scaled, expected)).isLessThan(1e-10);
  }

  @ParameterizedTest
  @MethodSource("backends")
  void underdeterminedSolutionEqualsTheClosedFormOfEquation32(Backend backend) {
    int p = 60;
    int n = 25;
    LinearModel m = model(p, n, 3);
    LinearModel.Sample s = m.sample(Rng.of(4));
    double[] lambda = m.lambda();
    // θ̂^Λ = Λ Xᵀ (X Λ² Xᵀ)⁻¹ y, computed here in plain Java with Gaussian elimination (partial pivoting).
    double[][] x = s.x().toRows();
    double[][] g = new double[n][n + 1];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < n; j++) {
        double v = 0;
        for (int k = 0; k < p; k++) {
          v += x[i][k] * lambda[k] * lambda[k] * x[j][k];
        }
        g[i][j] = v;
      }
      g[i][n] = s.y()[i];
    }
    double[] w = solve(g);
    double[] expected = new double[p];
    for (int k = 0; k < p; k++) {
      double v = 0;
      for (int i = 0; i < n; i++) {
        v += x[i][k] * w[i];
      }
      expected[k] = lambda[k] * v;
    }
    for (LeastSquaresAlgorithm alg : LeastSquaresAlgorithm.values()) {
      double[] got = MinNormTrial.run(create(backend), m.scaledDesign(s.x()), s.y(), alg, false, new int[0])
          .thetaHat();
      // Reference backend: Cholesky, QR and SVD agree to 6e-15 (measured); the Gram system here has
      // cond ≈ cond(X_Λ)² ≈ 1e4, so 1e-9 is a wide margin for every backend and algorithm.
      assertThat(relDiff(got, expected)).as("%s", alg).isLessThan(1e-9);
    }
  }

  @ParameterizedTest
  @MethodSource("backends")
  void trainingNaturalImportanceMatchesTheQuadraticLoss(Backend backend) {
    LinearModel m = model(40, 15, 5);
    LinearModel.Sample s = m.sample(Rng.of(6));
    Matrix xl = m.scaledDesign(s.x());
    int[] counts = {0, 3, 10, 40};
    MinNormTrial.Outcome out = MinNormTrial.run(create(backend), xl, s.y(), LeastSquaresAlgorithm.DEFAULT, true,
        counts);
    QuadraticLoss training = QuadraticLoss.training(xl, s.y());
    for (int k = 0; k < counts.length; k++) {
      double expected = training.naturalImportance(out.thetaHat(), new double[40], NaturalImportance.firstIndices(counts[k]));
      // O(1) losses from residuals of an interpolating solve: agreement to ~1e-12 absolute.
      assertThat(out.trainingNi()[k]).isCloseTo(expected, within(1e-9));
    }
    // n < p: θ̂^Λ interpolates, residuals are rounding (~1e-15), so the loss is ~1e-30; 1e-12 is loose.
    assertThat(out.trainingLoss()).isLessThan(1e-12);
    assertThat(out.hessianDiagonal()).hasSize(40);
    double[] h = training.hessianDiagonal();
    for (int i = 0; i < 40; i++) {
      assertThat(out.hessianDiagonal()[i]).isCloseTo(h[i], within(1e-12 * h[i]));
    }
  }

  @ParameterizedTest
  @MethodSource("backends")
  void backendThresholdingAgreesWithTheSharedSelectionIncludingTies(Backend backend) {
    RandomGenerator rng = Rng.of(8);
    double[] w = new double[200];
    for (int i = 0; i < w.length; i++) {
      w[i] = Math.round(rng.nextGaussian() * 4) / 4.0; // many exact ties
    }
    Thresholder on = Thresholder.on(create(backend));
    for (int s : new int[] {0, 1, 17, 100, 199, 200}) {
      assertThat(on.magnitudePrune(w, s)).containsExactly(Thresholder.shared().magnitudePrune(w, s));
    }
    double[] importance = dev.prunebench.prune.Importance.magnitude(w);
    assertThat(on.keepMaskPerGroup(importance, new int[] {50, 150}, 0.3))
        .containsExactly(Thresholder.shared().keepMaskPerGroup(importance, new int[] {50, 150}, 0.3));
  }

  /** Gaussian elimination with partial pivoting on an augmented n x (n+1) matrix; overwrites it. */
  private static double[] solve(double[][] a) {
    int n = a.length;
    for (int c = 0; c < n; c++) {
      int piv = c;
      for (int r = c + 1; r < n; r++) {
        if (Math.abs(a[r][c]) > Math.abs(a[piv][c])) {
          piv = r;
        }
      }
      double[] t = a[c];
      a[c] = a[piv];
      a[piv] = t;
      for (int r = c + 1; r < n; r++) {
        double f = a[r][c] / a[c][c];
        for (int k = c; k <= n; k++) {
          a[r][k] -= f * a[c][k];
        }
      }
    }
    double[] x = new double[n];
    for (int r = n - 1; r >= 0; r--) {
      double v = a[r][n];
      for (int k = r + 1; k < n; k++) {
        v -= a[r][k] * x[k];
      }
      x[r] = v / a[r][r];
    }
    return x;
  }
}
