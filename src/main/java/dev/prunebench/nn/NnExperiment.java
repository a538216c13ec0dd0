package dev.prunebench.nn;

import dev.prunebench.data.Digits;
import dev.prunebench.data.StratifiedSplit;
import dev.prunebench.linalg.BackendInfo;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.util.Progress;
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
    return run(backend, cfg, all, retrain, listener, ThreadPolicy.KERNELS, Progress.none());
  }

  /**
   * As {@link #run(LinearAlgebraBackend, NnConfig, Digits, boolean, Trainer.Listener)}, with the
   * trainings, Hessian diagonals and retrainings run as independent jobs under {@code policy}, reporting
   * two stages to {@code progress}: the λ sweep (one step per training) and the pruning (one step per
   * point), with every epoch of every training as a heartbeat. The caller builds {@code backend} with
   * {@link ThreadPolicy#kernelParallelism()}; the results do not depend on the policy.
   */
  public static Results run(LinearAlgebraBackend<?> backend, NnConfig cfg, Digits all, boolean retrain,
      Trainer.Listener listener, ThreadPolicy policy, Progress progress) {
    long t0 = System.nanoTime();
    Trainer.Listener heartbeat = (label, s) -> {
      listener.onEpoch(label, s);
      progress.tick(String.format(java.util.Locale.ROOT, "%s, epoch %d, loss %.4g, train acc %.4f", label,
          s.epoch(), s.trainLoss(), s.trainAccuracy()));
    };
    StratifiedSplit.Split split = StratifiedSplit.split(all, cfg.trainSize(), cfg.testSize(), cfg.splitSeed());
    progress.stage("λ sweep (trainings)", (long) cfg.learningRates().size() * cfg.lambdas().size());
    LambdaSweep.Result sweep = LambdaSweep.run(backend, cfg, split.train(), split.test(), heartbeat, policy,
        progress);
    double sweepSeconds = (System.nanoTime() - t0) / 1e9;
    List<PruningScope> scopes = List.of(PruningScope.GLOBAL, PruningScope.LAYERWISE);
    List<LambdaSweep.Run> first = sweep.runsAt(cfg.learningRates().get(0));
    progress.stage(retrain ? "pruning + lottery retraining" : "pruning",
        PruningExperiment.points(cfg, first.size(), scopes.size()));
    PruningExperiment.Result pruning = PruningExperiment.run(backend, cfg, first, split.train(), split.test(), scopes,
        retrain, heartbeat, policy, progress);
    LambdaSweep.Run mid = first.stream().filter(x -> LambdaSweep.finite(x.training().params()))
        .min(java.util.Comparator.comparingDouble(x -> Math.abs(Math.log(x.lambda())))).orElse(null);
    int[] head = java.util.stream.IntStream.range(0, Math.min(256, split.train().size())).toArray();
    progress.stage("Hessian check", 1);
    HessianCheck.Result check = mid == null ? HessianCheck.Result.notRun()
        : HessianCheck.run(backend, mid.training().params(), split.train().subset(head), 10, 7);
    progress.step("done");
    return new Results(cfg, backend.info(), sweep, pruning, check, sweepSeconds, (System.nanoTime() - t0) / 1e9,
        policy);
  }
}
