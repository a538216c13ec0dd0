package dev.prunebench.hessianbias;

import dev.prunebench.linalg.LeastSquaresAlgorithm;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.theory.PplsParameters;
import dev.prunebench.theory.Theorem43Bounds;
import dev.prunebench.theory.Theorem43Envelope;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs the sweep of {@link HessianBiasConfig}: for every scale ratio ρ, builds
 * {@code X₁ = √ρ G₁, X₂ = G₂/√ρ}, computes the PPLS parameters through the backend, runs gradient
 * descent to convergence recording every iterate, evaluates the bounds of Theorem 4.3 and
 * Proposition B.2 at the last iterate, and measures GD's distance to the backend's min-norm limit.
 */
public final class HessianBiasExperiment {
  private HessianBiasExperiment() {}

  /** The results, one point per ratio in the order of {@code config.ratios()}. */
  public record Result(HessianBiasConfig config, List<HessianBiasPoint> points) {
    public Result {
      points = List.copyOf(points);
    }
  }

  public static Result run(HessianBiasConfig config) {
    return run(config.backend().create(), config, ratio -> { });
  }

  /** As {@link #run(HessianBiasConfig)}, calling {@code onRatio} after each ratio's gradient descent. */
  public static Result run(HessianBiasConfig config, java.util.function.DoubleConsumer onRatio) {
    return run(config.backend().create(), config, onRatio);
  }

  /** Runs the sweep on an already created backend (the generic capture keeps M native). */
  public static <M> Result run(LinearAlgebraBackend<M> backend, HessianBiasConfig config) {
    return run(backend, config, ratio -> { });
  }

  private static <M> Result run(LinearAlgebraBackend<M> backend, HessianBiasConfig config,
      java.util.function.DoubleConsumer onRatio) {
    List<HessianBiasPoint> points = new ArrayList<>();
    for (double ratio : config.ratios()) {
      GroupedDesign design = GroupedDesign.scaledGaussian(config.seed(), config.samples(), config.groupSizes(),
          HessianBiasConfig.scales(ratio));
      points.add(point(backend, design, ratio, config.init().draw(design, config.initSeed()),
          config.gradientDescent()));
      onRatio.accept(ratio);
    }
    return new Result(config, points);
  }

  /** One ratio: GD, bounds at the last iterate, and the min-norm limit check. */
  public static <M> HessianBiasPoint point(LinearAlgebraBackend<M> backend, GroupedDesign design, double ratio,
      double[] theta0, GradientDescentSettings settings) {
    GradientDescentTrace trace = GradientDescent.run(backend, design, theta0, settings);
    PplsParameters ppls = trace.ppls();
    Theorem43Envelope[] env = new Theorem43Envelope[design.groupCount()];
    for (int i = 0; i < env.length; i++) {
      env[i] = Theorem43Bounds.envelope(ppls, i, trace.eta(), trace.last(), trace.loss0());
    }
    double[] limit = MinNormLimit.solve(backend, design, theta0, LeastSquaresAlgorithm.DEFAULT);
    double dist = 0;
    for (int k = 0; k < limit.length; k++) {
      double e = trace.thetaFinal()[k] - limit[k];
      dist += e * e;
    }
    return new HessianBiasPoint(ratio, trace, env, Math.sqrt(dist), trace.distanceToLimitBound());
  }
}
