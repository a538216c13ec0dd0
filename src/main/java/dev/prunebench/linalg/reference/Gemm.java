package dev.prunebench.linalg.reference;

import java.util.stream.IntStream;

/**
 * Dense products on raw row-major arrays: {@code A·B}, {@code Aᵀ·B}, {@code A·Bᵀ} and the two Gram
 * matrices {@code X Xᵀ}, {@code Xᵀ X}. No transpose is ever materialised; the two access patterns
 * below cover all five products.
 *
 * <p><b>Row-update ("axpy") kernel</b>, for {@code A·B}, {@code Aᵀ·B} and {@code Xᵀ X}: row i of C is
 * {@code Σ_p op(A)_ip · B_p,:}, i.e. i-k-j loop order, so the innermost loop streams two contiguous rows
 * and the JIT vectorises it. It is blocked over k ({@value #KC} rows of B) and j ({@value #NC}
 * columns), so the {@code KC x NC} panel of B (512 KB) stays in L2 while every row of C in the range
 * passes over it. Register blocking: four rows of C at a time and k in pairs, so each pair of B
 * entries loaded feeds eight multiply-adds into four row buffers (before: one row, k by four, four B
 * loads per four multiply-adds). Measured single-threaded CPU time at 1024³ on the development
 * machine: 8.4 GFLOP/s before, 11.3 after (two rows at a time: 10.4; four rows with k by four:
 * 10.7-11.1). Every update is a fused multiply-add ({@link Math#fma}, one rounding instead of two;
 * C2 turns it into vector FMA instructions): measured single-threaded CPU time at 1024³ under load,
 * 6.4-7.9 GFLOP/s unfused against 9.0-11.3 fused in the same runs (four rows with k by four: 9.3-10.9;
 * eight rows with k pairs: 5.6-9.1). {@code op(A)_ip} is read through strides, so {@code Aᵀ·B} costs the same as
 * {@code A·B}: its A entries are scalars hoisted out of the inner loop, and their strided reads are
 * O(mk), not O(mkn).
 *
 * <p><b>Dot-tile kernel</b>, for {@code A·Bᵀ} and {@code X Xᵀ}: both operands are read along their
 * rows, so {@code C_ij} is a dot product of two contiguous rows. A 4x4 register tile computes 16 dot
 * products at once (eight loads feed sixteen multiply-adds, and the sixteen independent accumulators
 * hide the add latency; fused multiply-adds, about 12 % faster than separate multiply and add on a
 * 1200 x 2000 Gram matrix); blocking over k ({@value #DOT_KC}) and over rows of B ({@value #DOT_NC})
 * keeps the B rows in L2. Transposing B and running the axpy kernel instead is not provably faster:
 * measured single-threaded CPU time on the development machine, dot tiles vs blocked transpose + axpy,
 * was 310 vs 279 ms at 1024³, 105 vs 94 ms at 600x1000x600, but 30.5 vs 31.3 ms and 0.4 vs 0.6 ms
 * at the network's shapes 128x784x1024 and 128x1024x10; a ±10% difference either way does not pay
 * for a full copy of B.
 *
 * <p>Gram matrices compute one triangle (tiles on or below the diagonal, resp. columns {@code j ≥ i})
 * and mirror it, which halves the work and makes the result exactly symmetric.
 *
 * <p>Threads: with more than one thread the rows of C are split into contiguous ranges of equal work
 * (triangles weighted by row length), run on the common fork-join pool plus the calling thread;
 * products below {@value #PARALLEL_FLOPS} flops stay on the caller, where forking costs more than it
 * saves. Every row range does the same floating-point operations in the same order as the
 * single-threaded path, so results do not depend on the thread count.
 */
final class Gemm {
  /** Depth of a B panel in the axpy kernel; even, so k pairs never straddle two panels. */
  static final int KC = 256;
  /** Width of a B panel in the axpy kernel, and of each row buffer. */
  static final int NC = 256;
  /** Depth of a k block in the dot-tile kernel. */
  static final int DOT_KC = 256;
  /** Rows of B per block in the dot-tile kernel; a multiple of the tile size 4. */
  static final int DOT_NC = 128;
  private static final double PARALLEL_FLOPS = 4.0e6;

  private final int threads;

  Gemm(int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.threads = threads;
  }

  int threads() {
    return threads;
  }

  /** {@code C = A·B}, A m x k, B k x n, C m x n. */
  double[] multiply(double[] a, int m, int k, double[] b, int n) {
    return multiplyInto(a, m, k, b, n, new double[m * n]);
  }

  /** {@code C = A·B} into a caller-owned c of m·n entries (overwritten). */
  double[] multiplyInto(double[] a, int m, int k, double[] b, int n, double[] c) {
    java.util.Arrays.fill(c, 0.0); // the kernel accumulates
    forRows(m, 2.0 * m * k * n, Work.UNIFORM,
        (i0, i1) -> axpyPanels(1.0, a, 0, k, 1, b, 0, n, k, n, c, 0, n, i0, i1, false));
    return c;
  }

  /** {@code C = Aᵀ·B}, A k x m, B k x n, C m x n. */
  double[] multiplyTransA(double[] a, int k, int m, double[] b, int n) {
    return multiplyTransAInto(a, k, m, b, n, new double[m * n]);
  }

  /** {@code C = Aᵀ·B} into a caller-owned c of m·n entries (overwritten). */
  double[] multiplyTransAInto(double[] a, int k, int m, double[] b, int n, double[] c) {
    java.util.Arrays.fill(c, 0.0);
    forRows(m, 2.0 * m * k * n, Work.UNIFORM,
        (i0, i1) -> axpyPanels(1.0, a, 0, 1, m, b, 0, n, k, n, c, 0, n, i0, i1, false));
    return c;
  }

  /** {@code C = A·Bᵀ}, A m x k, B n x k, C m x n. */
  double[] multiplyTransB(double[] a, int m, int k, double[] b, int n) {
    return multiplyTransBInto(a, m, k, b, n, new double[m * n]);
  }

  /** {@code C = A·Bᵀ} into a caller-owned c of m·n entries (overwritten). */
  double[] multiplyTransBInto(double[] a, int m, int k, double[] b, int n, double[] c) {
    java.util.Arrays.fill(c, 0.0);
    forRows(m, 2.0 * m * k * n, Work.UNIFORM, (i0, i1) -> dotTiles(a, b, k, n, c, i0, i1, false));
    return c;
  }

  /** The n x n Gram matrix {@code X Xᵀ} of an n x p X (row inner products). */
  double[] gramOuter(double[] x, int n, int p) {
    double[] c = new double[n * n];
    forRows(n, 1.0 * n * n * p, Work.LOWER, (i0, i1) -> dotTiles(x, x, p, n, c, i0, i1, true));
    for (int i = 0; i < n; i++) {
      for (int j = 0; j < i; j++) {
        c[j * n + i] = c[i * n + j];
      }
    }
    return c;
  }

  /** The p x p Gram matrix {@code Xᵀ X} of an n x p X (column inner products). */
  double[] gramInner(double[] x, int n, int p) {
    double[] c = new double[p * p];
    forRows(p, 1.0 * p * p * n, Work.UPPER,
        (i0, i1) -> axpyPanels(1.0, x, 0, 1, p, x, 0, p, n, p, c, 0, p, i0, i1, true));
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < i; j++) {
        c[i * p + j] = c[j * p + i];
      }
    }
    return c;
  }

  /**
   * {@code C_i,: += α Σ_p op(A)_ip B_p,:} for rows i in [i0, i1), where {@code op(A)_ip =
   * a[ao + i·ais + p·aps]}, B is kDim x n ({@code B_pj = b[bo + p·ldb + j]}) and C has n columns
   * ({@code C_ij = c[co + i·ldc + j]}); offsets and leading dimensions let the blocked Cholesky update
   * a trailing submatrix in place. α scales each A entry as it is loaded (O(m·kDim) multiplications;
   * α = 1 is exact). With {@code upper}, only {@code j ≥ i} is required (a block of four rows starts at its first row's diagonal; the few entries left of the
   * other rows' diagonals are computed too and overwritten by the caller's mirror).
   *
   * <p>Four rows at a time, each accumulated in its own {@link #ROWS} buffer: separate arrays let the
   * JIT vectorise the four streams (four offsets into C measured 15 % slower). Every row adds its k
   * terms in the same pairs, in a block of four or not, so rows do not depend on the thread split.
   */
  static void axpyPanels(double alpha, double[] a, int ao, int ais, int aps, double[] b, int bo, int ldb,
      int kDim, int n, double[] c, int co, int ldc, int i0, int i1, boolean upper) {
    double[][] rows = ROWS.get();
    double[] r0 = rows[0];
    double[] r1 = rows[1];
    double[] r2 = rows[2];
    double[] r3 = rows[3];
    for (int kb = 0; kb < kDim; kb += KC) {
      int ke = Math.min(kDim, kb + KC);
      for (int jb = 0; jb < n; jb += NC) {
        int je = Math.min(n, jb + NC);
        int i = i0;
        for (; i + 3 < i1; i += 4) {
          int js = upper ? Math.max(jb, i) : jb;
          if (js >= je) {
            continue;
          }
          int w = je - js;
          int c0 = co + i * ldc + js;
          System.arraycopy(c, c0, r0, 0, w);
          System.arraycopy(c, c0 + ldc, r1, 0, w);
          System.arraycopy(c, c0 + 2 * ldc, r2, 0, w);
          System.arraycopy(c, c0 + 3 * ldc, r3, 0, w);
          int ai0 = ao + i * ais;
          int ai1 = ai0 + ais;
          int ai2 = ai1 + ais;
          int ai3 = ai2 + ais;
          int p = kb;
          for (; p + 1 < ke; p += 2) {
            double a00 = alpha * a[ai0 + p * aps], a01 = alpha * a[ai0 + (p + 1) * aps];
            double a10 = alpha * a[ai1 + p * aps], a11 = alpha * a[ai1 + (p + 1) * aps];
            double a20 = alpha * a[ai2 + p * aps], a21 = alpha * a[ai2 + (p + 1) * aps];
            double a30 = alpha * a[ai3 + p * aps], a31 = alpha * a[ai3 + (p + 1) * aps];
            int b0 = bo + p * ldb + js;
            int b1 = b0 + ldb;
            for (int j = 0; j < w; j++) {
              double x0 = b[b0 + j];
              double x1 = b[b1 + j];
              r0[j] = Math.fma(a01, x1, Math.fma(a00, x0, r0[j]));
              r1[j] = Math.fma(a11, x1, Math.fma(a10, x0, r1[j]));
              r2[j] = Math.fma(a21, x1, Math.fma(a20, x0, r2[j]));
              r3[j] = Math.fma(a31, x1, Math.fma(a30, x0, r3[j]));
            }
          }
          if (p < ke) {
            double a00 = alpha * a[ai0 + p * aps], a10 = alpha * a[ai1 + p * aps];
            double a20 = alpha * a[ai2 + p * aps], a30 = alpha * a[ai3 + p * aps];
            int b0 = bo + p * ldb + js;
            for (int j = 0; j < w; j++) {
              double x0 = b[b0 + j];
              r0[j] = Math.fma(a00, x0, r0[j]);
              r1[j] = Math.fma(a10, x0, r1[j]);
              r2[j] = Math.fma(a20, x0, r2[j]);
              r3[j] = Math.fma(a30, x0, r3[j]);
            }
          }
          System.arraycopy(r0, 0, c, c0, w);
          System.arraycopy(r1, 0, c, c0 + ldc, w);
          System.arraycopy(r2, 0, c, c0 + 2 * ldc, w);
          System.arraycopy(r3, 0, c, c0 + 3 * ldc, w);
        }
        for (; i < i1; i++) {
          int js = upper ? Math.max(jb, i) : jb;
          if (js < je) {
            axpyRow(alpha, a, ao + i * ais, aps, b, bo, ldb, c, co + i * ldc, kb, ke, js, je);
          }
        }
      }
    }
  }

  /** One row of {@link #axpyPanels} over k in [kb, ke) and j in [js, je), with the same k pairs. */
  private static void axpyRow(double alpha, double[] a, int ai, int aps, double[] b, int bo, int ldb, double[] c,
      int ci, int kb, int ke, int js, int je) {
    int p = kb;
    for (; p + 1 < ke; p += 2) {
      double a0 = alpha * a[ai + p * aps];
      double a1 = alpha * a[ai + (p + 1) * aps];
      int b0 = bo + p * ldb;
      int b1 = b0 + ldb;
      for (int j = js; j < je; j++) {
        c[ci + j] = Math.fma(a1, b[b1 + j], Math.fma(a0, b[b0 + j], c[ci + j]));
      }
    }
    if (p < ke) {
      double a0 = alpha * a[ai + p * aps];
      int b0 = bo + p * ldb;
      for (int j = js; j < je; j++) {
        c[ci + j] = Math.fma(a0, b[b0 + j], c[ci + j]);
      }
    }
  }

  /**
   * Four row buffers of {@value #NC} doubles per thread, kept between calls so that a product
   * allocates nothing but its result (a training step calls the kernels thousands of times).
   */
  private static final ThreadLocal<double[][]> ROWS = ThreadLocal.withInitial(() -> new double[4][NC]);

  /**
   * {@code C_ij += A_i,: · B_j,:} for rows i in [i0, i1); A and B have k columns, B has n rows, C has
   * n columns. With {@code lower}, only tiles whose columns start at or before the tile's last row
   * (a superset of {@code j ≤ i}; the caller mirrors the lower triangle over the rest).
   */
  static void dotTiles(double[] a, double[] b, int k, int n, double[] c, int i0, int i1, boolean lower) {
    for (int kb = 0; kb < k; kb += DOT_KC) {
      int len = Math.min(k, kb + DOT_KC) - kb;
      for (int jb = 0; jb < n; jb += DOT_NC) {
        int je = Math.min(n, jb + DOT_NC);
        for (int i = i0; i < i1; i += 4) {
          int iEnd = Math.min(i + 4, i1);
          int jLimit = lower ? Math.min(je, iEnd) : je;
          for (int j = jb; j < jLimit; j += 4) {
            int jEnd = Math.min(j + 4, jLimit);
            if (iEnd - i == 4 && jEnd - j == 4) {
              tile4x4(a, i * k + kb, b, j * k + kb, k, len, c, i * n + j, n);
            } else {
              for (int ii = i; ii < iEnd; ii++) {
                for (int jj = j; jj < jEnd; jj++) {
                  c[ii * n + jj] += Level1.dot(a, ii * k + kb, b, jj * k + kb, len);
                }
              }
            }
          }
        }
      }
    }
  }

  /** A 4x4 block of dot products of rows (row stride {@code ld}) over {@code len} entries. */
  private static void tile4x4(double[] a, int ao, double[] b, int bo, int ld, int len, double[] c, int co,
      int ldc) {
    double c00 = 0, c01 = 0, c02 = 0, c03 = 0, c10 = 0, c11 = 0, c12 = 0, c13 = 0;
    double c20 = 0, c21 = 0, c22 = 0, c23 = 0, c30 = 0, c31 = 0, c32 = 0, c33 = 0;
    int a0 = ao, a1 = ao + ld, a2 = a1 + ld, a3 = a2 + ld;
    int b0 = bo, b1 = bo + ld, b2 = b1 + ld, b3 = b2 + ld;
    for (int p = 0; p < len; p++) {
      double x0 = a[a0 + p], x1 = a[a1 + p], x2 = a[a2 + p], x3 = a[a3 + p];
      double y0 = b[b0 + p], y1 = b[b1 + p], y2 = b[b2 + p], y3 = b[b3 + p];
      c00 = Math.fma(x0, y0, c00); c01 = Math.fma(x0, y1, c01); c02 = Math.fma(x0, y2, c02); c03 = Math.fma(x0, y3, c03);
      c10 = Math.fma(x1, y0, c10); c11 = Math.fma(x1, y1, c11); c12 = Math.fma(x1, y2, c12); c13 = Math.fma(x1, y3, c13);
      c20 = Math.fma(x2, y0, c20); c21 = Math.fma(x2, y1, c21); c22 = Math.fma(x2, y2, c22); c23 = Math.fma(x2, y3, c23);
      c30 = Math.fma(x3, y0, c30); c31 = Math.fma(x3, y1, c31); c32 = Math.fma(x3, y2, c32); c33 = Math.fma(x3, y3, c33);
    }
    int r0 = co, r1 = co + ldc, r2 = r1 + ldc, r3 = r2 + ldc;
    c[r0] += c00; c[r0 + 1] += c01; c[r0 + 2] += c02; c[r0 + 3] += c03;
    c[r1] += c10; c[r1 + 1] += c11; c[r1 + 2] += c12; c[r1 + 3] += c13;
    c[r2] += c20; c[r2 + 1] += c21; c[r2 + 2] += c22; c[r2 + 3] += c23;
    c[r3] += c30; c[r3 + 1] += c31; c[r3 + 2] += c32; c[r3 + 3] += c33;
  }

  /** How the cost of a row of C grows with its index, for splitting rows into equal-work ranges. */
  enum Work {
    UNIFORM, LOWER, UPPER;

    double cost(int i, int m) {
      return switch (this) {
        case UNIFORM -> 1;
        case LOWER -> i + 1;
        case UPPER -> m - i;
      };
    }
  }

  @FunctionalInterface
  interface RowRange {
    void run(int i0, int i1);
  }

  /** Runs {@code body} over [0, m), split across the threads when the work is large enough. */
  void forRows(int m, double flops, Work work, RowRange body) {
    int chunks = Math.min(threads, m / 4);
    if (chunks <= 1 || flops < PARALLEL_FLOPS) {
      body.run(0, m);
      return;
    }
    int[] bounds = split(m, chunks, work);
    IntStream.range(0, chunks).parallel().forEach(t -> body.run(bounds[t], bounds[t + 1]));
  }

  /** Boundaries of {@code chunks} contiguous row ranges of about equal work, multiples of 4. */
  static int[] split(int m, int chunks, Work work) {
    double total = 0;
    for (int i = 0; i < m; i++) {
      total += work.cost(i, m);
    }
    int[] bounds = new int[chunks + 1];
    bounds[chunks] = m;
    double acc = 0;
    int next = 1;
    for (int i = 0; i < m && next < chunks; i++) {
      acc += work.cost(i, m);
      while (next < chunks && acc >= total * next / chunks) {
        int b = Math.min(m, (i + 1 + 3) & ~3);
        bounds[next] = Math.max(b, bounds[next - 1]);
        next++;
      }
    }
    return bounds;
  }
}
