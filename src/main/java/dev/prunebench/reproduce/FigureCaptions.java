package dev.prunebench.reproduce;

import java.util.Locale;
import java.util.Map;

/**
 * Captions of the figures the experiments write, for the reports index. A figure without an entry
 * (e.g. a benchmark chart, named after its kernel) is captioned from its file name.
 */
final class FigureCaptions {
  private FigureCaptions() {}

  private static final Map<String, String> CAPTIONS = Map.ofEntries(
      Map.entry("linear/fig1a.png", "Figure 1a: test loss of magnitude (MP) and Hessian (HP) pruning of the min-norm "
          + "solution vs kept fraction s/p, λ ≥ 1; lines: Definition 3.2 prediction, markers: actual solutions"),
      Map.entry("linear/fig1b.png", "Figure 1b: the same for λ ≤ 1"),
      Map.entry("linear/fig1c.png", "Figure 1c: test NI of θ̄ vs training NI of θ̂^Λ for the first s weights"),
      Map.entry("nn/fig2a_input_layer.png", "Figure 2a: input layer W — initial and final MI, HI and init-pruning NI "
          + "(training loss) vs λ"),
      Map.entry("nn/fig2b_output_layer.png", "Figure 2b: output layer V — initial and final MI, HI and init-pruning "
          + "NI (training loss) vs λ"),
      Map.entry("nn/fig2c_ni_test.png", "Figure 2c: init-pruning NI of each layer w.r.t. test loss and test error "
          + "vs λ"),
      Map.entry("nn/fig3a_mp_global.png", "Figure 3a: test accuracy after global MP and lottery retraining vs s/p, "
          + "one line per λ"),
      Map.entry("nn/fig3b_hp_global.png", "Figure 3b: test accuracy after global HP and lottery retraining vs s/p, "
          + "one line per λ"),
      Map.entry("nn/fig3c_survival_global.png", "Figure 3c: fraction of W and V surviving global MP and HP at "
          + "s/p = 1 %, vs λ"),
      Map.entry("nn/fig3_pruned_only_global.png", "Figures 3a/3b right after global pruning (no retraining)"),
      Map.entry("nn/fig4d_mp_layerwise.png", "Figure 4d: test accuracy after layer-wise MP and lottery retraining "
          + "vs s/p"),
      Map.entry("nn/fig4e_hp_layerwise.png", "Figure 4e: test accuracy after layer-wise HP and lottery retraining "
          + "vs s/p"),
      Map.entry("nn/fig4f_survival_layerwise.png", "Figure 4f: per-layer survival under layer-wise pruning at "
          + "s/p = 1 %"),
      Map.entry("nn/fig4_pruned_only_layerwise.png", "Figures 4d/4e right after layer-wise pruning (no retraining)"),
      Map.entry("theorem43/ni-vs-ratio-zero.png", "Theorem 4.3: final init-pruning NI of each group vs scale ratio "
          + "ρ = c₁/c₂ with the bound envelopes (4.5)–(4.7) and (B.18)–(B.19), θ₀ = 0"),
      Map.entry("theorem43/ni-vs-ratio-gaussian.png", "Theorem 4.3: final init-pruning NI of each "
          + "group vs scale ratio ρ with the bound envelopes, from a Gaussian θ₀"),
      Map.entry("theorem43/loss-vs-tau-zero.png", "Gradient descent: loss vs iteration τ against the linear rate "
          + "(1 − ημ)^τ, θ₀ = 0"),
      Map.entry("theorem43/loss-vs-tau-gaussian.png", "Gradient descent: loss vs τ against the linear rate, "
          + "Gaussian θ₀"),
      Map.entry("theorem43/ni-vs-tau-zero.png", "NI of the small-Hessian group along gradient descent against (4.6), "
          + "θ₀ = 0"),
      Map.entry("theorem43/ni-vs-tau-gaussian.png", "NI of the small-Hessian group along gradient descent against "
          + "(4.6), Gaussian θ₀"));

  /** The caption of {@code file} written by {@code e}. */
  static String of(Experiment e, String file) {
    String known = CAPTIONS.get(e.command() + "/" + file);
    if (known != null) {
      return known;
    }
    String stem = file.replaceFirst("\\.png$", "").replace('_', ' ').replace('-', ' ');
    return e.title() + ": " + stem.toLowerCase(Locale.ROOT);
  }
}
