package org.brainfx.engine.task;

import java.util.ArrayDeque;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Generates the batches a training run asks for ahead of time, on background daemon threads, so the
 * training thread never waits for inputs: batches {@code first, first + 1, …} of one task and seed,
 * at most {@code prefetch} ahead. A batch's content depends only on (seed, index), never on which
 * thread made it, so a run resumed at batch n sees the batches it would have seen.
 * Not thread-safe: one consumer calls {@link #next()}. Close it to stop the threads.
 */
public final class BatchSource implements AutoCloseable {
    private static final AtomicInteger SOURCES = new AtomicInteger();

    private final CognitiveTask task;
    private final long seed;
    private final int trials;
    private final int prefetch;
    private final ExecutorService pool;
    private final ArrayDeque<Future<TrialBatch>> ahead = new ArrayDeque<>();
    private long nextToSubmit;
    private long nextToTake;
    private boolean closed;

    /**
     * Starts generating batches {@code first, first + 1, …} of {@code trials} trials.
     *
     * @param prefetch batches generated ahead (at least 1); bounds the memory held
     * @param threads  generating threads (at least 1)
     */
    public BatchSource(CognitiveTask task, long seed, long first, int trials, int prefetch, int threads) {
        if (trials < 1) {
            throw new IllegalArgumentException("a batch needs at least 1 trial, got " + trials);
        }
        if (first < 0) {
            throw new IllegalArgumentException("the first batch index must be >= 0, got " + first);
        }
        if (prefetch < 1) {
            throw new IllegalArgumentException("prefetch must be at least 1 batch, got " + prefetch);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        this.task = task;
        this.seed = seed;
        this.trials = trials;
        this.prefetch = prefetch;
        this.nextToSubmit = first;
        this.nextToTake = first;
        int id = SOURCES.incrementAndGet();
        AtomicInteger count = new AtomicInteger();
        ThreadFactory daemons = r -> {
            Thread t = new Thread(r, "brainfx-task-batches-" + id + "-" + count.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = Executors.newFixedThreadPool(threads, daemons);
        while (ahead.size() < prefetch) {
            submit();
        }
    }

    /** One generating thread, two batches ahead. */
    public static BatchSource of(CognitiveTask task, long seed, long first, int trials) {
        return new BatchSource(task, seed, first, trials, 2, 1);
    }

    private void submit() {
        long index = nextToSubmit++;
        ahead.add(pool.submit(() -> task.batch(seed, index, trials)));
    }

    /** The index of the batch {@link #next()} returns next. */
    public long nextIndex() {
        return nextToTake;
    }

    /** The next batch, waiting only if it is not ready yet; a generation failure is rethrown with its batch index. */
    public TrialBatch next() throws InterruptedException {
        if (closed) {
            throw new IllegalStateException("this batch source of task '" + task.name() + "' is closed");
        }
        Future<TrialBatch> head = ahead.poll();
        submit();
        long index = nextToTake++;
        try {
            return head.get();
        } catch (ExecutionException e) {
            throw new IllegalStateException("generating batch " + index + " of task '" + task.name() + "' (seed " + seed
                    + ") failed: " + e.getCause().getMessage(), e.getCause());
        } catch (CancellationException e) {
            throw new IllegalStateException("batch " + index + " of task '" + task.name() + "' was cancelled", e);
        }
    }

    /** The number of batches generated ahead. */
    public int prefetch() {
        return prefetch;
    }

    /** Stops the generating threads; batches not taken are dropped. */
    @Override
    public void close() {
        closed = true;
        for (Future<TrialBatch> f : ahead) {
            f.cancel(true);
        }
        ahead.clear();
        pool.shutdownNow();
    }
}
