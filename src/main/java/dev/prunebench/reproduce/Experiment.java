package dev.prunebench.reproduce;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * The experiments {@code prunebench reproduce} runs, in order, each through its own subcommand
 * (nothing is re-implemented here). {@link #arguments} maps a {@link ReproduceConfig} to that
 * subcommand's options, so every experiment sees the same backend and seed and writes under
 * {@code OUT/<directory>}.
 */
public enum Experiment {
  /** Figure 1: min-norm least squares under feature scaling, analytic vs empirical (Section 3). */
  LINEAR("linear", "linear", "Linear models, Figure 1 (Section 3.1)"),
  /** Figures 2–4: two-layer ReLU networks on MNIST (Section 4, Appendix D). */
  NN("nn", "nn", "Two-layer ReLU networks on MNIST, Figures 2–4 (Section 4, Appendix D)"),
  /** Theorem 4.3 and Proposition B.2: "larger Hessian wins more" under gradient descent. */
  THEOREM43("theorem43", "theorem43", "Theorem 4.3: larger Hessian wins more (Section 4, Appendix B)"),
  /** LAPACK-style accuracy ratios of every backend, checked against the committed baseline. */
  ACCURACY("accuracy", "accuracy", "Backend accuracy, checked against the committed baseline"),
  /** The quick JMH preset (only with {@code --with-bench}). */
  BENCH("bench", "bench", "Backend speed, JMH quick preset");

  private final String command;
  private final String directory;
  private final String title;

  Experiment(String command, String directory, String title) {
    this.command = command;
    this.directory = directory;
    this.title = title;
  }

  /** The subcommand that runs it, e.g. {@code linear}. */
  public String command() {
    return command;
  }

  /** Its output directory under the reproduction's {@code --out}. */
  public Path directory(Path out) {
    return out.resolve(directory);
  }

  /** Section title in the reports index. */
  public String title() {
    return title;
  }

  /** The experiments a configuration runs, in order. */
  public static List<Experiment> selected(ReproduceConfig c) {
    List<Experiment> out = new ArrayList<>(List.of(LINEAR, NN, THEOREM43, ACCURACY));
    if (c.withBench()) {
      out.add(BENCH);
    }
    return out;
  }

  /**
   * The subcommand's arguments for {@code c}. The quick preset uses each experiment's own quick
   * setting where it has one (nn) and its default otherwise (linear: the paper's Figure 1 in under a
   * minute; theorem43: seconds); the paper preset uses each experiment's paper/default setting.
   *
   * @param committedBaseline the accuracy baseline to check against (never updated); required for
   *     {@link #ACCURACY}, whose check must never be skipped silently
   */
  public List<String> arguments(ReproduceConfig c, Path committedBaseline) {
    List<String> a = new ArrayList<>();
    a.add(command);
    String preset = c.preset().name().toLowerCase(Locale.ROOT);
    switch (this) {
      case NN -> a.addAll(List.of("--preset", preset));
      case ACCURACY -> a.addAll(List.of("--baseline",
          Objects.requireNonNull(committedBaseline, "the accuracy baseline").toString()));
      case BENCH -> a.addAll(List.of("--preset", "quick", "--accuracy",
          ACCURACY.directory(c.out()).resolve("accuracy.csv").toString()));
      default -> { }
    }
    if (c.backend() != null) {
      a.addAll(List.of("--backend", c.backend().cliName()));
    }
    if (c.seed() != null && this != BENCH) {
      a.addAll(List.of("--seed", Long.toString(c.seed())));
    }
    a.addAll(List.of("--out", directory(c.out()).toString()));
    return a;
  }
}
