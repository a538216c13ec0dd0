package dev.prunebench.cli;

import dev.prunebench.hessianbias.GradientDescentSettings;
import dev.prunebench.hessianbias.HessianBiasClaims;
import dev.prunebench.hessianbias.HessianBiasConfig;
import dev.prunebench.hessianbias.HessianBiasExperiment;
import dev.prunebench.hessianbias.HessianBiasPoint;
import dev.prunebench.hessianbias.HessianBiasMarkdown;
import dev.prunebench.hessianbias.HessianBiasReport;
import dev.prunebench.hessianbias.HessianBiasSummary;
import dev.prunebench.hessianbias.InitMode;
import dev.prunebench.linalg.Backend;
import dev.prunebench.report.ReportDirectory;
import dev.prunebench.report.Claims;
import dev.prunebench.theory.Theorem43Envelope;
import dev.prunebench.util.Progress;
import java.io.IOException;
import dev.prunebench.util.ThreadPolicy;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code prunebench theorem43}: the "larger Hessian wins more" experiment of paper Theorem 4.3 and
 * Proposition B.2 on the grouped regression (4.4) — a sweep over the scale ratio of two feature
 * groups, gradient descent to convergence, the final init-pruning NI of each group against the
 * bounds (4.5)–(4.7), (B.18)–(B.19), and the CSV, PNG and README under {@code --out}.
 */
@Command(name = "theorem43", mixinStandardHelpOptions = true, showDefaultValues = true,
    description = "Theorem 4.3 'larger Hessian wins more': NI of two feature groups vs their scale ratio, "
        + "against the bounds (4.5)-(4.7) and their converse (B.18)-(B.19).")
public final class Theorem43Command implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--seed", description = "Seed of the Gaussian groups G1, G2 and of y.", defaultValue = "1")
  long seed;

  @Option(names = "--init-seed", description = "Seed of the Gaussian initial point.", defaultValue = "2")
  long initSeed;

  @Option(names = "--backend", description = "Linear-algebra backend for every product.",
      defaultValue = "reference")
  Backend backend;

  @Option(names = {"-n", "--samples"}, description = "Samples n.", defaultValue = "20")
  int samples;

  @Option(names = "--group-sizes", split = ",", description = "Sizes p1,p2 of the two groups (each >= n).",
      defaultValue = "60,60")
  int[] groupSizes;

  @Option(names = "--min-exponent", description = "Smallest scale ratio, as a power of two.", defaultValue = "-8")
  double minExponent;

  @Option(names = "--max-exponent", description = "Largest scale ratio, as a power of two.", defaultValue = "8")
  double maxExponent;

  @Option(names = "--exponent-step", description = "Grid step, in powers of two.", defaultValue = "0.5")
  double exponentStep;

  @Option(names = "--trajectory-exponents", split = ",",
      description = "Ratios (powers of two, on the grid) whose trajectories are plotted.", defaultValue = "0,2,4,8")
  double[] trajectoryExponents;

  @Option(names = "--step-fraction", description = "eta * L (Theorem 4.3 needs <= 1).", defaultValue = "1.0")
  double stepFraction;

  @Option(names = "--max-iterations", description = "Gradient-descent iteration cap.", defaultValue = "20000")
  int maxIterations;

  @Option(names = "--tolerance", description = "Stop when L(θ_τ) <= tolerance * L(θ₀).", defaultValue = "1e-20")
  double tolerance;

  @Option(names = "--init", split = ",", description = "Initial points to run: ${COMPLETION-CANDIDATES}.",
      defaultValue = "zero,gaussian")
  InitMode[] inits;

  @Option(names = "--no-one-sample", description = "Skip the n = 1 check of (B.18)-(B.20).")
  boolean noOneSample;

  @Option(names = "--out", description = "Output directory.", defaultValue = "reports/theorem43")
  Path out;

  @picocli.CommandLine.Mixin ProgressOptions progress;

  @Mixin OutputOptions output;

  /** The ratios 2^-4 .. 2^4 of the n = 1 check. */
  private static final double[] ONE_SAMPLE_GRID = HessianBiasConfig.powerOfTwoGrid(-4, 4, 1);

  /** Options whose name is not the kebab-case spelling of the configuration component. */
  private static final java.util.Map<String, String> OPTION_OF = java.util.Map.of("stepExponent", "--exponent-step",
      "toExponent", "--max-exponent", "fromExponent", "--min-exponent", "relativeTolerance", "--tolerance",
      "ratios", "--min-exponent", "trajectoryRatios", "--trajectory-exponents");

  @Override
  public Integer call() throws Exception {
    PrintWriter pw = spec.commandLine().getOut();
    // Validate the whole configuration before any output is written.
    double[] ratios = Validation.build(spec, OPTION_OF,
        () -> HessianBiasConfig.powerOfTwoGrid(minExponent, maxExponent, exponentStep));
    GradientDescentSettings gd = Validation.build(spec, OPTION_OF,
        () -> new GradientDescentSettings(stepFraction, maxIterations, tolerance));
    HessianBiasConfig probe = Validation.build(spec, OPTION_OF,
        () -> new HessianBiasConfig(seed, initSeed, backend, samples, groupSizes, ratios, null, gd, InitMode.ZERO));
    if (!backend.availability().available()) {
      throw Validation.invalid(spec, "--backend", "is unavailable here: " + backend.availability().reason());
    }
    Validation.requireMemory(spec, backend, "--samples " + samples + ", --group-sizes " + groupSizes[0] + ","
        + groupSizes[1], probe.memoryEstimate());
    try (ReportDirectory report = output.open(out, seed, List.of(backend));
        Progress bar = progress.open("theorem43", spec.commandLine().getErr())) {
      bar.stage("gradient descent per scale ratio", (long) inits.length * ratios.length
          + (noOneSample ? 0 : ONE_SAMPLE_GRID.length));
      write(report.staging(), pw, ratios, gd, bar);
      report.commit();
    }
    pw.println("wrote " + out.resolve("README.md"));
    pw.flush();
    return 0;
  }

  /** Runs the sweeps and writes every file of the report into {@code out} (the staging directory). */
  private void write(Path out, PrintWriter pw, double[] ratios, GradientDescentSettings gd, Progress bar)
      throws IOException {
    double[] traj = Arrays.stream(trajectoryExponents).map(e -> Math.pow(2, e))
        .filter(t -> Arrays.stream(ratios).anyMatch(r -> r == t)).toArray();
    if (traj.length < trajectoryExponents.length) {
      pw.println("note: trajectory exponents off the ratio grid are skipped: " + Arrays.toString(trajectoryExponents));
    }
    StringBuilder md = new StringBuilder();
    md.append("# Theorem 4.3 — larger Hessian wins more\n\n");
    md.append("Generated by `prunebench theorem43` (do not edit by hand). Setting: eq. (4.4)/(B.17) with two "
        + "groups X₁ = √ρ·G₁, X₂ = G₂/√ρ (G Gaussian, drawn once), y ~ N(0, Iₙ), loss ½‖y − Xθ‖², ")
        .append(String.format(Locale.ROOT, "n = %d, (p₁, p₂) = %s, seed %d, θ₀ seed %d, backend `%s`, "
            + "η = %s/L, stop at L(θ_τ) ≤ %s·L(θ₀) or %d iterations. μᵢ = σ_min(Xᵢ)², Lᵢ = ‖Xᵢ‖² from the "
            + "eigenvalues of XᵢXᵢᵀ (backend GEMM + Jacobi). NI is the init-pruning NI of Definition 2.1, "
            + "divided by L(θ₀).%n%n", samples, Arrays.toString(groupSizes), seed, initSeed, backend.cliName(),
            stepFraction, tolerance, maxIterations));
    md.append("Command: `prunebench ").append(String.join(" ", spec.commandLine().getParseResult()
        .originalArgs())).append("`\n\n");
    md.append("Threads: ").append(ThreadPolicy.KERNELS.describe()).append(" (one ratio at a time).\n\n");
    md.append("Finding: (B.20) as printed (≤ 1 − κ̃² − 2κ̃) is false; the proof gives ≤ (1 − κ̃)², an equality "
        + "for n = 1 (see `Theorem43Bounds`). The checks below use the corrected form (only for n = 1).\n\n");
    long t0 = System.nanoTime();
    List<HessianBiasExperiment.Result> sweeps = new ArrayList<>();
    HessianBiasExperiment.Result oneSample = null;
    for (InitMode init : inits) {
      HessianBiasConfig config = new HessianBiasConfig(seed, initSeed, backend, samples, groupSizes, ratios, traj,
          gd, init);
      long s0 = System.nanoTime();
      HessianBiasExperiment.Result result = HessianBiasExperiment.run(config,
          ratio -> bar.step("θ₀ = " + init.name().toLowerCase(Locale.ROOT) + ", ρ = " + ratio));
      sweeps.add(result);
      HessianBiasSummary summary = HessianBiasSummary.of(result);
      List<String> files = HessianBiasReport.write(result, out);
      double secs = (System.nanoTime() - s0) / 1e9;
      md.append(HessianBiasMarkdown.markdownSection(result, summary, files));
      md.append(looseness(result));
      pw.printf(Locale.ROOT, "theta0=%s: %d ratios in %.1f s; violations: %s; wrote %s%n",
          init.name().toLowerCase(Locale.ROOT), ratios.length, secs, summary.violations(), files);
      pw.flush();
    }
    if (!noOneSample) {
      // Proposition B.2 is sharp for n = 1 and (B.20) is only claimed there: rerun on one sample.
      HessianBiasConfig one = new HessianBiasConfig(seed, initSeed, backend, 1, groupSizes,
          ONE_SAMPLE_GRID, null, gd, InitMode.ZERO);
      HessianBiasExperiment.Result r1 = HessianBiasExperiment.run(one, ratio -> bar.step("n = 1, ρ = " + ratio));
      oneSample = r1;
      md.append(HessianBiasMarkdown.oneSampleSection(r1, HessianBiasReport.writeOneSample(r1, out)));
      pw.println("n=1 check of (B.18)-(B.20): " + r1.points().size() + " ratios; wrote one-sample.csv");
    }
    Claims.write(out, HessianBiasClaims.evaluate(sweeps, oneSample));
    md.append("The paper's claims judged on these numbers: [`claims.csv`](claims.csv) (collected in the reports "
        + "index).\n\n");
    md.append(String.format(Locale.ROOT, "Total run time %.1f s.%n", (System.nanoTime() - t0) / 1e9));
    HessianBiasReport.writeReadme(out, md.toString());
  }

  /** How loose the sandwich on the small group is at the largest ratio, against κ/κ̃. */
  private static String looseness(HessianBiasExperiment.Result result) {
    List<HessianBiasPoint> pts = new ArrayList<>(result.points());
    HessianBiasPoint top = pts.stream().max((a, b) -> Double.compare(a.ratio(), b.ratio())).orElseThrow();
    Theorem43Envelope e2 = top.envelopes()[1];
    double ni2 = top.groupNiShare(1);
    return String.format(Locale.ROOT, "At the largest ratio ρ = %s the small group's NI I₂/L₀ = %.3e sits between "
        + "(B.19) κ̃₂² = %.3e (factor %.3g below) and (4.6) = %.3e (factor %.3g above); κ₂/κ̃₂ = (L₂/μ₂)(L/μ) = "
        + "%.3g; the two bounds differ by a factor %.3g (≈ 8(κ₂/κ̃₂)² at convergence). (4.7) puts I₁/L₀ = %.6f above %.6f: "
        + "read as a bound on the deficit 1 − I₁/L₀ = %.3e ≤ %.3e it is %.3g times loose.%n%n",
        HessianBiasMarkdown.ratioLabel(top.ratio()), ni2, e2.groupNiLower(), ni2 / e2.groupNiLower(), e2.groupNiUpper(),
        e2.groupNiUpper() / ni2, e2.kappa() / e2.kappaTilde(), e2.groupNiUpper() / e2.groupNiLower(),
        top.groupNiShare(0), e2.complementNiLower(), 1 - top.groupNiShare(0), 1 - e2.complementNiLower(),
        (1 - e2.complementNiLower()) / (1 - top.groupNiShare(0)));
  }
}
