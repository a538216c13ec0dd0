package dev.prunebench.linalg.ejml;

import dev.prunebench.linalg.BackendProvider;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Parallelism;

/** Registers {@link EjmlBackend} with {@link java.util.ServiceLoader} as backend {@code ejml}. */
public final class EjmlProvider implements BackendProvider {
  @Override
  public String name() {
    return "ejml";
  }

  @Override
  public String library() {
    return "EJML";
  }

  @Override
  public String description() {
    return "Efficient Java Matrix Library, DMatrixRMaj";
  }

  @Override
  public LinearAlgebraBackend<?> create(Parallelism parallelism) {
    return EjmlBackend.create(parallelism);
  }
}
