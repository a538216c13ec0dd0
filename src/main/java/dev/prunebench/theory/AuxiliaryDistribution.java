package dev.prunebench.theory;

import java.util.random.RandomGenerator;

/**
 * The auxiliary distribution of paper Definition 3.2, the CGMT proxy for the min-norm solution
 * {@code θ̂^Λ = X_Λ⁺ y} of the Section 3.1 model (p &gt; n, {@code κ = p/n &gt; 1}).
 *
 * <p>Writing {@code s_i = 1/(1 + (Ξ Λ_ii²)⁻¹)} (the logistic function of {@code ln Ξ + ln Λ_ii²}):
 * <ol>
 *   <li>Ξ &gt; 0 is the unique root of {@code 1 = (κ/p) Σ s_i} (eq. 3.3); the right side rises from 0
 *       to κ &gt; 1 as Ξ goes from 0 to ∞. It is found in {@code t = ln Ξ} by {@link BracketedRoot} on
 *       the bracket {@code [−ln(κ−1) − ln max Λ², −ln(κ−1) − ln min Λ²]} widened by 1 on each side: at
 *       either end every {@code s_i} is at most (resp. at least) {@code 1/κ}, so the ends have the
 *       right signs.
 *   <li>{@code ζ_i = 1/(1 + Ξ Λ_ii²) = 1 − s_i}.
 *   <li>{@code Γ = (σ² + Σ ζ_i² θ̄_i²) / (κ (1 − (κ/p) Σ s_i²))}. At the root
 *       {@code 1 − (κ/p) Σ s_i² = (κ/p) Σ s_i (1 − s_i)}, a sum of positive terms; that form is used
 *       because it has no cancellation when Λ is extreme.
 *   <li>{@code γ_i = κ √Γ s_i}.
 *   <li>{@code θ_aux^Λ = Λ⁻¹ [(1 − ζ) ∘ θ̄ + γ ∘ h]} (eq. 3.4), h Gaussian with the variance of
 *       {@link HNormalisation} (the paper's erratum; {@link HNormalisation#PER_P} is right).
 * </ol>
 * Under {@link HNormalisation#PER_P} the expected test loss of the unpruned auxiliary vector is
 * exactly {@code κΓ} ({@link #expectedTestLoss()}); for Λ = I it is the HMRT closed form plus σ².
 */
public final class AuxiliaryDistribution {
  /**
   * The analytic bracket ends are exact only in real arithmetic (for Λ = cI both ends are the root);
   * widening by one unit of ln Ξ (a factor e) makes the signs strictly right despite rounding.
   */
  private static final double BRACKET_MARGIN = 1.0;

  private final double kappa;
  private final double n;
  private final double[] lambda;
  private final double[] thetaBar;
  private final double sigma;
  private final HNormalisation hNormalisation;
  private final double xi;
  private final double[] s;
  private final double bigGamma;
  private final int rootIterations;

  private AuxiliaryDistribution(double kappa, double[] lambda, double[] thetaBar, double sigma,
      HNormalisation hNormalisation) {
    this.kappa = kappa;
    this.n = lambda.length / kappa;
    this.lambda = lambda.clone();
    this.thetaBar = thetaBar.clone();
    this.sigma = sigma;
    this.hNormalisation = hNormalisation;
    int p = lambda.length;
    double[] logL2 = new double[p];
    double minLog = Double.POSITIVE_INFINITY;
    double maxLog = Double.NEGATIVE_INFINITY;
    for (int i = 0; i < p; i++) {
      logL2[i] = 2 * Math.log(Math.abs(lambda[i]));
      minLog = Math.min(minLog, logL2[i]);
      maxLog = Math.max(maxLog, logL2[i]);
    }
    double base = -Math.log(kappa - 1);
    BracketedRoot.Root root = BracketedRoot.solve(t -> {
      // Neumaier-compensated sum: at p = 10⁶ plain summation alone costs ~1e-11 relative in Ξ.
      double sum = 0;
      double comp = 0;
      double slope = 0;
      for (double u : logL2) {
        double si = logistic(t + u);
        double next = sum + si;
        comp += Math.abs(sum) >= si ? (sum - next) + si : (si - next) + sum;
        sum = next;
        slope += si * logistic(-(t + u));
      }
      return new BracketedRoot.Eval(kappa / p * (sum + comp) - 1, kappa / p * slope);
    }, base - maxLog - BRACKET_MARGIN, base - minLog + BRACKET_MARGIN, 1e-15 * Math.max(1, Math.abs(base) + Math.abs(maxLog) + Math.abs(minLog)));
    double t = root.t();
    this.xi = Math.exp(t);
    this.rootIterations = root.iterations();
    this.s = new double[p];
    double curvature = 0;
    double bias = sigma * sigma;
    for (int i = 0; i < p; i++) {
      s[i] = logistic(t + logL2[i]);
      double zeta = logistic(-(t + logL2[i]));
      curvature += s[i] * zeta;
      bias += zeta * zeta * thetaBar[i] * thetaBar[i];
    }
    this.bigGamma = bias / (kappa * (kappa / p * curvature));
  }

  /**
   * Solves Definition 3.2.
   *
   * @param kappa {@code κ = p/n}, greater than 1 (n need not be an integer here)
   * @param lambda the diagonal of Λ, nonzero and finite; copied
   * @param thetaBar the ground truth θ̄, same length; copied
   * @param sigma noise standard deviation, ≥ 0
   * @param h which variance of h to sample with (see {@link HNormalisation})
   */
  public static AuxiliaryDistribution solve(double kappa, double[] lambda, double[] thetaBar, double sigma,
      HNormalisation h) {
    if (!(kappa > 1) || Double.isInfinite(kappa)) {
      throw new IllegalArgumentException("kappa must be finite and greater than 1 (p > n), got " + kappa);
    }
    if (lambda.length == 0 || lambda.length != thetaBar.length) {
      throw new IllegalArgumentException("lambda and thetaBar must have the same positive length, got "
          + lambda.length + " and " + thetaBar.length);
    }
    for (int i = 0; i < lambda.length; i++) {
      if (!(lambda[i] != 0) || !Double.isFinite(lambda[i])) {
        throw new IllegalArgumentException("lambda: entry " + i + " is " + lambda[i]
            + "; Λ must be finite and invertible");
      }
      if (!Double.isFinite(thetaBar[i])) {
        throw new IllegalArgumentException("thetaBar: entry " + i + " is " + thetaBar[i]);
      }
    }
    if (!(sigma >= 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("sigma must be finite and non-negative, got " + sigma);
    }
    if (h == null) {
      throw new IllegalArgumentException("h normalisation must not be null");
    }
    return new AuxiliaryDistribution(kappa, lambda, thetaBar, sigma, h);
  }

  /** {@code 1/(1 + e^{−u})}, evaluated without overflow for any u. */
  static double logistic(double u) {
    if (u >= 0) {
      return 1 / (1 + Math.exp(-u));
    }
    double e = Math.exp(u);
    return e / (1 + e);
  }

  /** Ξ of eq. 3.3. */
  public double xi() {
    return xi;
  }

  /** Γ of Definition 3.2. */
  public double bigGamma() {
    return bigGamma;
  }

  /** ζ (a new array). */
  public double[] zeta() {
    double[] z = new double[s.length];
    for (int i = 0; i < z.length; i++) {
      z[i] = 1 - s[i];
    }
    return z;
  }

  /** {@code 1 − ζ = s} (a new array): the shrinkage applied to θ̄. */
  public double[] shrinkage() {
    return s.clone();
  }

  /** γ (a new array). */
  public double[] gamma() {
    double[] g = new double[s.length];
    double root = kappa * Math.sqrt(bigGamma);
    for (int i = 0; i < g.length; i++) {
      g[i] = root * s[i];
    }
    return g;
  }

  /** The residual {@code (κ/p) Σ s_i − 1} of eq. 3.3 at the computed Ξ. */
  public double rootResidual() {
    double sum = 0;
    for (double si : s) {
      sum += si;
    }
    return kappa / s.length * sum - 1;
  }

  /** Iterations the root finder used. */
  public int rootIterations() {
    return rootIterations;
  }

  public int p() {
    return s.length;
  }

  public double kappa() {
    return kappa;
  }

  public HNormalisation hNormalisation() {
    return hNormalisation;
  }

  /** The population loss of the model this distribution describes. */
  public PopulationLoss populationLoss() {
    return new PopulationLoss(lambda, thetaBar, sigma);
  }

  /**
   * One draw of {@code Λ θ_aux^Λ = (1 − ζ) ∘ θ̄ + γ ∘ h}, i.e. the auxiliary vector in unscaled
   * coordinates, written into {@code out}.
   *
   * @param rng source of h
   * @param out length p, overwritten
   */
  public void sampleUnscaledInto(RandomGenerator rng, double[] out) {
    double sd = hNormalisation.standardDeviation(s.length, n) * kappa * Math.sqrt(bigGamma);
    for (int i = 0; i < out.length; i++) {
      out[i] = s[i] * (thetaBar[i] + sd * rng.nextGaussian());
    }
  }

  /** One draw of {@code θ_aux^Λ = Λ⁻¹ [(1 − ζ) ∘ θ̄ + γ ∘ h]} (eq. 3.4), a new array. */
  public double[] sample(RandomGenerator rng) {
    double[] v = new double[s.length];
    sampleUnscaledInto(rng, v);
    for (int i = 0; i < v.length; i++) {
      v[i] /= lambda[i];
    }
    return v;
  }

  /**
   * {@code E_h ‖Λθ_aux^Λ − θ̄‖² + σ²} in closed form: {@code Σ ζ_i² θ̄_i² + Var(h_i) Σ γ_i² + σ²}.
   * Under {@link HNormalisation#PER_P} this equals {@code κΓ} by the definition of Γ.
   */
  public double expectedTestLoss() {
    double var = Math.pow(hNormalisation.standardDeviation(s.length, n), 2);
    double g2 = kappa * kappa * bigGamma;
    double sum = sigma * sigma;
    for (int i = 0; i < s.length; i++) {
      double zeta = 1 - s[i];
      sum += zeta * zeta * thetaBar[i] * thetaBar[i] + var * g2 * s[i] * s[i];
    }
    return sum;
  }
}
