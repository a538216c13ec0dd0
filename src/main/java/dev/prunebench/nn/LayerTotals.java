package dev.prunebench.nn;

/**
 * A per-layer sum: {@code w} over the input layer W, {@code v} over the output layer V (e.g. the
 * importance {@code I_Δ} of paper eq. 2.1 with Δ = all of W, or all of V).
 */
public record LayerTotals(double w, double v) {}
