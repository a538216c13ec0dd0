package dev.prunebench.nn;

import dev.prunebench.linalg.LinearAlgebraBackend;
import java.util.List;

/**
 * The forward pass, gradient and exact Hessian diagonal of the two-layer network
 * {@code f(x) = V · ReLU(W x)} under the mean cross-entropy loss (paper eq. 4.1), written only in
 * the backend's GEMM and elementwise kernels, on library-native matrices.
 *
 * <p>Notation, batch of n samples as rows: X (n x d), H = X Wᵀ (n x m), A = ReLU(H), M = 1[H &gt; 0],
 * Z = A Vᵀ (n x K logits), P = softmax_rows(Z), Y the one-hot labels (n x K). Then
 * <ul>
 *   <li>loss {@code L = −(1/n) Σᵢ log P_{i,yᵢ}} (eq. 4.1 with ℓ = cross-entropy);
 *   <li>gradient, with {@code G = (P − Y)/n}: {@code ∂L/∂V = Gᵀ A}, {@code ∂L/∂W = ((G V) ∘ M)ᵀ X};
 *   <li>Hessian diagonal: {@code diag H_V = (P∘(1−P))ᵀ (A∘A) / n} and
 *       {@code diag H_W = (M∘S)ᵀ (X∘X) / n} with {@code S = P (V∘V) − (P V)∘(P V)}.
 * </ul>
 * The Hessian formulas follow from the decomposition in the proof of Lemma 4.1 (paper eqs. C.12,
 * C.14): {@code ∇²ℓ = F₂ ⊗ ∇_f ℓ + F₁ ∇²_f ℓ F₁ᵀ}. f is linear in V, and piecewise linear in W
 * because ReLU'' = 0 away from the kinks (a null set), so F₂ vanishes on both diagonal blocks and the
 * exact Hessian diagonal equals the Gauss–Newton diagonal {@code diag(F₁ (diag(p) − p pᵀ) F₁ᵀ)}.
 * With {@code ∂f/∂V_kj = a_j e_k} and {@code ∂f/∂W_jl = M_j x_l V_{:,j}} that diagonal is the two
 * GEMMs above; no per-parameter loop.
 *
 * <p>Everything runs on the backend's in-place and fused kernels
 * ({@link dev.prunebench.linalg.NetworkKernels}) into workspaces allocated once: a training step
 * allocates nothing, on the heap or natively.
 *
 * @param <M> library-native matrix type
 */
final class NetKernels<M> {
  final LinearAlgebraBackend<M> b;

  NetKernels(LinearAlgebraBackend<M> b) {
    this.b = b;
  }

  /** Native network weights; {@link #release()} frees them. */
  final class Weights {
    M w;
    M v;

    Weights(M w, M v) {
      this.w = w;
      this.v = v;
    }

    /** Converts boundary weights; a non-finite entry is rejected here, naming W or V and the entry. */
    Weights(NetParams p) {
      this(b.fromBoundary("W", p.w()), b.fromBoundary("V", p.v()));
    }

    NetParams toBoundary() {
      return new NetParams(b.toBoundary(w), b.toBoundary(v));
    }

    void release() {
      b.release(w);
      b.release(v);
    }
  }

  /**
   * The workspaces of one mini-batch size, allocated once and reused by every step: the batch X
   * (n x d) and its labels, H = X Wᵀ and A = ReLU(H) (n x m), Z (n x K), G = (P − Y)/n written over
   * by the fused softmax-cross-entropy kernel (n x K), G V ∘ 1[H &gt; 0] (n x m) and the gradient
   * (∂L/∂W, ∂L/∂V). A step through {@link #gradient} then allocates nothing.
   */
  final class Workspace {
    final M x;
    final int[] labels;
    final M h;
    final M a;
    final M z;
    final M g;
    final M gh;
    final Weights grad;
    /** The mean loss of the last {@link #gradient} call. */
    double lastLoss = Double.NaN;

    Workspace(int n, int d, int m, int classes) {
      x = b.zeros(n, d);
      labels = new int[n];
      h = b.zeros(n, m);
      a = b.zeros(n, m);
      z = b.zeros(n, classes);
      g = b.zeros(n, classes);
      gh = b.zeros(n, m);
      grad = new Weights(b.zeros(m, d), b.zeros(classes, m));
    }

    int rows() {
      return b.rows(x);
    }

    /** Loads rows {@code order[from, from + n)} of the full data (native, no conversion) and their labels. */
    void load(M xAll, int[] allLabels, int[] order, int from) {
      b.gatherRows(xAll, order, from, x);
      for (int r = 0; r < labels.length; r++) {
        labels[r] = allLabels[order[from + r]];
      }
    }

    /**
     * Forward and backward pass on the loaded batch into {@link #grad}: five GEMMs into the
     * workspaces and three fused one-pass kernels; returns the batch's mean loss.
     */
    double gradient(Weights net) {
      b.gemm(false, true, 1.0, x, net.w, 0.0, h); // H = X Wᵀ
      b.reluInto(h, a); // A = ReLU(H)
      b.gemm(false, true, 1.0, a, net.v, 0.0, z); // Z = A Vᵀ
      double loss = b.softmaxCrossEntropyGradient(z, labels, g); // G = (P − Y)/n
      b.gemm(true, false, 1.0, g, a, 0.0, grad.v); // ∂L/∂V = Gᵀ A
      b.gemm(false, false, 1.0, g, net.v, 0.0, gh); // G V
      b.maskByPositive(gh, h); // ∘ 1[H > 0], in place on the GEMM output
      b.gemm(true, false, 1.0, gh, x, 0.0, grad.w); // ∂L/∂W = ((G V) ∘ M)ᵀ X
      return loss;
    }

    void release() {
      for (M t : List.of(x, h, a, z, g, gh)) {
        b.release(t);
      }
      grad.release();
    }
  }

  /** The exact diagonal of the Hessian of the mean loss over the rows of x (see class Javadoc). */
  Weights hessianDiagonal(M x, Weights net) {
    int n = b.rows(x);
    int m = b.rows(net.w);
    int classes = b.rows(net.v);
    M h = b.zeros(n, m);
    M a = b.zeros(n, m);
    M p = b.zeros(n, classes);
    b.gemm(false, true, 1.0, x, net.w, 0.0, h);
    b.reluInto(h, a);
    b.gemm(false, true, 1.0, a, net.v, 0.0, p);
    b.softmaxRowsInto(p, p);
    // diag H_V = (P − P∘P)ᵀ (A∘A) / n; the 1/n is a separate scaling (not dgemm's α) so the bits
    // match the unfused computation on every backend
    M hv = b.zeros(classes, m);
    M pq = b.zeros(n, classes);
    b.bernoulliVarianceInto(p, pq);
    b.squareInto(a, a);
    b.gemm(true, false, 1.0, pq, a, 0.0, hv);
    b.scaleInPlace(1.0 / n, hv);
    b.release(pq);
    // S = P (V∘V) − (P V)∘(P V), masked by 1[H > 0] in place: a holds P (V∘V) from here on
    M vv = b.zeros(classes, m);
    b.squareInto(net.v, vv);
    b.gemm(false, false, 1.0, p, vv, 0.0, a);
    b.release(vv);
    M pv = b.zeros(n, m);
    b.gemm(false, false, 1.0, p, net.v, 0.0, pv);
    b.maskedVarianceInPlace(a, pv, h);
    b.release(pv);
    b.release(p);
    M xx = b.zeros(n, b.cols(x));
    b.squareInto(x, xx);
    b.release(h);
    M hw = b.zeros(m, b.cols(x));
    b.gemm(true, false, 1.0, a, xx, 0.0, hw);
    b.scaleInPlace(1.0 / n, hw);
    b.release(xx);
    b.release(a);
    return new Weights(hw, hv);
  }

  /**
   * One step of SGD with heavy-ball momentum (the PyTorch convention): {@code buf ← μ buf + g},
   * {@code net ← net − η buf}; with a mask, {@code net ← (net − η buf) ∘ mask} so pruned weights stay
   * zero. In place, one fused pass per layer.
   */
  void sgdStep(Weights net, Weights buf, Weights grad, double lr, double momentum, Weights mask) {
    b.momentumStep(net.w, buf.w, grad.w, lr, momentum, mask == null ? null : mask.w);
    b.momentumStep(net.v, buf.v, grad.v, lr, momentum, mask == null ? null : mask.v);
  }
}
