package dev.prunebench.nn;

/** Full-training-set loss and accuracy after an epoch (epoch 0 = the initialisation). */
public record EpochStats(int epoch, double trainLoss, double trainAccuracy) {}
