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
 * every trained network globally (Figure 3) and layer-wise (Figure 4) and retrain it at its own
 * learning rate; optionally only one shard's part of the study ({@link NnShard}).
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
   * @param dimension d, the input dimension
   * @param classes K, the number of classes
   * @param shard the part of the study these results cover ({@link NnShard#WHOLE} for a whole or merged study)
   */
  public record Results(NnConfig config, BackendInfo backendInfo, LambdaSweep.Result sweep,
      PruningExperiment.Result pruning, HessianCheck.Result hessianCheck, double sweepSeconds,
      double totalSeconds, ThreadPolicy threadPolicy, int dimension, int classes, NnShard shard) {
    /** p = (d + K)·m, the network's number of weights. */
    public long parameters() {
      return (long) (dimension + classes) * config.width();
    }
  }

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
    return run(backend, cfg, all, retrain, listener, policy, progress, NnShard.WHOLE);
  }

  /**
   * As {@link #run(LinearAlgebraBackend, NnConfig, Digits, boolean, Trainer.Listener, ThreadPolicy,
   * Progress)} for the units {@code shard} owns: their trainings, Figure-2 rows, pruning and retraining,
   * and the Hessian check if the shard owns its unit ({@link NnShard#hessianCheckUnit}). Every number of
   * a unit is the same whichever shard computes it, so merged shards equal a whole run.
   */
  public static Results run(LinearAlgebraBackend<?> backend, NnConfig cfg, Digits all, boolean retrain,
      Trainer.Listener listener, ThreadPolicy policy, Progress progress, NnShard shard) {
    long t0 = System.nanoTime();
    Trainer.Listener heartbeat = (label, s) -> {
      listener.onEpoch(label, s);
      progress.tick(String.format(java.util.Locale.ROOT, "%s, epoch %d, loss %.4g, train acc %.4f", label,
          s.epoch(), s.trainLoss(), s.trainAccuracy()));
    };
    StratifiedSplit.Split split = StratifiedSplit.split(all, cfg.trainSize(), cfg.testSize(), cfg.splitSeed());
    List<NnShard.Unit> units = shard.units(cfg);
    progress.stage("λ sweep (trainings)", units.size());
    LambdaSweep.Result sweep = LambdaSweep.run(backend, cfg, units, split.train(), split.test(), heartbeat, policy,
        progress);
    double sweepSeconds = (System.nanoTime() - t0) / 1e9;
    List<PruningScope> scopes = List.of(PruningScope.GLOBAL, PruningScope.LAYERWISE);
    progress.stage(retrain ? "pruning + lottery retraining" : "pruning",
        PruningExperiment.points(cfg, sweep.runs().size(), scopes.size()));
    PruningExperiment.Result pruning = PruningExperiment.run(backend, cfg, sweep.runs(), split.train(), split.test(),
        scopes, retrain, heartbeat, policy, progress);
    NnShard.Unit checkUnit = NnShard.hessianCheckUnit(cfg);
    LambdaSweep.Run mid = sweep.runs().stream().filter(x -> x.learningRate() == checkUnit.learningRate()
        && x.lambda() == checkUnit.lambda() && LambdaSweep.finite(x.training().params())).findFirst().orElse(null);
    int[] head = java.util.stream.IntStream.range(0, Math.min(256, split.train().size())).toArray();
    progress.stage("Hessian check", 1);
    HessianCheck.Result check = mid == null ? HessianCheck.Result.notRun()
        : HessianCheck.run(backend, mid.training().params(), split.train().subset(head), 10, 7);
    progress.step("done");
    return new Results(cfg, backend.info(), sweep, pruning, check, sweepSeconds, (System.nanoTime() - t0) / 1e9,
        policy, all.dimension(), all.classes(), shard);
  }
}
