package dev.prunebench.linear;

import dev.prunebench.linalg.BackendInfo;
import dev.prunebench.prune.PruningMethod;
import dev.prunebench.theory.Estimate;
import java.time.Duration;
import java.util.List;

/**
 * The measured Figure 1.
 *
 * @param config what was run
 * @param pruning Figure 1a/1b points: analytic (Definition 3.2, Monte Carlo over h) and empirical
 *     (min-norm solution, mean over trials) test loss per λ, method and sparsity
 * @param importance Figure 1c points: test NI of θ̄ and training NI of θ̂^Λ of the first s weights
 * @param summaries one per λ
 * @param isotropic the erratum check: the isotropic closed form against both h normalisations
 * @param backendInfo the backend that ran
 * @param elapsed wall-clock time of the run
 */
public record Figure1Result(Figure1Config config, List<PruningPoint> pruning, List<ImportancePoint> importance,
    List<LambdaSummary> summaries, IsotropicCheck isotropic, BackendInfo backendInfo, Duration elapsed) {

  /** One point of Figure 1a/1b. {@code sparsity = s/p} is the kept fraction. */
  public record PruningPoint(double lambda, int s, double sparsity, PruningMethod method, Estimate analytic,
      Estimate empirical) {

    /** {@code analytic − empirical}. */
    public double gap() {
      return analytic.mean() - empirical.mean();
    }

    /** The combined standard error {@code √(se_a² + se_e²)}. */
    public double combinedSe() {
      return Math.hypot(analytic.standardError(), empirical.standardError());
    }
  }

  /**
   * One point of Figure 1c.
   *
   * @param testNi {@code I^N_Δ(θ̄)} w.r.t. the population loss, {@code Δ} = the first s weights; by
   *     Lemma 3.1 it does not depend on λ and equals {@code Σ_{i≤s} θ̄_i²}
   * @param trainingNi {@code I^N_Δ(θ̂^Λ)} w.r.t. the training loss, mean over trials
   */
  public record ImportancePoint(double lambda, int s, double sparsity, double testNi, Estimate trainingNi) {}

  /**
   * Per-λ summary.
   *
   * @param xi Ξ of eq. 3.3
   * @param bigGamma Γ of Definition 3.2
   * @param analyticUnprunedLoss {@code E‖Λθ_aux − θ̄‖² + σ²} in closed form
   * @param empiricalUnprunedLoss the min-norm solution's test loss
   * @param maxAbsGap the largest {@code |analytic − empirical|} over methods and sparsities
   * @param maxRelGap the largest {@code |analytic − empirical| / empirical}
   * @param maxGapInSe the largest {@code |analytic − empirical| / combined se}
   * @param worst the point where {@code maxAbsGap} occurs
   */
  public record LambdaSummary(double lambda, double xi, double bigGamma, double analyticUnprunedLoss,
      Estimate empiricalUnprunedLoss, double maxAbsGap, double maxRelGap, double maxGapInSe, PruningPoint worst) {}

  /**
   * The isotropic case (Λ = I) with this run's p, n, σ and θ̄: test loss
   * {@code σ² + ‖θ̄‖²(1 − 1/κ) + σ²/(κ − 1)} (HMRT 2019) against {@code E‖θ_aux − θ̄‖² + σ²} under each
   * normalisation of h, and the min-norm solutions at λ = 1 when λ = 1 was run (else null).
   */
  public record IsotropicCheck(double closedForm, double perP, double perN, Estimate empirical) {}
}
