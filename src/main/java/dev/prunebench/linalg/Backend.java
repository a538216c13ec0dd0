package dev.prunebench.linalg;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * A backend by name: a value wrapping one discovered {@link BackendProvider}. {@code Backend.EJML.create()}
 * builds one; {@link #parse(String)} reads a command-line or JMH name.
 *
 * <p>Migration from the former enum (kept source-compatible on purpose, so call sites did not change):
 * the built-ins keep their constants ({@link #REFERENCE} … {@link #NETLIB}); {@link #values()},
 * {@link #name()}, {@link #ordinal()} (discovery order) and natural ordering behave as the enum's did;
 * there is exactly one instance per provider, so {@code ==} stays valid. What changed: the list of
 * backends is open — {@link #all()} holds every provider found by {@link ServiceLoader} on the
 * classpath plus the jars passed to {@link #load(ClassLoader)} — so code that must run every backend
 * iterates {@link #all()} instead of switching over constants, and JMH takes the {@code backend}
 * parameter as a string ({@link #parse} accepts both {@code OPENBLAS} and {@code openblas}).
 */
public final class Backend implements Comparable<Backend> {
  private static final List<Backend> ALL = new ArrayList<>();

  /**
   * System property: jars ({@link java.io.File#pathSeparator}-separated) whose providers are loaded at
   * start-up. {@code --with} sets it, so JMH forks launched with it see the same backends.
   */
  public static final String WITH_PROPERTY = "prunebench.with";

  static {
    load(Backend.class.getClassLoader());
    String with = System.getProperty(WITH_PROPERTY, "");
    if (!with.isBlank()) {
      loadJars(java.util.Arrays.stream(with.split(java.io.File.pathSeparator)).map(java.nio.file.Path::of).toList());
    }
  }

  /** Plain Java written here: the readable correctness baseline. */
  public static final Backend REFERENCE = builtIn("reference");
  /** Efficient Java Matrix Library, {@code DMatrixRMaj}. */
  public static final Backend EJML = builtIn("ejml");
  /** ojAlgo, {@code R064Store}. */
  public static final Backend OJALGO = builtIn("ojalgo");
  /** Apache Commons Math 3, {@code BlockRealMatrix}. */
  public static final Backend COMMONS_MATH = builtIn("commons-math");
  /** Native OpenBLAS/LAPACK through {@code org.bytedeco:openblas}, off-heap matrices. */
  public static final Backend OPENBLAS = builtIn("openblas");
  /** Hipparchus, the maintained successor of Commons Math. */
  public static final Backend HIPPARCHUS = builtIn("hipparchus");
  /** netlib-java as packaged by {@code dev.ludovic.netlib} (Apache Spark's BLAS/LAPACK layer). */
  public static final Backend NETLIB = builtIn("netlib");

  private final BackendProvider provider;
  private final int ordinal;
  private volatile Availability availability;

  private Backend(BackendProvider provider, int ordinal) {
    this.provider = provider;
    this.ordinal = ordinal;
  }

  /**
   * Discovers the providers visible to {@code loader} and adds the ones not known yet (by name), after
   * the existing ones. {@code ./prunebench --with my.jar} calls this with a class loader over the jar.
   *
   * @return the backends added
   * @throws IllegalArgumentException if a provider's name is not lower-case letters, digits and {@code -}
   */
  public static synchronized List<Backend> load(ClassLoader loader) {
    List<Backend> added = new ArrayList<>();
    for (BackendProvider p : ServiceLoader.load(BackendProvider.class, loader)) {
      String n = Objects.requireNonNull(p.name(), "provider name");
      if (!n.matches("[a-z0-9][a-z0-9-]*")) {
        throw new IllegalArgumentException("backend provider " + p.getClass().getName() + ": name '" + n
            + "' must be lower-case letters, digits and '-'");
      }
      if (ALL.stream().noneMatch(b -> b.cliName().equals(n))) {
        Backend b = new Backend(p, ALL.size());
        ALL.add(b);
        added.add(b);
      }
    }
    return added;
  }

  /**
   * Loads the providers in these jars (a user's backend, {@code ./prunebench --with my.jar}) through a
   * class loader whose parent is this one, so they see the same {@link BackendProvider} interface, and
   * records the jars in {@value #WITH_PROPERTY} for child JVMs.
   *
   * @return the backends added
   * @throws IllegalArgumentException naming a jar that is not a readable file
   */
  public static synchronized List<Backend> loadJars(List<java.nio.file.Path> jars) {
    java.net.URL[] urls = new java.net.URL[jars.size()];
    for (int i = 0; i < urls.length; i++) {
      java.nio.file.Path jar = jars.get(i).toAbsolutePath();
      if (!java.nio.file.Files.isRegularFile(jar) || !java.nio.file.Files.isReadable(jar)) {
        throw new IllegalArgumentException("--with: '" + jars.get(i) + "' is not a readable jar file");
      }
      try {
        urls[i] = jar.toUri().toURL();
      } catch (java.net.MalformedURLException e) {
        throw new IllegalArgumentException("--with: '" + jars.get(i) + "': " + e.getMessage(), e);
      }
    }
    String all = java.util.Arrays.stream(urls).map(u -> java.nio.file.Path.of(java.net.URI.create(u.toString()))
        .toString()).collect(Collectors.joining(java.io.File.pathSeparator));
    String before = System.getProperty(WITH_PROPERTY, "");
    if (!before.contains(all)) {
      System.setProperty(WITH_PROPERTY, before.isBlank() ? all : before + java.io.File.pathSeparator + all);
    }
    // never closed: the providers' classes must stay loadable for the life of the JVM
    return load(new java.net.URLClassLoader(urls, Backend.class.getClassLoader()));
  }

  private static Backend builtIn(String name) {
    return ALL.stream().filter(b -> b.cliName().equals(name)).findFirst().orElseThrow(() ->
        new IllegalStateException("built-in backend provider '" + name + "' missing from "
            + "META-INF/services/" + BackendProvider.class.getName()));
  }

  /** Every discovered backend, built-ins first, in discovery order. */
  public static synchronized List<Backend> all() {
    return List.copyOf(ALL);
  }

  /** {@link #all()} as an array (the former enum's {@code values()}). */
  public static Backend[] values() {
    return all().toArray(Backend[]::new);
  }

  /** The provider behind this backend. */
  public BackendProvider provider() {
    return provider;
  }

  /** The lower-case name used on the command line and in reports. */
  public String cliName() {
    return provider.name();
  }

  /** The constant-style name ({@code COMMONS_MATH}): the JMH {@code backend} parameter value. */
  public String name() {
    return provider.name().toUpperCase(Locale.ROOT).replace('-', '_');
  }

  /** Position in discovery order. */
  public int ordinal() {
    return ordinal;
  }

  /** The library's human name. */
  public String library() {
    return provider.library();
  }

  /** Bytes this backend's matrices may occupy outside the Java heap ({@code 0} for heap backends). */
  public long nativeMemoryLimitBytes() {
    return provider.nativeMemoryLimitBytes();
  }

  /** Whether this backend keeps its matrices outside the Java heap. */
  public boolean nativeMatrices() {
    return provider.nativeMatrices();
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
      throw new IllegalStateException("backend " + cliName() + " is unavailable: " + a.reason());
    }
    return provider.create(parallelism);
  }

  /** Whether this backend can run here; probed once (see {@link BackendProvider#availability()}). */
  public Availability availability() {
    Availability a = availability;
    if (a == null) {
      try {
        a = provider.availability();
      } catch (LinkageError | RuntimeException e) {
        a = Availability.no(e.getClass().getSimpleName() + ": " + e.getMessage());
      }
      availability = a;
    }
    return a;
  }

  /** The available backends, in discovery order. */
  public static Backend[] available() {
    return all().stream().filter(b -> b.availability().available()).toArray(Backend[]::new);
  }

  /**
   * The backend with this name: the command-line name or the JMH constant-style name, case-insensitive
   * ({@code commons_math} is accepted for {@code commons-math}).
   *
   * @throws IllegalArgumentException naming the value and listing the valid names
   */
  public static Backend parse(String name) {
    List<Backend> all = all();
    if (name != null) {
      String n = name.trim().toLowerCase(Locale.ROOT).replace('_', '-');
      for (Backend b : all) {
        if (b.cliName().equals(n)) {
          return b;
        }
      }
    }
    throw new IllegalArgumentException("backend: unknown name '" + name + "'; valid names: "
        + all.stream().map(Backend::cliName).collect(Collectors.joining(", ")));
  }

  /** The former enum's {@code valueOf}: same as {@link #parse(String)}. */
  public static Backend valueOf(String name) {
    return parse(name);
  }

  @Override
  public int compareTo(Backend o) {
    return Integer.compare(ordinal, o.ordinal);
  }

  @Override
  public String toString() {
    return name();
  }
}
