package dev.prunebench.nn;

import dev.prunebench.linalg.Matrix;

/**
 * Magnitude and Hessian importance of the network's weights (paper Definition 2.2, eq. 2.1):
 * {@code I^M_Δ(θ) = Σ_{i∈Δ} θ_i²} and {@code I^H_Δ(θ) = Σ_{i∈Δ} H(θ)_ii θ_i²}, per entry and per
 * layer. By Lemma 4.1, on θ^λ = (λW, λ⁻¹V) the magnitude importance of W scales as λ² and of V as
 * λ⁻², while both Hessian importances are invariant.
 */
public final class Importance {
  private Importance() {}

  /** Per-entry importances, shaped like θ. {@code hessianDiagonal} is ignored for MAGNITUDE. */
  public static NetParams entries(ImportanceKind kind, NetParams net, NetParams hessianDiagonal) {
    NetParams sq = net.hadamard(net);
    return switch (kind) {
      case MAGNITUDE -> sq;
      case HESSIAN -> {
        if (hessianDiagonal == null) {
          throw new IllegalArgumentException("hessianDiagonal: required for HESSIAN importance, got null");
        }
        yield sq.hadamard(hessianDiagonal);
      }
    };
  }

  /** Layer totals {@code (I_W, I_V)}. */
  public static LayerTotals totals(ImportanceKind kind, NetParams net, NetParams hessianDiagonal) {
    NetParams e = entries(kind, net, hessianDiagonal);
    return new LayerTotals(sum(e.w()), sum(e.v()));
  }

  static double sum(Matrix m) {
    double s = 0;
    for (int k = 0; k < m.size(); k++) {
      s += m.getFlat(k);
    }
    return s;
  }
}
