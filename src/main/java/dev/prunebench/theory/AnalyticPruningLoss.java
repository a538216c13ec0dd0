package dev.prunebench.theory;

import dev.prunebench.prune.Importance;
import dev.prunebench.prune.PruningMethod;
import dev.prunebench.prune.Thresholder;
import java.util.EnumMap;
import java.util.Map;
import java.util.random.RandomGenerator;

/**
 * The analytic MP and HP test losses of paper Section 3.1 (the two formulas after eq. 3.4), by
 * Monte Carlo over h of Definition 3.2:
 * <ul>
 *   <li>MP loss {@code E_h ‖Λ Π^M_s(θ_aux^Λ) − θ̄‖² + σ²}: prune the auxiliary vector by magnitude,
 *       then measure it in the unscaled coordinates;
 *   <li>HP loss {@code E_h ‖Π^M_s(Λ θ_aux^Λ) − θ̄‖² + σ²}: with the population Hessian
 *       {@code ∇²L_Λ = 2Λ²}, the OBD importance {@code Λ_ii² θ_i²} is the squared magnitude of
 *       {@code Λθ}, so HP is magnitude pruning of {@code Λθ_aux}.
 * </ul>
 */
public final class AnalyticPruningLoss {
  private AnalyticPruningLoss() {}

  /**
   * Estimates both losses at each sparsity.
   *
   * @param aux the solved Definition 3.2
   * @param sparsities numbers of weights kept, each in [0, p]
   * @param draws Monte-Carlo draws of h, at least 2 (for a standard error)
   * @param rng source of h
   * @param thresholder the hard-thresholding kernel
   * @return per method, one estimate per entry of {@code sparsities}
   */
  public static Map<PruningMethod, Estimate[]> estimate(AuxiliaryDistribution aux, int[] sparsities, int draws,
      RandomGenerator rng, Thresholder thresholder) {
    int p = aux.p();
    for (int s : sparsities) {
      if (s < 0 || s > p) {
        throw new IllegalArgumentException("sparsities: " + s + " is outside [0, " + p + "]");
      }
    }
    if (draws < 2) {
      throw new IllegalArgumentException("draws must be at least 2 for a standard error, got " + draws);
    }
    PopulationLoss loss = aux.populationLoss();
    double[] lambda = loss.lambda();
    Map<PruningMethod, Estimate.Accumulator[]> acc = new EnumMap<>(PruningMethod.class);
    for (PruningMethod m : PruningMethod.values()) {
      Estimate.Accumulator[] a = new Estimate.Accumulator[sparsities.length];
      for (int k = 0; k < a.length; k++) {
        a[k] = new Estimate.Accumulator();
      }
      acc.put(m, a);
    }
    double[] unscaled = new double[p];
    double[] scaled = new double[p];
    for (int d = 0; d < draws; d++) {
      aux.sampleUnscaledInto(rng, unscaled);
      for (int i = 0; i < p; i++) {
        scaled[i] = unscaled[i] / lambda[i];
      }
      double[] mpImportance = Importance.magnitude(scaled);
      double[] hpImportance = Importance.magnitude(unscaled);
      for (int k = 0; k < sparsities.length; k++) {
        double[] mpMask = thresholder.keepMask(mpImportance, sparsities[k]);
        double[] hpMask = thresholder.keepMask(hpImportance, sparsities[k]);
        acc.get(PruningMethod.MP)[k].add(loss.valueOfMaskedUnscaled(unscaled, mpMask));
        acc.get(PruningMethod.HP)[k].add(loss.valueOfMaskedUnscaled(unscaled, hpMask));
      }
    }
    Map<PruningMethod, Estimate[]> out = new EnumMap<>(PruningMethod.class);
    acc.forEach((m, a) -> {
      Estimate[] e = new Estimate[a.length];
      for (int k = 0; k < a.length; k++) {
        e[k] = a[k].estimate();
      }
      out.put(m, e);
    });
    return out;
  }
}
