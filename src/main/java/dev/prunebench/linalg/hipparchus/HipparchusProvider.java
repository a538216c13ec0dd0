package dev.prunebench.linalg.hipparchus;

import dev.prunebench.linalg.BackendProvider;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Parallelism;

/** Registers {@link HipparchusBackend} with {@link java.util.ServiceLoader} as backend {@code hipparchus}. */
public final class HipparchusProvider implements BackendProvider {
  @Override
  public String name() {
    return "hipparchus";
  }

  @Override
  public String library() {
    return "Hipparchus";
  }

  @Override
  public String description() {
    return "Hipparchus (successor of Commons Math), BlockRealMatrix";
  }

  @Override
  public LinearAlgebraBackend<?> create(Parallelism parallelism) {
    return HipparchusBackend.create(parallelism);
  }
}
