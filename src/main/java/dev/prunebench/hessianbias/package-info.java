/**
 * The "larger Hessian wins more" experiment of paper Section 4 (Theorem 4.3) and Appendix B.2: the
 * grouped over-parameterised regression {@code L(θ) = ½‖y − Σᵢ Xᵢθᵢ‖²} of eq. (4.4)/(B.17)
 * ({@link dev.prunebench.hessianbias.GroupedDesign}), its exact PPLS parameters
 * {@code μᵢ = σ_min(Xᵢ)²}, {@code Lᵢ = ‖Xᵢ‖²} ({@link dev.prunebench.hessianbias.PplsEstimator}),
 * gradient descent recording the loss, distances and init-pruning NI of every group and its
 * complement at each iterate ({@link dev.prunebench.hessianbias.GradientDescent}), the check of
 * every bound of Theorem 4.3 / Proposition B.2 against those records
 * ({@link dev.prunebench.hessianbias.HessianBiasChecks}), and the scale-ratio sweep as a
 * configuration record, runner and report ({@link dev.prunebench.hessianbias.HessianBiasConfig},
 * {@link dev.prunebench.hessianbias.HessianBiasExperiment},
 * {@link dev.prunebench.hessianbias.HessianBiasReport}). The bounds themselves live in
 * {@link dev.prunebench.theory.Theorem43Bounds}.
 */
package dev.prunebench.hessianbias;
