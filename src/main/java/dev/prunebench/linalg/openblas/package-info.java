/**
 * The native backend: OpenBLAS 0.3.31 BLAS and LAPACK through JavaCPP ({@code org.bytedeco:openblas},
 * the only package that imports it).
 *
 * <ul>
 *   <li>{@link dev.prunebench.linalg.openblas.OpenBlasBackend}: the {@code LinearAlgebraBackend}, and
 *       which library routine serves each kernel;</li>
 *   <li>{@link dev.prunebench.linalg.openblas.NativeMatrix}: the operand type, row-major and off-heap,
 *       freed by {@code release};</li>
 *   <li>{@code NativeLeastSquares} (with {@code NativeFactorisations}: Cholesky and column-pivoted
 *       QR, {@code dgeqp3}), {@code NativeProducts}, {@code NativeElementwise}: the kernels;
 *       {@code LapackInfo}: LAPACKE {@code info} codes as exceptions; {@code OpenBlasRuntime}: loading,
 *       the process-wide thread count and the self-description in {@code backends}.</li>
 * </ul>
 *
 * <p>Native memory is outside the Java heap and outside {@code -Xmx}; JavaCPP caps the total it has
 * allocated at {@code -Dorg.bytedeco.javacpp.maxBytes} (default: the maximum heap size), so very
 * large experiments may need that property raised. Releasing every temporary keeps the total small.
 */
package dev.prunebench.linalg.openblas;
