package dev.prunebench.linalg;

import dev.prunebench.util.Rng;

/**
 * A correct backend with one deliberately planted bug: the contract suite is run against it to show
 * that each check can fail (a test that cannot fail is not evidence). Every kernel delegates to the
 * wrapped backend except the one the {@link Mutation} breaks.
 */
final class MutantBackend<M> implements LinearAlgebraBackend<M> {

  /** The planted bugs, each a plausible real mistake. */
  enum Mutation {
    /** The Hessian diagonal is off by a relative 1e-10 (e.g. a float accumulator). */
    HESSIAN_SLIGHTLY_OFF,
    /** Cholesky quietly falls back to SVD instead of reporting a rank-deficient X. */
    CHOLESKY_NEVER_THROWS,
    /** One GEMM entry is off by a relative 1e-12 (e.g. a bad edge case in a blocked kernel). */
    GEMM_ONE_ENTRY_OFF,
    /** Ties in hard thresholding go to the higher index. */
    TIES_TO_HIGHER_INDEX,
    /** Softmax without subtracting the row maximum: overflows for large inputs. */
    SOFTMAX_WITHOUT_MAX_SHIFT,
    /** SVD solve adds a tiny null-space component: a solution, but not the minimum-norm one. */
    NOT_MINIMUM_NORM,
    /**
     * QR finishes a rank-deficient X without the RZ step of the complete orthogonal decomposition (a
     * basic solution, as LAPACK's old {@code xGELSX} without it): it solves the truncated problem but
     * carries a null-space component.
     */
    QR_BASIC_SOLUTION,
    /** The explicit rcond is ignored (the default is always used), and never validated. */
    RCOND_IGNORED,
    /** fromBoundary reads the row-major data as if it were column-major. */
    CONVERSION_COLUMN_MAJOR,
    /** Only the first right-hand side is solved; its solution is copied to every column. */
    FIRST_RHS_ONLY,
    /** Dimension mismatches in multiply are not checked (the library throws its own error). */
    MULTIPLY_UNCHECKED,
    /** gemm ignores β: C is overwritten instead of accumulated into. */
    GEMM_BETA_IGNORED,
    /** The momentum step forgets the pruning mask. */
    MOMENTUM_STEP_IGNORES_MASK,
    /** The fused softmax-cross-entropy gradient forgets the 1/n of the mean. */
    CROSS_ENTROPY_GRADIENT_NOT_AVERAGED,
    /** The ReLU backward lets gradients through where h = 0 (1[h ≥ 0] instead of 1[h &gt; 0]). */
    RELU_BACKWARD_AT_ZERO,
    /** A kernel rescans its inputs and throws on a NaN computed inside the pipeline. */
    KERNEL_RESCANS_FOR_NAN
  }

  private final LinearAlgebraBackend<M> d;
  private final Mutation mutation;

  MutantBackend(LinearAlgebraBackend<M> delegate, Mutation mutation) {
    this.d = delegate;
    this.mutation = mutation;
  }

  static MutantBackend<?> of(Backend backend, Mutation mutation) {
    return new MutantBackend<>(TestBackends.create(backend), mutation);
  }

  @Override
  public BackendInfo info() {
    return d.info();
  }

  @Override
  public M fromFiniteBoundary(Matrix m) {
    if (mutation == Mutation.CONVERSION_COLUMN_MAJOR) {
      return d.fromFiniteBoundary(Matrix.of(m.rows(), m.cols(), m.transpose().toArray()));
    }
    return d.fromFiniteBoundary(m);
  }

  // ---- in place and fused: delegated, with their planted bugs

  @Override
  public M zeros(int rows, int cols) {
    return d.zeros(rows, cols);
  }

  @Override
  public double[] storage(M m) {
    return d.storage(m);
  }

  @Override
  public StorageOrder storageOrder() {
    return d.storageOrder();
  }

  @Override
  public void assign(M dst, double[] rowMajor) {
    d.assign(dst, rowMajor);
  }

  @Override
  public void multiplyInto(boolean transA, boolean transB, M a, M b, M c) {
    d.multiplyInto(transA, transB, a, b, c);
  }

  @Override
  public void gemm(boolean transA, boolean transB, double alpha, M a, M b, double beta, M c) {
    d.gemm(transA, transB, alpha, a, b, mutation == Mutation.GEMM_BETA_IGNORED ? 0.0 : beta, c);
  }

  @Override
  public void reluInto(M h, M a) {
    rescan(h);
    d.reluInto(h, a);
  }

  @Override
  public void maskByPositive(M g, M h) {
    if (mutation != Mutation.RELU_BACKWARD_AT_ZERO) {
      d.maskByPositive(g, h);
      return;
    }
    double[] gv = d.toBoundary(g).toArray();
    Matrix hb = d.toBoundary(h);
    for (int k = 0; k < gv.length; k++) {
      gv[k] *= hb.getFlat(k) >= 0 ? 1.0 : 0.0;
    }
    d.assign(g, gv);
  }

  @Override
  public double softmaxCrossEntropyGradient(M z, int[] labels, M g) {
    double loss = d.softmaxCrossEntropyGradient(z, labels, g);
    if (mutation == Mutation.CROSS_ENTROPY_GRADIENT_NOT_AVERAGED) {
      d.scaleInPlace(d.rows(z), g);
    }
    return loss;
  }

  @Override
  public void momentumStep(M theta, M buf, M g, double learningRate, double momentum, M mask) {
    d.momentumStep(theta, buf, g, learningRate, momentum,
        mutation == Mutation.MOMENTUM_STEP_IGNORES_MASK ? null : mask);
  }

  /** The planted rescan: what the kernels did before the one validation rule. */
  private void rescan(M m) {
    if (mutation == Mutation.KERNEL_RESCANS_FOR_NAN) {
      Checks.requireFinite("a", d.toBoundary(m));
    }
  }

  @Override
  public Matrix toBoundary(M m) {
    return d.toBoundary(m);
  }

  @Override
  public int rows(M m) {
    return d.rows(m);
  }

  @Override
  public int cols(M m) {
    return d.cols(m);
  }

  @Override
  public void release(M m) {
    d.release(m);
  }

  @Override
  public M solveMinNorm(M x, M y, LeastSquaresAlgorithm algorithm, double rcond) {
    if (mutation == Mutation.CHOLESKY_NEVER_THROWS && algorithm == LeastSquaresAlgorithm.CHOLESKY) {
      return d.solveMinNorm(x, y, LeastSquaresAlgorithm.SVD, rcond);
    }
    if (mutation == Mutation.RCOND_IGNORED) {
      return d.solveMinNorm(x, y, algorithm, Double.NaN);
    }
    if (mutation == Mutation.FIRST_RHS_ONLY && d.cols(y) > 1) {
      Matrix yb = d.toBoundary(y);
      M y0 = d.fromFiniteBoundary(Naive.column(yb, 0));
      Matrix t0 = d.toBoundary(d.solveMinNorm(x, y0, algorithm, rcond));
      double[] out = new double[t0.rows() * yb.cols()];
      for (int i = 0; i < t0.rows(); i++) {
        for (int j = 0; j < yb.cols(); j++) {
          out[i * yb.cols() + j] = t0.get(i, 0);
        }
      }
      return d.fromFiniteBoundary(Matrix.of(t0.rows(), yb.cols(), out));
    }
    M theta = d.solveMinNorm(x, y, algorithm, rcond);
    boolean plant = mutation == Mutation.NOT_MINIMUM_NORM && algorithm == LeastSquaresAlgorithm.SVD
        || mutation == Mutation.QR_BASIC_SOLUTION && algorithm == LeastSquaresAlgorithm.QR;
    if (plant) {
      // θ + 1e-8 (I − X⁺X) z: still solves the system, no longer of minimum norm (zero change for a
      // full-column-rank X, whose null space is {0})
      Matrix xb = d.toBoundary(x);
      Matrix z = Rng.gaussian(Rng.of(1), xb.cols(), d.cols(y));
      Matrix pinv = d.toBoundary(d.pseudoInverse(x));
      Matrix nullPart = Naive.subtract(z, Naive.multiply(pinv, Naive.multiply(xb, z)));
      double[] t = d.toBoundary(theta).toArray();
      for (int k = 0; k < t.length; k++) {
        t[k] += 1e-8 * nullPart.getFlat(k);
      }
      return d.fromFiniteBoundary(Matrix.of(xb.cols(), d.cols(y), t));
    }
    return theta;
  }

  @Override
  public M pseudoInverse(M x, double rcond) {
    return mutation == Mutation.RCOND_IGNORED ? d.pseudoInverse(x) : d.pseudoInverse(x, rcond);
  }

  @Override
  public M lsHessianDiagonal(M x) {
    M h = d.lsHessianDiagonal(x);
    return mutation == Mutation.HESSIAN_SLIGHTLY_OFF ? d.scale(h, 1 + 1e-10) : h;
  }

  @Override
  public M multiply(M a, M b) {
    if (mutation == Mutation.MULTIPLY_UNCHECKED && d.cols(a) != d.rows(b)) {
      throw new ArrayIndexOutOfBoundsException(d.cols(a));
    }
    return offByOne(d.multiply(a, b));
  }

  @Override
  public M multiplyTransA(M a, M b) {
    return offByOne(d.multiplyTransA(a, b));
  }

  @Override
  public M multiplyTransB(M a, M b) {
    return offByOne(d.multiplyTransB(a, b));
  }

  private M offByOne(M c) {
    if (mutation != Mutation.GEMM_ONE_ENTRY_OFF) {
      return c;
    }
    double[] v = d.toBoundary(c).toArray();
    v[v.length - 1] *= 1 + 1e-12;
    return d.fromFiniteBoundary(Matrix.of(d.rows(c), d.cols(c), v));
  }

  @Override
  public M relu(M a) {
    rescan(a);
    return d.relu(a);
  }

  @Override
  public M reluMask(M a) {
    return d.reluMask(a);
  }

  @Override
  public M hadamard(M a, M b) {
    return d.hadamard(a, b);
  }

  @Override
  public M addScaled(M a, double alpha, M b) {
    return d.addScaled(a, alpha, b);
  }

  @Override
  public M scale(M a, double alpha) {
    return d.scale(a, alpha);
  }

  @Override
  public M softmaxRows(M z) {
    if (mutation != Mutation.SOFTMAX_WITHOUT_MAX_SHIFT) {
      return d.softmaxRows(z);
    }
    Matrix zb = d.toBoundary(z);
    double[] p = new double[zb.size()];
    for (int i = 0; i < zb.rows(); i++) {
      double sum = 0;
      for (int j = 0; j < zb.cols(); j++) {
        p[i * zb.cols() + j] = Math.exp(zb.get(i, j));
        sum += p[i * zb.cols() + j];
      }
      for (int j = 0; j < zb.cols(); j++) {
        p[i * zb.cols() + j] /= sum;
      }
    }
    return d.fromFiniteBoundary(Matrix.of(zb.rows(), zb.cols(), p));
  }

  @Override
  public M columnSums(M a) {
    return d.columnSums(a);
  }

  @Override
  public double sum(M a) {
    return d.sum(a);
  }

  @Override
  public M keepMask(M importance, int s) {
    if (mutation != Mutation.TIES_TO_HIGHER_INDEX) {
      return d.keepMask(importance, s);
    }
    Matrix imp = d.toBoundary(importance);
    double[] rev = new double[imp.size()];
    for (int k = 0; k < rev.length; k++) {
      rev[k] = imp.getFlat(rev.length - 1 - k);
    }
    double[] m = TopS.keepMask(rev, s);
    double[] back = new double[m.length];
    for (int k = 0; k < m.length; k++) {
      back[k] = m[m.length - 1 - k];
    }
    return d.fromFiniteBoundary(Matrix.of(imp.rows(), imp.cols(), back));
  }

  @Override
  public M keepMaskPerGroup(M importance, int[] groupSizes, double keepFraction) {
    return d.keepMaskPerGroup(importance, groupSizes, keepFraction);
  }
}
