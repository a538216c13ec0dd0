package dev.prunebench.linalg;

/**
 * Kernels whose caller owns the output, as BLAS {@code dgemm(α, A, B, β, C)} and EJML's
 * {@code mult(a, b, c)}: a loop that creates its workspaces once with {@link #zeros} and then calls
 * only these allocates nothing per iteration.
 *
 * <p>Heap backends whose matrix is one {@code double[]} expose it through {@link #storage} and
 * {@link #storageOrder()}, and inherit every kernel here from {@link FlatKernels}, written once. A
 * backend whose library hides its storage returns null; the defaults then copy operands out with
 * {@code toBoundary} and results back with {@link #assign} (correct, but allocating). A backend
 * with faster library calls (OpenBLAS on native memory) overrides the kernels themselves.
 *
 * <p>No kernel here checks for NaN or ±∞: non-finite data is rejected where it enters
 * ({@link Conversions#fromBoundary(String, Matrix)}); what a pipeline computes from finite data
 * (an overflow, say) flows through unchanged, on every backend alike.
 *
 * @param <M> library-native matrix type
 */
public interface InPlace<M> extends Conversions<M> {

  /** A new rows x cols matrix of zeros, e.g. a workspace. */
  M zeros(int rows, int cols);

  /**
   * The array holding m's entries, exactly {@code rows·cols} of them in {@link #storageOrder()}, that
   * kernels may read and write in place; null if the library does not expose one.
   */
  default double[] storage(M m) {
    return null;
  }

  /** Layout of {@link #storage} arrays. */
  default StorageOrder storageOrder() {
    return StorageOrder.ROW_MAJOR;
  }

  /**
   * Overwrites every entry of {@code dst} from row-major values (the fallback's write-back path).
   *
   * @param rowMajor {@code rows(dst)·cols(dst)} entries, not modified
   */
  default void assign(M dst, double[] rowMajor) {
    double[] s = storage(dst);
    if (s == null) {
      throw new UnsupportedOperationException(getClass().getSimpleName() + " must override assign");
    }
    int r = rows(dst);
    int c = cols(dst);
    for (int i = 0; i < r; i++) {
      for (int j = 0; j < c; j++) {
        s[storageOrder().index(i, j, r, c)] = rowMajor[i * c + j];
      }
    }
  }

  /**
   * {@code C ← op(A)·op(B)} for the library's product, overwriting C (β = 0, α = 1); never called with
   * both operands transposed. Shapes are checked by {@link #gemm}.
   */
  void multiplyInto(boolean transA, boolean transB, M a, M b, M c);

  /**
   * {@code C ← α op(A) op(B) + β C}, op = identity or transpose (BLAS {@code dgemm}). With β = 0, C is
   * not read (it may hold anything). With β = 0 and at most one operand transposed nothing is
   * allocated; other forms use one temporary product.
   *
   * @param a not modified; b not modified; c the output, must be neither a nor b
   */
  default void gemm(boolean transA, boolean transB, double alpha, M a, M b, double beta, M c) {
    int m = transA ? cols(a) : rows(a);
    int ka = transA ? rows(a) : cols(a);
    int kb = transB ? cols(b) : rows(b);
    int n = transB ? rows(b) : cols(b);
    Checks.requireInner("op(A)·op(B)", ka, kb, rows(a), cols(a), rows(b), cols(b));
    Checks.requireSameShape("C", rows(c), cols(c), "op(A)·op(B)", m, n);
    if (c == a || c == b) {
      throw new IllegalArgumentException("C must not be A or B: gemm writes C while reading them");
    }
    if (beta == 0 && !(transA && transB)) {
      multiplyInto(transA, transB, a, b, c);
      if (alpha != 1) {
        scaleInPlace(alpha, c);
      }
      return;
    }
    M t;
    if (transA && transB) {
      // Aᵀ Bᵀ = (B A)ᵀ: the product and a transposing copy
      M ba = zeros(n, m);
      multiplyInto(false, false, b, a, ba);
      Matrix p = toBoundary(ba);
      release(ba);
      t = fromFiniteBoundary(p.transpose());
    } else {
      t = zeros(m, n);
      multiplyInto(transA, transB, a, b, t);
    }
    if (beta == 0) {
      copyInto(t, c);
      if (alpha != 1) {
        scaleInPlace(alpha, c);
      }
    } else {
      if (beta != 1) {
        scaleInPlace(beta, c);
      }
      addScaledInPlace(c, alpha, t);
    }
    release(t);
  }

  /** {@code dst ← src}; same shapes. */
  default void copyInto(M src, M dst) {
    Checks.requireSameShape("src", rows(src), cols(src), "dst", rows(dst), cols(dst));
    double[] d = storage(dst);
    if (d != null) {
      System.arraycopy(storage(src), 0, d, 0, d.length);
    } else {
      assign(dst, toBoundary(src).data());
    }
  }

  /** {@code a ← α a}. */
  default void scaleInPlace(double alpha, M a) {
    double[] x = FlatAccess.read(this, a);
    FlatKernels.scale(alpha, x);
    FlatAccess.writeBack(this, a, x);
  }

  /** {@code a ← a + α b}; same shapes, b not modified (b may be a). */
  default void addScaledInPlace(M a, double alpha, M b) {
    Checks.requireSameShape("a", rows(a), cols(a), "b", rows(b), cols(b));
    double[] x = FlatAccess.read(this, a);
    FlatKernels.addScaled(x, alpha, a == b ? x : FlatAccess.read(this, b));
    FlatAccess.writeBack(this, a, x);
  }

  /** {@code a ← a ∘ b}; same shapes, b not modified (b may be a). */
  default void hadamardInPlace(M a, M b) {
    Checks.requireSameShape("a", rows(a), cols(a), "b", rows(b), cols(b));
    double[] x = FlatAccess.read(this, a);
    FlatKernels.hadamard(x, a == b ? x : FlatAccess.read(this, b));
    FlatAccess.writeBack(this, a, x);
  }

  /**
   * Row r of {@code dst} ← row {@code index[from + r]} of {@code src}, for every row of dst (a
   * mini-batch gathered from the full data set, no conversion).
   *
   * @param src not modified; same number of columns as dst
   */
  default void gatherRows(M src, int[] index, int from, M dst) {
    int n = rows(dst);
    Checks.requireSameShape("dst", n, cols(dst), "rows of src", n, cols(src));
    requireIndices(index, from, n, rows(src));
    double[] d = FlatAccess.read(this, dst);
    FlatKernels.gatherRows(FlatAccess.read(this, src), rows(src), cols(src), index, from, d, n, FlatAccess.order(this, dst));
    FlatAccess.writeBack(this, dst, d);
  }

  /** Checks {@code index[from, from + n)} lies inside the array and every entry in [0, rows). */
  static void requireIndices(int[] index, int from, int n, int rows) {
    if (from < 0 || from + n > index.length) {
      throw new IllegalArgumentException("index: needs entries [" + from + ", " + (from + n) + ") but has "
          + index.length);
    }
    for (int r = from; r < from + n; r++) {
      if (index[r] < 0 || index[r] >= rows) {
        throw new IllegalArgumentException("index[" + r + "] must be in [0, " + rows + "), got " + index[r]);
      }
    }
  }
}
