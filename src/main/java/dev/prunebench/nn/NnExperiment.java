package dev.prunebench.nn;

import dev.prunebench.data.Digits;
import dev.prunebench.data.StratifiedSplit;
import dev.prunebench.linalg.BackendInfo;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.util.ThreadPolicy;
import java.util.List;

/**
 * The Section 4 experiments end to end: split the digits, run the λ sweep (Figure 2), then prune
 * the networks trained at the first learning rate globally (Figure 3) and layer-wise (Figure 4).
 */
public final class NnExperiment {
  private NnExperiment() {}

  /**
   * Everything a report needs.
   *
   * @param config the run's configuration
   * @param backendInfo what actually ran the kernels
   * @param sweep Figure 2
   * @param pruning Figures 3 and 4
   * @param sweepSeconds wall-clock time of the λ sweep (all learning rates)
   * @param hessianCheck closed-form Hessian diagonal vs finite differences on the trained network
   *     closest to λ = 1 (first learning rate), over the first 256 training digits
   * @param totalSeconds wall-clock time of the whole run, data split included
   * @param threadPolicy how the independent trainings and the kernels shared the cores
   */
  public record Results(NnConfig config, BackendInfo backendInfo, LambdaSweep.Result sweep,
      PruningExperiment.Result pruning, HessianCheck.Result hessianCheck, double sweepSeconds,
      double totalSeconds, ThreadPolicy threadPolicy) {}

  /**
   * @param all the 10,000 digits (or any labelled set of the same shape)
   * @param retrain whether to run lottery retraining
   */
  public static Results run(LinearAlgebraBackend<?> backend, NnConfig cfg, Digits all, boolean retrain,
      Trainer.Listener listener) {
    return run(backend, cfg, all, retrain, listener, ThreadPolicy.KERNELS);
  }

  /**
   * As {@link #run(LinearAlgebraBackend, NnConfig, Digits, boolean, Trainer.Listener)}, with the
   * trainings, Hessian diagonals and retrainings run as independent jobs under {@code policy}. The
   * caller builds {@code backend} with {@link ThreadPolicy#kernelParallelism()}; the results do not
   * depend on the policy.
   */
  public static Results run(LinearAlgebraBackend<?> backend, NnConfig cfg, Digits all, boolean retrain,
      Trainer.Listener listener, ThreadPolicy policy) {
    long t0 = System.nanoTime();
    StratifiedSplit.Split split = StratifiedSplit.split(all, cfg.trainSize(), cfg.testSize(), cfg.splitSeed());
    LambdaSweep.Result sweep = LambdaSweep.run(backend, cfg, split.train(), split.test(), listener, policy);
    double sweepSeconds = (System.nanoTime() - t0) / 1e9;
    PruningExperiment.Result pruning = PruningExperiment.run(backend, cfg, sweep.runsAt(cfg.learningRates().get(0)),
        split.train(), split.test(), List.of(PruningScope.GLOBAL, PruningScope.LAYERWISE), retrain, listener, policy);
    LambdaSweep.Run mid = sweep.runsAt(cfg.learningRates().get(0)).stream()
        .min(java.util.Comparator.comparingDouble(x -> Math.abs(Math.log(x.lambda())))).orElseThrow();
    int[] first = java.util.stream.IntStream.range(0, Math.min(256, split.train().size())).toArray();
    HessianCheck.Result check = HessianCheck.run(backend, mid.training().params(), split.train().subset(first), 10, 7);
    return new Results(cfg, backend.info(), sweep, pruning, check, sweepSeconds, (System.nanoTime() - t0) / 1e9,
        policy);
  }
}
