package org.brainfx.engine.train;

import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The worker threads a training pass splits its trials over (the calling thread is the first worker). */
final class Workers {
    private Workers() {
    }

    /** A pool of {@code workers − 1} daemon threads named {@code name}, or null for one worker. */
    static ExecutorService pool(String name, int workers) {
        return workers > 1 ? Executors.newFixedThreadPool(workers - 1, r -> {
            Thread t = new Thread(r, name);
            t.setDaemon(true);
            return t;
        }) : null;
    }

    /** Waits for one worker's share; its failure is rethrown as is, or wrapped naming {@code what}. */
    static void await(Future<?> f, String what) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while the " + what + " workers ran", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new IllegalStateException("a " + what + " worker failed: " + cause.getMessage(), cause);
        }
    }
}
