package dev.prunebench.theory;

/**
 * Every bound of Theorem 4.3 and Proposition B.2 for one group i at one iteration τ; see
 * {@link Theorem43Bounds} for the formulas. NI bounds are normalised by L(θ₀); distances are
 * squared Euclidean norms in parameter units.
 *
 * @param group the group index i
 * @param kappa κ = Lᵢ/μ
 * @param kappaTilde κ̃ = μᵢ/L
 * @param rateFactor (1 − ημ)^τ, the linear-rate bound on L(θ_τ)/L(θ₀)
 * @param distanceUpper eq. (4.5), upper bound on ‖θ_Δᵢ,τ − θ_Δᵢ,0‖²
 * @param groupNiUpper eq. (4.6), upper bound on I^N_Δᵢ/L(θ₀)
 * @param complementNiLower eq. (4.7), lower bound on I^N_Δ̄ᵢ/L(θ₀)
 * @param distanceLower eq. (B.18), lower bound on ‖θ*_Δᵢ − θ_Δᵢ,0‖² at convergence
 * @param groupNiLower eq. (B.19), lower bound on I^N_Δᵢ(θ*)/L(θ₀) at convergence
 * @param complementNiUpperN1 eq. (B.20) as its proof derives it, (1 − κ̃)², valid for n = 1
 */
public record Theorem43Envelope(int group, double kappa, double kappaTilde, double rateFactor,
    double distanceUpper, double groupNiUpper, double complementNiLower, double distanceLower,
    double groupNiLower, double complementNiUpperN1) {}
