package dev.prunebench.nn;

/** The pruning criteria compared in the paper (Definition 2.2, eq. 2.1). */
public enum ImportanceKind {
  /** Magnitude importance {@code I^M_i = θ_i²}: magnitude pruning (MP). */
  MAGNITUDE("MP"),
  /** Hessian importance {@code I^H_i = H_ii θ_i²} (Optimal Brain Damage): Hessian pruning (HP). */
  HESSIAN("HP");

  private final String label;

  ImportanceKind(String label) {
    this.label = label;
  }

  /** The paper's abbreviation of the pruning method, MP or HP. */
  public String label() {
    return label;
  }
}
