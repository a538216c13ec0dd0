/**
 * The two-layer ReLU network of paper Section 4, {@code f(x) = V · ReLU(W x)} (W ∈ ℝ^{m×d},
 * V ∈ ℝ^{K×m}, no biases), trained with cross-entropy (eq. 4.1) on the backends' kernels, and the
 * experiments built on it.
 *
 * <ul>
 *   <li>{@link dev.prunebench.nn.NetParams}: θ = (W, V), He-normal initialisation, θ^λ = (λW, λ⁻¹V).
 *   <li>{@link dev.prunebench.nn.TwoLayerNetwork}: loss, gradient and the exact Hessian diagonal in
 *       closed form (equal to the Gauss–Newton diagonal for ReLU networks).
 *   <li>{@link dev.prunebench.nn.Trainer}: mini-batch SGD with momentum to interpolation; masked
 *       (lottery) retraining.
 *   <li>{@link dev.prunebench.nn.Importance}, {@link dev.prunebench.nn.Pruning}: MI and HI (eq. 2.1),
 *       global and layer-wise pruning (Definition 2.3, Appendix D).
 *   <li>{@link dev.prunebench.nn.LambdaSweep} (Figure 2), {@link dev.prunebench.nn.PruningExperiment}
 *       (Figures 3 and 4), {@link dev.prunebench.nn.NnExperiment} and {@link dev.prunebench.nn.NnConfig}
 *       (the {@code quick}, {@code sensitivity} and {@code paper} presets), {@link dev.prunebench.nn.NnReport}
 *       and {@link dev.prunebench.nn.NnClaims} (the report under {@code reports/nn/}).
 *   <li>{@link dev.prunebench.nn.NnShard} and {@link dev.prunebench.nn.NnPartial}: a study in
 *       deterministic (η, λ) shards and their byte-identical merge; {@link dev.prunebench.nn.NnSensitivity}:
 *       the verdicts and spread over seeds.
 * </ul>
 */
package dev.prunebench.nn;
