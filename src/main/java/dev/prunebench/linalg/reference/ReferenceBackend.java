package dev.prunebench.linalg.reference;

import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Parallelism;

/** PLACEHOLDER: replaced by the real implementation before anything lands. */
public final class ReferenceBackend {
  private ReferenceBackend() {}

  public static LinearAlgebraBackend<?> create(Parallelism parallelism) {
    throw new UnsupportedOperationException("ReferenceBackend is not implemented yet");
  }
}
