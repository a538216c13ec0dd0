package dev.prunebench.linalg;

import static dev.prunebench.linalg.Check.EPS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.fail;

import dev.prunebench.util.Rng;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Contract of {@link LeastSquares}: minimum-norm least squares {@code θ = X⁺ y} (paper eq. 3.2) and
 * the pseudo-inverse, on every backend, for every problem class of {@link MatrixClass} and every
 * shape (n &lt; p, n = p, n &gt; p, 1 x 1, 1 x p, n x 1).
 *
 * <p>Tolerances are LAPACK-test style: each check divides a residual by the size its rounding error
 * can have for a backward-stable algorithm ({@code ε · m · scale}, m = max(n, p), Frobenius norms)
 * and requires the ratio to be at most {@link #RATIO} = 30, the threshold of the LAPACK test suite
 * (xQRT16/xQRT17, xSVD drivers). The condition number κ = σ_max/σ_min (of the nonzero part; from the
 * independent Jacobi SVD in {@link Naive}) enters where perturbation theory says it must: forward
 * errors of QR and SVD scale with κ, everything about CHOLESKY (which solves the normal equations
 * and so squares the condition number) with κ². The measured maxima are in
 * {@code target/contract-errors.csv}: over all five backends the largest ratio is 1.6 (a 1 x 1
 * system, where ε·m is a single rounding), so 30 leaves a wide margin while an error even 1e-10
 * relative on a well-conditioned problem exceeds it by orders of magnitude (see
 * {@link ContractSuiteCatchesBugsTest}).
 */
@ExtendWith(ContractErrors.class)
class LeastSquaresContractTest {
  /** LAPACK's test threshold for normalised residual ratios. */
  static final double RATIO = 30;

  record Case(MatrixClass cls, int n, int p) {
    Matrix x() {
      return cls.generate(n, p, Check.seed("X", cls.name(), n, p));
    }

    int m() {
      return Math.max(n, p);
    }

    @Override
    public String toString() {
      return cls.cliName() + " " + n + "x" + p;
    }
  }

  private static final int[][] SHAPES = {{30, 50}, {50, 30}, {40, 40}};
  private static final int[][] TINY = {{1, 1}, {1, 7}, {7, 1}};

  /** Full-rank classes on every shape, tiny shapes, one 120 x 200 member. */
  static List<Case> fullRankCases() {
    List<Case> cases = new ArrayList<>();
    for (MatrixClass cls : MatrixClass.values()) {
      if (cls.fullRank()) {
        for (int[] s : SHAPES) {
          cases.add(new Case(cls, s[0], s[1]));
        }
      }
    }
    for (int[] s : TINY) {
      cases.add(new Case(MatrixClass.GAUSSIAN, s[0], s[1]));
    }
    cases.add(new Case(MatrixClass.BADLY_SCALED_ROWS, 7, 1));
    cases.add(new Case(MatrixClass.GAUSSIAN, 120, 200));
    cases.add(new Case(MatrixClass.CONDITION_1E8, 120, 200));
    return cases;
  }

  static List<Case> rankDeficientCases() {
    List<Case> cases = new ArrayList<>();
    for (MatrixClass cls : MatrixClass.values()) {
      if (!cls.fullRank()) {
        for (int[] s : SHAPES) {
          cases.add(new Case(cls, s[0], s[1]));
        }
      }
    }
    cases.add(new Case(MatrixClass.DUPLICATED_ROWS, 120, 200));
    return cases;
  }

  static Stream<Arguments> allCases() {
    List<Case> all = new ArrayList<>(fullRankCases());
    all.addAll(rankDeficientCases());
    return TestBackends.cross(all);
  }

  static Stream<Arguments> fullRank() {
    return TestBackends.cross(fullRankCases());
  }

  static Stream<Arguments> rankDeficient() {
    return TestBackends.cross(rankDeficientCases());
  }

  // ---------------------------------------------------------------------------------------------
  // Pseudo-inverse

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("allCases")
  void pseudoInverseSatisfiesThePenroseConditionsAndMatchesTheOracle(Backend backend, Case c) {
    penrose(TestBackends.create(backend), backend, c);
  }

  static <M> void penrose(LinearAlgebraBackend<M> b, Backend backend, Case c) {
    Matrix x = c.x();
    M xm = b.fromBoundary(x);
    Matrix pinv = Check.take(b, b.pseudoInverse(xm));
    assertThat(b.toBoundary(xm)).as("pseudoInverse must not modify X").isEqualTo(x);
    b.release(xm);
    assertThat(pinv.rows()).as("rows of X⁺").isEqualTo(c.p);
    assertThat(pinv.cols()).as("cols of X⁺").isEqualTo(c.n);

    double nx = x.frobeniusNorm();
    double np = pinv.frobeniusNorm();
    double unit = EPS * c.m();
    Matrix xp = Naive.multiply(x, pinv);
    Matrix px = Naive.multiply(pinv, x);
    // Penrose 1-4, each normalised by the size of its rounding error: a perturbation δ of X⁺ with
    // ‖δ‖ ≤ ε·m·‖X⁺‖ moves X X⁺ X by ‖X‖·ε·m·‖X⁺‖·‖X‖, and so on (κ_F = ‖X‖_F ‖X⁺‖_F is built in).
    Check.ratio(backend, "pseudoInverse", "penrose1 XX+X=X",
        Naive.subtract(Naive.multiply(xp, x), x).frobeniusNorm() / (unit * nx * np * nx), RATIO, c.toString());
    Check.ratio(backend, "pseudoInverse", "penrose2 X+XX+=X+",
        Naive.subtract(Naive.multiply(px, pinv), pinv).frobeniusNorm() / (unit * np * nx * np), RATIO,
        c.toString());
    Check.ratio(backend, "pseudoInverse", "penrose3 XX+ symmetric",
        Naive.subtract(xp, xp.transpose()).frobeniusNorm() / (unit * nx * np), RATIO, c.toString());
    Check.ratio(backend, "pseudoInverse", "penrose4 X+X symmetric",
        Naive.subtract(px, px.transpose()).frobeniusNorm() / (unit * nx * np), RATIO, c.toString());

    // Agreement with the Jacobi oracle keeping the same singular values (rcond rule ε·m): for a fixed
    // rank r, ‖δX⁺‖/‖X⁺‖ ≲ κ_r · ‖δX‖/‖X‖ (Wedin), so the forward error is normalised by ε·m·κ_r.
    Naive.Svd svd = Naive.svd(x);
    int rank = svd.rankAbove(LeastSquares.defaultRcond(c.n, c.p));
    assertThat(rank).as("oracle rank of %s (rcond ε·m)", c).isEqualTo(c.cls.rank(c.n, c.p));
    Matrix oracle = svd.pseudoInverse(rank);
    double kappa = svd.condition(rank);
    Check.ratio(backend, "pseudoInverse", "forward error vs oracle",
        Naive.subtract(pinv, oracle).frobeniusNorm() / oracle.frobeniusNorm() / (unit * kappa), RATIO,
        c + " κ=" + String.format("%.2g", kappa));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.prunebench.linalg.TestBackends#backends")
  void pseudoInverseTreatsSingularValuesBelowRcondAsZero(Backend backend) {
    rcondTruncation(TestBackends.create(backend), backend);
  }

  static <M> void rcondTruncation(LinearAlgebraBackend<M> b, Backend backend) {
    Case c = new Case(MatrixClass.CONDITION_1E8, 40, 40);
    Matrix x = c.x();
    Naive.Svd svd = Naive.svd(x);
    // σ_k = 1e-8^(k/39): put rcond halfway (geometrically) between σ_19 and σ_20, so the rule
    // "σ ≤ rcond·σ_max is zero" keeps exactly 20 values with a margin of 10^(8/78) ≈ 1.27 each side.
    double rcond = Math.sqrt(svd.sigma()[19] * svd.sigma()[20]) / svd.sigma()[0];
    assertThat(svd.rankAbove(rcond)).isEqualTo(20);
    Matrix oracle = svd.pseudoInverse(20);
    M xm = b.fromBoundary(x);
    Matrix pinv = Check.take(b, b.pseudoInverse(xm, rcond));
    M y = b.fromBoundary(Rng.gaussian(Rng.of(7), 40, 1));
    Matrix theta = Check.take(b, b.solveMinNorm(xm, y, LeastSquaresAlgorithm.SVD, rcond));
    Matrix thetaOracle = Naive.multiply(oracle, b.toBoundary(y));
    b.release(xm);
    b.release(y);
    // The truncated pseudo-inverse is as sensitive as κ_20 = σ_0/σ_19 ≈ 1e4 times the inverse
    // relative gap (σ_19 − σ_20)/σ_19 ≈ 0.4 (Wedin): scale ε·m·κ_20/gap.
    double kappaGap = svd.condition(20) / ((svd.sigma()[19] - svd.sigma()[20]) / svd.sigma()[19]);
    double unit = EPS * c.m() * kappaGap;
    Check.ratio(backend, "pseudoInverse", "rcond truncation vs oracle",
        Naive.subtract(pinv, oracle).frobeniusNorm() / oracle.frobeniusNorm() / unit, RATIO, "rcond=" + rcond);
    Check.ratio(backend, "solveMinNorm/svd", "rcond truncation vs oracle",
        Naive.subtract(theta, thetaOracle).frobeniusNorm() / thetaOracle.frobeniusNorm() / unit, RATIO,
        "rcond=" + rcond);
  }

  // ---------------------------------------------------------------------------------------------
  // Minimum-norm solutions, full rank

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("fullRank")
  void everyAlgorithmSolvesConsistentFullRankSystemsWithTheMinimumNormSolution(Backend backend, Case c) {
    fullRankSolve(TestBackends.create(backend), backend, c);
  }

  static <M> void fullRankSolve(LinearAlgebraBackend<M> b, Backend backend, Case c) {
    Matrix x = c.x();
    // Two right-hand sides, both consistent: y = X θ*, θ* Gaussian.
    Matrix y = Naive.multiply(x, Rng.gaussian(Rng.of(Check.seed("theta*", c)), c.p, 2));
    Naive.Svd svd = Naive.svd(x);
    int rank = Math.min(c.n, c.p);
    double kappa = svd.condition(rank);
    Matrix oracle = Naive.multiply(svd.pseudoInverse(rank), y);
    M xm = b.fromBoundary(x);
    M ym = b.fromBoundary(y);
    for (LeastSquaresAlgorithm alg : LeastSquaresAlgorithm.values()) {
      String kernel = "solveMinNorm/" + alg.cliName();
      String what = c + " κ=" + String.format("%.2g", kappa);
      // How far rounding can push the algorithm: QR and SVD are backward stable, so errors scale
      // with κ; CHOLESKY forms the Gram matrix (condition κ²).
      double k = alg == LeastSquaresAlgorithm.CHOLESKY ? kappa * kappa : kappa;
      boolean mustSucceed = switch (alg) {
        // Cholesky of a Gram matrix G provably runs to completion when 20·m^{3/2}·ε·κ(G) < 1
        // (Higham, Accuracy and Stability, Thm 10.7); κ(G) = κ².
        case CHOLESKY -> 20 * Math.pow(c.m(), 1.5) * EPS * kappa * kappa < 1;
        // X is numerically full rank relative to ε·m by a factor 100.
        case QR -> c.m() * EPS * kappa < 1e-2;
        case SVD -> true;
      };
      M tm;
      try {
        tm = b.solveMinNorm(xm, ym, alg);
      } catch (RankDeficientException e) {
        if (mustSucceed) {
          throw new AssertionError(backend.cliName() + " " + kernel + " " + what
              + ": full-rank X must not be reported rank-deficient", e);
        }
        assertThat(e.getMessage()).as("RankDeficientException message").isNotBlank();
        // not an error: recorded as 0 so the table shows the algorithm was exercised and declined
        ContractErrors.record(backend, kernel, "beyond guarantee: threw (0) or rel. error", 0,
            Double.POSITIVE_INFINITY, what + " threw");
        continue;
      }
      Matrix theta = Check.take(b, tm);
      assertThat(theta.rows()).isEqualTo(c.p);
      assertThat(theta.cols()).isEqualTo(2);
      if (!mustSucceed) {
        // Beyond its guarantee an algorithm may be inaccurate, but never NaN/Inf without a signal.
        assertThat(Check.allFinite(theta)).as("%s %s %s: finite result or RankDeficientException",
            backend.cliName(), kernel, what).isTrue();
        // informational only (tolerance ∞): how wrong the algorithm is where nothing is promised
        ContractErrors.record(backend, kernel, "beyond guarantee: threw (0) or rel. error",
            Naive.subtract(theta, oracle).frobeniusNorm() / oracle.frobeniusNorm(), Double.POSITIVE_INFINITY,
            what + " returned");
        continue;
      }
      double unit = EPS * c.m();
      double nx = x.frobeniusNorm();
      // Residual ‖Xθ − y‖ ≤ ε·m·‖X‖·‖θ‖ for a backward-stable method on a consistent system
      // (LAPACK xQRT16); Cholesky solves with κ(G) and gets ε·m·κ·‖X‖·‖θ‖ (n < p) or κ² (n ≥ p):
      // k covers both.
      double residual = Naive.subtract(Naive.multiply(x, theta), y).frobeniusNorm();
      Check.ratio(backend, kernel, "residual Xθ−y",
          residual / (unit * nx * theta.frobeniusNorm() * (alg == LeastSquaresAlgorithm.CHOLESKY ? k : 1)),
          RATIO, what);
      // θ must lie in the row space of X (no null-space component): that is what makes it the
      // minimum-norm solution. For n ≥ p the null space is {0}.
      Check.ratio(backend, kernel, "null-space component",
          svd.distanceFromRowSpace(theta, rank) / (unit * kappa * theta.frobeniusNorm()), RATIO, what);
      // Forward error against the oracle's X⁺y: κ·ε·m for QR/SVD, κ²·ε·m for Cholesky.
      Check.ratio(backend, kernel, "forward error vs oracle",
          Naive.subtract(theta, oracle).frobeniusNorm() / oracle.frobeniusNorm() / (unit * k), RATIO, what);
    }
    assertThat(b.toBoundary(xm)).as("solveMinNorm must not modify X").isEqualTo(x);
    assertThat(b.toBoundary(ym)).as("solveMinNorm must not modify y").isEqualTo(y);
    b.release(xm);
    b.release(ym);
  }

  /** Full-rank cases with n &gt; p: only they have inconsistent systems with a full-rank X. */
  static Stream<Arguments> overDetermined() {
    return TestBackends.cross(fullRankCases().stream().filter(c -> c.n > c.p).toList());
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("overDetermined")
  void overDeterminedInconsistentSystemsGetTheLeastSquaresSolution(Backend backend, Case c) {
    leastSquaresSolve(TestBackends.create(backend), backend, c);
  }

  static <M> void leastSquaresSolve(LinearAlgebraBackend<M> b, Backend backend, Case c) {
    Matrix x = c.x();
    Matrix y = Rng.gaussian(Rng.of(Check.seed("y", c)), c.n, 1);
    Naive.Svd svd = Naive.svd(x);
    double kappa = svd.condition(c.p);
    M xm = b.fromBoundary(x);
    M ym = b.fromBoundary(y);
    for (LeastSquaresAlgorithm alg : LeastSquaresAlgorithm.values()) {
      String kernel = "solveMinNorm/" + alg.cliName();
      double k = alg == LeastSquaresAlgorithm.CHOLESKY ? kappa * kappa : kappa;
      // only where the full-rank test says the algorithm is guaranteed to work
      if (alg == LeastSquaresAlgorithm.CHOLESKY && 20 * Math.pow(c.m(), 1.5) * EPS * k >= 1
          || alg == LeastSquaresAlgorithm.QR && c.m() * EPS * kappa >= 1e-2) {
        continue;
      }
      Matrix theta = Check.take(b, b.solveMinNorm(xm, ym, alg));
      Matrix r = Naive.subtract(y, Naive.multiply(x, theta));
      double nx = x.frobeniusNorm();
      // Normal equations Xᵀr = 0. A backward-stable solution (exact for X + E, ‖E‖ ≤ ε‖X‖) has
      // ‖Xᵀr‖ ≤ ε·‖X‖·(‖X‖‖θ‖ + ‖r‖) (LAPACK xQRT17 normalisation); Cholesky is backward stable for
      // the normal equations themselves, so the same bound holds for it.
      double ne = Naive.multiply(x.transpose(), r).frobeniusNorm()
          / (EPS * c.m() * nx * (nx * theta.frobeniusNorm() + r.frobeniusNorm()));
      Check.ratio(backend, kernel, "normal equations Xᵀr", ne, RATIO, c.toString());
    }
    b.release(xm);
    b.release(ym);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.prunebench.linalg.TestBackends#backends")
  void theSingleThreadedPathMeetsTheSameContract(Backend backend) {
    LinearAlgebraBackend<?> single = TestBackends.create(backend, Parallelism.SINGLE);
    fullRankSolve(single, backend, new Case(MatrixClass.GAUSSIAN, 120, 200));
    fullRankSolve(single, backend, new Case(MatrixClass.CONDITION_1E8, 50, 30));
    penrose(single, backend, new Case(MatrixClass.DUPLICATED_COLUMNS, 50, 30));
    rankDeficientSolve(single, backend, new Case(MatrixClass.LOW_RANK_PRODUCT, 30, 50));
  }

  static Stream<Arguments> extremeMagnitudes() {
    List<Object[]> cases = new ArrayList<>();
    for (int exponent : new int[] {600, -600}) {
      cases.add(new Object[] {new Case(MatrixClass.GAUSSIAN, 30, 50), exponent});
      cases.add(new Object[] {new Case(MatrixClass.GAUSSIAN, 50, 30), exponent});
    }
    return TestBackends.selected().stream().flatMap(b -> cases.stream().map(c -> Arguments.of(b, c[0], c[1])));
  }

  /**
   * Issue item 5, "never a silent wrong answer", at the ends of the exponent range: X scaled by
   * 2^±600 has a Gram matrix (2^±1200) that overflows or underflows. Every algorithm must either
   * throw an {@link IllegalArgumentException} (a {@link RankDeficientException} included) or return
   * the right answer {@code X'⁺y = 2^∓600 X⁺y}, to the same tolerance as unscaled X; NaN, ∞ or
   * silently wrong values fail.
   */
  @ParameterizedTest(name = "{0} {1} scaled by 2^{2}")
  @MethodSource("extremeMagnitudes")
  void extremeMagnitudesGiveTheRightAnswerOrAnException(Backend backend, Case c, int exponent) {
    extremeMagnitudes(TestBackends.create(backend), backend, c, exponent);
  }

  static <M> void extremeMagnitudes(LinearAlgebraBackend<M> b, Backend backend, Case c, int exponent) {
    Matrix x = c.x();
    double scale = Math.scalb(1.0, exponent);
    double[] xs = x.toArray();
    for (int k = 0; k < xs.length; k++) {
      xs[k] *= scale; // exact: a power of two, no overflow or underflow for Gaussian entries
    }
    Matrix scaled = Matrix.of(c.n, c.p, xs);
    Matrix y = Naive.multiply(x, Rng.gaussian(Rng.of(Check.seed("theta*", c)), c.p, 1));
    Naive.Svd svd = Naive.svd(x);
    int rank = Math.min(c.n, c.p);
    double kappa = svd.condition(rank);
    // (cX)⁺ = X⁺/c, computed exactly from the unscaled oracle
    Matrix oracle = Naive.multiply(svd.pseudoInverse(rank), y);
    double[] os = oracle.toArray();
    for (int k = 0; k < os.length; k++) {
      os[k] /= scale;
    }
    oracle = Matrix.of(c.p, 1, os);
    String what = c + " · 2^" + exponent;
    M xm = b.fromBoundary(scaled);
    M ym = b.fromBoundary(y);
    for (LeastSquaresAlgorithm alg : LeastSquaresAlgorithm.values()) {
      String kernel = "solveMinNorm/" + alg.cliName();
      double k = alg == LeastSquaresAlgorithm.CHOLESKY ? kappa * kappa : kappa;
      Matrix theta;
      try {
        theta = Check.take(b, b.solveMinNorm(xm, ym, alg));
      } catch (IllegalArgumentException e) {
        ContractErrors.record(backend, kernel, "extreme magnitude: threw (0) or error", 0, RATIO, what + " threw");
        continue;
      }
      // same forward-error normalisation as for unscaled X (fullRankSolve): scaling by 2^e is exact
      double err = Naive.subtract(theta, oracle).frobeniusNorm() / oracle.frobeniusNorm() / (EPS * c.m() * k);
      Check.ratio(backend, kernel, "extreme magnitude: threw (0) or error", Check.allFinite(theta) ? err : Double.NaN,
          RATIO, what + " returned");
    }
    try {
      Matrix pinv = Check.take(b, b.pseudoInverse(xm));
      Matrix expected = svd.pseudoInverse(rank);
      double[] es = expected.toArray();
      for (int q = 0; q < es.length; q++) {
        es[q] /= scale;
      }
      expected = Matrix.of(c.p, c.n, es);
      double err = Naive.subtract(pinv, expected).frobeniusNorm() / expected.frobeniusNorm() / (EPS * c.m() * kappa);
      Check.ratio(backend, "pseudoInverse", "extreme magnitude: threw (0) or error",
          Check.allFinite(pinv) ? err : Double.NaN, RATIO, what + " returned");
    } catch (IllegalArgumentException e) {
      ContractErrors.record(backend, "pseudoInverse", "extreme magnitude: threw (0) or error", 0, RATIO,
          what + " threw");
    }
    b.release(xm);
    b.release(ym);
  }

  /**
   * The zero cases (EJML's generic pseudo-inverse checks start with them): X = 0 has X⁺ = 0 and
   * minimum-norm solution 0, which SVD and a rank-revealing QR (numerical rank 0) return, while
   * CHOLESKY and an unpivoted QR must report the rank deficiency; y = 0 has solution exactly 0 for every algorithm. Exact, so tolerance 0.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("dev.prunebench.linalg.TestBackends#backends")
  void zeroMatricesAndZeroRightHandSidesGiveExactlyZero(Backend backend) {
    zeros(TestBackends.create(backend), backend);
  }

  static <M> void zeros(LinearAlgebraBackend<M> b, Backend backend) {
    for (int[] s : new int[][] {{3, 5}, {5, 3}, {1, 1}}) {
      String what = s[0] + "x" + s[1];
      M zero = b.fromBoundary(Matrix.zeros(s[0], s[1]));
      M y = b.fromBoundary(Rng.gaussian(Rng.of(1), s[0], 2));
      Matrix pinv = Check.take(b, b.pseudoInverse(zero));
      assertThat(pinv.rows() * 1000 + pinv.cols()).as("shape of X⁺").isEqualTo(s[1] * 1000 + s[0]);
      // numerically zero (−0.0 allowed), not bitwise
      assertThat(pinv.maxAbsDiff(Matrix.zeros(s[1], s[0]))).as("%s pseudoInverse of zero %s", backend.cliName(), what)
          .isZero();
      Matrix theta = Check.take(b, b.solveMinNorm(zero, y, LeastSquaresAlgorithm.SVD));
      assertThat(theta.maxAbsDiff(Matrix.zeros(s[1], 2))).as("%s SVD solve with zero X %s", backend.cliName(), what)
          .isZero();
      ContractErrors.record(backend, "pseudoInverse", "zero X: max |X⁺|", pinv.maxAbsDiff(Matrix.zeros(s[1], s[0])),
          0, what);
      for (LeastSquaresAlgorithm alg : new LeastSquaresAlgorithm[] {LeastSquaresAlgorithm.CHOLESKY,
          LeastSquaresAlgorithm.QR}) {
        if (alg == LeastSquaresAlgorithm.QR && TestBackends.RANK_REVEALING_QR.contains(backend)) {
          Matrix t = Check.take(b, b.solveMinNorm(zero, y, alg));
          assertThat(t.maxAbsDiff(Matrix.zeros(s[1], 2))).as("%s QR solve with zero X %s", backend.cliName(), what)
              .isZero();
          continue;
        }
        assertThatThrownBy(() -> b.toBoundary(b.solveMinNorm(zero, y, alg)))
            .as("%s %s with zero X %s", backend.cliName(), alg, what).isInstanceOf(RankDeficientException.class);
      }
      M x = b.fromBoundary(Rng.gaussian(Rng.of(2), s[0], s[1]));
      M y0 = b.fromBoundary(Matrix.zeros(s[0], 2));
      for (LeastSquaresAlgorithm alg : LeastSquaresAlgorithm.values()) {
        Matrix t = Check.take(b, b.solveMinNorm(x, y0, alg));
        double err = Check.allFinite(t) ? t.maxAbsDiff(Matrix.zeros(s[1], 2)) : Double.NaN;
        Check.ratio(backend, "solveMinNorm/" + alg.cliName(), "zero y: max |θ|", err, 0, what);
      }
      for (M m : List.of(zero, y, x, y0)) {
        b.release(m);
      }
    }
  }

  // ---------------------------------------------------------------------------------------------
  // Rank-deficient X

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("rankDeficient")
  void rankDeficientXGetsTheMinimumNormSolutionFromSvdAndPivotedQrAndAnExceptionOtherwise(Backend backend,
      Case c) {
    rankDeficientSolve(TestBackends.create(backend), backend, c);
  }

  static <M> void rankDeficientSolve(LinearAlgebraBackend<M> b, Backend backend, Case c) {
    Matrix x = c.x();
    int rank = c.cls.rank(c.n, c.p);
    Naive.Svd svd = Naive.svd(x);
    assertThat(svd.rankAbove(LeastSquares.defaultRcond(c.n, c.p))).as("oracle rank of %s", c).isEqualTo(rank);
    double kappa = svd.condition(rank);
    // Column 0 consistent (y = Xθ*), column 1 inconsistent (Gaussian): a rank-deficient X has no
    // unique least-squares solution in either case, only a unique minimum-norm one.
    Matrix consistent = Naive.multiply(x, Rng.gaussian(Rng.of(Check.seed("theta*", c)), c.p, 1));
    Matrix noise = Rng.gaussian(Rng.of(Check.seed("y", c)), c.n, 1);
    double[] yd = new double[c.n * 2];
    for (int i = 0; i < c.n; i++) {
      yd[2 * i] = consistent.getFlat(i);
      yd[2 * i + 1] = noise.getFlat(i);
    }
    Matrix y = Matrix.of(c.n, 2, yd);
    Matrix oracle = Naive.multiply(svd.pseudoInverse(rank), y);
    M xm = b.fromBoundary(x);
    M ym = b.fromBoundary(y);
    // SVD, and QR where it reveals rank (the complete orthogonal decomposition): the same
    // minimum-norm solution of the rank-r problem, judged by the same bound
    List<LeastSquaresAlgorithm> solving = TestBackends.RANK_REVEALING_QR.contains(backend)
        ? List.of(LeastSquaresAlgorithm.SVD, LeastSquaresAlgorithm.QR) : List.of(LeastSquaresAlgorithm.SVD);
    for (LeastSquaresAlgorithm alg : solving) {
      String kernel = "solveMinNorm/" + alg.cliName();
      Matrix theta = Check.take(b, b.solveMinNorm(xm, ym, alg));
      for (int col = 0; col < 2; col++) {
        Matrix t = Naive.column(theta, col);
        Matrix o = Naive.column(oracle, col);
        Matrix r = Naive.subtract(Naive.column(y, col), Naive.multiply(x, o));
        // Least-squares perturbation theory for the rank-r problem (Wedin; Higham Thm 20.1):
        // ‖δθ‖/‖θ‖ ≲ ε·m·(κ_r + κ_r²·‖r‖/(‖X‖₂‖θ‖)), κ_r = σ_1/σ_r.
        double bound = EPS * c.m()
            * (kappa + kappa * kappa * r.frobeniusNorm() / (svd.sigma()[0] * o.frobeniusNorm()));
        Check.ratio(backend, kernel, "rank-deficient vs oracle",
            Naive.subtract(t, o).frobeniusNorm() / o.frobeniusNorm() / bound, RATIO,
            c + (col == 0 ? " consistent" : " inconsistent") + " κ_r=" + String.format("%.2g", kappa));
      }
      Check.ratio(backend, kernel, "null-space component",
          svd.distanceFromRowSpace(theta, rank) / (EPS * c.m() * kappa * theta.frobeniusNorm()), RATIO,
          c.toString());
    }
    // CHOLESKY, and QR without a rank-revealing pivoted factor, need full rank: they must say so,
    // never return a silently wrong θ.
    for (LeastSquaresAlgorithm alg : new LeastSquaresAlgorithm[] {LeastSquaresAlgorithm.CHOLESKY,
        LeastSquaresAlgorithm.QR}) {
      if (solving.contains(alg)) {
        continue;
      }
      assertThatThrownBy(() -> {
        Matrix garbage = Check.take(b, b.solveMinNorm(xm, ym, alg));
        fail("%s %s on rank-deficient %s (rank %d) returned instead of throwing; max |θ| = %.3g",
            backend.cliName(), alg, c, rank, maxAbs(garbage));
      }).as("%s %s on %s", backend.cliName(), alg, c).isInstanceOf(RankDeficientException.class)
          .hasMessageFindingMatch("(?i)(rank|singular|positive)");
    }
    b.release(xm);
    b.release(ym);
  }

  // ---------------------------------------------------------------------------------------------
  // Agreement: algorithms with each other, backends with reference; right-hand sides one by one

  static Stream<Arguments> agreementCases() {
    return TestBackends.cross(List.of(new Case(MatrixClass.GAUSSIAN, 30, 50),
        new Case(MatrixClass.GAUSSIAN, 50, 30), new Case(MatrixClass.GAUSSIAN, 40, 40),
        new Case(MatrixClass.GAUSSIAN, 120, 200), new Case(MatrixClass.CONDITION_1E4, 30, 50),
        new Case(MatrixClass.CONDITION_1E8, 30, 50), new Case(MatrixClass.CONDITION_1E8, 50, 30),
        new Case(MatrixClass.GAUSSIAN, 1, 7), new Case(MatrixClass.GAUSSIAN, 7, 1)));
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("agreementCases")
  void everyAlgorithmAgreesWithTheReferenceBackendAndWithEachOther(Backend backend, Case c) {
    agreement(TestBackends.create(backend), TestBackends.create(Backend.REFERENCE), backend, c);
  }

  private static <M, R> void agreement(LinearAlgebraBackend<M> b, LinearAlgebraBackend<R> ref, Backend backend,
      Case c) {
    Matrix x = c.x();
    Matrix y = Rng.gaussian(Rng.of(Check.seed("y", c)), c.n, 3);
    double kappa = Naive.svd(x).condition(Math.min(c.n, c.p));
    M xm = b.fromBoundary(x);
    M ym = b.fromBoundary(y);
    R xr = ref.fromBoundary(x);
    R yr = ref.fromBoundary(y);
    Matrix svd = Check.take(b, b.solveMinNorm(xm, ym, LeastSquaresAlgorithm.SVD));
    for (LeastSquaresAlgorithm alg : LeastSquaresAlgorithm.values()) {
      double k = alg == LeastSquaresAlgorithm.CHOLESKY ? kappa * kappa : kappa;
      if (alg == LeastSquaresAlgorithm.CHOLESKY && 20 * Math.pow(c.m(), 1.5) * EPS * k >= 1) {
        continue; // no accuracy guarantee (see the full-rank test)
      }
      String kernel = "solveMinNorm/" + alg.cliName();
      Matrix mine = Check.take(b, b.solveMinNorm(xm, ym, alg));
      Matrix theirs = Check.take(ref, ref.solveMinNorm(xr, yr, alg));
      // Each is within RATIO·ε·m·k of the truth (relative; for y not in range(X) with n > p the
      // κ²‖r‖ term of LS perturbation theory applies too), so two of them agree within twice that:
      // the cross-backend tolerance is 2·RATIO, on the same normalisation plus the κ² term.
      double unit = EPS * c.m() * (k + (c.n > c.p ? kappa * kappa : 0));
      Check.ratio(backend, kernel, "agreement with reference",
          Naive.subtract(mine, theirs).frobeniusNorm() / theirs.frobeniusNorm() / unit, 2 * RATIO, c.toString());
      Check.ratio(backend, kernel, "agreement with own svd",
          Naive.subtract(mine, svd).frobeniusNorm() / svd.frobeniusNorm() / unit, 2 * RATIO, c.toString());
      // Multiple right-hand sides: column j of θ(Y) equals the solve for y_j alone.
      for (int j = 0; j < 3; j++) {
        M yj = b.fromBoundary(Naive.column(y, j));
        Matrix single = Check.take(b, b.solveMinNorm(xm, yj, alg));
        b.release(yj);
        Check.ratio(backend, kernel, "multi-rhs column = single solve",
            Naive.subtract(Naive.column(mine, j), single).frobeniusNorm() / single.frobeniusNorm() / unit,
            2 * RATIO, c + " column " + j);
      }
    }
    Matrix pinv = Check.take(b, b.pseudoInverse(xm));
    Matrix pinvRef = Check.take(ref, ref.pseudoInverse(xr));
    Check.ratio(backend, "pseudoInverse", "agreement with reference",
        Naive.subtract(pinv, pinvRef).frobeniusNorm() / pinvRef.frobeniusNorm() / (EPS * c.m() * kappa),
        2 * RATIO, c.toString());
    b.release(xm);
    b.release(ym);
    ref.release(xr);
    ref.release(yr);
  }

  private static double maxAbs(Matrix m) {
    double a = 0;
    for (int k = 0; k < m.size(); k++) {
      a = Math.max(a, Math.abs(m.getFlat(k)));
    }
    return a;
  }
}
