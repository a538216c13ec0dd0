package dev.prunebench.linalg;

import dev.prunebench.util.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The hard-matrix catalogue (issue 19 item 5): least-squares problems on which a path that decides
 * rank or conditioning from a diagonal entry alone, or that does not scale, returns a wrong answer.
 * Used by the hard-matrix contract test and the accuracy table, never by the JMH benchmarks (the
 * members have fixed, small sizes, so that the 60-digit reference {@code accuracy.HighPrecision}
 * stays cheap). Constructions are in {@link HardMatrices}; every member comes in a square, a tall and
 * a wide variant ({@link Shape}).
 *
 * <p><b>The right answer.</b> {@code θ = X⁺ y} (paper eq. 3.2) under the library's rcond rule
 * ({@link LeastSquares}): singular values {@code σ ≤ ε·max(n, p)·σ_max} count as zero. So the
 * reference is the minimum-norm solution of the rank-r truncation {@code X_r} of the exact double
 * matrix (Eckart–Young), where {@link #droppedByCutoff()} says how many directions the rule drops
 * beyond the exact rank. Two members drop one: {@link #KAHAN_RANK_HIDDEN} and {@link #CUTOFF_BELOW};
 * for them X is exactly nonsingular, yet its untruncated solution is not the answer the interface
 * promises (and differs from the truncated one by O(1) relative). The graded members are the
 * exception: after diagonal scaling they are well conditioned (issue 19 item 3), so their reference
 * is the exact {@code X⁺y} although κ₂ mostly exceeds {@code 1/(ε·max(n, p))}; the contract's normwise
 * bound is then at least of order 1, so it accepts the truncated SVD answer as well (its relative
 * distance to X⁺y is O(1)): what the graded members check is that nothing non-finite or huge comes back.
 */
public enum HardMatrix {
  /** Kahan's matrix, k = 32, c = 0.6: κ ≈ 6e9 while R's diagonal spans only 1e-3. */
  KAHAN(32, 0),
  /**
   * Kahan's matrix, k = 40, c = 0.7: σ_min is 0.07 of the cutoff ε·m·σ_max, yet the smallest diagonal
   * entry of R (also of column-pivoted R) is 2e-6 of the largest, 2e8 times the rank gate;
   * σ_{k−1}/σ_max ≈ 6e-7.
   */
  KAHAN_RANK_HIDDEN(40, 1),
  /** Hilbert matrix {@code 1/(i + j + 1)}: κ ≈ 1.6e13 square (10 x 10), 6e11 for 16 x 10 and 10 x 16. */
  HILBERT(10, 0),
  /** Vandermonde matrix in the monomial basis on equispaced [0, 1]: κ from 4e6 (12 x 32) to 9e8 (12 x 12). */
  VANDERMONDE(12, 0),
  /**
   * Gaussian rows scaled by 1e-8 … 1e8: κ₂ ≈ 1e16–1e17 (5e10 for 32 x 20, where the 20 largest rows
   * dominate), κ ≈ 1e1–1e2 after row scaling.
   */
  GRADED_ROWS(24, 0),
  /** Gaussian columns scaled by 1e-8 … 1e8: κ₂ ≈ 1e16–1e17 (8e10 for 20 x 32), κ ≈ 1e1–1e2 after column scaling. */
  GRADED_COLUMNS(24, 0),
  /**
   * Integers, exact rank {@code min(n, p) − 1} with the dependency hidden from unpivoted R (issue
   * 19's 32 x 32 example; see {@link HardMatrices#integerRankHidden}); κ of the rank-r part 2e3–7e3.
   */
  INTEGER_RANK_HIDDEN(32, 0),
  /**
   * σ log-spaced 1 … 1e-3 and σ_min ten times the cutoff ε·max(n, p): full rank, κ ≈ 1/(10 ε m). The
   * normwise bound then allows a relative error of order 1, so this member checks rank decisions
   * (no refusal is required, nothing may be dropped silently beyond that) and finiteness.
   */
  CUTOFF_ABOVE(24, 0),
  /** As {@link #CUTOFF_ABOVE} with σ_min a tenth of the cutoff: the rcond rule drops it; κ_r = 1e3. */
  CUTOFF_BELOW(24, 1),
  /** Gaussian times 2^-1030 (entries ≈ 1e-310, subnormal): X⁺ (≈ 1e310) is not representable, θ* is. */
  SUBNORMAL(24, 0),
  /** Gaussian times 2^997 (entries ≈ 1e300): X Xᵀ overflows, X⁺ and θ* are representable. */
  NEAR_OVERFLOW(24, 0);

  /** The square member is {@code k x k}; the tall and wide ones add {@link #extra(int)} rows or columns. */
  private final int k;
  private final int dropped;

  HardMatrix(int k, int dropped) {
    this.k = k;
    this.dropped = dropped;
  }

  /** Square, tall (n &gt; p) and wide (n &lt; p, the paper's regime) variants. */
  public enum Shape {
    SQUARE, TALL, WIDE;

    public String cliName() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** One catalogue problem: design X, right-hand side y (one column) and the names. */
  public record Problem(HardMatrix kind, Shape shape, Matrix x, Matrix y) {
    public int rows() {
      return x.rows();
    }

    public int cols() {
      return x.cols();
    }

    @Override
    public String toString() {
      return kind.cliName() + " " + shape.cliName() + " " + x.rows() + "x" + x.cols();
    }
  }

  /** Rows and columns added to the square size for the tall and wide members. */
  private int extra() {
    return switch (this) {
      case HILBERT -> 6;
      case VANDERMONDE -> 20;
      case GRADED_ROWS, GRADED_COLUMNS, CUTOFF_ABOVE, CUTOFF_BELOW, SUBNORMAL, NEAR_OVERFLOW -> 12;
      default -> 8;
    };
  }

  /** Rows of the member of this shape. */
  public int rows(Shape shape) {
    return switch (shape) {
      case SQUARE, WIDE -> small(shape);
      case TALL -> small(shape) + extra();
    };
  }

  /** Columns of the member of this shape. */
  public int cols(Shape shape) {
    return switch (shape) {
      case SQUARE, TALL -> small(shape);
      case WIDE -> small(shape) + extra();
    };
  }

  /** The smaller dimension; the random members use 20 x 32 / 32 x 20 like {@code AccuracyShape}. */
  private int small(Shape shape) {
    boolean random = switch (this) {
      case GRADED_ROWS, GRADED_COLUMNS, CUTOFF_ABOVE, CUTOFF_BELOW, SUBNORMAL, NEAR_OVERFLOW -> true;
      default -> false;
    };
    return random && shape != Shape.SQUARE ? 20 : k;
  }

  /**
   * How many singular values above the exact rank's zero ones the default rcond rule drops (the
   * reference drops them too): 1 for {@link #KAHAN_RANK_HIDDEN} and {@link #CUTOFF_BELOW}, else 0.
   */
  public int droppedByCutoff() {
    return dropped;
  }

  /**
   * The member of this shape.
   *
   * @param seed used by the random members (graded, integer, cutoff, subnormal, overflow); Kahan,
   *     Hilbert and Vandermonde are deterministic by definition
   */
  public Matrix generate(Shape shape, long seed) {
    int n = rows(shape);
    int p = cols(shape);
    boolean tall = shape == Shape.TALL;
    double[] x = switch (this) {
      case KAHAN, KAHAN_RANK_HIDDEN -> {
        double[] kahan = HardMatrices.kahan(k, this == KAHAN ? 0.6 : 0.7);
        yield shape == Shape.SQUARE ? kahan : HardMatrices.padded(kahan, k, extra(), tall);
      }
      case HILBERT -> HardMatrices.hilbert(n, p);
      case VANDERMONDE -> HardMatrices.vandermonde(n, p);
      case GRADED_ROWS -> HardMatrices.graded(n, p, 16, true, seed);
      case GRADED_COLUMNS -> HardMatrices.graded(n, p, 16, false, seed);
      case INTEGER_RANK_HIDDEN -> HardMatrices.integerRankHidden(n, p, seed);
      case CUTOFF_ABOVE -> HardMatrices.nearCutoff(n, p, 10, seed);
      case CUTOFF_BELOW -> HardMatrices.nearCutoff(n, p, 0.1, seed);
      case SUBNORMAL -> HardMatrices.scaledGaussian(n, p, -1030, seed);
      case NEAR_OVERFLOW -> HardMatrices.scaledGaussian(n, p, 997, seed);
    };
    return Matrix.wrap(n, p, x);
  }

  /**
   * The problem of this shape: X from {@link #generate} and {@code y = X θ₀} (one column, rounded in
   * double) with θ₀ Gaussian, so that θ* is of order 1 whatever the scale of X, and y has no
   * component that only a huge θ could fit except what X's own small singular values put there.
   */
  public Problem problem(Shape shape, long seed) {
    Matrix x = generate(shape, seed);
    double[] theta0 = Rng.gaussian(Rng.of(seed ^ 0x5DEECE66DL), x.cols(), 1.0);
    double[] y = new double[x.rows()];
    for (int i = 0; i < x.rows(); i++) {
      double s = 0;
      for (int j = 0; j < x.cols(); j++) {
        s += x.get(i, j) * theta0[j];
      }
      y[i] = s;
    }
    return new Problem(this, shape, x, Matrix.wrap(x.rows(), 1, y));
  }

  /** Every member of the catalogue, in declaration order, each shape. */
  public static List<Problem> all(long seed) {
    List<Problem> out = new ArrayList<>();
    for (HardMatrix h : values()) {
      for (Shape s : Shape.values()) {
        out.add(h.problem(s, seed * 31 + h.ordinal() * 7L + s.ordinal()));
      }
    }
    return out;
  }

  /** The lower-case name used in reports. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT).replace('_', '-');
  }
}
