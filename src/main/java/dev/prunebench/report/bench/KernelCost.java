package dev.prunebench.report.bench;

import dev.prunebench.bench.Shape;
import dev.prunebench.bench.ThresholdSize;
import java.util.Map;
import java.util.Optional;

/**
 * The work of every benchmarked kernel, defined once: its floating-point operations and its
 * compulsory memory traffic, and which of the two bounds it on this kind of machine.
 *
 * <p>Bytes are the <em>compulsory</em> traffic: every input double read once and every output
 * double written once (8 bytes each). A kernel that streams its operands exactly once moves this
 * much; extra passes, temporaries or cache misses only add to it. So {@code bytes / time} divided by
 * the machine's copy bandwidth is the fraction of the memory roof a kernel attains, and 100 % means
 * no implementation can be faster at this size. Likewise flops are the textbook counts (a
 * multiply-add is two), so {@code flops / time} over OpenBLAS's large-GEMM rate is the fraction of
 * the compute roof.
 *
 * <p>A kernel is {@link Bound#COMPUTE} when its arithmetic intensity ({@code flops / bytes}) is far
 * above the machine balance (dgemm GFLOP/s over copy GB/s, ≈ 10 flops per byte on the development
 * machine), and {@link Bound#MEMORY} when it is O(1).
 */
public enum KernelCost {
  /** {@code C = op(A)·op(B)}, m x k times k x n: 2mnk flops; A, B read, C written. */
  GEMM("GemmBenchmark", Bound.COMPUTE),
  /**
   * Min-norm least squares by Cholesky of the n x n Gram matrix (n = min, p = max of the shape):
   * Gram n²p (one triangle), Cholesky n³/3, two triangular solves 2n², {@code θ = Xᵀz} 2np; X and y
   * read, θ written.
   */
  MIN_NORM_CHOLESKY("MinNormBenchmark", Bound.COMPUTE),
  /**
   * Least-squares Hessian diagonal {@code H_jj = (2/n) Σᵢ X_ij²}: 2np flops (square, add) on one
   * read of X and a write of p entries; intensity ¼ flop per byte.
   */
  LS_HESSIAN_DIAGONAL("HessianDiagonalBenchmark", Bound.MEMORY),
  /**
   * Hard thresholding of p weights (Definition 2.3): one square per weight to rank them; the weights
   * read once and the pruned vector written once, 16p bytes.
   */
  HARD_THRESHOLD("HardThresholdBenchmark", Bound.MEMORY),
  /**
   * Gradient of the two-layer network on a batch of b = min(128, samples) digits, d = 784, K = 10,
   * width m: forward {@code XWᵀ} 2bdm and {@code HVᵀ} 2bmK, backward {@code DᵀH} 2bmK, {@code DV}
   * 2bmK and {@code G_Hᵀ X} 2bmd, so 4bdm + 6bmK flops; X, W, V read and both gradients written.
   */
  NETWORK_GRADIENT("NetworkBenchmark", Bound.COMPUTE),
  /** Conversion between the boundary matrix and a library's type: n x p doubles read and written. */
  CONVERSION("ConversionBenchmark", Bound.MEMORY),
  /** A copy of n x p doubles ({@code clone()} or into a preallocated array): the memory roof itself, 16np bytes. */
  COPY("CopyBaselineBenchmark", Bound.MEMORY);

  /** What limits a kernel's speed. */
  public enum Bound {
    /** Arithmetic: measured against OpenBLAS's dgemm rate. */
    COMPUTE,
    /** Memory traffic: measured against a streaming copy's bandwidth. */
    MEMORY
  }

  /** Digits per MNIST image and classes, fixed by {@code NetworkBenchmark}. */
  private static final int NET_D = 784;
  private static final int NET_K = 10;
  private static final int NET_BATCH = 128;

  private final String benchmarkClass;
  private final Bound bound;

  KernelCost(String benchmarkClass, Bound bound) {
    this.benchmarkClass = benchmarkClass;
    this.bound = bound;
  }

  public Bound bound() {
    return bound;
  }

  /**
   * The kernel a JMH result measured, if its work is modelled: empty for kernels without a fixed
   * count (QR, SVD and pseudo-inverse iterate; the network Hessian diagonal) and unknown parameters.
   */
  public static Optional<KernelCost> of(JmhResult r) {
    String method = r.shortName().substring(r.shortName().indexOf('.') + 1);
    for (KernelCost k : values()) {
      if (!k.benchmarkClass.equals(r.benchmarkClass())) {
        continue;
      }
      boolean modelled = switch (k) {
        case MIN_NORM_CHOLESKY -> "CHOLESKY".equals(r.params().get("algorithm"));
        case NETWORK_GRADIENT -> method.equals("gradientBatch128");
        default -> true;
      };
      if (!modelled) {
        return Optional.empty();
      }
      try {
        k.flops(r.params());
        return Optional.of(k);
      } catch (IllegalArgumentException | NullPointerException e) {
        return Optional.empty(); // a shape or size this build does not know: no model, no column
      }
    }
    return Optional.empty();
  }

  /**
   * Floating-point operations of one call with these JMH parameters.
   *
   * @throws IllegalArgumentException if a size parameter is missing or unknown
   */
  public double flops(Map<String, String> params) {
    return switch (this) {
      case GEMM -> {
        Shape s = shape(params);
        yield 2.0 * s.rows * s.cols * s.inner;
      }
      case MIN_NORM_CHOLESKY -> {
        Shape s = shape(params);
        double n = Math.min(s.rows, s.cols);
        double p = Math.max(s.rows, s.cols);
        yield n * n * p + n * n * n / 3 + 2 * n * n + 2 * n * p;
      }
      case LS_HESSIAN_DIAGONAL -> {
        Shape s = shape(params);
        yield 2.0 * s.rows * s.cols;
      }
      case HARD_THRESHOLD -> size(params).p();
      case NETWORK_GRADIENT -> {
        double m = integer(params, "width");
        double b = Math.min(NET_BATCH, integer(params, "samples"));
        yield 4 * b * NET_D * m + 6 * b * m * NET_K;
      }
      case CONVERSION, COPY -> {
        shape(params);
        yield 0;
      }
    };
  }

  /**
   * Compulsory bytes of one call: inputs read once, outputs written once, 8 bytes per double.
   *
   * @throws IllegalArgumentException if a size parameter is missing or unknown
   */
  public double bytes(Map<String, String> params) {
    double doubles = switch (this) {
      case GEMM -> {
        Shape s = shape(params);
        yield (double) s.rows * s.inner + (double) s.inner * s.cols + (double) s.rows * s.cols;
      }
      case MIN_NORM_CHOLESKY -> {
        Shape s = shape(params);
        yield (double) s.rows * s.cols + s.rows + s.cols;
      }
      case LS_HESSIAN_DIAGONAL -> {
        Shape s = shape(params);
        yield (double) s.rows * s.cols + s.cols;
      }
      case HARD_THRESHOLD -> 2.0 * size(params).p();
      case NETWORK_GRADIENT -> {
        double m = integer(params, "width");
        double b = Math.min(NET_BATCH, integer(params, "samples"));
        yield b * NET_D + 2 * (m * NET_D + NET_K * m);
      }
      case CONVERSION, COPY -> {
        Shape s = shape(params);
        yield 2.0 * s.rows * s.cols;
      }
    };
    return 8 * doubles;
  }

  /** Work per call in the unit of its roof: flops for compute-bound kernels, bytes for memory-bound ones. */
  public double work(Map<String, String> params) {
    return bound == Bound.COMPUTE ? flops(params) : bytes(params);
  }

  private static Shape shape(Map<String, String> params) {
    return Shape.valueOf(required(params, "shape"));
  }

  private static ThresholdSize size(Map<String, String> params) {
    return ThresholdSize.valueOf(required(params, "size"));
  }

  private static int integer(Map<String, String> params, String name) {
    return Integer.parseInt(required(params, name));
  }

  private static String required(Map<String, String> params, String name) {
    String v = params.get(name);
    if (v == null) {
      throw new IllegalArgumentException("JMH parameter '" + name + "' is missing");
    }
    return v;
  }
}
