package dev.prunebench.linalg;

import static dev.prunebench.linalg.HardMatrix.CUTOFF_BELOW;
import static dev.prunebench.linalg.HardMatrix.INTEGER_RANK_HIDDEN;
import static dev.prunebench.linalg.HardMatrix.KAHAN;
import static dev.prunebench.linalg.HardMatrix.KAHAN_RANK_HIDDEN;
import static dev.prunebench.linalg.HardMatrix.SUBNORMAL;
import static dev.prunebench.linalg.HardMatrix.VANDERMONDE;
import static dev.prunebench.linalg.HardMatrix.Shape.SQUARE;
import static dev.prunebench.linalg.HardMatrix.Shape.TALL;
import static dev.prunebench.linalg.HardMatrix.Shape.WIDE;
import static dev.prunebench.linalg.HardVerdict.Kernel.CHOLESKY;
import static dev.prunebench.linalg.HardVerdict.Kernel.PSEUDO_INVERSE;
import static dev.prunebench.linalg.HardVerdict.Kernel.QR;

import dev.prunebench.linalg.HardMatrix.Problem;
import dev.prunebench.linalg.HardMatrix.Shape;
import dev.prunebench.linalg.HardVerdict.Kernel;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The catalogue cases (catalogue seed {@link HardMatrixTest#SEED}) on which the code before issue
 * 19's fix returns a wrong answer without an exception, as measured on the five backends.
 * {@link HardMatrixContractTest} asserts that each listed case is STILL wrong, so a case that gets
 * fixed must be removed here: the list cannot go stale. The branch implementing issue 19 items 1–4
 * (condition estimates, rank-revealing QR, equilibration, overflow refusal) empties it, and then
 * this class goes.
 */
final class KnownSilentlyWrong {
  private KnownSilentlyWrong() {}

  record Key(Backend backend, Kernel kernel, HardMatrix kind, Shape shape) {}

  static boolean contains(Backend backend, Kernel kernel, Problem pr) {
    return KNOWN_SILENTLY_WRONG_BEFORE_ISSUE_19.contains(new Key(backend, kernel, pr.kind(), pr.shape()));
  }

  private static final List<Backend> ALL = List.of(Backend.values());
  private static final List<Backend> JVM = List.of(Backend.REFERENCE, Backend.EJML, Backend.OJALGO,
      Backend.COMMONS_MATH);

  /** 81 cases: backend x kernel x problem x shape. */
  static final Set<Key> KNOWN_SILENTLY_WRONG_BEFORE_ISSUE_19 = Set.copyOf(Stream.of(
      // item 4: X⁺ of a subnormal X (true entries ≈ 1e310) is returned with ±∞ entries
      keys(ALL, PSEUDO_INVERSE, SUBNORMAL, SQUARE, TALL, WIDE),
      // items 1-2: QR solves through a triangle whose diagonal does not reveal the rank
      keys(ALL, QR, CUTOFF_BELOW, SQUARE, TALL), // σ_min = cutoff/10: the untruncated solution
      keys(JVM, QR, INTEGER_RANK_HIDDEN, SQUARE, TALL, WIDE), // exact rank 31: null-space garbage
      keys(List.of(Backend.OPENBLAS), QR, INTEGER_RANK_HIDDEN, TALL, WIDE),
      keys(JVM, QR, KAHAN_RANK_HIDDEN, SQUARE, TALL, WIDE), // R_kk ≥ 2e-6·R_11, σ_min < cutoff
      keys(List.of(Backend.OPENBLAS), QR, KAHAN_RANK_HIDDEN, TALL, WIDE),
      // item 1: CHOLESKY returns on a singular Gram matrix, or where ε·m·κ² ≫ 1 with an error beyond
      // the backward-stable bound it must then meet (relative errors 1.4 % to 20000 %)
      keys(ALL, CHOLESKY, INTEGER_RANK_HIDDEN, SQUARE),
      keys(JVM, CHOLESKY, CUTOFF_BELOW, SQUARE),
      keys(JVM, CHOLESKY, KAHAN, SQUARE, TALL, WIDE),
      keys(List.of(Backend.EJML, Backend.OPENBLAS), CHOLESKY, VANDERMONDE, SQUARE, TALL),
      keys(List.of(Backend.REFERENCE, Backend.OJALGO, Backend.COMMONS_MATH), CHOLESKY, VANDERMONDE, TALL))
      .flatMap(List::stream).toList());

  private static List<Key> keys(List<Backend> backends, Kernel kernel, HardMatrix kind, Shape... shapes) {
    List<Key> out = new ArrayList<>();
    for (Backend b : backends) {
      for (Shape s : shapes) {
        out.add(new Key(b, kernel, kind, s));
      }
    }
    return out;
  }
}
