package dev.prunebench.nn;

import dev.prunebench.report.Claim;
import java.util.ArrayList;
import java.util.List;

/**
 * The paper's qualitative claims about Figures 2–4 (Section 4, Lemma 4.1 and Appendix D), each checked
 * against a run's numbers with an explicit rule, at every learning rate of the run: a claim "holds"
 * only if it holds at all of them, "does not hold" only if it fails at all, and "partly holds"
 * otherwise — and also when a rule that counts cells finds some failing (the cells are listed). Every
 * verdict other than "holds" carries a why ({@link Claim#why()}). Figure 2 and Lemma 4.1:
 * {@link NnSweepClaims}; Figures 3–4: {@link NnPruningClaims}; Appendix D's sparse regime:
 * {@link NnSparseClaims}.
 */
public final class NnClaims {
  private NnClaims() {}

  /** Evaluates every claim on {@code r}. */
  public static List<Claim> evaluate(NnExperiment.Results r) {
    return judge(r).stream().map(NnJudged::claim).toList();
  }

  /** Every claim with its verdict at each learning rate. */
  static List<NnJudged> judge(NnExperiment.Results r) {
    List<NnJudged> out = new ArrayList<>(NnSweepClaims.judge(r));
    out.addAll(NnPruningClaims.judge(r));
    return out;
  }
}
