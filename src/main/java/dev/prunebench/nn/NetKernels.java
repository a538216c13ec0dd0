package dev.prunebench.nn;

import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Matrix;

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

    Weights(NetParams p) {
      this(b.fromBoundary(p.w()), b.fromBoundary(p.v()));
    }

    NetParams toBoundary() {
      return new NetParams(b.toBoundary(w), b.toBoundary(v));
    }

    void release() {
      b.release(w);
      b.release(v);
    }
  }

  /** Activations of one forward pass. */
  final class Forward {
    final M a;
    final M mask;
    final M z;
    final M p;

    Forward(M a, M mask, M z, M p) {
      this.a = a;
      this.mask = mask;
      this.z = z;
      this.p = p;
    }

    void release() {
      b.release(a);
      b.release(mask);
      b.release(z);
      b.release(p);
    }
  }

  Forward forward(M x, Weights net) {
    M h = b.multiplyTransB(x, net.w);
    M a = b.relu(h);
    M mask = b.reluMask(h);
    b.release(h);
    M z = b.multiplyTransB(a, net.v);
    M p = b.softmaxRows(z);
    return new Forward(a, mask, z, p);
  }

  /** The gradient (∂L/∂W, ∂L/∂V) of the mean loss over the n rows of x; y is the n x K one-hot. */
  Weights gradient(M x, M y, Weights net, Forward f) {
    int n = b.rows(x);
    M diff = b.addScaled(f.p, -1.0, y);
    M g = b.scale(diff, 1.0 / n);
    b.release(diff);
    M dv = b.multiplyTransA(g, f.a);
    M ga = b.multiply(g, net.v);
    b.release(g);
    M gh = b.hadamard(ga, f.mask);
    b.release(ga);
    M dw = b.multiplyTransA(gh, x);
    b.release(gh);
    return new Weights(dw, dv);
  }

  /** The exact diagonal of the Hessian of the mean loss over the rows of x (see class Javadoc). */
  Weights hessianDiagonal(M x, Weights net, Forward f) {
    int n = b.rows(x);
    // diag H_V = (P − P∘P)ᵀ (A∘A) / n
    M pp = b.hadamard(f.p, f.p);
    M pq = b.addScaled(f.p, -1.0, pp);
    b.release(pp);
    M aa = b.hadamard(f.a, f.a);
    M hvRaw = b.multiplyTransA(pq, aa);
    b.release(pq);
    b.release(aa);
    M hv = b.scale(hvRaw, 1.0 / n);
    b.release(hvRaw);
    // S = P (V∘V) − (P V)∘(P V): the per-sample, per-unit variance of V_{:,j} under p
    M vv = b.hadamard(net.v, net.v);
    M pvv = b.multiply(f.p, vv);
    b.release(vv);
    M pv = b.multiply(f.p, net.v);
    M pv2 = b.hadamard(pv, pv);
    b.release(pv);
    M s = b.addScaled(pvv, -1.0, pv2);
    b.release(pvv);
    b.release(pv2);
    M ms = b.hadamard(f.mask, s);
    b.release(s);
    M xx = b.hadamard(x, x);
    M hwRaw = b.multiplyTransA(ms, xx);
    b.release(ms);
    b.release(xx);
    M hw = b.scale(hwRaw, 1.0 / n);
    b.release(hwRaw);
    return new Weights(hw, hv);
  }

  /**
   * One step of SGD with heavy-ball momentum (the PyTorch convention): {@code buf ← μ buf + g},
   * {@code net ← net − η buf}; with a mask, {@code net ← (net − η buf) ∘ mask} so pruned weights stay zero.
   * Replaces the fields of net and buf, releasing the old matrices.
   */
  void sgdStep(Weights net, Weights buf, Weights grad, double lr, double momentum, Weights mask) {
    buf.w = momentumUpdate(buf.w, grad.w, momentum);
    buf.v = momentumUpdate(buf.v, grad.v, momentum);
    net.w = descend(net.w, buf.w, lr, mask == null ? null : mask.w);
    net.v = descend(net.v, buf.v, lr, mask == null ? null : mask.v);
  }

  private M momentumUpdate(M buf, M g, double momentum) {
    M scaled = b.scale(buf, momentum);
    b.release(buf);
    M next = b.addScaled(scaled, 1.0, g);
    b.release(scaled);
    return next;
  }

  private M descend(M net, M buf, double lr, M mask) {
    M next = b.addScaled(net, -lr, buf);
    b.release(net);
    if (mask == null) {
      return next;
    }
    M masked = b.hadamard(next, mask);
    b.release(next);
    return masked;
  }

  /** A zero matrix of the shape of {@code like}. */
  M zerosLike(M like) {
    return b.fromBoundary(Matrix.zeros(b.rows(like), b.cols(like)));
  }
}
