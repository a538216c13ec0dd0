package dev.prunebench.linalg;

import static dev.prunebench.linalg.Check.EPS;

import dev.prunebench.accuracy.MinNormReference;
import dev.prunebench.linalg.HardMatrix.Problem;
import java.util.Locale;

/**
 * The verdict on one backend x kernel x catalogue problem (issue 19 item 5): {@link Outcome#REFUSED}
 * (a {@link RankDeficientException} with a message), {@link Outcome#SOLVED} (finite and within the
 * bound) or {@link Outcome#WRONG} (anything else).
 *
 * <p><b>The bound</b>, with m = max(n, p), κ = κ₂(X_r) = σ_1/σ_r of the reference's (possibly
 * truncated) problem, ρ = ‖y − Xθ*‖₂/(‖X‖₂‖θ*‖₂), and the gap factor g = σ_r/(σ_r − σ_{r+1}) for a
 * truncated reference (g = 1 otherwise). A returned answer is SOLVED when its relative forward error
 * (Frobenius) is at most {@code C · scale} with C = 30 and
 * <ul>
 *   <li>QR, SVD: {@code scale = ε·m·κ·g·(2 + (κ + 1)·ρ)}, the least-squares perturbation bound of
 *       Wedin (Higham, <i>Accuracy and Stability</i>, Thm 20.1; Hansen for the truncated problem's g)
 *       for a backward error of ε·m relative: what a backward-stable QR or SVD guarantees.
 *   <li>pseudo-inverse: {@code scale = ε·m·κ·g·2} (Wedin: {@code ‖B⁺ − A⁺‖ ≤ √2‖A⁺‖‖B⁺‖‖B − A‖}).
 *   <li>CHOLESKY of the Gram matrix: while {@code ε·m·κ² < 1} it may be worse than a backward-stable
 *       method by the factor κ, {@code scale = max(stable, ε·m·κ²·g·(1 + ‖y‖/(‖X‖₂‖θ*‖)))} (Higham
 *       §20.4: the normal equations are solved with κ(XᵀX) = κ²). Beyond that (ε·m·κ² ≥ 1, where issue
 *       19 says Cholesky must refuse) a returned answer must meet the backward-stable bound, as an
 *       equilibrated Cholesky does on a graded matrix; otherwise it is "returned and wrong".
 * </ul>
 * Where the reference {@code X_r⁺} is not representable (entries beyond the double range), the only
 * right pseudo-inverse outcome is a refusal.
 *
 * <p><b>Graded members with a truncated reference.</b> CHOLESKY and QR apply their refusal rule to the
 * equilibrated problem {@code X̃ = D_r X D_c} (issue 19 item 3; rows scaled when n ≤ p, columns when
 * n ≥ p, see {@code linalg.Scaling}). When the singular values below the cutoff come only from a
 * grading of the rows or columns (Kahan's matrix is {@code diag(sⁱ)·T}), X̃ is well conditioned and they
 * return the exact solution of the nonsingular problem, not the rcond-truncated one: the same
 * situation as the graded members, whose reference is the exact X⁺y. That answer is right, so it is
 * accepted ({@link #exactOnEquilibrated}) when it is within C times the stable bound computed with
 * κ₂(X̃) instead of κ₂(X) (κ₂(X̃)² for CHOLESKY).
 */
record HardVerdict(Outcome outcome, double ratio, String detail) {
  /** LAPACK's test threshold, in units of {@link #scale}. */
  static final double C = 30;

  enum Outcome { SOLVED, REFUSED, WRONG }

  /** What is computed: a min-norm solve by one algorithm, or the pseudo-inverse. */
  enum Kernel {
    CHOLESKY(LeastSquaresAlgorithm.CHOLESKY),
    QR(LeastSquaresAlgorithm.QR),
    SVD(LeastSquaresAlgorithm.SVD),
    PSEUDO_INVERSE(null);

    final LeastSquaresAlgorithm algorithm;

    Kernel(LeastSquaresAlgorithm algorithm) {
      this.algorithm = algorithm;
    }

    String kernelName() {
      return algorithm == null ? "pseudoInverse" : "solveMinNorm/" + algorithm.cliName();
    }
  }

  /** Runs kernel {@code k} of backend b on the problem and judges the result. */
  static <M> HardVerdict judge(LinearAlgebraBackend<M> b, Problem pr, MinNormReference ref, Kernel k) {
    M xm = b.fromBoundary(pr.x());
    M ym = b.fromBoundary(pr.y());
    Matrix out;
    try {
      out = Check.take(b, k.algorithm == null ? b.pseudoInverse(xm) : b.solveMinNorm(xm, ym, k.algorithm));
    } catch (RankDeficientException e) {
      boolean said = e.getMessage() != null && !e.getMessage().isBlank();
      return new HardVerdict(said ? Outcome.REFUSED : Outcome.WRONG, 0,
          said ? "refused: " + e.getMessage() : "RankDeficientException without a message");
    } catch (RuntimeException e) {
      return new HardVerdict(Outcome.WRONG, Double.NaN, "threw " + e.getClass().getSimpleName() + " (not a "
          + "RankDeficientException): " + e.getMessage());
    } finally {
      b.release(xm);
      b.release(ym);
    }
    HardVerdict v = classify(pr, ref, k, out);
    if (v.outcome() == Outcome.WRONG && k != Kernel.SVD && k != Kernel.PSEUDO_INVERSE
        && ref.droppedSigmaRelative().length > 0 && ref.exactRank() == Math.min(pr.rows(), pr.cols())) {
      HardVerdict exact = exactOnEquilibrated(pr, k, out);
      return exact.outcome() == Outcome.SOLVED ? exact : v;
    }
    return v;
  }

  /**
   * Judges {@code out} against the exact (untruncated) solution with the bound of the equilibrated
   * matrix; see the class comment.
   */
  static HardVerdict exactOnEquilibrated(Problem pr, Kernel k, Matrix out) {
    MinNormReference exact = MinNormReference.of(pr.x(), pr.y(), 0);
    int n = pr.rows();
    int p = pr.cols();
    Matrix x = pr.x();
    double[] rowMax = new double[n];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        rowMax[i] = Math.max(rowMax[i], Math.abs(x.get(i, j)));
      }
    }
    // the production scaling itself (same package), so κ₂(X̃) is that of the matrix actually factored
    Scaling s = Scaling.equilibrate(rowMax, n, p, rowExp -> {
      double[] c = new double[p];
      for (int i = 0; i < n; i++) {
        for (int j = 0; j < p; j++) {
          c[j] = Math.max(c[j], Math.abs(Math.scalb(x.get(i, j), rowExp[i])));
        }
      }
      return c;
    });
    double[] xs = new double[n * p];
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < p; j++) {
        xs[i * p + j] = Math.scalb(x.get(i, j), s.rowExp()[i] + s.colExp()[j]);
      }
    }
    double kappa = Naive.svd(Matrix.of(n, p, xs)).condition(Math.min(n, p));
    double unit = EPS * Math.max(n, p);
    double scale = k == Kernel.CHOLESKY ? unit * kappa * kappa
        : unit * kappa * (2 + (kappa + 1) * exact.residualRatio());
    double err = Naive.subtract(out, exact.theta()).frobeniusNorm() / exact.theta().frobeniusNorm();
    double ratio = err / scale;
    String detail = String.format(Locale.ROOT, "the exact X⁺y of the equilibrated problem: relative error %.3g = %.3g "
        + "x bound unit (κ₂(X̃) = %.3g, κ₂(X) = %.3g)", err, ratio, kappa, exact.condition());
    return new HardVerdict(ratio <= C ? Outcome.SOLVED : Outcome.WRONG, ratio, detail);
  }

  /** Judges a returned result against the reference. */
  static HardVerdict classify(Problem pr, MinNormReference ref, Kernel k, Matrix out) {
    if (!Check.allFinite(out)) {
      return new HardVerdict(Outcome.WRONG, Double.NaN, "returned a non-finite entry");
    }
    boolean pinv = k == Kernel.PSEUDO_INVERSE;
    if (pinv && !ref.pseudoInverseRepresentable()) {
      return new HardVerdict(Outcome.WRONG, Double.POSITIVE_INFINITY,
          "returned a finite X⁺ although the true X⁺ is beyond the double range");
    }
    Matrix star = pinv ? ref.pseudoInverse() : ref.theta();
    double err = Naive.subtract(out, star).frobeniusNorm() / star.frobeniusNorm();
    double ratio = err / scale(pr, ref, k);
    String detail = String.format(Locale.ROOT, "relative error %.3g = %.3g x bound unit (κ = %.3g)", err, ratio,
        ref.condition());
    return new HardVerdict(ratio <= C ? Outcome.SOLVED : Outcome.WRONG, ratio, detail);
  }

  /** The error a backward-stable (or, for Cholesky, normal-equations) method may make; see the class comment. */
  static double scale(Problem pr, MinNormReference ref, Kernel k) {
    double unit = EPS * Math.max(pr.rows(), pr.cols());
    double kappa = ref.condition();
    double[] dropped = ref.droppedSigmaRelative();
    double gap = dropped.length == 0 ? 1 : (1 / kappa) / (1 / kappa - dropped[dropped.length - 1]);
    if (k == Kernel.PSEUDO_INVERSE) {
      return unit * kappa * gap * 2;
    }
    double stable = unit * kappa * gap * (2 + (kappa + 1) * ref.residualRatio());
    if (k == Kernel.CHOLESKY && unit * kappa * kappa < 1) {
      return Math.max(stable, unit * kappa * kappa * gap * (1 + ref.rhsRatio()));
    }
    return stable;
  }
}
