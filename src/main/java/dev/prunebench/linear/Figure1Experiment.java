package dev.prunebench.linear;

import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.prune.Importance;
import dev.prunebench.prune.PruningMethod;
import dev.prunebench.prune.Thresholder;
import dev.prunebench.theory.AnalyticPruningLoss;
import dev.prunebench.theory.AuxiliaryDistribution;
import dev.prunebench.theory.ClosedForms;
import dev.prunebench.theory.Estimate;
import dev.prunebench.theory.HNormalisation;
import dev.prunebench.theory.PopulationLoss;
import dev.prunebench.util.Rng;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * Runs the Figure 1 experiment of paper Section 3.1.
 *
 * <p>Analytic curves: for each λ, Definition 3.2 is solved and the MP and HP losses after eq. 3.4
 * are estimated with {@code draws} samples of h ({@link AnalyticPruningLoss}). Empirical markers:
 * {@code trials} data sets (X, z) are drawn once and shared by every λ (common random numbers make
 * the λ comparison sharper); for each, {@code θ̂^Λ = X_Λ⁺ y} is solved on the configured backend,
 * pruned by MP ({@code θ²}) and HP ({@code ½ diag(∇²L) θ²}) through the backend's thresholding kernel
 * at each sparsity, and its test loss {@code ‖Λ Π_s(θ̂^Λ) − θ̄‖² + σ²} recorded. Figure 1c records
 * the test NI of θ̄ and the training NI of θ̂^Λ for the first s weights.
 *
 * <p>Seeds: {@code Rng.of(seed)} is split once for the analytic draws (then once per λ) and once per
 * trial, in that order, so a configuration always gives the same numbers on one backend; another
 * backend changes them only by rounding.
 */
public final class Figure1Experiment {
  private Figure1Experiment() {}

  /** Receives one tick per unit of work (one analytic curve or one min-norm solve). */
  @FunctionalInterface
  public interface Progress {
    void step(String what);

    Progress NONE = what -> {};
  }

  /** Units of work {@link #run} reports: one analytic curve and {@code trials} solves per λ. */
  public static int totalSteps(Figure1Config config) {
    return config.lambdas().size() * (1 + config.trials());
  }

  /** Runs the experiment on {@code config.backend()}. */
  public static Figure1Result run(Figure1Config config, Progress progress) {
    return run(config, config.backend().create(config.parallelism()), progress);
  }

  /** Runs the experiment on an already created backend (which must be {@code config.backend()}). */
  public static Figure1Result run(Figure1Config config, LinearAlgebraBackend<?> backend, Progress progress) {
    if (backend.info().backend() != config.backend()) {
      throw new IllegalArgumentException("backend: config names " + config.backend().cliName() + " but got "
          + backend.info().backend().cliName());
    }
    long start = System.nanoTime();
    int p = config.p();
    int[] counts = config.sparsityCounts();
    List<Double> lambdas = config.lambdas();
    int nl = lambdas.size();
    Thresholder thresholder = Thresholder.on(backend);
    RandomGenerator.SplittableGenerator root = Rng.of(config.seed());
    RandomGenerator.SplittableGenerator analyticRoot = root.split();

    LinearModel[] models = new LinearModel[nl];
    AuxiliaryDistribution[] aux = new AuxiliaryDistribution[nl];
    List<Map<PruningMethod, Estimate[]>> analytic = new ArrayList<>();
    for (int l = 0; l < nl; l++) {
      models[l] = LinearModel.of(config.lambdaProfile(lambdas.get(l)), config.theta(), p, config.n(),
          config.sigma());
      aux[l] = models[l].auxiliary(config.h());
      analytic.add(AnalyticPruningLoss.estimate(aux[l], counts, config.draws(), analyticRoot.split(),
          thresholder));
      progress.step("analytic " + models[l].p() + " λ=" + lambdas.get(l));
    }

    Estimate.Accumulator[][][] empirical = new Estimate.Accumulator[nl][2][counts.length];
    Estimate.Accumulator[][] trainNi = new Estimate.Accumulator[nl][counts.length];
    Estimate.Accumulator[] unpruned = new Estimate.Accumulator[nl];
    for (int l = 0; l < nl; l++) {
      unpruned[l] = new Estimate.Accumulator();
      for (int k = 0; k < counts.length; k++) {
        trainNi[l][k] = new Estimate.Accumulator();
        for (int m = 0; m < 2; m++) {
          empirical[l][m][k] = new Estimate.Accumulator();
        }
      }
    }
    boolean empiricalHessian = config.hessian() == HessianSource.EMPIRICAL;
    for (int t = 0; t < config.trials(); t++) {
      LinearModel.Sample sample = models[0].sample(root.split());
      for (int l = 0; l < nl; l++) {
        LinearModel model = models[l];
        Matrix xLambda = model.scaledDesign(sample.x());
        MinNormTrial.Outcome out = MinNormTrial.run(backend, xLambda, sample.y(), config.algorithm(),
            empiricalHessian, counts);
        PopulationLoss loss = model.populationLoss();
        double[] thetaHat = out.thetaHat();
        unpruned[l].add(loss.value(thetaHat));
        double[] hessianDiagonal = empiricalHessian ? out.hessianDiagonal() : loss.hessianDiagonal();
        double[] mpImportance = PruningMethod.MP.importance(thetaHat, null);
        double[] hpImportance = Importance.hessian(hessianDiagonal, thetaHat);
        for (int k = 0; k < counts.length; k++) {
          empirical[l][0][k].add(loss.value(thresholder.prune(thetaHat, mpImportance, counts[k])));
          empirical[l][1][k].add(loss.value(thresholder.prune(thetaHat, hpImportance, counts[k])));
          trainNi[l][k].add(out.trainingNi()[k]);
        }
        progress.step("trial " + (t + 1) + " λ=" + lambdas.get(l));
      }
    }

    double[] thetaBar = config.theta().vector(p);
    double[] prefixNorm2 = new double[p + 1];
    for (int i = 0; i < p; i++) {
      prefixNorm2[i + 1] = prefixNorm2[i] + thetaBar[i] * thetaBar[i];
    }
    List<Figure1Result.PruningPoint> points = new ArrayList<>();
    List<Figure1Result.ImportancePoint> importance = new ArrayList<>();
    List<Figure1Result.LambdaSummary> summaries = new ArrayList<>();
    Estimate isotropicEmpirical = null;
    for (int l = 0; l < nl; l++) {
      double lambda = lambdas.get(l);
      Figure1Result.PruningPoint worst = null;
      double maxRel = 0;
      double maxSe = 0;
      for (PruningMethod method : PruningMethod.values()) {
        for (int k = 0; k < counts.length; k++) {
          Figure1Result.PruningPoint pt = new Figure1Result.PruningPoint(lambda, counts[k], (double) counts[k] / p,
              method, analytic.get(l).get(method)[k], empirical[l][method.ordinal()][k].estimate());
          points.add(pt);
          double gap = Math.abs(pt.gap());
          if (worst == null || gap > Math.abs(worst.gap())) {
            worst = pt;
          }
          maxRel = Math.max(maxRel, gap / pt.empirical().mean());
          maxSe = Math.max(maxSe, pt.combinedSe() > 0 ? gap / pt.combinedSe() : 0);
        }
      }
      for (int k = 0; k < counts.length; k++) {
        // Lemma 3.1 with Σ = I: I^N_Δ(θ̄) = Σ_{i∈Δ} θ̄_i², whatever λ.
        importance.add(new Figure1Result.ImportancePoint(lambda, counts[k], (double) counts[k] / p,
            prefixNorm2[counts[k]], trainNi[l][k].estimate()));
      }
      Estimate unprunedEstimate = unpruned[l].estimate();
      if (lambda == 1.0 || config.fraction() == 0) {
        isotropicEmpirical = unprunedEstimate;
      }
      summaries.add(new Figure1Result.LambdaSummary(lambda, aux[l].xi(), aux[l].bigGamma(),
          aux[l].expectedTestLoss(), unprunedEstimate, Math.abs(worst.gap()), maxRel, maxSe, worst));
    }
    Figure1Result.IsotropicCheck isotropic = isotropicCheck(config, thetaBar, isotropicEmpirical);
    return new Figure1Result(config, points, importance, summaries, isotropic, backend.info(),
        Duration.ofNanos(System.nanoTime() - start));
  }

  private static Figure1Result.IsotropicCheck isotropicCheck(Figure1Config config, double[] thetaBar,
      Estimate empirical) {
    double[] ones = new double[config.p()];
    Arrays.fill(ones, 1.0);
    double r2 = 0;
    for (double v : thetaBar) {
      r2 += v * v;
    }
    double sigma2 = config.sigma() * config.sigma();
    Map<HNormalisation, Double> byH = new EnumMap<>(HNormalisation.class);
    for (HNormalisation h : HNormalisation.values()) {
      byH.put(h, AuxiliaryDistribution.solve(config.kappa(), ones, thetaBar, config.sigma(), h).expectedTestLoss());
    }
    return new Figure1Result.IsotropicCheck(
        sigma2 + ClosedForms.isotropicMinNormExcessRisk(r2, config.sigma(), config.kappa()),
        byH.get(HNormalisation.PER_P), byH.get(HNormalisation.PER_N), empirical);
  }
}
