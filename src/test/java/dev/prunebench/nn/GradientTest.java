package dev.prunebench.nn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunebench.data.Digits;
import dev.prunebench.linalg.Backend;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.linalg.Parallelism;
import org.junit.jupiter.api.Test;

class GradientTest {
  private final LinearAlgebraBackend<?> reference = Backend.REFERENCE.create(Parallelism.SINGLE);

  @Test
  void matchesCentralFiniteDifferencesOfTheLossInEveryEntry() {
    Digits data = TestData.clusters(15, 6, 4, 0.5, 51);
    NetParams net = NetParams.heNormal(6, 5, 4, 52);
    assertThat(new PlainNet(net, data).smallestPreActivation()).isGreaterThan(1e-3);
    double[] g = TwoLayerNetwork.gradient(reference, net, data).flatten().toArray();
    double[] theta = net.flatten().toArray();
    double step = 1e-5;
    double worst = 0;
    double gMax = 0;
    for (double v : g) {
      gMax = Math.max(gMax, Math.abs(v));
    }
    for (int j = 0; j < theta.length; j++) {
      double[] plus = theta.clone();
      double[] minus = theta.clone();
      plus[j] += step;
      minus[j] -= step;
      double fd = (loss(net, plus, data) - loss(net, minus, data)) / (2 * step);
      worst = Math.max(worst, Math.abs(fd - g[j]) / gMax);
    }
    System.out.printf("gradient vs central FD of the loss: max error / max|g| = %.3e%n", worst);
    // Truncation step²·|∂³L| ≈ 1e-10 plus rounding ε·L/step ≈ 1e-11; measured 1e-10 (some
    // gradient entries are tiny, so the error is relative to the largest entry).
    assertThat(worst).isLessThan(1e-7);
  }

  private double loss(NetParams shape, double[] theta, Digits data) {
    return TwoLayerNetwork.evaluate(reference, shape.unflatten(Matrix.wrap(1, theta.length, theta)), data).loss();
  }

  @Test
  void oneSgdStepIsTheSameOnEveryAvailableBackend() {
    Digits data = TestData.clusters(64, 10, 4, 0.6, 61);
    NetParams init = NetParams.heNormal(10, 12, 4, 62);
    SgdConfig oneEpochOneBatch = new SgdConfig(0.1, 0.9, 64, 1, 63);
    NetParams ref = Trainer.train(reference, init, data, oneEpochOneBatch, "ref", Trainer.Listener.SILENT).params();
    assertThat(ref.flatten().maxAbsDiff(init.flatten())).as("the step moved the weights").isGreaterThan(1e-3);
    for (Backend b : Backend.available()) {
      NetParams other = Trainer.train(b.create(Parallelism.SINGLE), init, data, oneEpochOneBatch, b.cliName(),
          Trainer.Listener.SILENT).params();
      // One step is a handful of GEMMs whose summation order differs between libraries: ≲ 64·ε
      // relative to weights of order 1; measured 1.1e-16 (ejml, commons-math vs reference); 1e-12
      // leaves a margin for FMA kernels.
      assertThat(other.flatten().maxAbsDiff(ref.flatten())).as(b.cliName()).isLessThan(1e-12);
    }
  }
}
