package dev.prunebench.linalg.openblas;

import dev.prunebench.linalg.BackendProvider;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Parallelism;

/** Registers {@link OpenBlasBackend} with {@link java.util.ServiceLoader} as backend {@code openblas}. */
public final class OpenBlasProvider implements BackendProvider {
  @Override
  public String name() {
    return "openblas";
  }

  @Override
  public String library() {
    return "OpenBLAS";
  }

  @Override
  public String description() {
    return "native OpenBLAS/LAPACK through org.bytedeco:openblas, off-heap matrices";
  }

  @Override
  public LinearAlgebraBackend<?> create(Parallelism parallelism) {
    return OpenBlasBackend.create(parallelism);
  }

  /** OpenBLAS buffers are native memory, bounded by JavaCPP's limit. */
  @Override
  public long nativeMemoryLimitBytes() {
    return OpenBlasBackend.nativeMemoryLimitBytes();
  }

  @Override
  public boolean nativeMatrices() {
    return true;
  }
}
