package dev.prunebench.linalg.ojalgo;

import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Parallelism;

/** PLACEHOLDER: replaced by the real implementation before anything lands. */
public final class OjAlgoBackend {
  private OjAlgoBackend() {}

  public static LinearAlgebraBackend<?> create(Parallelism parallelism) {
    throw new UnsupportedOperationException("OjAlgoBackend is not implemented yet");
  }
}
