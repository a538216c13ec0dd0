package dev.prunebench.linalg.ojalgo;

import dev.prunebench.linalg.BackendProvider;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Parallelism;

/** Registers {@link OjAlgoBackend} with {@link java.util.ServiceLoader} as backend {@code ojalgo}. */
public final class OjAlgoProvider implements BackendProvider {
  @Override
  public String name() {
    return "ojalgo";
  }

  @Override
  public String library() {
    return "ojAlgo";
  }

  @Override
  public String description() {
    return "ojAlgo, R064Store";
  }

  @Override
  public LinearAlgebraBackend<?> create(Parallelism parallelism) {
    return OjAlgoBackend.create(parallelism);
  }
}
