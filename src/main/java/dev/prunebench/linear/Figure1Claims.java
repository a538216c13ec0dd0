package dev.prunebench.linear;

import dev.prunebench.prune.PruningMethod;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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
   */
  public record Claim(String statement, int points, int holdsEmpirical, int holdsAnalytic) {
    public boolean holds() {
      return points > 0 && holdsEmpirical == points && holdsAnalytic == points;
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
    return new Claim(statement, points, empirical, analytic);
  }

  private static int less(Figure1Result.PruningPoint a, Figure1Result.PruningPoint b,
      ToDoubleFunction<Figure1Result.PruningPoint> value) {
    return value.applyAsDouble(a) < value.applyAsDouble(b) ? 1 : 0;
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
