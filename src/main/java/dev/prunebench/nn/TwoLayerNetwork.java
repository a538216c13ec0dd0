package dev.prunebench.nn;

import dev.prunebench.data.Digits;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Matrix;

/**
 * Boundary-level entry points for the two-layer ReLU network {@code f(x) = V · ReLU(W x)} of paper
 * Section 4: evaluation, gradient and the exact Hessian diagonal of the mean cross-entropy loss
 * (eq. 4.1) on any backend. The maths is in {@link NetKernels}; every call converts its inputs to
 * the backend's native type once, runs the kernels there and converts the result back.
 */
public final class TwoLayerNetwork {
  private TwoLayerNetwork() {}

  /** Loss and error of {@code net} on {@code data}. */
  public static Evaluation evaluate(LinearAlgebraBackend<?> backend, NetParams net, Digits data) {
    return evaluateCaptured(backend, net, data);
  }

  /** The gradient (∂L/∂W, ∂L/∂V) of the mean loss over {@code data}. */
  public static NetParams gradient(LinearAlgebraBackend<?> backend, NetParams net, Digits data) {
    return gradientCaptured(backend, net, data);
  }

  /**
   * The exact diagonal (diag H_W, diag H_V) of the Hessian of the mean loss over {@code data}; for
   * this ReLU network it equals the Gauss–Newton diagonal (see {@link NetKernels}).
   */
  public static NetParams hessianDiagonal(LinearAlgebraBackend<?> backend, NetParams net, Digits data) {
    return hessianCaptured(backend, net, data);
  }

  /** The logits Z = ReLU(X Wᵀ) Vᵀ, n x K. */
  public static Matrix logits(LinearAlgebraBackend<?> backend, NetParams net, Matrix x) {
    return logitsCaptured(backend, net, x);
  }

  private static <M> Evaluation evaluateCaptured(LinearAlgebraBackend<M> b, NetParams net, Digits data) {
    NetKernels<M> k = new NetKernels<>(b);
    M x = b.fromBoundary("images", data.images());
    Evaluation e = evaluate(k, x, data.labels(), k.new Weights(net), true);
    b.release(x);
    return e;
  }

  /** Loss and error from one native forward pass; releases the weights if asked. */
  static <M> Evaluation evaluate(NetKernels<M> k, M x, int[] labels, NetKernels<M>.Weights w,
      boolean releaseWeights) {
    M h = k.b.multiplyTransB(x, w.w);
    M a = k.b.relu(h);
    k.b.release(h);
    M z = k.b.multiplyTransB(a, w.v);
    k.b.release(a);
    Matrix logits = k.b.toBoundary(z);
    k.b.release(z);
    if (releaseWeights) {
      w.release();
    }
    return fromLogits(logits, labels);
  }

  /** Mean cross-entropy via log-sum-exp (finite for any finite logits) and the arg-max error. */
  static Evaluation fromLogits(Matrix z, int[] labels) {
    int n = z.rows();
    int kk = z.cols();
    double loss = 0;
    int wrong = 0;
    for (int i = 0; i < n; i++) {
      double max = Double.NEGATIVE_INFINITY;
      int arg = 0;
      for (int c = 0; c < kk; c++) {
        double v = z.get(i, c);
        if (v > max) {
          max = v;
          arg = c;
        }
      }
      double s = 0;
      for (int c = 0; c < kk; c++) {
        s += Math.exp(z.get(i, c) - max);
      }
      loss += max + Math.log(s) - z.get(i, labels[i]);
      if (arg != labels[i]) {
        wrong++;
      }
    }
    return Evaluation.of(loss / n, wrong, n);
  }

  private static <M> NetParams gradientCaptured(LinearAlgebraBackend<M> b, NetParams net, Digits data) {
    NetKernels<M> k = new NetKernels<>(b);
    NetKernels<M>.Workspace w = k.new Workspace(data.size(), net.inputDim(), net.w().rows(), net.classes());
    M x = b.fromBoundary("images", data.images());
    b.copyInto(x, w.x);
    b.release(x);
    System.arraycopy(data.labels(), 0, w.labels, 0, data.size());
    NetKernels<M>.Weights weights = k.new Weights(net);
    w.gradient(weights);
    NetParams out = w.grad.toBoundary();
    w.release();
    weights.release();
    return out;
  }

  private static <M> NetParams hessianCaptured(LinearAlgebraBackend<M> b, NetParams net, Digits data) {
    NetKernels<M> k = new NetKernels<>(b);
    M x = b.fromBoundary("images", data.images());
    NetKernels<M>.Weights w = k.new Weights(net);
    NetKernels<M>.Weights h = k.hessianDiagonal(x, w);
    NetParams out = h.toBoundary();
    h.release();
    w.release();
    b.release(x);
    return out;
  }

  private static <M> Matrix logitsCaptured(LinearAlgebraBackend<M> b, NetParams net, Matrix xb) {
    NetKernels<M> k = new NetKernels<>(b);
    M x = b.fromBoundary("x", xb);
    NetKernels<M>.Weights w = k.new Weights(net);
    M h = b.multiplyTransB(x, w.w);
    M a = b.relu(h);
    M z = b.multiplyTransB(a, w.v);
    Matrix out = b.toBoundary(z);
    for (M t : java.util.List.of(h, a, z, x)) {
      b.release(t);
    }
    w.release();
    return out;
  }
}
