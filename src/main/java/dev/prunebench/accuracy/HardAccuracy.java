package dev.prunebench.accuracy;

import dev.prunebench.linalg.Backend;
import dev.prunebench.linalg.HardMatrix;
import dev.prunebench.linalg.LinearAlgebraBackend;
import dev.prunebench.linalg.Matrix;
import dev.prunebench.linalg.RankDeficientException;
import java.util.List;

/**
 * The hard-matrix catalogue ({@link HardMatrix}, issue 19 item 5) in the accuracy table: per backend,
 * kernel (pseudo-inverse, min-norm CHOLESKY, QR, SVD) and catalogue problem, one row.
 * <ul>
 *   <li>{@code hard_forward_error} = ‖θ − θ*‖/(ε m κ ‖θ*‖) (κ² for CHOLESKY; X⁺ for the
 *       pseudo-inverse), against the 60-digit rcond-truncated reference {@link MinNormReference}, with
 *       κ = κ₂ of the reference problem. Informational (no absolute threshold; the pass/fail contract
 *       with its bound is the hard-matrix contract test); the baseline check still flags tenfold growth.
 *   <li>{@code hard_refused} (ratio 0): the kernel threw {@link RankDeficientException}.
 *   <li>{@code hard_non_finite} (ratio 1): the kernel returned a NaN or infinite entry, e.g. X⁺ of a
 *       subnormal X, whose true entries (≈ 1e310) are beyond the double range.
 * </ul>
 * The metric names differ from the {@code MatrixClass} rows so that summaries keep the two apart.
 */
final class HardAccuracy {
  private HardAccuracy() {}

  private static final double EPS = Math.ulp(1.0);

  /** Appends the catalogue's rows for every backend. */
  static void measure(List<Backend> backends, long seed, List<AccuracyRow> out) {
    for (HardMatrix.Problem pr : HardMatrix.all(seed)) {
      MinNormReference ref = MinNormReference.of(pr.x(), pr.y(), pr.kind().droppedByCutoff());
      for (Backend b : backends) {
        measureOne(b.create(), b, pr, ref, out);
      }
    }
  }

  private static <M> void measureOne(LinearAlgebraBackend<M> be, Backend backend, HardMatrix.Problem pr,
      MinNormReference ref, List<AccuracyRow> out) {
    M xm = be.fromBoundary(pr.x());
    M ym = be.fromBoundary(pr.y());
    for (AccuracyKernel k : new AccuracyKernel[] {AccuracyKernel.PSEUDO_INVERSE, AccuracyKernel.MIN_NORM_CHOLESKY,
        AccuracyKernel.MIN_NORM_QR, AccuracyKernel.MIN_NORM_SVD}) {
      String metric;
      double ratio;
      try {
        M rm = k.algorithm == null ? be.pseudoInverse(xm) : be.solveMinNorm(xm, ym, k.algorithm);
        Matrix r = be.toBoundary(rm);
        be.release(rm);
        if (!allFinite(r)) {
          metric = "hard_non_finite";
          ratio = 1;
        } else if (k.algorithm == null && !ref.pseudoInverseRepresentable()) {
          continue; // a finite X⁺ where the true one overflows: no finite error ratio (the contract test fails it)
        } else {
          Matrix star = k.algorithm == null ? ref.pseudoInverse() : ref.theta();
          double kappa = ref.condition();
          double amplification = k == AccuracyKernel.MIN_NORM_CHOLESKY ? kappa * kappa : kappa;
          metric = "hard_forward_error";
          ratio = AccuracyTable.sub(r, star).frobeniusNorm() / star.frobeniusNorm()
              / (EPS * Math.max(pr.rows(), pr.cols()) * amplification);
        }
      } catch (RankDeficientException e) {
        metric = "hard_refused";
        ratio = 0;
      }
      out.add(new AccuracyRow(backend.cliName(), k.cliName(), pr.kind().cliName(), pr.rows(), pr.cols(), metric,
          ratio, Double.NaN));
    }
    be.release(xm);
    be.release(ym);
  }

  private static boolean allFinite(Matrix m) {
    for (int k = 0; k < m.size(); k++) {
      if (!Double.isFinite(m.getFlat(k))) {
        return false;
      }
    }
    return true;
  }
}
