package dev.prunebench.linalg;

import dev.prunebench.report.Csv;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import java.util.Optional;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * The largest normalised error each contract test saw, per backend and kernel, with the tolerance
 * it was held to, and the case where it occurred: the evidence behind the tolerances. Tests {@link #record} every checked ratio;
 * when the whole test run ends (the JUnit root store closes) the table is written atomically to
 * {@value #CSV} and printed compactly, followed by how many tests passed, failed and were skipped
 * per backend (the display name of every contract test starts with its backend), so the console
 * shows at a glance that the suite ran for every backend. Register with
 * {@code @ExtendWith(ContractErrors.class)}.
 */
final class ContractErrors implements BeforeAllCallback, TestWatcher {
  /**
   * Where the evidence tables go: {@code target/} in a Maven build; {@code prunebench check} points the
   * system property {@value #OUT_PROPERTY} at a temporary directory so it never writes into the user's one.
   */
  static final String OUT_PROPERTY = "prunebench.contract.out";
  static final String CSV = outDir() + "/contract-errors.csv";

  static String outDir() {
    return System.getProperty(OUT_PROPERTY, "target");
  }

  private record Key(Backend backend, String kernel, String test) implements Comparable<Key> {
    @Override
    public int compareTo(Key o) {
      int c = backend.compareTo(o.backend);
      if (c == 0) {
        c = kernel.compareTo(o.kernel);
      }
      return c == 0 ? test.compareTo(o.test) : c;
    }
  }

  private record Entry(double maxError, double tolerance, String worstCase) {}

  private static final Map<Key, Entry> ERRORS = new TreeMap<>();
  /** Set while the suite is run against deliberately broken backends, whose errors are not evidence. */
  private static final ThreadLocal<Boolean> SUPPRESSED = ThreadLocal.withInitial(() -> false);

  /** Runs {@code body} without recording anything. */
  static void suppressed(org.junit.jupiter.api.function.Executable body) throws Throwable {
    SUPPRESSED.set(true);
    try {
      body.execute();
    } finally {
      SUPPRESSED.set(false);
    }
  }
  /** Per backend: passed, failed, skipped. */
  private static final Map<Backend, int[]> OUTCOMES = new TreeMap<>();
  private static final Map<Backend, String> SKIP_REASONS = new TreeMap<>();

  @Override
  public void testSuccessful(ExtensionContext context) {
    count(context, 0, null);
  }

  @Override
  public void testFailed(ExtensionContext context, Throwable cause) {
    count(context, 1, null);
  }

  @Override
  public void testAborted(ExtensionContext context, Throwable cause) {
    count(context, 2, cause == null ? null : cause.getMessage());
  }

  @Override
  public void testDisabled(ExtensionContext context, Optional<String> reason) {
    count(context, 2, reason.orElse(null));
  }

  private static synchronized void count(ExtensionContext context, int outcome, String reason) {
    String first = context.getDisplayName().split(" ", 2)[0];
    for (Backend b : Backend.values()) {
      if (b.name().equals(first)) {
        OUTCOMES.computeIfAbsent(b, k -> new int[3])[outcome]++;
        if (reason != null) {
          SKIP_REASONS.putIfAbsent(b, reason);
        }
      }
    }
  }

  /**
   * Records one normalised error (a ratio that must stay at or below {@code tolerance}) and keeps
   * the largest per (backend, kernel, test). Returns {@code error} for use in the assertion.
   */
  static double record(Backend backend, String kernel, String test, double error, double tolerance) {
    return record(backend, kernel, test, error, tolerance, "");
  }

  /** As {@link #record(Backend, String, String, double, double)}, naming the case (kept for the worst one). */
  static synchronized double record(Backend backend, String kernel, String test, double error,
      double tolerance, String worstCase) {
    if (SUPPRESSED.get()) {
      return error;
    }
    dev.prunebench.contract.ContractLedger.record(callingTestClass(), kernel, test, error, tolerance, worstCase);
    Key k = new Key(backend, kernel, test);
    Entry old = ERRORS.get(k);
    // NaN is kept: it is the worst possible error and must show in the table
    if (old == null || Double.isNaN(error) || (!Double.isNaN(old.maxError) && error > old.maxError)) {
      ERRORS.put(k, new Entry(error, tolerance, worstCase));
    }
    return error;
  }

  /** The contract group: the simple name of the test class that recorded (helpers in between skipped). */
  private static String callingTestClass() {
    return StackWalker.getInstance(StackWalker.Option.RETAIN_CLASS_REFERENCE).walk(frames -> frames
        .map(f -> f.getDeclaringClass().getSimpleName()).filter(n -> n.endsWith("Test")).findFirst()
        .orElse("unknown"));
  }

  @Override
  public void beforeAll(ExtensionContext context) {
    context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
        .getOrComputeIfAbsent(ContractErrors.class, k -> new Writer(), Writer.class);
  }

  /** Closed by JUnit once, after the last test of the run. */
  private static final class Writer implements AutoCloseable {
    @Override
    public void close() {
      List<List<?>> rows = new ArrayList<>();
      StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
          "%nContract suite: largest normalised error per backend, kernel and test (%s)%n"
              + "%-13s %-22s %-34s %11s %11s%n", CSV, "backend", "kernel", "test", "max_error", "tolerance"));
      synchronized (ContractErrors.class) {
        for (Map.Entry<Key, Entry> e : ERRORS.entrySet()) {
          Key k = e.getKey();
          rows.add(List.of(k.backend.cliName(), k.kernel, k.test, e.getValue().maxError,
              e.getValue().tolerance, e.getValue().worstCase));
          table.append(String.format(Locale.ROOT, "%-13s %-22s %-34s %11.3g %11.3g%n", k.backend.cliName(),
              k.kernel, k.test, e.getValue().maxError, e.getValue().tolerance));
        }
        table.append(String.format(Locale.ROOT, "Contract suite per backend (passed / failed / skipped):%n"));
        for (Map.Entry<Backend, int[]> e : OUTCOMES.entrySet()) {
          int[] o = e.getValue();
          String reason = SKIP_REASONS.get(e.getKey());
          table.append(String.format(Locale.ROOT, "  %-13s %4d / %d / %d%s%n", e.getKey().cliName(), o[0], o[1],
              o[2], reason == null ? "" : "  (skipped: " + reason + ")"));
        }
      }
      if (rows.isEmpty() && OUTCOMES.isEmpty()) {
        return;
      }
      try {
        Csv.write(Path.of(CSV), List.of("backend", "kernel", "test", "max_error", "tolerance", "worst_case"), rows);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      System.out.print(table);
    }
  }
}
