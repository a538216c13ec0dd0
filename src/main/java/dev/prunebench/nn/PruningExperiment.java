package dev.prunebench.nn;

import dev.prunebench.data.Digits;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.util.Progress;
import dev.prunebench.util.ThreadPolicy;
import java.util.ArrayList;
import java.util.List;

/**
 * Figures 3 and 4: prune every θ^λ_final by MP and HP (eq. 2.1 importances, Hessian of the training
 * loss at θ_final), globally (Figure 3) and layer-wise (Figure 4, Appendix D), to each nonzero
 * fraction; record the test accuracy right after pruning and after lottery retraining (the kept
 * weights restart from their values in θ^λ_init and train with the mask fixed); and record the
 * fraction of surviving weights in each layer at the survival fraction (1 % in the paper), where a
 * layer with no survivor has died.
 */
public final class PruningExperiment {
  private PruningExperiment() {}

  /**
   * One (η, scope, method, λ, fraction) point of Figures 3a/3b/4d/4e; {@code diverged}: the network it
   * prunes diverged in the λ sweep, or its lottery retraining ended with a non-finite loss — no result.
   * {@code survivalW}, {@code survivalV}: the fraction of each layer kept; {@code keptW}, {@code keptV}:
   * the number of weights kept (the functional layer-death rule needs counts).
   */
  public record Row(double learningRate, PruningScope scope, ImportanceKind kind, double lambda, double fraction,
      long keptW, long keptV, double survivalW,
      double survivalV, double accuracyPruned, double accuracyRetrained, int retrainEpochs,
      boolean retrainInterpolated, boolean diverged) {}

  /** One (η, scope, method, λ) point of Figures 3c/4f. */
  public record Survival(double learningRate, PruningScope scope, ImportanceKind kind, double lambda, double fraction,
      double survivalW, double survivalV) {
    public boolean layerDied() {
      return survivalW == 0 || survivalV == 0;
    }
  }

  /** Everything the figures need. */
  public record Result(List<Row> rows, List<Survival> survival, double seconds) {}

  /** Points of Figures 3 and 4 per run: {@code runs × scopes × methods × fractions} (the progress steps). */
  public static long points(NnConfig cfg, int runs, int scopes) {
    return (long) runs * scopes * ImportanceKind.values().length * cfg.keepFractions().size();
  }

  /** {@link #run(LinearAlgebraBackend, NnConfig, List, Digits, Digits, List, boolean, Trainer.Listener,
   * ThreadPolicy, Progress)} one job at a time, without progress. */
  public static Result run(LinearAlgebraBackend<?> backend, NnConfig cfg, List<LambdaSweep.Run> runs, Digits train,
      Digits test, List<PruningScope> scopes, boolean retrain, Trainer.Listener listener) {
    return run(backend, cfg, runs, train, test, scopes, retrain, listener, ThreadPolicy.KERNELS, Progress.none());
  }

  /**
   * @param runs trained networks of the λ sweep (any learning rates; each is retrained at its own)
   * @param scopes which of Figure 3 (GLOBAL) and Figure 4 (LAYERWISE) to run
   * @param retrain whether to run lottery retraining (false: accuracyRetrained is NaN)
   * @param policy how the independent jobs run: one Hessian diagonal per λ, then one prune (and
   *     retraining) per (λ, scope, method, fraction); rows come back in that order regardless
   * @param progress one step per (scope, method, λ, fraction) point, in whatever order they finish
   */
  public static Result run(LinearAlgebraBackend<?> backend, NnConfig cfg, List<LambdaSweep.Run> runs, Digits train,
      Digits test, List<PruningScope> scopes, boolean retrain, Trainer.Listener listener, ThreadPolicy policy,
      Progress progress) {
    long t0 = System.nanoTime();
    // Non-finite weights cannot be ranked or evaluated: such a λ has no Hessian, and its points are diverged rows.
    List<NetParams> hessians = policy.map(runs.size(), r -> LambdaSweep.finite(runs.get(r).training().params())
        ? TwoLayerNetwork.hessianDiagonal(backend, runs.get(r).training().params(), train) : null);
    ImportanceKind[] kinds = ImportanceKind.values();
    List<Survival> survival = new ArrayList<>();
    for (int r = 0; r < runs.size(); r++) {
      for (PruningScope scope : scopes) {
        for (ImportanceKind kind : kinds) {
          if (hessians.get(r) == null) {
            survival.add(new Survival(runs.get(r).learningRate(), scope, kind, runs.get(r).lambda(), cfg.survivalFraction(), Double.NaN,
                Double.NaN));
            continue;
          }
          Pruning.Outcome at = Pruning.prune(backend, runs.get(r).training().params(), hessians.get(r), kind, scope,
              cfg.survivalFraction());
          survival.add(new Survival(runs.get(r).learningRate(), scope, kind, runs.get(r).lambda(),
              cfg.survivalFraction(), at.survivalW(),
              at.survivalV()));
        }
      }
    }
    int perRun = scopes.size() * kinds.length * cfg.keepFractions().size();
    int perScope = kinds.length * cfg.keepFractions().size();
    int perKind = cfg.keepFractions().size();
    List<Row> rows = policy.map(runs.size() * perRun, i -> {
      int r = i / perRun;
      PruningScope scope = scopes.get(i % perRun / perScope);
      ImportanceKind kind = kinds[i % perScope / perKind];
      double fraction = cfg.keepFractions().get(i % perKind);
      LambdaSweep.Run run = runs.get(r);
      if (hessians.get(r) == null) {
        progress.step("λ=" + run.lambda() + " diverged, skipped");
        return new Row(run.learningRate(), scope, kind, run.lambda(), fraction, 0, 0, Double.NaN, Double.NaN,
            Double.NaN, Double.NaN, 0, false, true);
      }
      Row row = point(backend, cfg, run, hessians.get(r), train, test, scope, kind, fraction, retrain, listener);
      progress.step(String.format(java.util.Locale.ROOT, "η=%s %s %s λ=%s s/p=%s", run.learningRate(),
          scope.name().toLowerCase(java.util.Locale.ROOT), kind.label(), run.lambda(), fraction));
      return row;
    });
    return new Result(rows, survival, (System.nanoTime() - t0) / 1e9);
  }

  /** One point: prune θ_final of {@code run} to {@code fraction}, evaluate, and optionally retrain. */
  private static Row point(LinearAlgebraBackend<?> backend, NnConfig cfg, LambdaSweep.Run run, NetParams h,
      Digits train, Digits test, PruningScope scope, ImportanceKind kind, double fraction, boolean retrain,
      Trainer.Listener listener) {
    Pruning.Outcome o = Pruning.prune(backend, run.training().params(), h, kind, scope, fraction);
    double accPruned = TwoLayerNetwork.evaluate(backend, o.pruned(), test).accuracy();
    double accRetrained = Double.NaN;
    int epochs = 0;
    boolean interpolated = false;
    boolean diverged = run.training().diverged();
    if (retrain) {
      TrainingResult tr = Trainer.trainMasked(backend, run.init(), o.mask(), train,
          cfg.retrainSgd(run.learningRate()), String.format("retrain η=%s %s %s λ=%s s/p=%s", run.learningRate(),
              scope.name().toLowerCase(java.util.Locale.ROOT), kind.label(), run.lambda(), fraction), listener);
      accRetrained = TwoLayerNetwork.evaluate(backend, tr.params(), test).accuracy();
      epochs = tr.epochs();
      interpolated = tr.interpolated();
      diverged |= tr.diverged();
    }
    long[] kept = kept(o.mask());
    return new Row(run.learningRate(), scope, kind, run.lambda(), fraction, kept[0], kept[1], o.survivalW(),
        o.survivalV(), accPruned, accRetrained, epochs, interpolated, diverged);
  }

  /** The number of nonzeros of each layer of a 0/1 mask. */
  private static long[] kept(NetParams mask) {
    return new long[] {java.util.Arrays.stream(mask.w().toArray()).filter(x -> x != 0).count(),
        java.util.Arrays.stream(mask.v().toArray()).filter(x -> x != 0).count()};
  }
}
