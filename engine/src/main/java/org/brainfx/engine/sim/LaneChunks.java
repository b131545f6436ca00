package org.brainfx.engine.sim;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;

/**
 * Splits lanes across cores. Single-neuron lanes are independent for the whole run, so each
 * chunk runs its entire time loop alone: no per-step synchronization.
 */
public final class LaneChunks {
    /** Below this many lane-steps per thread, starting a second thread costs more than it gains (~tens of µs). */
    static final long MIN_LANE_STEPS_PER_CHUNK = 2048;

    private LaneChunks() {
    }

    /** Work over a lane range {@code [from, to)}. */
    @FunctionalInterface
    public interface RangeTask {
        /** Runs the work for the lanes {@code from..to-1}. */
        void run(int from, int to);
    }

    /**
     * Runs {@code task} over {@code [0, lanes)}, in parallel chunks when the work ({@code lanes ×
     * steps}) is large enough to pay for a thread.
     */
    public static void run(int lanes, long steps, RangeTask task) {
        int cores = Runtime.getRuntime().availableProcessors();
        long byWork = lanes * Math.max(1, steps) / MIN_LANE_STEPS_PER_CHUNK;
        int chunks = (int) Math.max(1, Math.min(Math.min(cores, lanes), byWork));
        if (chunks == 1) {
            task.run(0, lanes);
            return;
        }
        List<ForkJoinTask<?>> tasks = new ArrayList<>();
        for (int c = 0; c < chunks; c++) {
            int from = (int) ((long) lanes * c / chunks);
            int to = (int) ((long) lanes * (c + 1) / chunks);
            tasks.add(ForkJoinTask.adapt(() -> task.run(from, to)));
        }
        // The caller works on the first chunk itself; the pool takes the rest.
        for (int i = 1; i < tasks.size(); i++) {
            ForkJoinPool.commonPool().execute(tasks.get(i));
        }
        RuntimeException failure = null;
        try {
            tasks.get(0).invoke();
        } catch (RuntimeException e) {
            failure = e;
        }
        for (int i = 1; i < tasks.size(); i++) {
            try {
                tasks.get(i).join();
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
