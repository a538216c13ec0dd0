package dev.prunebench.linalg.netlib;

import dev.prunebench.linalg.BackendProvider;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Parallelism;

/** Registers {@link NetlibBackend} with {@link java.util.ServiceLoader} as backend {@code netlib}. */
public final class NetlibProvider implements BackendProvider {
  @Override
  public String name() {
    return "netlib";
  }

  @Override
  public String library() {
    return "netlib-java (dev.ludovic.netlib)";
  }

  @Override
  public String description() {
    return "dev.ludovic.netlib BLAS/LAPACK (Spark MLlib's layer) on column-major double[]";
  }

  @Override
  public LinearAlgebraBackend<?> create(Parallelism parallelism) {
    return NetlibBackend.create(parallelism);
  }
}
