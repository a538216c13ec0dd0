package dev.prunebench.linalg.ejml;

import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Parallelism;

/** PLACEHOLDER: replaced by the real implementation before anything lands. */
public final class EjmlBackend {
  private EjmlBackend() {}

  public static LinearAlgebraBackend<?> create(Parallelism parallelism) {
    throw new UnsupportedOperationException("EjmlBackend is not implemented yet");
  }
}
