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
 *
 * <p>One validation rule for every backend and kernel: non-finite data is rejected where it enters,
 * by {@link dev.prunebench.linalg.Conversions#fromBoundary(String, Matrix)}, naming the argument and
 * the first bad entry; kernels on library-native matrices never rescan their inputs.
 *
 * <p>Kernels that allocate their result ({@link dev.prunebench.linalg.Products},
 * {@link dev.prunebench.linalg.Elementwise}) sit beside kernels whose caller owns the output
 * ({@link dev.prunebench.linalg.InPlace}: GEMM with α, β into C; {@link dev.prunebench.linalg.NetworkKernels}:
 * the network's fused one-pass kernels), written once in {@link dev.prunebench.linalg.FlatKernels} for
 * every heap backend whose matrix is one array.
 */
package dev.prunebench.linalg;
