package dev.prunebench.bench;

import dev.prunebench.linalg.Backend;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Parallelism;

/**
 * Opens a backend for a benchmark state. JMH states cannot be generic, so the library-native type is
 * erased to {@code Object} here, once; every operand a state holds came from the same backend.
 */
public final class BenchBackends {
  private BenchBackends() {}

  @SuppressWarnings("unchecked")
  public static LinearAlgebraBackend<Object> open(Backend backend, Parallelism parallelism) {
    return (LinearAlgebraBackend<Object>) backend.create(parallelism);
  }
}
