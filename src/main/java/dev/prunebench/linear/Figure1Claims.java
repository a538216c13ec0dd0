package dev.prunebench.linear;

import dev.prunebench.prune.PruningMethod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntPredicate;
import java.util.function.ToDoubleFunction;

/**
 * The paper's qualitative claims about Figure 1 (Section 3.1), evaluated on a measured result. Each
 * claim is checked at every sparsity it speaks about, on the empirical and on the analytic means.
 * Sparsity s = 0 (everything pruned, loss {@code ‖θ̄‖² + σ²} for every method) and s = p (nothing
 * pruned, MP = HP) are excluded where the compared curves coincide by construction.
 */
public final class Figure1Claims {
  private Figure1Claims() {}

  /** "Small sparsity" for claim 1: kept fraction s/p at most this. */
  public static final double SMALL_SPARSITY = 0.5;

  /**
   * One claim and how many of its points hold.
   *
   * @param statement what the paper says
   * @param points sparsity levels checked
   * @param holdsEmpirical levels where it holds for the min-norm solution
   * @param holdsAnalytic levels where it holds for the Definition 3.2 prediction
   * @param better the curve the claim says is lower (λ, method)
   * @param worse the curve the claim says is higher
   */
  public record Claim(String statement, int points, int holdsEmpirical, int holdsAnalytic, Curve better,
      Curve worse) {
    public boolean holds() {
      return points > 0 && holdsEmpirical == points && holdsAnalytic == points;
    }
  }

  /** One curve of Figure 1a/1b. */
  public record Curve(double lambda, PruningMethod method) {
    @Override
    public String toString() {
      return method + " at λ = " + LambdaProfile.format(lambda);
    }
  }

  /**
   * The claims of Section 3.1 about Figures 1a and 1b, for the largest λ &gt; 1 and the smallest λ &lt; 1 of the run
   * (λ = 5 and 1/2 in the paper); a claim is left out when its λ values were not run.
   */
  public static List<Claim> evaluate(Figure1Result r) {
    List<Claim> out = new ArrayList<>();
    Optional<Double> big = r.config().lambdas().stream().filter(l -> l > 1).max(Double::compare);
    Optional<Double> small = r.config().lambdas().stream().filter(l -> l < 1).min(Double::compare);
    boolean hasOne = r.config().lambdas().contains(1.0);
    int p = r.config().p();
    big.ifPresent(l -> out.add(compare(r, "For λ = " + LambdaProfile.format(l) + ", HP beats MP at small sparsity (s/p ≤ "
        + SMALL_SPARSITY + ")", l, PruningMethod.HP, l, PruningMethod.MP, s -> s > 0 && s <= SMALL_SPARSITY * p)));
    if (hasOne) {
      big.ifPresent(l -> out.add(compare(r, "HP at λ = " + LambdaProfile.format(l) + " beats HP at λ = 1 at every sparsity",
          l, PruningMethod.HP, 1.0, PruningMethod.HP, s -> s > 0)));
      small.ifPresent(l -> {
        out.add(compare(r, "For λ = " + LambdaProfile.format(l) + ", HP is worse than MP at small sparsity (s/p ≤ "
            + SMALL_SPARSITY + ")", l, PruningMethod.MP, l, PruningMethod.HP, s -> s > 0 && s <= SMALL_SPARSITY * p));
        for (PruningMethod m : PruningMethod.values()) {
          out.add(compare(r, "λ = " + LambdaProfile.format(l) + " is worse than λ = 1 for " + m + " at every sparsity",
              1.0, m, l, m, s -> s > 0));
        }
      });
    }
    return out;
  }

  /**
   * Figure 1c in one number per λ: the mean over the grid (s &gt; 0) of
   * {@code |training NI(θ̂^Λ) − test NI(θ̄)|} for the first s weights. The paper's claim is that
   * the largest λ gives the closest match.
   *
   * @return (λ, distance) in the order of the configured λ values
   */
  public static LinkedHashMap<Double, Double> importanceDistance(Figure1Result r) {
    LinkedHashMap<Double, Double> out = new LinkedHashMap<>();
    for (double lambda : r.config().lambdas()) {
      double sum = 0;
      int count = 0;
      for (Figure1Result.ImportancePoint pt : r.importance()) {
        if (pt.lambda() == lambda && pt.s() > 0) {
          sum += Math.abs(pt.trainingNi().mean() - pt.testNi());
          count++;
        }
      }
      out.put(lambda, count == 0 ? Double.NaN : sum / count);
    }
    return out;
  }

  /** Counts the sparsities where loss(better) &lt; loss(worse). */
  private static Claim compare(Figure1Result r, String statement, double betterLambda, PruningMethod betterMethod,
      double worseLambda, PruningMethod worseMethod, IntPredicate which) {
    int points = 0;
    int empirical = 0;
    int analytic = 0;
    for (Figure1Result.PruningPoint b : r.pruning()) {
      if (b.lambda() != betterLambda || b.method() != betterMethod || !which.test(b.s())) {
        continue;
      }
      Figure1Result.PruningPoint w = find(r, worseLambda, worseMethod, b.s());
      points++;
      empirical += less(b, w, pt -> pt.empirical().mean());
      analytic += less(b, w, pt -> pt.analytic().mean());
    }
    return new Claim(statement, points, empirical, analytic, new Curve(betterLambda, betterMethod),
        new Curve(worseLambda, worseMethod));
  }

  private static int less(Figure1Result.PruningPoint a, Figure1Result.PruningPoint b,
      ToDoubleFunction<Figure1Result.PruningPoint> value) {
    return value.applyAsDouble(a) < value.applyAsDouble(b) ? 1 : 0;
  }

  /** Kept fraction at which {@link #forReport} quotes the compared losses (the paper's example). */
  static final double QUOTED_SPARSITY = 0.1;

  /**
   * Every claim of this run as a shared {@link dev.prunebench.report.Claim} for {@code claims.csv}
   * and the reports index: the Figure 1a/1b comparisons of {@link #evaluate} (holds when it holds at
   * every sparsity for both the min-norm solution and the prediction, partly when at some), Figure
   * 1c ({@link #importanceDistance}), the agreement of Definition 3.2 with the actual solutions
   * (|analytic − empirical| ≤ 4·se + 2 % of the empirical loss, the tolerance of the tests), and the
   * erratum on the variance of h (Definition 3.2 vs Appendix A.29).
   */
  public static List<dev.prunebench.report.Claim> forReport(Figure1Result r) {
    List<dev.prunebench.report.Claim> out = new ArrayList<>();
    int quotedS = (int) Math.round(QUOTED_SPARSITY * r.config().p());
    for (Claim c : evaluate(r)) {
      String quote = r.pruning().stream().filter(pt -> pt.s() > 0).mapToInt(Figure1Result.PruningPoint::s).boxed()
          .min(java.util.Comparator.comparingInt(s -> Math.abs(s - quotedS))).map(s -> {
            Figure1Result.PruningPoint b = find(r, c.better().lambda(), c.better().method(), s);
            Figure1Result.PruningPoint w = find(r, c.worse().lambda(), c.worse().method(), s);
            return String.format(Locale.ROOT, " At s/p = %s: %s %.3f vs %s %.3f (empirical test loss).",
                LambdaProfile.format(b.sparsity()), c.better(), b.empirical().mean(), c.worse(), w.empirical().mean());
          }).orElse("");
      dev.prunebench.report.Claim.Verdict v = c.holds() ? dev.prunebench.report.Claim.Verdict.HOLDS
          : c.holdsEmpirical() > 0 || c.holdsAnalytic() > 0 ? dev.prunebench.report.Claim.Verdict.PARTLY
          : dev.prunebench.report.Claim.Verdict.DOES_NOT_HOLD;
      out.add(new dev.prunebench.report.Claim(c.statement() + "; rule: " + c.better() + " has a lower test loss "
          + "than " + c.worse() + " at every sparsity checked, for the min-norm solution and for the Definition 3.2 "
          + "prediction.",
          (c.better().lambda() < 1 || c.worse().lambda() < 1 ? "Fig. 1b" : "Fig. 1a") + ", Section 3.1",
          String.format(Locale.ROOT, "holds at %d/%d sparsities (empirical), %d/%d (analytic).", c.holdsEmpirical(),
              c.points(), c.holdsAnalytic(), c.points()) + quote, v));
    }
    LinkedHashMap<Double, Double> distance = importanceDistance(r);
    double maxLambda = r.config().lambdas().stream().max(Double::compare).orElseThrow();
    double closest = distance.entrySet().stream().min(java.util.Map.Entry.comparingByValue()).orElseThrow().getKey();
    StringBuilder d = new StringBuilder("mean |training NI − test NI| over the grid: ");
    distance.forEach((l, x) -> d.append(String.format(Locale.ROOT, "λ = %s: %.4f; ", LambdaProfile.format(l), x)));
    out.add(new dev.prunebench.report.Claim("With a large covariance bias, the training NI of the first s weights "
        + "of θ̂^Λ matches the test NI of θ̄ best; rule: the largest λ has the smallest mean distance.", "Fig. 1c",
        d.toString().strip().replaceAll(";$", "."), dev.prunebench.report.Claim.Verdict.of(closest == maxLambda)));
    int agree = 0;
    StringBuilder gaps = new StringBuilder();
    for (Figure1Result.LambdaSummary s : r.summaries()) {
      boolean all = r.pruning().stream().filter(pt -> pt.lambda() == s.lambda()).allMatch(
          pt -> Math.abs(pt.gap()) <= 4 * pt.combinedSe() + 0.02 * Math.abs(pt.empirical().mean()));
      agree += all ? 1 : 0;
      gaps.append(String.format(Locale.ROOT, "λ = %s: largest |analytic − empirical| %.4f (%.2f %%, %.2f se); ",
          LambdaProfile.format(s.lambda()), s.maxAbsGap(), 100 * s.maxRelGap(), s.maxGapInSe()));
    }
    int n = r.summaries().size();
    out.add(new dev.prunebench.report.Claim("Definition 3.2 predicts the test loss of MP and HP applied to the "
        + "min-norm solution; rule: |analytic − empirical| ≤ 4·se + 2 % of the empirical loss at every λ and sparsity.",
        "Fig. 1a/1b (lines vs markers), Definition 3.2, eq. 3.4", gaps.toString().strip().replaceAll(";$", "."),
        agree == n ? dev.prunebench.report.Claim.Verdict.HOLDS : agree > 0 ? dev.prunebench.report.Claim.Verdict.PARTLY
            : dev.prunebench.report.Claim.Verdict.DOES_NOT_HOLD));
    Figure1Result.IsotropicCheck iso = r.isotropic();
    double relN = Math.abs(iso.perN() - iso.closedForm()) / iso.closedForm();
    double relP = Math.abs(iso.perP() - iso.closedForm()) / iso.closedForm();
    out.add(new dev.prunebench.report.Claim("Definition 3.2 as printed in the main text, h ~ N(0, I_p/n), reproduces "
        + "the test risk of min-norm interpolation with isotropic features (Hastie et al. 2019); rule: within 1 % of "
        + "the closed form.", "Definition 3.2 (main text); Appendix A.29 has h ~ N(0, I_p/p)",
        String.format(Locale.ROOT, "closed form %.4f; h ~ N(0, I/n): %.4f (%.1f %% off); h ~ N(0, I/p): %.4f "
            + "(%.2f %% off)%s. The implementation uses I/p.", iso.closedForm(), iso.perN(), 100 * relN, iso.perP(),
            100 * relP, iso.empirical() == null ? "" : String.format(Locale.ROOT,
                "; actual min-norm solutions %.4f ± %.4f", iso.empirical().mean(), iso.empirical().standardError())),
        dev.prunebench.report.Claim.Verdict.of(relN <= 0.01)));
    return out;
  }

  /** The point for (λ, method, s). */
  public static Figure1Result.PruningPoint find(Figure1Result r, double lambda, PruningMethod method, int s) {
    for (Figure1Result.PruningPoint pt : r.pruning()) {
      if (pt.lambda() == lambda && pt.method() == method && pt.s() == s) {
        return pt;
      }
    }
    throw new IllegalArgumentException("no point for λ = " + lambda + ", " + method + ", s = " + s);
  }
}
