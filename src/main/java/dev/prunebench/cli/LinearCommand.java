package dev.prunebench.cli;

import dev.prunebench.linalg.Backend;
import dev.prunebench.linalg.LeastSquaresAlgorithm;
import dev.prunebench.linalg.Parallelism;
import dev.prunebench.linalg.RankDeficientException;
import dev.prunebench.linear.Figure1Config;
import dev.prunebench.linear.Figure1Experiment;
import dev.prunebench.linear.Figure1Report;
import dev.prunebench.linear.Figure1Result;
import dev.prunebench.linear.HessianSource;
import dev.prunebench.linear.LambdaProfile;
import dev.prunebench.linear.ThetaProfile;
import dev.prunebench.report.ReportDirectory;
import dev.prunebench.theory.HNormalisation;
import dev.prunebench.util.Progress;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prunebench linear}: the Figure 1 experiment of paper Section 3.1 (covariance bias of
 * min-norm least squares and MP vs HP), analytic (Definition 3.2) against empirical, written to
 * {@code reports/linear/}. Defaults are the paper's Figure 1.
 */
@Command(name = "linear", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = "Reproduce paper Figure 1: pruning the min-norm least-squares solution under feature "
        + "scaling Λ, Definition 3.2 predictions vs actual solutions. Writes CSV, PNG and README.md.")
public final class LinearCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--p", description = "Number of features p.", defaultValue = "1000")
  int p;

  @Option(names = "--kappa", description = "κ = p/n > 1 (fractions like 5/3 accepted); n = round(p/κ).",
      defaultValue = "5/3", converter = FractionConverter.class)
  double kappa;

  @Option(names = "--n", description = "Number of samples n < p; overrides --kappa when given.")
  Integer n;

  @Option(names = "--sigma", description = "Label-noise standard deviation σ.", defaultValue = "0.1")
  double sigma;

  @Option(names = "--theta", description = "Ground-truth profile: ${COMPLETION-CANDIDATES}.",
      defaultValue = "polynomial")
  ThetaProfile theta;

  @Option(names = "--fraction", description = "Fraction f of leading coordinates scaled by λ (eq. 3.5).",
      defaultValue = "0.1")
  double fraction;

  @Option(names = "--lambdas", split = ",", description = "λ values, comma-separated (fractions accepted).",
      defaultValue = "1/2,1,5", converter = FractionConverter.class)
  List<Double> lambdas;

  @Option(names = "--sparsity", split = ",",
      description = "Kept fractions s/p, comma-separated; default: a uniform grid of --sparsity-points.")
  List<Double> sparsity;

  @Option(names = "--sparsity-points", description = "Points of the default grid s/p = k/points.",
      defaultValue = "" + Figure1Config.DEFAULT_GRID_POINTS)
  int sparsityPoints;

  @Option(names = "--trials", description = "Empirical min-norm solves per λ.", defaultValue = "50")
  int trials;

  @Option(names = "--draws", description = "Monte-Carlo draws of h per λ (analytic curves).", defaultValue = "500")
  int draws;

  @Option(names = "--seed", description = "Master seed.", defaultValue = "2020")
  long seed;

  @Option(names = "--backend", description = "Linear-algebra backend (see 'prunebench backends').",
      defaultValue = "reference")
  Backend backend;

  @Option(names = "--parallelism", description = "Backend threads: ${COMPLETION-CANDIDATES}.",
      defaultValue = "all_cores")
  Parallelism parallelism;

  @Option(names = "--algorithm", description = "Min-norm algorithm: ${COMPLETION-CANDIDATES}.",
      defaultValue = "cholesky")
  LeastSquaresAlgorithm algorithm;

  @Option(names = "--hessian", description = "Hessian for empirical HP: ${COMPLETION-CANDIDATES}.",
      defaultValue = "population")
  HessianSource hessian;

  @Option(names = "--h", description = "Variance of h in Definition 3.2: per_p = I/p (matches the closed form), "
      + "per_n = I/n (paper main text).", defaultValue = "per_p")
  HNormalisation h;

  @Option(names = "--out", description = "Output directory.", defaultValue = "reports/linear")
  Path out;

  @CommandLine.Mixin ProgressOptions progress;

  @CommandLine.Mixin OutputOptions output;

  /** Options whose name is not the kebab-case spelling of the {@link Figure1Config} component. */
  private static final Map<String, String> OPTION_OF = Map.of("sparsities", "--sparsity", "points",
      "--sparsity-points", "kappa", "--kappa");

  @Override
  public Integer call() throws Exception {
    PrintWriter stdout = spec.commandLine().getOut();
    Figure1Config config = Validation.build(spec, OPTION_OF, () -> {
      int samples = n != null ? n : Figure1Config.samplesFor(p, kappa);
      List<Double> grid = sparsity != null ? sparsity : Figure1Config.uniformGrid(sparsityPoints);
      return new Figure1Config(p, samples, sigma, theta, fraction, lambdas, grid, trials, draws, seed, backend,
          parallelism, algorithm, hessian, h);
    });
    if (!backend.availability().available()) {
      throw Validation.invalid(spec, "--backend", "is unavailable here: " + backend.availability().reason());
    }
    Validation.requireMemory(spec, backend, "--p " + config.p() + " (n = " + config.n() + ")",
        config.memoryEstimate());
    Figure1Result result;
    try (ReportDirectory report = output.open(out, seed, List.of(backend))) {
      try (Progress bar = progress.open("linear", spec.commandLine().getErr())) {
        bar.stage("analytic curves and min-norm trials", Figure1Experiment.totalSteps(config));
        result = Figure1Experiment.run(config, bar::step);
      } catch (RankDeficientException e) {
        // A degenerate run (an ill-conditioned draw near the λ limit) is not a result: one line, exit 1.
        spec.commandLine().getErr().println("prunebench linear: error: a min-norm solve failed, no report written: "
            + e.getMessage());
        spec.commandLine().getErr().flush();
        return 1;
      }
      Figure1Report.write(result, report.staging(), reproduce(config));
      report.commit();
    }
    for (Figure1Result.LambdaSummary s : result.summaries()) {
      stdout.printf(Locale.ROOT, "λ=%-5s Ξ=%.4f Γ=%.4f unpruned loss analytic %.4f, empirical %.4f ± %.4f; "
              + "largest |analytic − empirical| %.4f (%.2f%%, %.2f se)%n",
          LambdaProfile.format(s.lambda()), s.xi(), s.bigGamma(), s.analyticUnprunedLoss(),
          s.empiricalUnprunedLoss().mean(), s.empiricalUnprunedLoss().standardError(), s.maxAbsGap(),
          100 * s.maxRelGap(), s.maxGapInSe());
    }
    Figure1Result.IsotropicCheck iso = result.isotropic();
    stdout.printf(Locale.ROOT, "isotropic test loss: closed form %.4f, h~N(0,I/p) %.4f, h~N(0,I/n) %.4f%s%n",
        iso.closedForm(), iso.perP(), iso.perN(), iso.empirical() == null ? ""
            : String.format(Locale.ROOT, ", min-norm %.4f ± %.4f", iso.empirical().mean(),
                iso.empirical().standardError()));
    stdout.printf(Locale.ROOT, "wrote %s to %s in %.1f s on %s%n", String.join(", ", Figure1Report.FILES), out,
        result.elapsed().toMillis() / 1000.0, backend.cliName());
    stdout.flush();
    return 0;
  }

  /** The command line that reproduces {@code c} exactly. */
  static String reproduce(Figure1Config c) {
    String lambdas = c.lambdas().stream().map(LambdaProfile::format).collect(Collectors.joining(","));
    boolean uniform = c.sparsities().equals(Figure1Config.uniformGrid(c.sparsities().size()));
    return "java -jar target/prunebench.jar linear --p " + c.p() + " --n " + c.n() + " --sigma " + c.sigma()
        + " --theta " + c.theta().name().toLowerCase(Locale.ROOT) + " --fraction " + c.fraction()
        + " --lambdas " + lambdas
        + (uniform ? " --sparsity-points " + c.sparsities().size()
            : " --sparsity " + c.sparsities().stream().map(String::valueOf).collect(Collectors.joining(",")))
        + " --trials " + c.trials() + " --draws " + c.draws() + " --seed " + c.seed()
        + " --backend " + c.backend().cliName() + " --algorithm " + c.algorithm().cliName()
        + " --hessian " + c.hessian().name().toLowerCase(Locale.ROOT)
        + " --h " + c.h().name().toLowerCase(Locale.ROOT);
  }

  /** Parses a decimal or a fraction {@code a/b}. */
  public static final class FractionConverter implements CommandLine.ITypeConverter<Double> {
    @Override
    public Double convert(String value) {
      String v = value.trim();
      try {
        int slash = v.indexOf('/');
        double d = slash < 0 ? Double.parseDouble(v)
            : Double.parseDouble(v.substring(0, slash)) / Double.parseDouble(v.substring(slash + 1));
        if (!Double.isFinite(d)) {
          throw new CommandLine.TypeConversionException("'" + value + "' is not a finite number");
        }
        return d;
      } catch (NumberFormatException e) {
        throw new CommandLine.TypeConversionException("'" + value + "' is not a number or a fraction a/b");
      }
    }
  }
}
