/**
 * The backend interface, the {@link dev.prunebench.linalg.Backend} enum and the boundary matrix type.
 *
 * <p>Notation, shared with the paper (Li, Sattar, Thrampoulidis, Oymak 2020): X ∈ ℝ^{n×p} is a design
 * with n samples (rows) and p features; y ∈ ℝⁿ; θ ∈ ℝᵖ; X⁺ the Moore–Penrose pseudo-inverse;
 * {@code ∘} the Hadamard product; {@code Π_s} hard thresholding to s nonzeros (Definition 2.3);
 * MI, HI and NI the magnitude, Hessian and natural importances (Definitions 2.1–2.2).
 *
 * <p>Each library lives only in its own sub-package ({@code reference}, {@code ejml}, {@code ojalgo},
 * {@code commonsmath}, {@code openblas}); nothing else imports it.
 */
package dev.prunebench.linalg;
