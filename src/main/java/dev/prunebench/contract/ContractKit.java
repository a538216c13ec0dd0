package dev.prunebench.contract;

import dev.prunebench.linalg.Backend;
import java.io.IOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.engine.discovery.ClassNameFilter;
import org.junit.platform.engine.discovery.DiscoverySelectors;
import org.junit.platform.engine.support.descriptor.ClassSource;
import org.junit.platform.engine.support.descriptor.MethodSource;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.TestPlan;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Runs the contract suite — the JUnit classes of the test-jar, the same ones {@code mvn verify} and a
 * third party's build run — in this JVM on one backend, and sums the outcome per group (test class).
 * Nothing is re-implemented here: the kit's tests are the contract; this class only selects them, points
 * their backend selection ({@code prunebench.test.backends}) at one backend and listens.
 *
 * <p>The groups: every {@code dev.prunebench.linalg.*ContractTest}, {@code NoSilentWrongAnswerTest} (a
 * kernel refuses or is right, never silently wrong) and {@code dev.prunebench.bench.BenchmarkSanityTest}
 * (every benchmark computes the reference's answer). The suite's own self-tests (mutants, the catalogue,
 * shared numerics) do not depend on the backend and are not run.
 */
public final class ContractKit {
  /** Class-name patterns of the groups that judge a backend. */
  static final String[] GROUPS = {
      "dev\\.prunebench\\.linalg\\.[A-Za-z]+ContractTest",
      "dev\\.prunebench\\.linalg\\.NoSilentWrongAnswerTest",
      "dev\\.prunebench\\.bench\\.BenchmarkSanityTest"};

  private final ClassLoader loader;

  private ContractKit(ClassLoader loader) {
    this.loader = loader;
  }

  /**
   * Loads the project's own classes ({@code dev.prunebench.*}) from the main code and the kit itself,
   * child-first, and everything else (JUnit, the libraries) from the parent. The kit's tests use
   * package-private members of the main code, which the JVM allows only within one class loader's
   * package; the suite therefore runs in this loader with its own copy of {@link Backend} (which
   * re-reads {@value Backend#WITH_PROPERTY}, so jars loaded by {@code --with} are seen there too).
   */
  private static final class KitLoader extends URLClassLoader {
    static {
      registerAsParallelCapable();
    }

    KitLoader(URL[] urls, ClassLoader parent) {
      super(urls, parent);
    }

    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      if (!name.startsWith("dev.prunebench.")) {
        return super.loadClass(name, resolve);
      }
      synchronized (getClassLoadingLock(name)) {
        Class<?> c = findLoadedClass(name);
        if (c == null) {
          try {
            c = findClass(name);
          } catch (ClassNotFoundException e) {
            c = getParent().loadClass(name);
          }
        }
        if (resolve) {
          resolveClass(c);
        }
        return c;
      }
    }
  }

  /**
   * The kit in this test-jar ({@code prunebench-VERSION-tests.jar}) or test-classes directory.
   *
   * @throws IllegalArgumentException if it is neither a readable file nor a directory
   */
  public static ContractKit open(Path kit) {
    if (!(Files.isRegularFile(kit) && Files.isReadable(kit)) && !Files.isDirectory(kit)) {
      throw new IllegalArgumentException("the contract kit " + kit + " is not a readable file (build it with "
          + "'mvn -B -q package -DskipTests', which writes target/prunebench-VERSION-tests.jar)");
    }
    try {
      URL main = ContractKit.class.getProtectionDomain().getCodeSource().getLocation();
      URL url = kit.toAbsolutePath().toUri().toURL();
      return new ContractKit(new KitLoader(new URL[] {main, url}, ContractKit.class.getClassLoader()));
    } catch (IOException e) {
      throw new IllegalArgumentException("the contract kit " + kit + ": " + e.getMessage(), e);
    }
  }

  /** The group names (test classes' simple names) the kit holds, sorted. */
  @SuppressWarnings("unchecked")
  public Set<String> groups() {
    return (Set<String>) inKit("groupsHere");
  }

  /** Runs in the kit's loader: see {@link #groups()}. */
  public static Set<String> groupsHere() {
    Set<String> names = new TreeSet<>();
    TestPlan plan = LauncherFactory.create().discover(request(List.of()));
    plan.getRoots().forEach(r -> plan.getDescendants(r).forEach(d -> groupOf(d).ifPresent(names::add)));
    return names;
  }

  /** Calls {@code method} of the kit loader's copy of this class with the context loader set to it. */
  private Object inKit(String method, Object... args) {
    Thread t = Thread.currentThread();
    ClassLoader old = t.getContextClassLoader();
    t.setContextClassLoader(loader);
    try {
      Class<?> k = Class.forName(ContractKit.class.getName(), true, loader);
      Class<?>[] types = java.util.Arrays.stream(args).map(a -> a instanceof List ? List.class : a.getClass())
          .toArray(Class<?>[]::new);
      return k.getMethod(method, types).invoke(null, args);
    } catch (java.lang.reflect.InvocationTargetException e) {
      if (e.getCause() instanceof RuntimeException r) {
        throw r;
      }
      if (e.getCause() instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(e.getCause());
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException("the contract kit cannot be started: " + e, e);
    } finally {
      t.setContextClassLoader(old);
    }
  }

  /**
   * Runs the chosen groups (all when empty) on {@code backend}.
   *
   * @param evidenceDir where the suite writes its evidence tables (contract errors, hard-matrix outcomes)
   * @return one verdict per group that ran, in name order
   */
  public List<GroupVerdict> run(Backend backend, List<String> onlyGroups, Path evidenceDir) {
    List<GroupVerdict> out = new ArrayList<>();
    for (Object o : (List<?>) inKit("runHere", backend.cliName(), List.copyOf(onlyGroups), evidenceDir.toString())) {
      Object[] f = (Object[]) o; // JDK types only: the kit's GroupVerdict is another class
      out.add(new GroupVerdict((String) f[0], (Integer) f[1], (Integer) f[2], (Integer) f[3], (Double) f[4],
          (String) f[5], (String) f[6]));
    }
    return out;
  }

  /** Runs in the kit's loader: see {@link #run}; one {@code Object[]} of a verdict's fields per group. */
  public static List<Object[]> runHere(String backendName, List<?> onlyGroups, String evidenceDir) {
    Backend backend = Backend.parse(backendName);
    List<String> only = onlyGroups.stream().map(String.class::cast).toList();
    Map<String, int[]> counts = new LinkedHashMap<>();
    Map<String, String> firstFailure = new LinkedHashMap<>();
    String oldBackends = System.getProperty("prunebench.test.backends");
    String oldOut = System.getProperty("prunebench.contract.out");
    System.setProperty("prunebench.test.backends", backend.cliName());
    System.setProperty("prunebench.contract.out", evidenceDir);
    ContractLedger.reset();
    try {
      LauncherFactory.create().execute(request(only), new TestExecutionListener() {
        @Override
        public void executionFinished(TestIdentifier id, TestExecutionResult result) {
          if (!id.isTest() && result.getStatus() != TestExecutionResult.Status.FAILED) {
            return; // a container counts only when it fails (e.g. a @BeforeAll), which no test would show
          }
          groupOf(id).ifPresent(g -> {
            int[] c = counts.computeIfAbsent(g, k -> new int[3]);
            if (result.getStatus() == TestExecutionResult.Status.SUCCESSFUL) {
              c[0]++;
            } else if (result.getStatus() == TestExecutionResult.Status.ABORTED) {
              c[2]++;
            } else {
              c[1]++;
              firstFailure.putIfAbsent(g, id.getDisplayName() + ": " + result.getThrowable()
                  .map(t -> String.valueOf(t.getMessage()).strip().replaceAll("\\s*\\R\\s*", " ")).orElse("failed"));
            }
          });
        }

        @Override
        public void executionSkipped(TestIdentifier id, String reason) {
          groupOf(id).ifPresent(g -> counts.computeIfAbsent(g, k -> new int[3])[2]++);
        }
      });
    } finally {
      restore("prunebench.test.backends", oldBackends);
      restore("prunebench.contract.out", oldOut);
    }
    Map<String, ContractLedger.Worst> worst = ContractLedger.worst();
    List<Object[]> out = new ArrayList<>();
    new TreeSet<>(counts.keySet()).forEach(g -> {
      int[] c = counts.get(g);
      ContractLedger.Worst w = worst.get(g);
      out.add(new Object[] {g, c[0], c[1], c[2], w == null ? Double.NaN : w.ratio(),
          w == null ? "" : (w.kernel() + " / " + w.test() + (w.worstCase().isEmpty() ? "" : " / " + w.worstCase())),
          firstFailure.getOrDefault(g, "")});
    });
    return out;
  }

  private static void restore(String key, String old) {
    if (old == null) {
      System.clearProperty(key);
    } else {
      System.setProperty(key, old);
    }
  }

  private static LauncherDiscoveryRequest request(List<String> onlyGroups) {
    String[] patterns = onlyGroups.isEmpty() ? GROUPS
        : onlyGroups.stream().map(g -> ".*\\." + java.util.regex.Pattern.quote(g)).toArray(String[]::new);
    return LauncherDiscoveryRequestBuilder.request()
        .selectors(DiscoverySelectors.selectPackage("dev.prunebench.linalg"),
            DiscoverySelectors.selectPackage("dev.prunebench.bench"))
        .filters(ClassNameFilter.includeClassNamePatterns(GROUPS),
            ClassNameFilter.includeClassNamePatterns(patterns))
        .build();
  }

  private static java.util.Optional<String> groupOf(TestIdentifier id) {
    return id.getSource().map(s -> s instanceof MethodSource m ? m.getClassName()
            : s instanceof ClassSource c ? c.getClassName() : null)
        .map(n -> n.substring(n.lastIndexOf('.') + 1));
  }


}
