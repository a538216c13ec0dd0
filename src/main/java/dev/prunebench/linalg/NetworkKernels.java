package dev.prunebench.linalg;

/**
 * The fused kernels of the two-layer network's inner loop (paper Section 4, {@code f(x) = V·ReLU(W x)},
 * mean cross-entropy eq. 4.1), each one pass over memory into a caller-owned output. With
 * {@link InPlace#gemm} they make an SGD step and the exact Hessian diagonal without temporaries.
 * Notation as in {@code nn.NetKernels}: H = X Wᵀ, A = ReLU(H), Z = A Vᵀ, P = softmax_rows(Z).
 *
 * <p>Defaults run {@link FlatKernels} (written once for every heap backend); OpenBLAS overrides them
 * on native memory. Like every kernel they do not rescan their inputs for NaN.
 *
 * @param <M> library-native matrix type
 */
public interface NetworkKernels<M> extends InPlace<M> {

  /** {@code a ← max(h, 0)}; same shapes, a may be h. */
  default void reluInto(M h, M a) {
    Checks.requireSameShape("h", rows(h), cols(h), "a", rows(a), cols(a));
    double[] out = FlatAccess.read(this, a);
    FlatKernels.relu(a == h ? out : FlatAccess.read(this, h), out);
    FlatAccess.writeBack(this, a, out);
  }

  /** The ReLU backward: {@code g ← g ∘ 1[h > 0]}, applied in place on the GEMM output {@code G Vᵀ}. */
  default void maskByPositive(M g, M h) {
    Checks.requireSameShape("g", rows(g), cols(g), "h", rows(h), cols(h));
    double[] x = FlatAccess.read(this, g);
    FlatKernels.maskByPositive(x, FlatAccess.read(this, h));
    FlatAccess.writeBack(this, g, x);
  }

  /** Row-wise softmax of z into p (same shapes, p may be z), shifted by the row maximum. */
  default void softmaxRowsInto(M z, M p) {
    softmax(z, p, null);
  }

  /**
   * Softmax and cross-entropy gradient in one pass: {@code g ← (softmax_rows(z) − Y)/n} with Y the
   * n x K one-hot matrix of {@code labels[0, n)}, and the mean loss {@code −(1/n) Σᵢ log P_{i,yᵢ}}.
   *
   * @param z n x K logits, not modified unless it is g
   * @param labels at least n entries in [0, K)
   * @return the mean cross-entropy of the n rows
   */
  default double softmaxCrossEntropyGradient(M z, int[] labels, M g) {
    requireLabels(labels, rows(z), cols(z));
    return softmax(z, g, labels);
  }

  /** Checks {@code labels[0, n)} exist and lie in [0, k). */
  static void requireLabels(int[] labels, int n, int k) {
    if (labels.length < n) {
      throw new IllegalArgumentException("labels: need " + n + " entries, got " + labels.length);
    }
    for (int i = 0; i < n; i++) {
      if (labels[i] < 0 || labels[i] >= k) {
        throw new IllegalArgumentException("labels[" + i + "] must be in [0, " + k + "), got " + labels[i]);
      }
    }
  }

  private double softmax(M z, M p, int[] labels) {
    Checks.requireSameShape("z", rows(z), cols(z), "out", rows(p), cols(p));
    double[] out = FlatAccess.read(this, p);
    double loss = FlatKernels.softmaxRows(z == p ? out : FlatAccess.read(this, z), out, rows(z), cols(z),
        FlatAccess.order(this, p), labels);
    FlatAccess.writeBack(this, p, out);
    return loss;
  }

  /**
   * Heavy-ball SGD step with the pruning mask, one pass: {@code buf ← μ buf + g},
   * {@code θ ← θ − η buf}, {@code θ ← θ ∘ mask}.
   *
   * @param theta modified; buf modified; g not modified
   * @param mask 0/1 entries, not modified; null for no mask
   */
  default void momentumStep(M theta, M buf, M g, double learningRate, double momentum, M mask) {
    Checks.requireSameShape("theta", rows(theta), cols(theta), "buf", rows(buf), cols(buf));
    Checks.requireSameShape("theta", rows(theta), cols(theta), "g", rows(g), cols(g));
    if (mask != null) {
      Checks.requireSameShape("theta", rows(theta), cols(theta), "mask", rows(mask), cols(mask));
    }
    double[] t = FlatAccess.read(this, theta);
    double[] bf = FlatAccess.read(this, buf);
    FlatKernels.momentumStep(t, bf, FlatAccess.read(this, g), learningRate, momentum,
        mask == null ? null : FlatAccess.read(this, mask));
    FlatAccess.writeBack(this, theta, t);
    FlatAccess.writeBack(this, buf, bf);
  }

  /** {@code out ← a ∘ a}; same shapes, out may be a. */
  default void squareInto(M a, M out) {
    Checks.requireSameShape("a", rows(a), cols(a), "out", rows(out), cols(out));
    double[] o = FlatAccess.read(this, out);
    FlatKernels.square(a == out ? o : FlatAccess.read(this, a), o);
    FlatAccess.writeBack(this, out, o);
  }

  /** {@code out ← p − p ∘ p} (the softmax's diagonal curvature); same shapes, out may be p. */
  default void bernoulliVarianceInto(M p, M out) {
    Checks.requireSameShape("p", rows(p), cols(p), "out", rows(out), cols(out));
    double[] o = FlatAccess.read(this, out);
    FlatKernels.bernoulliVariance(p == out ? o : FlatAccess.read(this, p), o);
    FlatAccess.writeBack(this, out, o);
  }

  /**
   * {@code s ← 1[h > 0] ∘ (s − pv ∘ pv)}: with s = P (V∘V) and pv = P V on entry, the masked
   * per-sample variance {@code M ∘ S} of the W block of the Hessian diagonal.
   */
  default void maskedVarianceInPlace(M s, M pv, M h) {
    Checks.requireSameShape("s", rows(s), cols(s), "pv", rows(pv), cols(pv));
    Checks.requireSameShape("s", rows(s), cols(s), "h", rows(h), cols(h));
    double[] x = FlatAccess.read(this, s);
    FlatKernels.maskedVariance(x, FlatAccess.read(this, pv), FlatAccess.read(this, h));
    FlatAccess.writeBack(this, s, x);
  }
}
