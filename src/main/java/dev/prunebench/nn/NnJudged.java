package dev.prunebench.nn;

import dev.prunebench.report.Claim;
import dev.prunebench.report.Claim.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

/**
 * A claim judged at every learning rate of a run: the combined {@link Claim} (holds only if it holds at
 * every η, does not hold only if it fails at every η, else partly) and the verdict at each η (the
 * sensitivity table lists them per seed and η).
 *
 * @param claim the combined claim, with its why
 * @param perLearningRate the verdict at each η, in the run's order
 */
record NnJudged(Claim claim, Map<Double, Verdict> perLearningRate) {

  /**
   * The outcome of a rule at one learning rate.
   *
   * @param verdict the rule's verdict there
   * @param evidence the numbers
   * @param why for a verdict other than holds: mechanism and a number from the run, or "unexplained"
   */
  record AtRate(Verdict verdict, String evidence, String why) {
    static AtRate of(boolean holds, String evidence, String whyIfNot) {
      return new AtRate(Verdict.of(holds), evidence, holds ? "" : whyIfNot);
    }
  }

  /**
   * Judges {@code rule} at every learning rate of {@code r}; a learning rate at which a network the rule
   * needs diverged makes the whole claim "not judged" (its numbers are no result).
   *
   * @param divergedAt why the rule's numbers at η are no result, or null when they are
   */
  static NnJudged perRate(NnExperiment.Results r, String paper, String statement, Function<Double, String> divergedAt,
      Function<Double, AtRate> rule) {
    List<Double> lrs = r.config().learningRates();
    Map<Double, Verdict> per = new LinkedHashMap<>();
    StringBuilder ev = new StringBuilder();
    StringBuilder why = new StringBuilder();
    List<String> diverged = new ArrayList<>();
    for (double lr : lrs) {
      String d = divergedAt.apply(lr);
      if (d != null) {
        diverged.add(d);
      }
      AtRate a = rule.apply(lr);
      per.put(lr, d != null ? Verdict.NOT_JUDGED : a.verdict());
      String tag = lrs.size() > 1 ? String.format(Locale.ROOT, "[η=%s: %s] ", lr, a.verdict().text()) : "";
      ev.append(tag).append(a.evidence()).append(' ');
      if (!a.why().isEmpty()) {
        why.append(lrs.size() > 1 ? "[η=" + lr + "] " : "").append(a.why()).append(' ');
      }
    }
    boolean all = per.values().stream().allMatch(v -> v == Verdict.HOLDS);
    boolean none = per.values().stream().allMatch(v -> v == Verdict.DOES_NOT_HOLD);
    Verdict v = all ? Verdict.HOLDS : none ? Verdict.DOES_NOT_HOLD : Verdict.PARTLY;
    Claim c = new Claim(statement, paper, ev.toString().trim(), v, v == Verdict.HOLDS ? "" : why.toString().trim());
    if (!diverged.isEmpty()) {
      c = notJudged(c, String.join("; ", diverged));
    }
    return new NnJudged(c, per);
  }

  /** The claim with its verdict withdrawn: the numbers it needs are no result. */
  static Claim notJudged(Claim c, String why) {
    return new Claim(c.claim(), c.paperEvidence(), "Not judged, " + why + ". (Rule on these numbers would give: "
        + c.verdict().text() + "; " + c.measurement() + ")", Verdict.NOT_JUDGED, "");
  }

  /** Holds / partly / does not hold from a count of cells where the claim holds. */
  static Verdict ofCount(int holds, int total) {
    return holds == total ? Verdict.HOLDS : holds > 0 ? Verdict.PARTLY : Verdict.DOES_NOT_HOLD;
  }

  /** Why the Figure-2 numbers at η are no result (a diverged training), or null. */
  static String sweepDiverged(NnExperiment.Results r, double lr) {
    List<String> d = NnReport.rowsAt(r, lr).stream().filter(LambdaSweep.Row::diverged)
        .map(x -> "λ=" + x.lambda()).toList();
    return d.isEmpty() ? null : "the training diverged at η=" + lr + " " + String.join(", ", d);
  }

  /** Why the Figure 3/4 numbers at η are no result (a diverged training or retraining), or null. */
  static String pruningDiverged(NnExperiment.Results r, double lr) {
    String sweep = sweepDiverged(r, lr);
    long retrains = r.pruning().rows().stream().filter(x -> x.learningRate() == lr && x.diverged()).count();
    if (sweep == null && retrains == 0) {
      return null;
    }
    return "diverged: " + (sweep == null ? "" : sweep + "; ") + retrains + " pruning point(s) at η=" + lr
        + " rest on a diverged training";
  }
}
