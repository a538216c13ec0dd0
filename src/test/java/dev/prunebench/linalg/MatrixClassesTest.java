package dev.prunebench.linalg;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.prunebench.util.Rng;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;

/** The generators make what they promise, checked with the independent Jacobi SVD of {@link Naive}. */
class MatrixClassesTest {
  private static final double EPS = Math.ulp(1.0);

  @ParameterizedTest(name = "{0}")
  @EnumSource(MatrixClass.class)
  void everyClassHasItsPromisedRankAndConditionOnEveryShape(MatrixClass cls) {
    for (int[] s : new int[][] {{30, 50}, {50, 30}, {40, 40}, {120, 200}}) {
      int n = s[0];
      int p = s[1];
      Matrix x = cls.generate(n, p, 11);
      Naive.Svd svd = Naive.svd(x);
      int rank = cls.rank(n, p);
      // Rank by the interface's rcond rule ε·max(n, p): what every SVD backend will see.
      assertThat(svd.rankAbove(LeastSquares.defaultRcond(n, p))).as("%s %dx%d rank", cls, n, p).isEqualTo(rank);
      if (!cls.fullRank()) {
        // A clear gap: the dropped singular values are at rounding level (measured ≤ 1.96ε·σ_max,
        // duplicated rows 120x200), far below the rcond cutoff ε·m ≥ 50ε; the kept ones far above.
        assertThat(svd.sigma()[rank] / svd.sigma()[0]).as("%s %dx%d σ_{r+1}/σ_1", cls, n, p)
            .isLessThan(4 * EPS);
        assertThat(svd.sigma()[rank - 1] / svd.sigma()[0]).isGreaterThan(1e-6);
      }
      if (!Double.isNaN(cls.designedCondition())) {
        // rounding of U diag(σ) Vᵀ perturbs σ_min by at most about ε·r absolutely, i.e. ε·r·κ
        // relatively (2.7e-3 for κ = 1e12, r = 120); measured 9e-6. Tolerance 0.1·ε·r·κ.
        assertThat(svd.condition(rank) / cls.designedCondition()).as("%s %dx%d κ", cls, n, p)
            .isCloseTo(1.0, within(Math.max(1e-9, 0.1 * EPS * rank * cls.designedCondition())));
        assertThat(svd.sigma()[0]).isCloseTo(1.0, within(1e-12));
      }
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(MatrixClass.class)
  void theSameSeedGivesTheSameMatrixAndAnotherSeedAnother(MatrixClass cls) {
    assertThat(cls.generate(9, 6, 5)).isEqualTo(cls.generate(9, 6, 5));
    assertThat(cls.generate(9, 6, 5)).isNotEqualTo(cls.generate(9, 6, 6));
  }

  @Test
  void householderColumnsAreOrthonormal() {
    int m = 37;
    int k = 11;
    Matrix q = Matrix.wrap(m, k, MatrixClasses.orthonormalColumns(m, k, Rng.of(3)));
    // QᵀQ = I to rounding of a Householder product: ‖QᵀQ − I‖ ≤ c·m·ε (Higham Lemma 19.3)
    assertThat(Naive.subtract(Naive.multiply(q.transpose(), q), Matrix.identity(k)).frobeniusNorm())
        .isLessThan(m * EPS * 10);
  }

  @Test
  void duplicatedRowsAndColumnsAreBitwiseCopies() {
    Matrix r = MatrixClass.DUPLICATED_ROWS.generate(8, 5, 1);
    Matrix c = MatrixClass.DUPLICATED_COLUMNS.generate(5, 8, 1);
    // 8 x 5 and 5 x 8 have rank max(1, ⌊5/2⌋) = 2: index i copies index i mod 2
    assertThat(MatrixClass.DUPLICATED_ROWS.rank(8, 5)).isEqualTo(2);
    for (int k = 0; k < 5; k++) {
      assertThat(r.get(6, k)).isEqualTo(r.get(0, k));
      assertThat(r.get(7, k)).isEqualTo(r.get(1, k));
      assertThat(c.get(k, 5)).isEqualTo(c.get(k, 1));
    }
    assertThat(r.get(0, 0)).isNotEqualTo(r.get(1, 0));
  }

  @Test
  void badlyScaledRowsSpanTenDecades() {
    Matrix x = MatrixClass.BADLY_SCALED_ROWS.generate(11, 400, 2);
    double first = Naive.column(x.transpose(), 0).frobeniusNorm() / Math.sqrt(400);
    double last = Naive.column(x.transpose(), 10).frobeniusNorm() / Math.sqrt(400);
    // row norms are 10^e·√p·(1 ± O(1/√p)), e from −5 to 5
    assertThat(last / first).isBetween(0.8e10, 1.25e10);
  }

  @Test
  void badArgumentsNameTheArgumentAndValue() {
    assertThatThrownBy(() -> MatrixClasses.withCondition(3, 3, 0.5, 1)).hasMessageContaining("cond")
        .hasMessageContaining("0.5");
    assertThatThrownBy(() -> MatrixClasses.duplicatedRows(3, 4, 4, 1)).hasMessageContaining("rank must be in [1, 3], got 4");
    assertThatThrownBy(() -> MatrixClass.GAUSSIAN.generate(0, 4, 1)).hasMessageContaining("0x4");
  }
}
