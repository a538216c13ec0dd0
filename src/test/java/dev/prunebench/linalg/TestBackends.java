package dev.prunebench.linalg;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The backends the contract suite runs on: the comma-separated command-line names in the system
 * property {@value #PROPERTY} (parsed by {@link Backend#parse}), or every {@link Backend} when it is
 * unset. An unavailable JVM backend is a failure, never a skip: only {@link Backend#OPENBLAS}, whose
 * native library may legitimately fail to load on a machine, is skipped, through an assumption that
 * carries its availability reason.
 */
public final class TestBackends {
  static final String PROPERTY = "prunebench.test.backends";

  /**
   * Backends whose QR is column-pivoted by trailing norms ({@code dgeqp3}-style, README "What each
   * algorithm guarantees"): there QR finishes a rank-deficient X with the complete orthogonal
   * decomposition; on the others it refuses. Stated here, not read from the code, so a backend that
   * silently lost its pivoting fails the tests.
   */
  static final java.util.Set<Backend> RANK_REVEALING_QR =
      java.util.Set.of(Backend.REFERENCE, Backend.EJML, Backend.OPENBLAS, Backend.NETLIB);

  private static final Map<Backend, LinearAlgebraBackend<?>> INSTANCES = new java.util.HashMap<>();

  private TestBackends() {}

  /** The selected backends, in declaration order. */
  public static List<Backend> selected() {
    String prop = System.getProperty(PROPERTY, "").trim();
    if (prop.isEmpty()) {
      return List.of(Backend.values());
    }
    return Arrays.stream(prop.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(Backend::parse)
        .distinct().sorted().toList();
  }

  /** {@code @MethodSource} for tests parameterized over the backend alone. */
  static Stream<Backend> backends() {
    return selected().stream();
  }

  /** {@code @MethodSource} helper: every selected backend crossed with every case. */
  static Stream<Arguments> cross(List<?> cases) {
    return selected().stream().flatMap(b -> cases.stream().map(c -> Arguments.of(b, c)));
  }

  /**
   * A shared instance of {@code backend} (backends are stateless, see {@link LinearAlgebraBackend}),
   * using every core: the configuration the benchmarks and experiments run.
   */
  static synchronized LinearAlgebraBackend<?> create(Backend backend) {
    LinearAlgebraBackend<?> b = INSTANCES.get(backend);
    if (b == null) {
      b = create(backend, Parallelism.ALL_CORES);
      INSTANCES.put(backend, b);
    }
    return b;
  }

  /** A new instance with the given parallelism; skips OpenBLAS if unavailable, fails for the rest. */
  static LinearAlgebraBackend<?> create(Backend backend, Parallelism parallelism) {
    Availability a = backend.availability();
    if (!a.available()) {
      if (backend == Backend.OPENBLAS) {
        assumeTrue(false, "openblas is unavailable on this machine: " + a.reason());
      }
      fail("JVM backend %s must be available but is not: %s", backend.cliName(), a.reason());
    }
    return backend.create(parallelism);
  }
}
