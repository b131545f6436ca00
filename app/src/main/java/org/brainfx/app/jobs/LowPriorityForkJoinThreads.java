package org.brainfx.app.jobs;

import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinWorkerThread;

/**
 * The workbench's factory for the common fork-join pool's workers, which run the engine's parallel
 * simulation chunks during a fit: each worker lowers its own priority as it starts
 * ({@link BackgroundPriority}). Named by the system property
 * {@code java.util.concurrent.ForkJoinPool.common.threadFactory} before the pool first exists.
 */
public final class LowPriorityForkJoinThreads implements ForkJoinPool.ForkJoinWorkerThreadFactory {

    /** The system property through which the JDK takes the common pool's thread factory. */
    public static final String PROPERTY = "java.util.concurrent.ForkJoinPool.common.threadFactory";

    /** Makes the common pool use this factory; call before anything uses the pool. */
    public static void install() {
        if (System.getProperty(PROPERTY) == null) {
            System.setProperty(PROPERTY, LowPriorityForkJoinThreads.class.getName());
        }
    }

    @Override
    public ForkJoinWorkerThread newThread(ForkJoinPool pool) {
        return new Worker(pool);
    }

    /** A worker that lowers its priority as it starts. */
    private static final class Worker extends ForkJoinWorkerThread {
        Worker(ForkJoinPool pool) {
            super(pool);
        }

        @Override
        protected void onStart() {
            super.onStart();
            BackgroundPriority.lowerCurrentThread();
        }
    }
}
