package dev.prunebench.bench;

import dev.prunebench.linalg.Backend;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Parallelism;

/**
 * Opens a backend for a benchmark state, by the JMH {@code backend} parameter: a name
 * {@link Backend#parse} accepts ({@code OPENBLAS}, {@code openblas}, or a provider loaded from a user's
 * jar). JMH cannot take a non-enum class as a parameter, so the states hold the name as a string. JMH states cannot be generic, so the library-native type is
 * erased to {@code Object} here, once; every operand a state holds came from the same backend.
 */
public final class BenchBackends {
  private BenchBackends() {}

  @SuppressWarnings("unchecked")
  public static LinearAlgebraBackend<Object> open(String backend, Parallelism parallelism) {
    return (LinearAlgebraBackend<Object>) Backend.parse(backend).create(parallelism);
  }
}
