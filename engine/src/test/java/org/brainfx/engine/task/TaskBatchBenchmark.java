package org.brainfx.engine.task;

/**
 * Prints the time and size of one batch of each task (128 trials): run with the test classpath,
 * {@code java -cp engine/target/classes:engine/target/test-classes org.brainfx.engine.task.TaskBatchBenchmark [trials] [repeats]}.
 * A measurement, not a test: nothing is asserted.
 */
public final class TaskBatchBenchmark {
    private TaskBatchBenchmark() {
    }

    /** Times every task's batch generation after a warm-up; prints the median. */
    public static void main(String[] args) throws Exception {
        int trials = args.length > 0 ? Integer.parseInt(args[0]) : 128;
        int repeats = args.length > 1 ? Integer.parseInt(args[1]) : 20;
        CognitiveTask[] tasks = {EvidenceAccumulation.reference(), PerceptualDecisionMaking.standard(),
                DelayedMatchToSample.standard(), ContextDecisionMaking.standard()};
        for (CognitiveTask task : tasks) {
            double[] ms = new double[repeats];
            TrialBatch b = null;
            for (int i = 0; i < repeats + 5; i++) {
                long t0 = System.nanoTime();
                b = task.batch(1, i, trials);
                long t1 = System.nanoTime();
                if (i >= 5) {
                    ms[i - 5] = (t1 - t0) / 1e6;
                }
            }
            java.util.Arrays.sort(ms);
            long bytes = 4L * b.rates().length + 4L * b.spikeStart().length + 4L * b.spikeChannel().length;
            System.out.printf("%-34s %d trials x %d steps x %d channels: median %.1f ms (min %.1f), %d spikes, %.1f MB"
                            + " (dense float would be %.0f MB)%n", task.name(), trials, b.steps(), b.channels(),
                    ms[repeats / 2], ms[0], b.spikeCount(), bytes / 1e6, 4.0 * trials * b.steps() * b.channels() / 1e6);
        }
        EvidenceAccumulation ea = EvidenceAccumulation.reference();
        try (BatchSource source = new BatchSource(ea, 1, 0, trials, 2, 1)) {
            source.next();
            long waited = 0;
            for (int i = 0; i < repeats; i++) {
                Thread.sleep(50); // a stand-in for a training step
                long t0 = System.nanoTime();
                source.next();
                waited += System.nanoTime() - t0;
            }
            double waitedMs = waited / 1e6;
            System.out.printf("BatchSource (1 thread, prefetch 2) with 50 ms of work per batch: %.2f ms waited per batch%n",
                    waitedMs / repeats);
        }
    }
}
