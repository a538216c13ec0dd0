/**
 * Weight importance and pruning (paper Section 2), on flat parameter vectors so that any model —
 * the linear models of Section 3 or a flattened network of Section 4 — can use it.
 *
 * <ul>
 *   <li>{@link dev.prunebench.prune.Importance}: magnitude importance (MI) and Hessian importance
 *       (HI) per weight, eq. 2.1, with the Optimal-Brain-Damage factor ½ (see that class for why).
 *   <li>{@link dev.prunebench.prune.NaturalImportance}: natural importance (NI) of an index set with a
 *       reference vector, Definition 2.1, for any {@link dev.prunebench.prune.Loss}.
 *   <li>{@link dev.prunebench.prune.QuadraticLoss}: the least-squares losses of eq. 3.1 in the form
 *       of Appendix C.1, {@code L(θ) = c − 2bᵀθ + θᵀQθ}.
 *   <li>{@link dev.prunebench.prune.Thresholder}: {@code Π_s} of Definition 2.3 through a backend's
 *       hard-thresholding kernel; {@link dev.prunebench.prune.NaturalPruning}: exact NP by subset
 *       enumeration for small p.
 * </ul>
 */
package dev.prunebench.prune;
