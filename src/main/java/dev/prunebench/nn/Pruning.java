package dev.prunebench.nn;

import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Matrix;

/**
 * Pruning of the network (paper Definition 2.3) with the backend's thresholding kernels: the
 * importance (MI or HI, eq. 2.1) of the flattened θ = (W, V) goes to
 * {@link dev.prunebench.linalg.Thresholding#keepMask} (global: the {@code round(fraction · p)} most
 * important of all p weights) or {@link dev.prunebench.linalg.Thresholding#keepMaskPerGroup}
 * (layer-wise: the same fraction of each layer), and the kept weights are {@code θ ∘ mask}.
 */
public final class Pruning {
  private Pruning() {}

  /**
   * A pruned network.
   *
   * @param mask 0/1, shaped like θ
   * @param pruned {@code θ ∘ mask}
   * @param survivalW fraction of W's entries kept
   * @param survivalV fraction of V's entries kept
   */
  public record Outcome(NetParams mask, NetParams pruned, double survivalW, double survivalV) {
    /** Whether a whole layer was pruned away (layer death). */
    public boolean layerDied() {
      return survivalW == 0 || survivalV == 0;
    }
  }

  /** Number of weights a global prune to {@code fraction} keeps: {@code round(fraction · p)}, half up. */
  public static int keepCount(int p, double fraction) {
    requireFraction(fraction);
    return (int) Math.min(p, Math.floor(fraction * p + 0.5));
  }

  /**
   * Prunes {@code net} to {@code fraction} of its weights.
   *
   * @param hessianDiagonal diag H(θ) shaped like θ; only read for {@link ImportanceKind#HESSIAN}
   * @param fraction kept fraction in (0, 1]
   */
  public static Outcome prune(LinearAlgebraBackend<?> backend, NetParams net, NetParams hessianDiagonal,
      ImportanceKind kind, PruningScope scope, double fraction) {
    requireFraction(fraction);
    NetParams importance = Importance.entries(kind, net, hessianDiagonal);
    Matrix maskFlat = mask(backend, importance.flatten(), net.groupSizes(), scope, fraction);
    NetParams mask = net.unflatten(maskFlat);
    NetParams pruned = net.hadamard(mask);
    return new Outcome(mask, pruned, NetParams.nonzeroFraction(mask.w()), NetParams.nonzeroFraction(mask.v()));
  }

  private static <M> Matrix mask(LinearAlgebraBackend<M> b, Matrix importance, int[] groups, PruningScope scope,
      double fraction) {
    M imp = b.fromBoundary("importance", importance);
    M mask = switch (scope) {
      case GLOBAL -> b.keepMask(imp, keepCount(importance.size(), fraction));
      case LAYERWISE -> b.keepMaskPerGroup(imp, groups, fraction);
    };
    Matrix out = b.toBoundary(mask);
    b.release(imp);
    b.release(mask);
    return out;
  }

  private static void requireFraction(double fraction) {
    if (!(fraction > 0 && fraction <= 1)) {
      throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
    }
  }
}
