package dev.prunebench.hessianbias;

import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.theory.PplsParameters;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Full-batch gradient descent {@code θ_{τ+1} = θ_τ − η∇L(θ_τ)} on the grouped regression
 * {@code L(θ) = ½‖y − Σᵢ Xᵢθᵢ‖²} of eq. (4.4), recording at every iterate the loss, each group's
 * squared distance from θ₀ and the init-pruning NI (Definition 2.1) of each group and of its
 * complement — every quantity that Theorem 4.3 bounds.
 *
 * <p>The iteration runs on the displacements {@code dᵢ = θᵢ − θ₀ᵢ}: with {@code r₀ = y − Xθ₀} and
 * {@code uᵢ = Xᵢdᵢ}, the residual is {@code r = r₀ − Σuᵢ}, the gradient block is
 * {@code ∇ᵢL = −Xᵢᵀr}, and the two ablations of Definition 2.1 have the residuals
 * <ul>
 *   <li>{@code r + uᵢ} (group i reset to θ₀): {@code I^N_Δᵢ = ½‖r + uᵢ‖² − ½‖r‖²};
 *   <li>{@code r₀ − uᵢ} (everything but group i reset): {@code I^N_Δ̄ᵢ = ½‖r₀ − uᵢ‖² − ½‖r‖²}.
 * </ul>
 * So one iterate costs one {@code multiply} and one {@code multiplyTransA} per group, all through the
 * backend in its native type; only n-vectors (and the squared norms of the dᵢ) leave it.
 */
public final class GradientDescent {
  private GradientDescent() {}

  /**
   * Runs gradient descent from θ₀.
   *
   * @param backend the kernels for every matrix-vector product
   * @param design the grouped regression, not modified
   * @param theta0 the initial point, length p, not modified
   * @param settings step size and stopping rule
   * @return the per-iterate record; its {@code ppls} are computed through the same backend
   */
  public static <M> GradientDescentTrace run(LinearAlgebraBackend<M> backend, GroupedDesign design,
      double[] theta0, GradientDescentSettings settings) {
    PplsParameters ppls = PplsEstimator.estimate(backend, design);
    double sigmaMin2 = PplsEstimator.gramSpectrum(backend, design.concatenated()).min();
    return run(backend, design, ppls, sigmaMin2, theta0, settings);
  }

  /**
   * Runs gradient descent with PPLS parameters computed beforehand (a sweep reuses them).
   *
   * @param sigmaMinSquared σ_min(X)² of the full design, only recorded (for the limit estimate)
   */
  public static <M> GradientDescentTrace run(LinearAlgebraBackend<M> backend, GroupedDesign design,
      PplsParameters ppls, double sigmaMinSquared, double[] theta0, GradientDescentSettings settings) {
    int d = design.groupCount();
    int p = design.parameters();
    int n = design.samples();
    if (theta0 == null || theta0.length != p) {
      throw new IllegalArgumentException("theta0: expected length " + p + ", got "
          + (theta0 == null ? "null" : theta0.length));
    }
    if (ppls.groups() != d) {
      throw new IllegalArgumentException("ppls has " + ppls.groups() + " groups but the design has " + d);
    }
    double eta = settings.stepFraction() / ppls.totalSmoothness();
    int cap = settings.maxIterations();

    List<M> xs = new ArrayList<>(d);
    List<M> ds = new ArrayList<>(d);
    M r0 = backend.fromBoundary(design.y());
    for (int i = 0; i < d; i++) {
      M xi = backend.fromBoundary(design.groups().get(i));
      xs.add(xi);
      int pi = design.groups().get(i).cols();
      double[] t0 = new double[pi];
      System.arraycopy(theta0, design.offset(i), t0, 0, pi);
      M t0m = backend.fromBoundary(Matrix.wrap(pi, 1, t0));
      M pred = backend.multiply(xi, t0m);
      M next = backend.addScaled(r0, -1, pred);
      backend.release(t0m);
      backend.release(pred);
      backend.release(r0);
      r0 = next;
      ds.add(backend.fromBoundary(Matrix.zeros(pi, 1)));
    }
    double[] r0v = backend.toBoundary(r0).toArray();

    double[] loss = new double[cap + 1];
    double[][] dist = new double[d][cap + 1];
    double[][] ni = new double[d][cap + 1];
    double[][] nic = new double[d][cap + 1];
    double[][] u = new double[d][];
    double[] r = new double[n];
    int tau = 0;
    boolean converged = false;
    while (true) {
      System.arraycopy(r0v, 0, r, 0, n);
      for (int i = 0; i < d; i++) {
        M ui = backend.multiply(xs.get(i), ds.get(i));
        u[i] = backend.toBoundary(ui).toArray();
        backend.release(ui);
        dist[i][tau] = squaredNorm(backend.toBoundary(ds.get(i)).toArray());
        for (int k = 0; k < n; k++) {
          r[k] -= u[i][k];
        }
      }
      double l = 0.5 * squaredNorm(r);
      loss[tau] = l;
      for (int i = 0; i < d; i++) {
        double a = 0;
        double b = 0;
        for (int k = 0; k < n; k++) {
          double ra = r[k] + u[i][k];
          double rb = r0v[k] - u[i][k];
          a += ra * ra;
          b += rb * rb;
        }
        ni[i][tau] = 0.5 * a - l;
        nic[i][tau] = 0.5 * b - l;
      }
      if (l <= settings.relativeTolerance() * loss[0]) {
        converged = true;
        break;
      }
      if (tau == cap) {
        break;
      }
      M rm = backend.fromBoundary(Matrix.wrap(n, 1, r.clone()));
      for (int i = 0; i < d; i++) {
        // ∇ᵢL = −Xᵢᵀr, so the step adds η Xᵢᵀr to the displacement.
        M g = backend.multiplyTransA(xs.get(i), rm);
        M next = backend.addScaled(ds.get(i), eta, g);
        backend.release(g);
        backend.release(ds.get(i));
        ds.set(i, next);
      }
      backend.release(rm);
      tau++;
    }

    double[] thetaFinal = theta0.clone();
    for (int i = 0; i < d; i++) {
      double[] di = backend.toBoundary(ds.get(i)).toArray();
      int off = design.offset(i);
      for (int k = 0; k < di.length; k++) {
        thetaFinal[off + k] += di[k];
      }
      backend.release(ds.get(i));
      backend.release(xs.get(i));
    }
    backend.release(r0);
    int len = tau + 1;
    return new GradientDescentTrace(ppls, eta, sigmaMinSquared, Arrays.copyOf(loss, len),
        truncate(dist, len), truncate(ni, len), truncate(nic, len), theta0.clone(), thetaFinal, converged);
  }

  private static double[][] truncate(double[][] a, int len) {
    double[][] t = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      t[i] = Arrays.copyOf(a[i], len);
    }
    return t;
  }

  static double squaredNorm(double[] v) {
    double s = 0;
    for (double x : v) {
      s += x * x;
    }
    return s;
  }
}
