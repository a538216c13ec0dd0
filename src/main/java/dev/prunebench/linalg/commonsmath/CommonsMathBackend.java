package dev.prunebench.linalg.commonsmath;

import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Parallelism;

/** PLACEHOLDER: replaced by the real implementation before anything lands. */
public final class CommonsMathBackend {
  private CommonsMathBackend() {}

  public static LinearAlgebraBackend<?> create(Parallelism parallelism) {
    throw new UnsupportedOperationException("CommonsMathBackend is not implemented yet");
  }
}
