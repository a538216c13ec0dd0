package dev.prunebench.linalg.commonsmath;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.prunebench.linalg.LeastSquaresAlgorithm;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.linalg.Parallelism;
import dev.prunebench.util.Rng;
import org.apache.commons.math3.linear.BlockRealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Commons-Math-specific checks: the hand-filled block layout of {@link CommonsMathBackend#fromBoundary}
 * equals the one Commons Math builds itself, across block edges (blocks are 52 x 52), and the
 * single-threaded library reports one thread whatever was asked for.
 */
class CommonsMathBackendTest {

  @Test
  void fromBoundaryBuildsTheSameBlockLayoutAsCommonsMathAcrossBlockEdges() {
    CommonsMathBackend cm = CommonsMathBackend.createTyped(Parallelism.SINGLE);
    int bs = BlockRealMatrix.BLOCK_SIZE;
    int[][] shapes = {{1, 1}, {bs, bs}, {bs + 1, 2 * bs + 1}, {2 * bs, 1}, {1, 3 * bs + 1}, {3, 7}};
    for (int[] s : shapes) {
      Matrix m = Rng.gaussian(Rng.of(s[0] * 1000L + s[1]), s[0], s[1]);
      BlockRealMatrix mine = cm.fromBoundary(m);
      BlockRealMatrix commons = new BlockRealMatrix(m.toRows());
      // Both are copies of the same doubles: exact equality, entry by entry (equals compares entries).
      assertThat(mine).as("%dx%d", s[0], s[1]).isEqualTo(commons);
      assertThat(cm.toBoundary(mine)).as("round trip %dx%d", s[0], s[1]).isEqualTo(m);
    }
  }

  @ParameterizedTest(name = "{0}")
  @EnumSource(Parallelism.class)
  void reportsOneThreadBecauseCommonsMathIsSingleThreaded(Parallelism parallelism) {
    assertThat(CommonsMathBackend.create(parallelism).info().threads()).isEqualTo(1);
  }
  @ParameterizedTest(name = "{0}")
  @ValueSource(doubles = {1e-170, 1e170})
  void extremelyScaledDesignsAreSolvedExactlyAsTheUnscaledOne(double scale) {
    // Entries of 1e±170 make Gram matrices and squared norms overflow or underflow; the backend
    // scales by a power of two first. Tolerance: all three algorithms must match the SVD solution of
    // the unscaled problem within 2·ε·m·κ² (CHOLESKY's bound; κ = 9.8 and 6.0 for these two seeded
    // designs, m = 30): 1.3e-12 relative. Measured: ≤ 9e-15.
    CommonsMathBackend b = CommonsMathBackend.createTyped(Parallelism.SINGLE);
    for (int[] shape : new int[][] {{20, 30}, {30, 20}}) {
      Matrix x = Rng.gaussian(Rng.of(41), shape[0], shape[1]);
      Matrix y = Rng.gaussian(Rng.of(42), shape[0], 1);
      Matrix expected = b.toBoundary(b.solveMinNorm(b.fromBoundary(x), b.fromBoundary(y), LeastSquaresAlgorithm.SVD));
      double[] xd = x.toArray();
      for (int k = 0; k < xd.length; k++) {
        xd[k] *= scale;
      }
      BlockRealMatrix xs = b.fromBoundary(Matrix.of(shape[0], shape[1], xd));
      for (LeastSquaresAlgorithm alg : LeastSquaresAlgorithm.values()) {
        double[] t = b.toBoundary(b.solveMinNorm(xs, b.fromBoundary(y), alg)).toArray();
        for (int k = 0; k < t.length; k++) {
          t[k] *= scale; // θ(sX) = θ(X)/s
        }
        Matrix theta = Matrix.of(shape[1], 1, t);
        assertThat(theta.maxAbsDiff(expected) / expected.frobeniusNorm()).as("%s %dx%d", alg, shape[0], shape[1])
            .isLessThanOrEqualTo(2 * Math.ulp(1.0) * 30 * 100);
      }
      Matrix pinv = b.toBoundary(b.pseudoInverse(xs));
      Matrix pinvExpected = b.toBoundary(b.pseudoInverse(b.fromBoundary(x)));
      // Same SVD on exactly scaled data: the norms agree within 2·ε·m·κ (1.3e-14); measured ≤ 6.7e-16.
      assertThat(pinv.frobeniusNorm() * scale / pinvExpected.frobeniusNorm()).as("‖(sX)⁺‖·s / ‖X⁺‖")
          .isCloseTo(1.0, within(2 * Math.ulp(1.0) * 30 * 10));
    }
  }
}
