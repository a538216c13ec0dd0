package dev.prunebench.nn;

import dev.prunebench.data.Digits;

/**
 * An independent plain-Java implementation of the two-layer network's loss, Gauss–Newton diagonal
 * and exact Hessian-vector product, written with explicit per-sample loops and no backend, so the
 * tests never check the kernels against themselves.
 */
final class PlainNet {
  private final double[][] w; // m x d
  private final double[][] v; // K x m
  private final double[][] x; // n x d
  private final int[] y;
  private final int n;
  private final int m;
  private final int d;
  private final int k;

  PlainNet(NetParams net, Digits data) {
    this.w = net.w().toRows();
    this.v = net.v().toRows();
    this.x = data.images().toRows();
    this.y = data.labels();
    this.n = x.length;
    this.m = w.length;
    this.d = w[0].length;
    this.k = v.length;
  }

  /** Pre-activations h_i = W x_i. */
  double[] pre(int i) {
    double[] h = new double[m];
    for (int j = 0; j < m; j++) {
      double s = 0;
      for (int l = 0; l < d; l++) {
        s += w[j][l] * x[i][l];
      }
      h[j] = s;
    }
    return h;
  }

  /** Smallest |h_ij| over the data: finite differences of step h stay on one ReLU piece if h·‖x‖ is below it. */
  double smallestPreActivation() {
    double min = Double.POSITIVE_INFINITY;
    for (int i = 0; i < n; i++) {
      for (double h : pre(i)) {
        min = Math.min(min, Math.abs(h));
      }
    }
    return min;
  }

  private double[] softmax(double[] a) {
    double[] z = new double[k];
    double max = Double.NEGATIVE_INFINITY;
    for (int c = 0; c < k; c++) {
      double s = 0;
      for (int j = 0; j < m; j++) {
        s += v[c][j] * a[j];
      }
      z[c] = s;
      max = Math.max(max, s);
    }
    double sum = 0;
    for (int c = 0; c < k; c++) {
      z[c] = Math.exp(z[c] - max);
      sum += z[c];
    }
    for (int c = 0; c < k; c++) {
      z[c] /= sum;
    }
    return z;
  }

  private static double[] relu(double[] h) {
    double[] a = new double[h.length];
    for (int j = 0; j < h.length; j++) {
      a[j] = Math.max(0, h[j]);
    }
    return a;
  }

  /**
   * The Gauss–Newton diagonal {@code (1/n) Σᵢ diag(Jᵢᵀ (diag pᵢ − pᵢpᵢᵀ) Jᵢ)} from the per-sample
   * Jacobian columns {@code ∂f/∂V_cj = a_j e_c} and {@code ∂f/∂W_jl = 1[h_j > 0] x_l V_{:,j}}.
   */
  NetParams gaussNewtonDiagonal() {
    double[][] gw = new double[m][d];
    double[][] gv = new double[k][m];
    for (int i = 0; i < n; i++) {
      double[] h = pre(i);
      double[] a = relu(h);
      double[] p = softmax(a);
      for (int c = 0; c < k; c++) {
        for (int j = 0; j < m; j++) {
          // column e_c a_j: a_j² (p_c − p_c²)
          gv[c][j] += a[j] * a[j] * (p[c] - p[c] * p[c]);
        }
      }
      for (int j = 0; j < m; j++) {
        if (h[j] <= 0) {
          continue;
        }
        // column x_l V_{:,j}: x_l² (Σ_c p_c V_cj² − (Σ_c p_c V_cj)²)
        double q = 0;
        double r = 0;
        for (int c = 0; c < k; c++) {
          q += p[c] * v[c][j] * v[c][j];
          r += p[c] * v[c][j];
        }
        for (int l = 0; l < d; l++) {
          gw[j][l] += x[i][l] * x[i][l] * (q - r * r);
        }
      }
    }
    return new NetParams(scaleRows(gw, 1.0 / n), scaleRows(gv, 1.0 / n));
  }

  /**
   * The exact Hessian-vector product H·(dW, dV) of the mean loss, by Pearlmutter's R-operator applied
   * to the forward and backward pass (valid wherever no pre-activation is exactly zero).
   */
  double[][][] hessianVectorProduct(double[][] dw, double[][] dv) {
    double[][] hw = new double[m][d];
    double[][] hv = new double[k][m];
    for (int i = 0; i < n; i++) {
      double[] h = pre(i);
      double[] a = relu(h);
      double[] p = softmax(a);
      double[] rh = new double[m];
      double[] ra = new double[m];
      for (int j = 0; j < m; j++) {
        double s = 0;
        for (int l = 0; l < d; l++) {
          s += dw[j][l] * x[i][l];
        }
        rh[j] = s;
        ra[j] = h[j] > 0 ? s : 0;
      }
      double[] rz = new double[k];
      for (int c = 0; c < k; c++) {
        double s = 0;
        for (int j = 0; j < m; j++) {
          s += v[c][j] * ra[j] + dv[c][j] * a[j];
        }
        rz[c] = s;
      }
      double pr = 0;
      for (int c = 0; c < k; c++) {
        pr += p[c] * rz[c];
      }
      double[] g = new double[k];
      double[] rg = new double[k];
      for (int c = 0; c < k; c++) {
        g[c] = (p[c] - (c == y[i] ? 1 : 0)) / n;
        rg[c] = p[c] * (rz[c] - pr) / n;
      }
      // gV = g aᵀ  ->  R{gV} = R{g} aᵀ + g R{a}ᵀ
      for (int c = 0; c < k; c++) {
        for (int j = 0; j < m; j++) {
          hv[c][j] += rg[c] * a[j] + g[c] * ra[j];
        }
      }
      // gW = ((Vᵀ g) ∘ mask) xᵀ  ->  R{gW} = ((Vᵀ R{g} + dVᵀ g) ∘ mask) xᵀ
      for (int j = 0; j < m; j++) {
        if (h[j] <= 0) {
          continue;
        }
        double s = 0;
        for (int c = 0; c < k; c++) {
          s += v[c][j] * rg[c] + dv[c][j] * g[c];
        }
        for (int l = 0; l < d; l++) {
          hw[j][l] += s * x[i][l];
        }
      }
    }
    return new double[][][] {hw, hv};
  }

  private static dev.prunebench.linalg.Matrix scaleRows(double[][] a, double s) {
    for (double[] row : a) {
      for (int j = 0; j < row.length; j++) {
        row[j] *= s;
      }
    }
    return dev.prunebench.linalg.Matrix.fromRows(a);
  }
}
