package dev.prunebench.linalg.reference;

import dev.prunebench.linalg.BackendProvider;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Parallelism;

/** Registers {@link ReferenceBackend} with {@link java.util.ServiceLoader} as backend {@code reference}. */
public final class ReferenceProvider implements BackendProvider {
  @Override
  public String name() {
    return "reference";
  }

  @Override
  public String library() {
    return "prunebench reference";
  }

  @Override
  public String description() {
    return "plain Java written here: the readable correctness baseline";
  }

  @Override
  public LinearAlgebraBackend<?> create(Parallelism parallelism) {
    return ReferenceBackend.create(parallelism);
  }
}
