/**
 * The linear model of paper Section 3.1 and its Figure 1 experiment: Gaussian features scaled by a
 * diagonal Λ ({@link dev.prunebench.linear.LambdaProfile}, eq. 3.5), ground-truth profiles
 * ({@link dev.prunebench.linear.ThetaProfile}), seeded sampling
 * ({@link dev.prunebench.linear.LinearModel}), the min-norm solve on a backend
 * ({@link dev.prunebench.linear.MinNormTrial}), and the experiment as a config record plus a runner
 * ({@link dev.prunebench.linear.Figure1Config}, {@link dev.prunebench.linear.Figure1Experiment},
 * {@link dev.prunebench.linear.Figure1Report}).
 */
package dev.prunebench.linear;
