package dev.prunebench.linalg;

/**
 * A backend that forwards every kernel to another one, so a subclass overrides only what it changes:
 * a third party's backend that brings its own GEMM and keeps the rest (the README's example), or a
 * wrapper that instruments calls. The delegate's defaults are forwarded too, so a delegate that
 * overrides a default (a fused kernel, {@code storage}) keeps it.
 *
 * @param <M> the delegate's native matrix type
 */
public class ForwardingBackend<M> implements LinearAlgebraBackend<M> {
  /** The backend every call goes to. */
  protected final LinearAlgebraBackend<M> delegate;

  /** @param delegate the backend every call goes to */
  public ForwardingBackend(LinearAlgebraBackend<M> delegate) {
    if (delegate == null) {
      throw new IllegalArgumentException("delegate must not be null");
    }
    this.delegate = delegate;
  }

  /**
   * {@code backend.create(parallelism)} with its native type erased to {@code Object}, for a subclass
   * that forwards to a backend chosen by name.
   */
  @SuppressWarnings("unchecked")
  public static LinearAlgebraBackend<Object> erased(Backend backend, Parallelism parallelism) {
    return (LinearAlgebraBackend<Object>) backend.create(parallelism);
  }

  @Override
  public M fromBoundary(Matrix m) {
    return delegate.fromBoundary(m);
  }

  @Override
  public M fromBoundary(String name, Matrix m) {
    return delegate.fromBoundary(name, m);
  }

  @Override
  public M fromFiniteBoundary(Matrix m) {
    return delegate.fromFiniteBoundary(m);
  }

  @Override
  public Matrix toBoundary(M m) {
    return delegate.toBoundary(m);
  }

  @Override
  public int rows(M m) {
    return delegate.rows(m);
  }

  @Override
  public int cols(M m) {
    return delegate.cols(m);
  }

  @Override
  public void release(M m) {
    delegate.release(m);
  }

  @Override
  public M solveMinNorm(M x, M y, LeastSquaresAlgorithm algorithm, double rcond) {
    return delegate.solveMinNorm(x, y, algorithm, rcond);
  }

  @Override
  public M solveMinNorm(M x, M y, LeastSquaresAlgorithm algorithm) {
    return delegate.solveMinNorm(x, y, algorithm);
  }

  @Override
  public M solveMinNorm(M x, M y) {
    return delegate.solveMinNorm(x, y);
  }

  @Override
  public M pseudoInverse(M x, double rcond) {
    return delegate.pseudoInverse(x, rcond);
  }

  @Override
  public M pseudoInverse(M x) {
    return delegate.pseudoInverse(x);
  }

  @Override
  public M lsHessianDiagonal(M x) {
    return delegate.lsHessianDiagonal(x);
  }

  @Override
  public M multiply(M a, M b) {
    return delegate.multiply(a, b);
  }

  @Override
  public M multiplyTransA(M a, M b) {
    return delegate.multiplyTransA(a, b);
  }

  @Override
  public M multiplyTransB(M a, M b) {
    return delegate.multiplyTransB(a, b);
  }

  @Override
  public M relu(M a) {
    return delegate.relu(a);
  }

  @Override
  public M reluMask(M a) {
    return delegate.reluMask(a);
  }

  @Override
  public M hadamard(M a, M b) {
    return delegate.hadamard(a, b);
  }

  @Override
  public M addScaled(M a, double alpha, M b) {
    return delegate.addScaled(a, alpha, b);
  }

  @Override
  public M scale(M a, double alpha) {
    return delegate.scale(a, alpha);
  }

  @Override
  public M softmaxRows(M z) {
    return delegate.softmaxRows(z);
  }

  @Override
  public M columnSums(M a) {
    return delegate.columnSums(a);
  }

  @Override
  public double sum(M a) {
    return delegate.sum(a);
  }

  @Override
  public M keepMask(M importance, int s) {
    return delegate.keepMask(importance, s);
  }

  @Override
  public M keepMaskPerGroup(M importance, int[] groupSizes, double keepFraction) {
    return delegate.keepMaskPerGroup(importance, groupSizes, keepFraction);
  }

  @Override
  public M hardThreshold(M weights, M importance, int s) {
    return delegate.hardThreshold(weights, importance, s);
  }

  @Override
  public void hardThresholdInto(M weights, M importance, int s, M out) {
    delegate.hardThresholdInto(weights, importance, s, out);
  }

  @Override
  public void reluInto(M h, M a) {
    delegate.reluInto(h, a);
  }

  @Override
  public void maskByPositive(M g, M h) {
    delegate.maskByPositive(g, h);
  }

  @Override
  public void softmaxRowsInto(M z, M p) {
    delegate.softmaxRowsInto(z, p);
  }

  @Override
  public double softmaxCrossEntropyGradient(M z, int[] labels, M g) {
    return delegate.softmaxCrossEntropyGradient(z, labels, g);
  }

  @Override
  public void momentumStep(M theta, M buf, M g, double learningRate, double momentum, M mask) {
    delegate.momentumStep(theta, buf, g, learningRate, momentum, mask);
  }

  @Override
  public void squareInto(M a, M out) {
    delegate.squareInto(a, out);
  }

  @Override
  public void bernoulliVarianceInto(M p, M out) {
    delegate.bernoulliVarianceInto(p, out);
  }

  @Override
  public void maskedVarianceInPlace(M s, M pv, M h) {
    delegate.maskedVarianceInPlace(s, pv, h);
  }

  @Override
  public M zeros(int rows, int cols) {
    return delegate.zeros(rows, cols);
  }

  @Override
  public double[] storage(M m) {
    return delegate.storage(m);
  }

  @Override
  public StorageOrder storageOrder() {
    return delegate.storageOrder();
  }

  @Override
  public void assign(M dst, double[] rowMajor) {
    delegate.assign(dst, rowMajor);
  }

  @Override
  public void multiplyInto(boolean transA, boolean transB, M a, M b, M c) {
    delegate.multiplyInto(transA, transB, a, b, c);
  }

  @Override
  public void gemm(boolean transA, boolean transB, double alpha, M a, M b, double beta, M c) {
    delegate.gemm(transA, transB, alpha, a, b, beta, c);
  }

  @Override
  public void copyInto(M src, M dst) {
    delegate.copyInto(src, dst);
  }

  @Override
  public void scaleInPlace(double alpha, M a) {
    delegate.scaleInPlace(alpha, a);
  }

  @Override
  public void addScaledInPlace(M a, double alpha, M b) {
    delegate.addScaledInPlace(a, alpha, b);
  }

  @Override
  public void hadamardInPlace(M a, M b) {
    delegate.hadamardInPlace(a, b);
  }

  @Override
  public void gatherRows(M src, int[] index, int from, M dst) {
    delegate.gatherRows(src, index, from, dst);
  }

  @Override
  public BackendInfo info() {
    return delegate.info();
  }
}
