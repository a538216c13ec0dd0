package dev.prunebench.hessianbias;

import dev.prunebench.theory.Theorem43Bound;
import dev.prunebench.theory.Theorem43Bounds;
import dev.prunebench.theory.Theorem43Envelope;
import java.util.List;
import java.util.Locale;

/**
 * The Markdown text of the Theorem 4.3 report: per sweep, the table of κ, κ̃, final NI and bounds per
 * ratio, the tightest margin of every bound, and where the bounds stop being vacuous; and the n = 1
 * table of Proposition B.2 with both forms of (B.20).
 */
public final class HessianBiasMarkdown {
  private HessianBiasMarkdown() {}

  /** {@code 2^k} for exact powers of two, else the decimal value. */
  public static String ratioLabel(double ratio) {
    double e = Math.log(ratio) / Math.log(2);
    if (Math.abs(e - Math.rint(e)) < 1e-9) {
      return "2^" + (long) Math.rint(e);
    }
    if (Math.abs(2 * e - Math.rint(2 * e)) < 1e-9) {
      return "2^" + Math.rint(2 * e) / 2;
    }
    return String.format(Locale.ROOT, "%.4g", ratio);
  }

  /** The Markdown section of one sweep: table per ratio, margins per bound, where the bounds bite. */
  public static String markdownSection(HessianBiasExperiment.Result result, HessianBiasSummary summary,
      List<String> files) {
    StringBuilder sb = new StringBuilder();
    String tag = result.config().init().name().toLowerCase(Locale.ROOT);
    sb.append("## θ₀ = ").append(tag.equals("zero") ? "0" : "Gaussian (each group's initial output has unit "
        + "variance per sample)").append("\n\n");
    sb.append("![NI vs ratio](").append(files.get(2)).append(")\n\n![loss vs tau](").append(files.get(3))
        .append(")\n\n![NI vs tau](").append(files.get(4)).append(")\n\n");
    sb.append("Data: `").append(files.get(0)).append("`, `").append(files.get(1)).append("`.\n\n");
    sb.append("| ρ | κ₁ | κ₂ | κ̃₁ | κ̃₂ | τ | I₁/L₀ | I₂/L₀ | small group s | (4.6) on I_s | (B.19) on I_s | "
        + "(4.7) on the other | ‖θ−θ*‖ | its bound |\n");
    sb.append("|---|---|---|---|---|---|---|---|---|---|---|---|---|---|\n");
    for (HessianBiasPoint pt : result.points()) {
      Theorem43Envelope e1 = pt.envelopes()[0];
      Theorem43Envelope e2 = pt.envelopes()[1];
      // The small-Hessian group is 2 for ρ ≥ 1 and 1 below; with two groups, (4.7) for Δ̄_s bounds the
      // NI of the other group.
      Theorem43Envelope es = pt.ratio() >= 1 ? e2 : e1;
      sb.append(String.format(Locale.ROOT, "| %s | %.3g | %.3g | %.3g | %.3g | %d | %.4g | %.4g | %d | %.3g | %.3g | "
          + "%.3g | %.2e | %.2e |%n", ratioLabel(pt.ratio()), e1.kappa(), e2.kappa(), e1.kappaTilde(), e2.kappaTilde(),
          pt.trace().last(), pt.groupNiShare(0), pt.groupNiShare(1), es.group() + 1, es.groupNiUpper(),
          es.groupNiLower(), es.complementNiLower(), pt.limitDistance(), pt.limitDistanceBound()));
    }
    sb.append("\nWith two groups I^N_Δ̄ₛ = I^N of the other group, so (4.7) for the small group s is a lower "
        + "bound on the other group's NI. The bounds of both groups at every ratio are in the CSV.\n\n");
    sb.append("| bound | statement | checks | violations | tightest looseness (bound/measured) | at | "
        + "smallest margin | at |\n|---|---|---|---|---|---|---|---|\n");
    for (Theorem43Bound b : Theorem43Bound.values()) {
      Long n = summary.checked().get(b);
      if (n == null) {
        continue;
      }
      HessianBiasSummary.Located t = summary.tightest().get(b);
      HessianBiasSummary.Located mg = summary.smallestMargin().get(b);
      sb.append(String.format(Locale.ROOT, "| (%s) | %s | %d | %d | %s | %s | %.3g | %s |%n", b.equation(),
          b.statement(), n, summary.violations().getOrDefault(b, 0L),
          t == null ? "vacuous everywhere" : String.format(Locale.ROOT, "%.4g", t.check().looseness()),
          t == null ? "" : where(t), mg.check().margin(), where(mg)));
    }
    sb.append('\n');
    sb.append(String.format(Locale.ROOT, "(4.6) on the small group is below 1 for every ρ ≥ %s; (4.7) on its "
        + "complement is positive for every ρ ≥ %s (from the last iterate). In the limit τ → ∞ both need "
        + "8κ₂² + 4κ₂ < 1, i.e. κ₂ < (√3 − 1)/4 ≈ 0.183; below that ratio they are vacuous.%n%n",
        Double.isNaN(summary.biteRatio46()) ? "none" : ratioLabel(summary.biteRatio46()),
        Double.isNaN(summary.biteRatio47()) ? "none" : ratioLabel(summary.biteRatio47())));
    return sb.toString();
  }

  private static String where(HessianBiasSummary.Located l) {
    HessianBiasChecks.Check c = l.check();
    return "ρ=" + ratioLabel(l.ratio()) + (c.group() >= 0 ? ", group " + (c.group() + 1) : "") + ", τ=" + c.tau();
  }

  /**
   * The n = 1 section: Proposition B.2 at the limit, where (B.18) and (B.19) hold with equality and
   * (B.20) is claimed: the Markdown table comparing the
   * measured complement NI with the corrected {@code (1 − κ̃)²} and the printed {@code 1 − κ̃² − 2κ̃}.
   */
  public static String oneSampleSection(HessianBiasExperiment.Result result, String csvName) {
    StringBuilder sb = new StringBuilder();
    sb.append("## n = 1: Proposition B.2 at the limit, and the (B.20) finding\n\n");
    sb.append("Same groups and scales with a single sample, θ₀ = 0. For n = 1, μᵢ = Lᵢ = ‖xᵢ‖², so κ̃₁ = "
        + "L₁/L and (B.18), (B.19) and the corrected (B.20) are equalities at θ*.\n\n");
    sb.append("| ρ | κ̃₁ | ‖θ*₁‖² | (B.18) | I_Δ₁/L₀ | (B.19) κ̃₁² | I_Δ̄₁/L₀ | corrected (B.20) (1 − κ̃₁)² | "
        + "printed (B.20) 1 − κ̃₁² − 2κ̃₁ |\n|---|---|---|---|---|---|---|---|---|\n");
    double worstRel = 0;
    int aboveP = 0;
    for (HessianBiasPoint pt : result.points()) {
      Theorem43Envelope e = pt.envelopes()[0];
      double measured = pt.complementNiShare(0);
      double printed = Theorem43Bounds.complementNiUpperBoundB20AsPrinted(e.kappaTilde());
      worstRel = Math.max(worstRel, Math.abs(measured - e.complementNiUpperN1()) / e.complementNiUpperN1());
      aboveP += measured > printed ? 1 : 0;
      sb.append(String.format(Locale.ROOT, "| %s | %.4g | %.6g | %.6g | %.6g | %.6g | %.6g | %.6g | %.6g |%n",
          ratioLabel(pt.ratio()), e.kappaTilde(), pt.distanceSquared(0), e.distanceLower(), pt.groupNiShare(0),
          e.groupNiLower(), measured, e.complementNiUpperN1(), printed));
    }
    sb.append(String.format(Locale.ROOT, "%nThe measured I_Δ̄₁/L₀ equals the proof's (1 − κ̃₁)² to a relative "
        + "%.1e and exceeds the printed (B.20) bound at %d of %d ratios. Data: `%s`.%n%n", worstRel,
        aboveP, result.points().size(), csvName));
    return sb.toString();
  }

}
