package dev.prunebench.reproduce;

/** The two sizes of a full reproduction. */
public enum ReproducePreset {
  /** Every experiment at a size that finishes in about a quarter of an hour on two cores. */
  QUICK,
  /** Every experiment at the paper's (or its own default) configuration; hours for the networks. */
  PAPER
}
