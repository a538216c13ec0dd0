package dev.prunebench.linalg;

import dev.prunebench.linalg.commonsmath.CommonsMathBackend;
import dev.prunebench.linalg.ejml.EjmlBackend;
import dev.prunebench.linalg.ojalgo.OjAlgoBackend;
import dev.prunebench.linalg.openblas.OpenBlasBackend;
import dev.prunebench.linalg.reference.ReferenceBackend;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Every backend, by name. {@code Backend.EJML.create()} builds one; {@link #parse(String)} reads the
 * lower-case command-line name. JMH uses this enum directly as a {@code @Param}.
 */
public enum Backend {
  /** Plain Java written here: the readable correctness baseline. */
  REFERENCE("reference"),
  /** Efficient Java Matrix Library, {@code DMatrixRMaj}. */
  EJML("ejml"),
  /** ojAlgo, {@code R064Store}. */
  OJALGO("ojalgo"),
  /** Apache Commons Math 3, {@code BlockRealMatrix} / {@code Array2DRowRealMatrix}. */
  COMMONS_MATH("commons-math"),
  /** Native OpenBLAS/LAPACK through {@code org.bytedeco:openblas}, off-heap matrices. */
  OPENBLAS("openblas");

  private final String cliName;
  private volatile Availability availability;

  Backend(String cliName) {
    this.cliName = cliName;
  }

  /** The lower-case name used on the command line and in reports. */
  public String cliName() {
    return cliName;
  }

  /**
   * Bytes this backend's library-native matrices may occupy outside the Java heap: OpenBLAS buffers are
   * native (JavaCPP's limit), every other backend keeps its matrices on the heap ({@code 0}).
   */
  public long nativeMemoryLimitBytes() {
    return nativeMatrices() ? OpenBlasBackend.nativeMemoryLimitBytes() : 0;
  }

  /** Whether this backend keeps its matrices outside the Java heap (OpenBLAS). */
  public boolean nativeMatrices() {
    return this == OPENBLAS;
  }


  /** A backend using every core where the library can. */
  public LinearAlgebraBackend<?> create() {
    return create(Parallelism.ALL_CORES);
  }

  /**
   * A new backend instance.
   *
   * @throws IllegalStateException if the backend cannot run here (see {@link #availability()})
   */
  public LinearAlgebraBackend<?> create(Parallelism parallelism) {
    Availability a = availability();
    if (!a.available()) {
      throw new IllegalStateException("backend " + cliName + " is unavailable: " + a.reason());
    }
    return instantiate(parallelism);
  }

  private LinearAlgebraBackend<?> instantiate(Parallelism parallelism) {
    return switch (this) {
      case REFERENCE -> ReferenceBackend.create(parallelism);
      case EJML -> EjmlBackend.create(parallelism);
      case OJALGO -> OjAlgoBackend.create(parallelism);
      case COMMONS_MATH -> CommonsMathBackend.create(parallelism);
      case OPENBLAS -> OpenBlasBackend.create(parallelism);
    };
  }

  /**
   * Whether this backend can run here. Probed once by building an instance: a native library that
   * fails to load makes its backend unavailable, with the loader's message as the reason, and
   * leaves every other backend working.
   */
  public Availability availability() {
    Availability a = availability;
    if (a == null) {
      try {
        instantiate(Parallelism.SINGLE);
        a = Availability.yes();
      } catch (LinkageError | RuntimeException e) {
        a = Availability.no(e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      availability = a;
    }
    return a;
  }

  /** The available backends, in declaration order. */
  public static Backend[] available() {
    return Arrays.stream(values()).filter(b -> b.availability().available()).toArray(Backend[]::new);
  }

  /**
   * The backend with this command-line name (case-insensitive; {@code commons_math} is accepted for
   * {@code commons-math}).
   *
   * @throws IllegalArgumentException naming the value and listing the valid names
   */
  public static Backend parse(String name) {
    if (name != null) {
      String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
      for (Backend b : values()) {
        if (b.cliName.equals(n)) {
          return b;
        }
      }
    }
    throw new IllegalArgumentException("backend: unknown name '" + name + "'; valid names: "
        + Arrays.stream(values()).map(Backend::cliName).collect(Collectors.joining(", ")));
  }
}
