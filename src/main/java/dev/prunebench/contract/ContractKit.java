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
   * The kit in this test-jar ({@code prunebench-VERSION-tests.jar}), loaded over this JVM's classes.
   *
   * @throws IllegalArgumentException if the jar is not a readable file
   */
  public static ContractKit open(Path testJar) {
    if (!Files.isRegularFile(testJar) || !Files.isReadable(testJar)) {
      throw new IllegalArgumentException("the contract kit " + testJar + " is not a readable file (build it with "
          + "'mvn -B -q package -DskipTests', which writes target/prunebench-VERSION-tests.jar)");
    }
    try {
      URL url = testJar.toAbsolutePath().toUri().toURL();
      return new ContractKit(new URLClassLoader(new URL[] {url}, ContractKit.class.getClassLoader()));
    } catch (IOException e) {
      throw new IllegalArgumentException("the contract kit " + testJar + ": " + e.getMessage(), e);
    }
  }

  /** The kit on this JVM's class path (inside the project's own test run). */
  public static ContractKit onClassPath() {
    return new ContractKit(Thread.currentThread().getContextClassLoader());
  }

  /** The group names (test classes' simple names) the kit holds, sorted. */
  public Set<String> groups() {
    Set<String> names = new TreeSet<>();
    withLoader(() -> {
      TestPlan plan = LauncherFactory.create().discover(request(List.of()));
      plan.getRoots().forEach(r -> plan.getDescendants(r).forEach(d -> groupOf(d).ifPresent(names::add)));
    });
    return names;
  }

  /**
   * Runs the chosen groups (all when empty) on {@code backend}.
   *
   * @param evidenceDir where the suite writes its evidence tables (contract errors, hard-matrix outcomes)
   * @return one verdict per group that ran, in name order
   */
  public List<GroupVerdict> run(Backend backend, List<String> onlyGroups, Path evidenceDir) {
    Map<String, int[]> counts = new LinkedHashMap<>();
    Map<String, String> firstFailure = new LinkedHashMap<>();
    String oldBackends = System.getProperty("prunebench.test.backends");
    String oldOut = System.getProperty("prunebench.contract.out");
    System.setProperty("prunebench.test.backends", backend.cliName());
    System.setProperty("prunebench.contract.out", evidenceDir.toString());
    ContractLedger.reset();
    try {
      withLoader(() -> LauncherFactory.create().execute(request(onlyGroups), new TestExecutionListener() {
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
      }));
    } finally {
      restore("prunebench.test.backends", oldBackends);
      restore("prunebench.contract.out", oldOut);
    }
    Map<String, ContractLedger.Worst> worst = ContractLedger.worst();
    List<GroupVerdict> out = new ArrayList<>();
    new TreeSet<>(counts.keySet()).forEach(g -> {
      int[] c = counts.get(g);
      ContractLedger.Worst w = worst.get(g);
      out.add(new GroupVerdict(g, c[0], c[1], c[2], w == null ? Double.NaN : w.ratio(),
          w == null ? "" : (w.kernel() + " / " + w.test() + (w.worstCase().isEmpty() ? "" : " / " + w.worstCase())),
          firstFailure.getOrDefault(g, "")));
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

  private LauncherDiscoveryRequest request(List<String> onlyGroups) {
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

  private void withLoader(Runnable body) {
    Thread t = Thread.currentThread();
    ClassLoader old = t.getContextClassLoader();
    t.setContextClassLoader(loader);
    try {
      body.run();
    } finally {
      t.setContextClassLoader(old);
    }
  }
}
