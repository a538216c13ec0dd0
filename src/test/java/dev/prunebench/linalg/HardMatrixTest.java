package dev.prunebench.linalg;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunebench.accuracy.MinNormReference;
import dev.prunebench.linalg.HardMatrix.Problem;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The catalogue is what {@link HardMatrix} says it is, checked against the 60-digit reference
 * ({@link MinNormReference}, exact rank by integer elimination) and the independent Jacobi SVD of
 * {@link Naive}: exact ranks, which singular values the rcond rule drops and by what margin, and the
 * property that makes each member hard.
 */
class HardMatrixTest {
  private static final double EPS = Math.ulp(1.0);
  /**
   * The catalogue seed of the contract test: the accuracy table's, so that both use the same
   * problems and the 60-digit references (memoised by {@link MinNormReference#of}) are computed once.
   */
  static final long SEED = dev.prunebench.cli.AccuracyCommand.DEFAULT_SEED;

  static List<Problem> problems() {
    return HardMatrix.all(SEED);
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("problems")
  void everyMemberHasItsPromisedRankAndMarginsAroundTheCutoff(Problem pr) {
    int n = pr.rows();
    int p = pr.cols();
    HardMatrix kind = pr.kind();
    MinNormReference ref = MinNormReference.of(pr.x(), pr.y(), kind.droppedByCutoff());
    int full = Math.min(n, p);
    int exact = kind == HardMatrix.INTEGER_RANK_HIDDEN ? full - 1 : full;
    assertThat(ref.exactRank()).as("%s exact rank", pr).isEqualTo(exact);
    assertThat(ref.rank()).isEqualTo(exact - kind.droppedByCutoff());
    // Singular values of X times a power of two (exact, also for subnormal entries).
    double[] s = Naive.svd(scaledToUnit(pr.x())).sigma();
    double cutoff = LeastSquares.defaultRcond(n, p) * s[0];
    if (kind != HardMatrix.GRADED_ROWS && kind != HardMatrix.GRADED_COLUMNS) {
      // The reference keeps exactly the singular values the rcond rule keeps, with a margin of at
      // least 5 either side (measured: kept ≥ 10.0 x cutoff (cutoff-above), dropped ≤ 0.10 x).
      assertThat(s[ref.rank() - 1] / cutoff).as("%s σ_r / cutoff", pr).isGreaterThanOrEqualTo(5);
      if (ref.rank() < full) {
        assertThat(s[ref.rank()] / cutoff).as("%s σ_{r+1} / cutoff", pr).isLessThanOrEqualTo(0.2);
      }
    }
    for (double d : ref.droppedSigmaRelative()) {
      // the 60-digit value of the dropped singular value, relative to σ_max, is below the cutoff too
      assertThat(d).as("%s dropped σ/σ_max", pr).isLessThan(0.2 * LeastSquares.defaultRcond(n, p));
    }
    assertThat(ref.condition()).as("%s κ_r", pr).isBetween(1.0, 1 / (5 * LeastSquares.defaultRcond(n, p)) * (
        kind == HardMatrix.GRADED_ROWS || kind == HardMatrix.GRADED_COLUMNS ? 1e4 : 1));
    assertThat(Check.allFinite(ref.theta())).as("%s θ* representable", pr).isTrue();
    hardness(pr, ref, s);
  }

  /** What makes each member hard, checked. */
  private static void hardness(Problem pr, MinNormReference ref, double[] s) {
    Matrix x = pr.x();
    int n = pr.rows();
    int p = pr.cols();
    switch (pr.kind()) {
      case KAHAN_RANK_HIDDEN -> {
        // R = X (upper triangular, or padded with zeros): its diagonal stays ≥ 1e-6 of its largest
        // entry, 1e8 times the QR rank gate ε·m, while σ_min is below the rcond cutoff
        double minDiag = Double.POSITIVE_INFINITY;
        for (int k = 0; k < Math.min(n, p); k++) {
          minDiag = Math.min(minDiag, Math.abs(x.get(k, k)));
        }
        assertThat(minDiag).isGreaterThan(1e6 * LeastSquares.defaultRcond(n, p));
        assertThat(ref.droppedSigmaRelative()[0]).isLessThan(LeastSquares.defaultRcond(n, p));
      }
      case INTEGER_RANK_HIDDEN -> {
        for (int k = 0; k < x.size(); k++) {
          assertThat(x.getFlat(k)).isEqualTo(Math.rint(x.getFlat(k))).isLessThan(0x1p40);
        }
      }
      case GRADED_ROWS, GRADED_COLUMNS -> assertThat(s[0] / s[s.length - 1]).as("%s κ₂", pr).isGreaterThan(1e10);
      case SUBNORMAL -> {
        for (int k = 0; k < x.size(); k++) {
          assertThat(Math.abs(x.getFlat(k))).isLessThan(Double.MIN_NORMAL);
        }
        assertThat(ref.pseudoInverseRepresentable()).as("X⁺ of %s", pr).isFalse();
      }
      case NEAR_OVERFLOW -> {
        double max = 0;
        for (int k = 0; k < x.size(); k++) {
          max = Math.max(max, Math.abs(x.getFlat(k)));
        }
        assertThat(max * max).as("a square of an entry of %s overflows", pr).isInfinite();
        assertThat(ref.pseudoInverseRepresentable()).isTrue();
      }
      default -> assertThat(ref.pseudoInverseRepresentable()).isTrue();
    }
  }

  /** X times the power of two that brings its largest entry into [1, 2): exact, also for subnormals. */
  static Matrix scaledToUnit(Matrix x) {
    double max = 0;
    for (int k = 0; k < x.size(); k++) {
      max = Math.max(max, Math.abs(x.getFlat(k)));
    }
    if (max == 0) {
      return x;
    }
    int shift = -Math.getExponent(max);
    double[] d = x.toArray();
    for (int k = 0; k < d.length; k++) {
      d[k] = Math.scalb(d[k], shift);
    }
    return Matrix.wrap(x.rows(), x.cols(), d);
  }

  @Test
  void theSameSeedGivesTheSameProblemsAndAnotherSeedOthers() {
    assertThat(HardMatrix.all(SEED)).isEqualTo(HardMatrix.all(SEED));
    assertThat(HardMatrix.SUBNORMAL.generate(HardMatrix.Shape.WIDE, 1))
        .isNotEqualTo(HardMatrix.SUBNORMAL.generate(HardMatrix.Shape.WIDE, 2));
  }

  @Test
  void theReferenceIsExactOnASmallRankDeficientSystem() {
    // X = [1 2; 2 4] has rank 1, X = u vᵀ with u = v = (1, 2): X⁺ = X / ‖u‖²‖v‖² = X / 25, so for
    // y = (5, 10) the minimum-norm solution is X⁺y = (1, 2); a 60-digit reference rounds it exactly
    Matrix x = Matrix.of(2, 2, 1, 2, 2, 4);
    MinNormReference ref = MinNormReference.of(x, Matrix.column(5, 10), 0);
    assertThat(ref.exactRank()).isEqualTo(1);
    assertThat(ref.theta()).isEqualTo(Matrix.column(1, 2));
    assertThat(ref.pseudoInverse()).isEqualTo(Matrix.of(2, 2, 0.04, 0.08, 0.08, 0.16));
  }
}
