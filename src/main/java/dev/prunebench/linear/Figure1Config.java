package dev.prunebench.linear;

import dev.prunebench.linalg.Backend;
import dev.prunebench.linalg.LeastSquaresAlgorithm;
import dev.prunebench.linalg.Parallelism;
import dev.prunebench.theory.HNormalisation;
import java.util.List;
import java.util.TreeSet;

/**
 * Everything that defines a run of the Figure 1 experiment (paper Section 3.1). {@link #paper()}
 * is the paper's configuration: p = 1000, κ = p/n = 5/3 (n = 600), σ = 0.1, θ̄ polynomial, Λ of
 * eq. 3.5 with f = 1/10, λ ∈ {1/2, 1, 5}.
 *
 * @param p number of features
 * @param n number of samples, {@code 1 ≤ n < p} (Definition 3.2 needs κ &gt; 1)
 * @param sigma label-noise standard deviation σ
 * @param theta ground-truth profile θ̄
 * @param fraction f of eq. 3.5: the leading fraction of coordinates scaled by λ
 * @param lambdas the λ values, each a separate curve
 * @param sparsities kept fractions s/p in [0, 1]; the counts {@code round(s/p · p)} are de-duplicated
 *     and sorted
 * @param trials empirical min-norm solves per λ (each with a fresh X, z; the same across λ)
 * @param draws Monte-Carlo draws of h per λ for the analytic curves
 * @param seed master seed; every random number derives from it
 * @param backend the backend that solves, thresholds and multiplies
 * @param parallelism threads the backend may use
 * @param algorithm the min-norm algorithm
 * @param hessian the Hessian diagonal empirical HP uses
 * @param h the variance of h in Definition 3.2 ({@link HNormalisation#PER_P} matches the closed form)
 */
public record Figure1Config(int p, int n, double sigma, ThetaProfile theta, double fraction, List<Double> lambdas,
    List<Double> sparsities, int trials, int draws, long seed, Backend backend, Parallelism parallelism,
    LeastSquaresAlgorithm algorithm, HessianSource hessian, HNormalisation h) {

  /** Default number of points of the sparsity grid: s/p = 1/50, 2/50, …, 1. */
  public static final int DEFAULT_GRID_POINTS = 50;

  public Figure1Config {
    if (p < 2) {
      throw new IllegalArgumentException("p must be at least 2, got " + p);
    }
    if (n < 1 || n >= p) {
      throw new IllegalArgumentException("n must be in [1, p) = [1, " + p + ") so that κ = p/n > 1, got " + n);
    }
    if ((long) n * p > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("p: the n × p = " + n + " × " + p + " design matrix has " + (long) n * p
          + " entries, more than a Java array holds (2³¹ − 1); choose a smaller p (or n)");
    }
    if (!(sigma >= 0) || Double.isInfinite(sigma)) {
      throw new IllegalArgumentException("sigma must be finite and non-negative, got " + sigma);
    }
    if (!Double.isFinite(sigma * sigma * p)) {
      // The losses carry σ² (and the labels' p-fold sums): past this every loss is infinite, no result.
      throw new IllegalArgumentException("sigma: σ = " + sigma + " makes σ²·p overflow a double");
    }
    if (!(fraction >= 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must be in [0, 1], got " + fraction);
    }
    if (lambdas == null || lambdas.isEmpty()) {
      throw new IllegalArgumentException("lambdas must list at least one λ, got " + lambdas);
    }
    double limit = lambdaLimit(n, p, algorithm == null ? LeastSquaresAlgorithm.DEFAULT : algorithm);
    for (double l : lambdas) {
      if (!(l > 0) || Double.isInfinite(l)) {
        throw new IllegalArgumentException("lambdas: each λ must be finite and positive, got " + l);
      }
      if (l > limit || l < 1 / limit) {
        throw new IllegalArgumentException(String.format(java.util.Locale.ROOT, "lambdas: λ = %s is outside "
            + "[1/%.3g, %.3g], where every min-norm solve by %s is numerically rank-deficient at p = %d (use "
            + "--algorithm svd for a wider range)", l, limit, limit, algorithm, p));
      }
    }
    if (sparsities == null || sparsities.isEmpty()) {
      throw new IllegalArgumentException("sparsities must list at least one fraction, got " + sparsities);
    }
    for (double s : sparsities) {
      if (!(s >= 0 && s <= 1)) {
        throw new IllegalArgumentException("sparsities: each kept fraction must be in [0, 1], got " + s);
      }
    }
    if (trials < 2) {
      throw new IllegalArgumentException("trials must be at least 2 for a standard error, got " + trials);
    }
    if (draws < 2) {
      throw new IllegalArgumentException("draws must be at least 2 for a standard error, got " + draws);
    }
    if (theta == null || backend == null || parallelism == null || algorithm == null || hessian == null
        || h == null) {
      throw new IllegalArgumentException("theta, backend, parallelism, algorithm, hessian and h must be set");
    }
    lambdas = List.copyOf(lambdas);
    sparsities = List.copyOf(sparsities);
  }

  /**
   * The largest usable scale ratio λ (and 1/λ the smallest): scaling a block of columns by λ makes
   * cond(XΛ) grow as λ, and every solver refuses a factor whose pivots fall below ε·max(n, p) times the
   * largest (the shared QR/Cholesky rank rule). The Cholesky algorithm factors the Gram matrix
   * XΛ²Xᵀ, whose condition number grows as λ², so its limit is the square root:
   * 1/√(ε·max(n, p)) ≈ 2.1e6 at p = 1000 (measured: λ = 1e6 runs, 1e7 fails); QR and SVD work on XΛ
   * itself, limit 1/(ε·max(n, p)).
   */
  public static double lambdaLimit(int n, int p, LeastSquaresAlgorithm algorithm) {
    double rank = Math.ulp(1.0) * Math.max(n, p);
    return algorithm == LeastSquaresAlgorithm.CHOLESKY ? 1 / Math.sqrt(rank) : 1 / rank;
  }

  /**
   * The dominant arrays of a run ({@link dev.prunebench.util.MemoryBudget}): per trial the sample design X
   * and its λ-scaled copy on the heap, the backend's copy of XΛ and the n × n Gram matrix (or the
   * factorisation's workspace of the same order).
   */
  public dev.prunebench.util.MemoryBudget.Estimate memoryEstimate() {
    double np = (double) n * p;
    return dev.prunebench.util.MemoryBudget.Estimate.of(2 * np, np + (double) n * n,
        backend.nativeMatrices());
  }

  /** The paper's Figure 1 configuration with the given trials, draws and seed. */
  public static Figure1Config paper(int trials, int draws, long seed) {
    return new Figure1Config(1000, 600, 0.1, ThetaProfile.POLYNOMIAL, 0.1, List.of(0.5, 1.0, 5.0),
        uniformGrid(DEFAULT_GRID_POINTS), trials, draws, seed, Backend.REFERENCE, Parallelism.ALL_CORES,
        LeastSquaresAlgorithm.DEFAULT, HessianSource.POPULATION, HNormalisation.PER_P);
  }

  /** {@code k/points} for k = 1..points. */
  public static List<Double> uniformGrid(int points) {
    if (points < 1) {
      throw new IllegalArgumentException("points must be at least 1, got " + points);
    }
    Double[] g = new Double[points];
    for (int k = 1; k <= points; k++) {
      g[k - 1] = (double) k / points;
    }
    return List.of(g);
  }

  /** {@code n = round(p/κ)}. */
  public static int samplesFor(int p, double kappa) {
    if (!(kappa > 1) || Double.isInfinite(kappa)) {
      throw new IllegalArgumentException("kappa must be finite and greater than 1, got " + kappa);
    }
    return (int) Math.round(p / kappa);
  }

  /** {@code κ = p/n}. */
  public double kappa() {
    return (double) p / n;
  }

  /** The kept counts s, sorted and distinct. */
  public int[] sparsityCounts() {
    TreeSet<Integer> counts = new TreeSet<>();
    for (double f : sparsities) {
      counts.add((int) Math.round(f * p));
    }
    return counts.stream().mapToInt(Integer::intValue).toArray();
  }

  /** A copy with another backend. */
  public Figure1Config withBackend(Backend other) {
    return new Figure1Config(p, n, sigma, theta, fraction, lambdas, sparsities, trials, draws, seed, other,
        parallelism, algorithm, hessian, h);
  }

  /** The Λ profile for one λ. */
  public LambdaProfile.Leading lambdaProfile(double lambda) {
    return new LambdaProfile.Leading(lambda, fraction);
  }
}
