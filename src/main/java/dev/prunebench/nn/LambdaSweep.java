package dev.prunebench.nn;

import dev.prunebench.data.Digits;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.util.Progress;
import dev.prunebench.util.ThreadPolicy;
import java.util.List;

/**
 * Figure 2: train θ^λ_init = (λW_init, λ⁻¹V_init) to interpolation for every λ and learning rate, and
 * measure per layer the initial and final MI and HI (eq. 2.1, layer totals, Hessian of the training
 * loss) and the natural importance by init-pruning (Definition 2.1 with θ^R = θ_init: reset one
 * layer to its initial value) for the training loss, the test loss and the test error.
 */
public final class LambdaSweep {
  private LambdaSweep() {}

  /**
   * One trained network of the sweep.
   *
   * @param learningRate η of this run
   * @param lambda λ
   * @param init θ^λ_init
   * @param training the training outcome (θ^λ_final, epochs, history)
   * @param seconds wall-clock training time
   */
  public record Run(double learningRate, double lambda, NetParams init, TrainingResult training, double seconds) {}

  /**
   * One row of Figure 2.
   *
   * @param magnitudeInit MI of (W, V) at θ^λ_init
   * @param magnitudeFinal MI at θ^λ_final
   * @param hessianInit HI at θ^λ_init (Hessian of the training loss there)
   * @param hessianFinal HI at θ^λ_final
   * @param naturalTrainLoss NI by init-pruning of W (resp. V) w.r.t. the training loss
   * @param naturalTestLoss the same w.r.t. the test loss
   * @param naturalTestError the same w.r.t. the test classification error
   * @param train θ_final on the training set
   * @param test θ_final on the test set
   * @param hessianTraceInit the sum of the Hessian diagonal over each layer at θ^λ_init (eq. 4.3 scales it
   *     as λ⁻² for W and λ² for V)
   * @param seconds wall-clock training time (provenance only: it differs between runs)
   * @param diverged the training diverged ({@link TrainingResult#diverged()}): the row is no result; with
   *     non-finite weights every measurement is NaN
   * @param history the training's per-epoch loss and accuracy, epoch 0 first
   * @param change how far θ_final moved from θ^λ_init, per layer ({@link WeightChange})
   */
  public record Row(double learningRate, double lambda, int epochs, boolean interpolated, Evaluation train,
      Evaluation test, LayerTotals magnitudeInit, LayerTotals magnitudeFinal, LayerTotals hessianInit,
      LayerTotals hessianFinal, LayerTotals naturalTrainLoss, LayerTotals naturalTestLoss,
      LayerTotals naturalTestError, LayerTotals hessianTraceInit, double seconds, boolean diverged,
      List<EpochStats> history,
      WeightChange change) {
    public Row {
      history = List.copyOf(history);
    }
  }

  /** The result: rows for every (η, λ), and the runs themselves (Figures 3 and 4 prune them). */
  public record Result(List<Row> rows, List<Run> runs) {
    /** The runs at learning rate {@code lr}, in λ order. */
    public List<Run> runsAt(double lr) {
      return runs.stream().filter(r -> r.learningRate() == lr).toList();
    }
  }

  /** Runs the sweep of {@code cfg} on the given split, one training at a time. */
  public static Result run(LinearAlgebraBackend<?> backend, NnConfig cfg, Digits train, Digits test,
      Trainer.Listener listener) {
    return run(backend, cfg, NnShard.all(cfg), train, test, listener, ThreadPolicy.KERNELS, Progress.none());
  }

  /** Every (η, λ) training of {@code cfg}: {@link #run(LinearAlgebraBackend, NnConfig, List, Digits, Digits,
   * Trainer.Listener, ThreadPolicy, Progress)} over {@link NnShard#all}. */
  public static Result run(LinearAlgebraBackend<?> backend, NnConfig cfg, Digits train, Digits test,
      Trainer.Listener listener, ThreadPolicy policy, Progress progress) {
    return run(backend, cfg, NnShard.all(cfg), train, test, listener, policy, progress);
  }

  /**
   * Runs the (η, λ) trainings {@code units} of {@code cfg} on the given split; they are independent jobs
   * run under {@code policy}, and the rows come back in the order of {@code units} whatever order they
   * finished in. One progress step per training, in the order they finish. Every training starts from
   * the same θ¹_init (seed {@code cfg.initSeed()}), so a unit's result does not depend on which other
   * units run ({@link NnShard}).
   */
  public static Result run(LinearAlgebraBackend<?> backend, NnConfig cfg, List<NnShard.Unit> units, Digits train,
      Digits test, Trainer.Listener listener, ThreadPolicy policy, Progress progress) {
    NetParams base = NetParams.heNormal(train.dimension(), cfg.width(), train.classes(), cfg.initSeed());
    List<Measured> done = policy.map(units.size(), i -> {
      double lr = units.get(i).learningRate();
      double lambda = units.get(i).lambda();
      NetParams init = base.scaled(lambda);
      long t0 = System.nanoTime();
      TrainingResult tr = Trainer.train(backend, init, train, cfg.sgd(lr),
          String.format("lr=%s λ=%s", lr, lambda), listener);
      double seconds = (System.nanoTime() - t0) / 1e9;
      Run run = new Run(lr, lambda, init, tr, seconds);
      Row row = finite(tr.params()) ? measure(backend, run, train, test) : unmeasurable(run);
      progress.step(String.format("lr=%s λ=%s: %d epochs%s", lr, lambda, tr.epochs(),
          tr.diverged() ? ", diverged" : ""));
      return new Measured(run, row);
    });
    return new Result(done.stream().map(Measured::row).toList(), done.stream().map(Measured::run).toList());
  }

  private record Measured(Run run, Row row) {}

  /** The Figure 2 measurements of one trained network. */
  public static Row measure(LinearAlgebraBackend<?> backend, Run run, Digits train, Digits test) {
    NetParams init = run.init();
    NetParams fin = run.training().params();
    NetParams hInit = TwoLayerNetwork.hessianDiagonal(backend, init, train);
    NetParams hFinal = TwoLayerNetwork.hessianDiagonal(backend, fin, train);
    Evaluation trainE = TwoLayerNetwork.evaluate(backend, fin, train);
    Evaluation testE = TwoLayerNetwork.evaluate(backend, fin, test);
    // Init-pruning: θ^R = θ_init on one layer, the other layer stays final.
    NetParams resetW = new NetParams(init.w(), fin.v());
    NetParams resetV = new NetParams(fin.w(), init.v());
    Evaluation trainResetW = TwoLayerNetwork.evaluate(backend, resetW, train);
    Evaluation trainResetV = TwoLayerNetwork.evaluate(backend, resetV, train);
    Evaluation testResetW = TwoLayerNetwork.evaluate(backend, resetW, test);
    Evaluation testResetV = TwoLayerNetwork.evaluate(backend, resetV, test);
    return new Row(run.learningRate(), run.lambda(), run.training().epochs(), run.training().interpolated(),
        trainE, testE,
        Importance.totals(ImportanceKind.MAGNITUDE, init, null),
        Importance.totals(ImportanceKind.MAGNITUDE, fin, null),
        Importance.totals(ImportanceKind.HESSIAN, init, hInit),
        Importance.totals(ImportanceKind.HESSIAN, fin, hFinal),
        new LayerTotals(trainResetW.loss() - trainE.loss(), trainResetV.loss() - trainE.loss()),
        new LayerTotals(testResetW.loss() - testE.loss(), testResetV.loss() - testE.loss()),
        new LayerTotals(testResetW.error() - testE.error(), testResetV.error() - testE.error()),
        new LayerTotals(Importance.sum(hInit.w()), Importance.sum(hInit.v())), run.seconds(), run.training().diverged(), run.training().history(), WeightChange.of(init, fin));
  }

  /** A diverged run whose weights are not finite: the kernels refuse them, so nothing is measured. */
  private static Row unmeasurable(Run run) {
    Evaluation nan = new Evaluation(Double.NaN, Double.NaN, Double.NaN);
    LayerTotals none = new LayerTotals(Double.NaN, Double.NaN);
    return new Row(run.learningRate(), run.lambda(), run.training().epochs(), false, nan, nan, none, none, none,
        none, none, none, none, none, run.seconds(), true, run.training().history(), WeightChange.NONE);
  }

  /** Whether every weight is finite. */
  static boolean finite(NetParams params) {
    return java.util.Arrays.stream(params.w().toArray()).allMatch(Double::isFinite)
        && java.util.Arrays.stream(params.v().toArray()).allMatch(Double::isFinite);
  }
}
