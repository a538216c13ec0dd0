package dev.prunebench.nn;

import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The Figure 3/4 rows of one learning rate, with the queries the pruning claims share: accuracy (after
 * lottery retraining when it ran, else right after pruning), means over λ or s/p, and the functional
 * layer-death rule.
 *
 * <p><b>Layer death, functionally.</b> A layer is dead at a (scope, method, λ, s/p) point when fewer than
 * K of its weights survive, or when the retrained network is at chance (accuracy ≤ 1.5/K, the
 * threshold {@link TrainingResult#diverged} uses for a network that learned nothing). Fewer than K
 * survivors cannot carry K classes: in V some class's logit row is empty (its logit is constantly 0),
 * in W the whole network sees fewer than K pixels through fewer than K hidden units. The paper's
 * Figure 3c counts only an exactly empty layer; with this rule a layer left with a handful of weights
 * that cannot be retrained beyond chance is dead too, and an exactly empty layer still is.
 */
record NnPruningView(double learningRate, List<PruningExperiment.Row> rows, boolean retrained, int classes) {

  static NnPruningView of(NnExperiment.Results r, double lr) {
    List<PruningExperiment.Row> rows = r.pruning().rows().stream().filter(x -> x.learningRate() == lr).toList();
    boolean retrained = rows.stream().anyMatch(x -> !Double.isNaN(x.accuracyRetrained()));
    return new NnPruningView(lr, rows, retrained, r.classes());
  }

  /** "after lottery retraining" or "right after pruning (retraining was skipped)". */
  String which() {
    return retrained ? "after lottery retraining" : "right after pruning (retraining was skipped)";
  }

  double acc(PruningExperiment.Row x) {
    return retrained ? x.accuracyRetrained() : x.accuracyPruned();
  }

  List<PruningExperiment.Row> at(PruningScope scope, ImportanceKind kind) {
    return rows.stream().filter(x -> x.scope() == scope && x.kind() == kind).toList();
  }

  PruningExperiment.Row cell(PruningScope scope, ImportanceKind kind, double lambda, double fraction) {
    return rows.stream().filter(x -> x.scope() == scope && x.kind() == kind && x.lambda() == lambda
        && x.fraction() == fraction).findFirst().orElse(null);
  }

  /** Mean of {@code f} over s/p at one λ. */
  double meanOverFractions(PruningScope scope, ImportanceKind kind, double lambda, ToDoubleFunction<PruningExperiment.Row> f) {
    return at(scope, kind).stream().filter(x -> x.lambda() == lambda).mapToDouble(f).average().orElse(Double.NaN);
  }

  /** Mean accuracy over λ at one s/p. */
  double meanOverLambda(PruningScope scope, ImportanceKind kind, double fraction) {
    return at(scope, kind).stream().filter(x -> x.fraction() == fraction).mapToDouble(this::acc).average()
        .orElse(Double.NaN);
  }

  /** The functionally dead layer of a point ("W", "V"), or null. */
  String deadLayer(PruningExperiment.Row x) {
    boolean chance = retrained && x.accuracyRetrained() <= 1.5 / classes;
    if (x.keptW() < classes || (chance && x.keptW() <= x.keptV())) {
      return "W";
    }
    if (x.keptV() < classes || chance) {
      return "V";
    }
    return null;
  }

  /** "λ=…, s/p=… (W, 3 kept, acc 0.11)" for a dead point. */
  String describeDeath(PruningExperiment.Row x) {
    String layer = deadLayer(x);
    return String.format(Locale.ROOT, "λ=%s s/p=%s (%s, %d kept%s)", x.lambda(), x.fraction(), layer,
        "W".equals(layer) ? x.keptW() : x.keptV(), retrained ? String.format(Locale.ROOT, ", acc %.2f",
            x.accuracyRetrained()) : "");
  }
}
