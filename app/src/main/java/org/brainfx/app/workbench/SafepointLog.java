package org.brainfx.app.workbench;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingStream;

/**
 * The JVM's safepoints as the flight recorder streams them in this process: when every Java thread
 * was held, and how much of that went to reaching the safepoint, i.e. waiting for the last running
 * thread to stop. While one thread cannot get a core (a low-priority computation on a busy machine)
 * or runs in the JVM without a safepoint check, every other thread waits for it, the JavaFX thread
 * included, whether or not a collection follows.
 */
final class SafepointLog implements AutoCloseable {
    /** An interval in {@link System#nanoTime()} terms. */
    private final List<TimeSpan> held = new CopyOnWriteArrayList<>();
    private final List<TimeSpan> reaching = new CopyOnWriteArrayList<>();
    /** Safepoint begin times by safepoint id, waiting for their end event. */
    private final Map<Long, Long> begun = new ConcurrentHashMap<>();
    /** System.nanoTime() minus the wall clock in nanoseconds, to place the recorder's instants. */
    private final long clockOffsetNanos;
    private final RecordingStream stream;
    private volatile long flushes;
    private boolean closed;

    /**
     * Starts streaming (the first recording in a JVM takes a while to start: start it before
     * measuring, off the JavaFX thread). Without a flight recorder the log stays empty.
     */
    SafepointLog() {
        Instant now = Instant.now();
        clockOffsetNanos = System.nanoTime() - (now.getEpochSecond() * 1_000_000_000L + now.getNano());
        stream = open();
    }

    private RecordingStream open() {
        try {
            RecordingStream s = new RecordingStream();
            s.enable("jdk.SafepointBegin").withoutThreshold();
            s.enable("jdk.SafepointStateSynchronization").withoutThreshold();
            s.enable("jdk.SafepointEnd").withoutThreshold();
            s.onEvent("jdk.SafepointBegin", e -> begun.put(e.getLong("safepointId"), nanos(e.getStartTime())));
            s.onEvent("jdk.SafepointStateSynchronization",
                    e -> reaching.add(new TimeSpan(nanos(e.getStartTime()), nanos(e.getEndTime()))));
            s.onEvent("jdk.SafepointEnd", e -> {
                Long start = begun.remove(e.getLong("safepointId"));
                if (start != null) {
                    held.add(new TimeSpan(start, nanos(e.getEndTime())));
                }
            });
            s.onFlush(() -> flushes++);
            s.startAsync();
            return s;
        } catch (RuntimeException | Error e) {
            // A JVM without the flight recorder, or with it disabled: gaps are described without safepoints.
            return null;
        }
    }

    /** Forgets the safepoints seen so far. */
    void clear() {
        held.clear();
        reaching.clear();
    }

    /**
     * Waits (at most three seconds) until the recorder has handed over the safepoints up to now, then
     * stops streaming. The recorder delivers about once a second, so call it off the JavaFX thread.
     */
    @Override
    public void close() {
        if (stream == null || closed) {
            return;
        }
        closed = true;
        long seen = flushes;
        long deadline = System.nanoTime() + 3_000_000_000L;
        // Two flushes: the first may have begun before this call.
        while (flushes < seen + 2 && System.nanoTime() < deadline) {
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                break;
            }
        }
        stream.close();
    }

    /** Milliseconds every Java thread was held at safepoints between the two {@link System#nanoTime()} times. */
    double heldMillis(long fromNanos, long toNanos) {
        return TimeSpan.millisWithin(held, fromNanos, toNanos);
    }

    /** Of {@link #heldMillis}, the milliseconds spent reaching the safepoints. */
    double reachingMillis(long fromNanos, long toNanos) {
        return TimeSpan.millisWithin(reaching, fromNanos, toNanos);
    }

    private long nanos(Instant t) {
        return clockOffsetNanos + t.getEpochSecond() * 1_000_000_000L + t.getNano();
    }
}
