package dev.prunebench.linalg.openblas;

import dev.prunebench.linalg.Elementwise;

/**
 * The allocating elementwise kernels of {@link OpenBlasBackend} ({@link Elementwise}: each returns a
 * new native matrix), split from the backend class by capability. The BLAS-backed ones
 * ({@code daxpy}, {@code dscal}) run inside {@link NativeCallGate}.
 */
abstract class OpenBlasElementwise implements Elementwise<NativeMatrix> {
  /** OpenBLAS threads of this backend instance. */
  final int threads;

  OpenBlasElementwise(int threads) {
    this.threads = threads;
  }

  @Override
  public NativeMatrix relu(NativeMatrix a) {
    return NativeElementwise.relu(a);
  }

  @Override
  public NativeMatrix reluMask(NativeMatrix a) {
    return NativeElementwise.reluMask(a);
  }

  @Override
  public NativeMatrix hadamard(NativeMatrix a, NativeMatrix b) {
    return NativeElementwise.hadamard(a, b);
  }

  @Override
  public NativeMatrix addScaled(NativeMatrix a, double alpha, NativeMatrix b) {
    NativeCallGate.enter(threads);
    try {
      return NativeElementwise.addScaled(a, alpha, b);
    } finally {
      NativeCallGate.exit();
    }
  }

  @Override
  public NativeMatrix scale(NativeMatrix a, double alpha) {
    NativeCallGate.enter(threads);
    try {
      return NativeElementwise.scale(a, alpha);
    } finally {
      NativeCallGate.exit();
    }
  }

  @Override
  public NativeMatrix softmaxRows(NativeMatrix z) {
    return NativeElementwise.softmaxRows(z);
  }

  @Override
  public NativeMatrix columnSums(NativeMatrix a) {
    return NativeElementwise.columnSums(a);
  }

  @Override
  public double sum(NativeMatrix a) {
    return NativeElementwise.sum(a);
  }
}
