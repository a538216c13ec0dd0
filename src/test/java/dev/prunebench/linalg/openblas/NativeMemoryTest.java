package dev.prunebench.linalg.openblas;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.prunebench.linalg.LeastSquaresAlgorithm;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.linalg.Parallelism;
import dev.prunebench.util.Rng;
import java.util.random.RandomGenerator;
import org.bytedeco.javacpp.Pointer;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Off-heap memory is freed deterministically: {@code release} returns every byte at once, and the
 * kernels' own temporaries never outlive the call. {@link Pointer#totalBytes()} is JavaCPP's exact
 * count of live off-heap bytes it allocated, so "no leak" is an equality, not a statistical bound.
 */
class NativeMemoryTest {
  private static OpenBlasBackend backend;

  @BeforeAll
  static void load() {
    OpenBlasTestSupport.assumeOpenBlasLoads();
    backend = OpenBlasBackend.of(Parallelism.SINGLE);
  }

  @Test
  void manySmallKernelCallsWithReleaseLeaveNoNativeBytesBehind() {
    RandomGenerator rng = Rng.of(11);
    NativeMatrix x = backend.fromBoundary(Rng.gaussian(rng, 6, 10));
    NativeMatrix y = backend.fromBoundary(Rng.gaussian(rng, 6, 2));
    long baseline = Pointer.totalBytes();
    int iterations = 100_000; // 5 result/temporary buffers each: half a million native allocations
    int dirty = 0;
    for (int i = 0; i < iterations; i++) {
      long before = Pointer.totalBytes();
      NativeMatrix theta = backend.solveMinNorm(x, y, LeastSquaresAlgorithm.CHOLESKY); // G, rhs, θ
      NativeMatrix gram = backend.multiplyTransB(x, x);
      NativeMatrix p = backend.softmaxRows(gram);
      backend.release(theta);
      backend.release(gram);
      backend.release(p);
      // Checked every iteration: a leaked temporary is still counted here unless a GC cycle and
      // JavaCPP's deallocator happened to run in between, so a leak shows up in almost every iteration.
      // "Greater than", because that deallocator may meanwhile free garbage left by other tests.
      if (Pointer.totalBytes() > before) {
        dirty++;
      }
    }
    assertThat(dirty).as("iterations that left native bytes allocated").isZero();
    assertThat(Pointer.totalBytes()).isLessThanOrEqualTo(baseline);
    backend.release(x);
    backend.release(y);
  }

  @Test
  void largerKernelsThroughEverySolverReturnEveryByte() {
    RandomGenerator rng = Rng.of(12);
    NativeMatrix x = backend.fromBoundary(Rng.gaussian(rng, 120, 200));
    NativeMatrix y = backend.fromBoundary(Rng.gaussian(rng, 120, 1));
    long baseline = Pointer.totalBytes();
    long physicalBefore = Pointer.physicalBytes();
    long xBytes = 120L * 200 * Double.BYTES;
    for (int i = 0; i < 100; i++) {
      for (LeastSquaresAlgorithm a : LeastSquaresAlgorithm.values()) {
        backend.release(backend.solveMinNorm(x, y, a));
      }
      backend.release(backend.pseudoInverse(x));
      backend.release(backend.multiplyTransA(x, x));
      assertThat(Pointer.totalBytes()).as("iteration %d", i).isLessThanOrEqualTo(baseline);
    }
    // Each iteration allocates ≥ 6 buffers the size of X (QR/SVD/pinv work copies, U, Vᵀ, the 200 x 200
    // product); leaking them would add ≥ 100·6·192 KB ≈ 115 MB of resident memory. The 96 MB bound still
    // leaves room for the JVM's own growth (JIT, heap) during the loop. The exact per-iteration check
    // above is the sharp one; this is the coarse resident-memory view of the same property.
    long growth = Pointer.physicalBytes() - physicalBefore;
    assertThat(growth).as("resident-set growth in bytes").isLessThan(96L << 20);
    assertThat(6 * 100 * xBytes).isGreaterThan(96L << 20);
    backend.release(x);
    backend.release(y);
  }

  @Test
  void releaseFreesAtOnceAndIsIdempotent() {
    long baseline = Pointer.totalBytes();
    NativeMatrix m = backend.fromBoundary(Matrix.zeros(100, 100));
    long allocated = Pointer.totalBytes();
    assertThat(allocated - baseline).isGreaterThanOrEqualTo(100L * 100 * Double.BYTES);
    backend.release(m);
    backend.release(m);
    // At least the matrix's bytes come back at once (the GC may also have freed other tests' garbage).
    assertThat(allocated - Pointer.totalBytes()).isGreaterThanOrEqualTo(100L * 100 * Double.BYTES);
    assertThat(m.isClosed()).isTrue();
  }

  @Test
  void usingAReleasedMatrixFailsInsteadOfReadingFreedMemory() {
    NativeMatrix m = backend.fromBoundary(Matrix.identity(3));
    backend.release(m);
    assertThatThrownBy(() -> backend.toBoundary(m)).isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("released");
    assertThatThrownBy(() -> backend.relu(m)).isInstanceOf(IllegalStateException.class);
  }

  @Test
  void kernelsThatThrowStillFreeTheirTemporaries() {
    NativeMatrix x = backend.fromBoundary(Matrix.fromRows(new double[][] {{1, 2, 3}, {1, 2, 3}}));
    NativeMatrix y = backend.fromBoundary(Matrix.column(1, 2));
    long baseline = Pointer.totalBytes();
    assertThatThrownBy(() -> backend.solveMinNorm(x, y, LeastSquaresAlgorithm.CHOLESKY))
        .isInstanceOf(dev.prunebench.linalg.RankDeficientException.class);
    assertThat(Pointer.totalBytes()).as("CHOLESKY").isLessThanOrEqualTo(baseline);
    // pivoted QR solves the rank-1 X through the complete orthogonal decomposition: only θ remains
    backend.release(backend.solveMinNorm(x, y, LeastSquaresAlgorithm.QR));
    assertThat(Pointer.totalBytes()).as("QR, rank-deficient").isLessThanOrEqualTo(baseline);
    // full rank with entries ≈ 1e-310: θ ≈ 1e310 overflows and QR throws after factorising
    NativeMatrix tiny = backend.fromBoundary(Matrix.fromRows(new double[][] {{1e-310, 2e-310, 3e-310},
        {4e-310, 5e-310, 7e-310}}));
    long before = Pointer.totalBytes();
    assertThatThrownBy(() -> backend.solveMinNorm(tiny, y, LeastSquaresAlgorithm.QR))
        .isInstanceOf(dev.prunebench.linalg.UnrepresentableResultException.class);
    assertThat(Pointer.totalBytes()).as("QR, overflow").isLessThanOrEqualTo(before);
    backend.release(tiny);
    backend.release(x);
    backend.release(y);
  }
}
