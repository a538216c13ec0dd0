package dev.prunebench.linalg.commonsmath;

import static org.assertj.core.api.Assertions.assertThat;

import dev.prunebench.linalg.Matrix;
import dev.prunebench.linalg.Parallelism;
import dev.prunebench.util.Rng;
import org.apache.commons.math3.linear.BlockRealMatrix;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

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
}
