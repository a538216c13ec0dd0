package dev.prunebench.nn;

/** Which weights compete for the kept slots. */
public enum PruningScope {
  /** Standard pruning: one top-s over the flattened (W, V) (paper Section 4, Figure 3). */
  GLOBAL,
  /** Layer-wise pruning: each layer keeps the same fraction of its own weights (Appendix D, Figure 4). */
  LAYERWISE
}
