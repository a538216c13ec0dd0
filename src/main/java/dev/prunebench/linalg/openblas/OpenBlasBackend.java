package dev.prunebench.linalg.openblas;

import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Parallelism;

/** PLACEHOLDER: replaced by the real implementation before anything lands. */
public final class OpenBlasBackend {
  private OpenBlasBackend() {}

  public static LinearAlgebraBackend<?> create(Parallelism parallelism) {
    throw new UnsupportedOperationException("OpenBlasBackend is not implemented yet");
  }
}
