package dev.prunebench.linalg.commonsmath;

import dev.prunebench.linalg.BackendProvider;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Parallelism;

/** Registers {@link CommonsMathBackend} with {@link java.util.ServiceLoader} as backend {@code commons-math}. */
public final class CommonsMathProvider implements BackendProvider {
  @Override
  public String name() {
    return "commons-math";
  }

  @Override
  public String library() {
    return "Apache Commons Math";
  }

  @Override
  public String description() {
    return "Apache Commons Math 3, BlockRealMatrix";
  }

  @Override
  public LinearAlgebraBackend<?> create(Parallelism parallelism) {
    return CommonsMathBackend.create(parallelism);
  }
}
