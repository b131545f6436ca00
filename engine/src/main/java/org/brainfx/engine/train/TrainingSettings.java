package org.brainfx.engine.train;

/**
 * How a network is trained; null fields take the defaults of {@link #resolved()}.
 *
 * @param algorithm         {@code bptt}, {@code d-rtrl} or {@code es-d-rtrl}
 * @param batchSize         trials per batch (128)
 * @param learningRate      Adam's step (1e-3)
 * @param clipNorm          the gradient's global norm is clipped to this (none when 0)
 * @param batches           most batches to train (10 000, the reference's cap)
 * @param budgetSeconds     wall-clock budget (none when 0)
 * @param targetAccuracy    stop when the held-out accuracy reaches it (none when 0)
 * @param stopOnBatchAccuracy stop, as the reference does, when one training batch exceeds this (none when 0)
 * @param evaluationTrials  held-out trials (512)
 * @param evaluateEvery     batches between held-out evaluations (10)
 * @param checkpointEvery   batches between checkpoints (50; none when 0)
 * @param seed              seed of the weights, τ_a, connectivity and trials (1)
 * @param rateTargetHz      the rate regularizer's target (10 Hz)
 * @param rateRegularizer   weight of the squared deviation of each neuron's mean rate from the target (0 = off)
 * @param esAlpha           ES-D-RTRL's smoothing factor (0.9)
 * @param threads           worker threads (1)
 * @param curriculum        stages trained before the project's task, each its task with some settings changed for a
 *                          number of batches (none when absent); held-out and test trials always come from the
 *                          project's task
 */
public record TrainingSettings(String algorithm, Integer batchSize, Double learningRate, Double clipNorm, Integer batches,
                               Double budgetSeconds, Double targetAccuracy, Double stopOnBatchAccuracy,
                               Integer evaluationTrials, Integer evaluateEvery, Integer checkpointEvery, Long seed,
                               Double rateTargetHz, Double rateRegularizer, Double esAlpha, Integer threads,
                               java.util.List<CurriculumStage> curriculum) {

    /** The training algorithms by name. */
    public static final java.util.List<String> ALGORITHMS = java.util.List.of("bptt", "d-rtrl", "es-d-rtrl");

    /** Settings without a curriculum. */
    public TrainingSettings(String algorithm, Integer batchSize, Double learningRate, Double clipNorm, Integer batches,
                            Double budgetSeconds, Double targetAccuracy, Double stopOnBatchAccuracy, Integer evaluationTrials,
                            Integer evaluateEvery, Integer checkpointEvery, Long seed, Double rateTargetHz,
                            Double rateRegularizer, Double esAlpha, Integer threads) {
        this(algorithm, batchSize, learningRate, clipNorm, batches, budgetSeconds, targetAccuracy, stopOnBatchAccuracy,
                evaluationTrials, evaluateEvery, checkpointEvery, seed, rateTargetHz, rateRegularizer, esAlpha, threads, null);
    }

    /** All defaults. */
    public static TrainingSettings defaults() {
        return new TrainingSettings(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null).resolved();
    }

    /** A copy with every null field set to its default, checked; the error names the field and what it may be. */
    public TrainingSettings resolved() {
        String a = algorithm == null ? "bptt" : algorithm.trim().toLowerCase(java.util.Locale.ROOT);
        if (!ALGORITHMS.contains(a)) {
            throw new IllegalArgumentException("training.algorithm '" + algorithm + "' is not known; use one of " + ALGORITHMS);
        }
        TrainingSettings s = new TrainingSettings(a, or(batchSize, 128), or(learningRate, 1e-3), or(clipNorm, 0.0),
                or(batches, 10_000), or(budgetSeconds, 0.0), or(targetAccuracy, 0.0), or(stopOnBatchAccuracy, 0.0),
                or(evaluationTrials, 512), or(evaluateEvery, 10), or(checkpointEvery, 50), seed == null ? 1L : seed,
                or(rateTargetHz, 10.0), or(rateRegularizer, 0.0), or(esAlpha, 0.9), or(threads, 1),
                curriculum == null ? java.util.List.of() : java.util.List.copyOf(curriculum));
        positive("batchSize", s.batchSize);
        positive("batches", s.batches);
        positive("evaluationTrials", s.evaluationTrials);
        positive("evaluateEvery", s.evaluateEvery);
        positive("threads", s.threads);
        if (!(s.learningRate > 0) || Double.isInfinite(s.learningRate)) {
            throw new IllegalArgumentException("training.learningRate must be finite and > 0, got " + s.learningRate);
        }
        nonNegative("clipNorm", s.clipNorm);
        nonNegative("budgetSeconds", s.budgetSeconds);
        nonNegative("rateRegularizer", s.rateRegularizer);
        nonNegative("rateTargetHz", s.rateTargetHz);
        fraction("targetAccuracy", s.targetAccuracy);
        fraction("stopOnBatchAccuracy", s.stopOnBatchAccuracy);
        if (s.checkpointEvery < 0) {
            throw new IllegalArgumentException("training.checkpointEvery must be >= 0 (0 = none), got " + s.checkpointEvery);
        }
        if (!(s.esAlpha > 0 && s.esAlpha < 1)) {
            throw new IllegalArgumentException("training.esAlpha must lie in (0, 1), got " + s.esAlpha);
        }
        for (int i = 0; i < s.curriculum.size(); i++) {
            s.curriculum.get(i).check(i);
        }
        return s;
    }

    /** A copy with other values where the arguments are not null (command-line overrides). */
    public TrainingSettings with(String algorithmOverride, Integer batchesOverride, Double budgetOverride,
                                 Double targetOverride, Long seedOverride, Integer threadsOverride) {
        return new TrainingSettings(algorithmOverride != null ? algorithmOverride : algorithm,
                batchSize, learningRate, clipNorm, batchesOverride != null ? batchesOverride : batches,
                budgetOverride != null ? budgetOverride : budgetSeconds, targetOverride != null ? targetOverride : targetAccuracy,
                stopOnBatchAccuracy, evaluationTrials, evaluateEvery, checkpointEvery, seedOverride != null ? seedOverride : seed,
                rateTargetHz, rateRegularizer, esAlpha, threadsOverride != null ? threadsOverride : threads, curriculum).resolved();
    }

    /** A copy with another one-batch stopping threshold (0 = never). */
    public TrainingSettings withStopOnBatchAccuracy(double threshold) {
        return new TrainingSettings(algorithm, batchSize, learningRate, clipNorm, batches, budgetSeconds, targetAccuracy,
                threshold, evaluationTrials, evaluateEvery, checkpointEvery, seed, rateTargetHz, rateRegularizer, esAlpha,
                threads, curriculum).resolved();
    }

    private static <T> T or(T value, T fallback) {
        return value == null ? fallback : value;
    }

    private static void positive(String field, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("training." + field + " must be at least 1, got " + value);
        }
    }

    private static void nonNegative(String field, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("training." + field + " must be finite and >= 0, got " + value);
        }
    }

    private static void fraction(String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new IllegalArgumentException("training." + field + " must lie in [0, 1] (0 = off), got " + value);
        }
    }
}
