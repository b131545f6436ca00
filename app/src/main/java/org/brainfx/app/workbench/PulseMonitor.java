package org.brainfx.app.workbench;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import javafx.animation.AnimationTimer;
import javax.management.ListenerNotFoundException;
import javax.management.Notification;
import javax.management.NotificationEmitter;
import javax.management.NotificationListener;
import javax.management.openmbean.CompositeData;

/**
 * Measures how long the JavaFX application thread goes without a pulse: an animation timer asks
 * for a pulse every frame, so the largest gap between two of its calls is the longest time the
 * thread was busy (or blocked) and the window could not repaint. Each long gap also says how much
 * of it the FX thread spent working and how much the garbage collector stopped every thread, so
 * the rest is time spent waiting (for the render thread or for a processor), and how long the JVM
 * held every thread at safepoints ({@link SafepointLog}), collections or not.
 */
final class PulseMonitor extends AnimationTimer {

    /** Gaps longer than this are listed with when they happened. */
    static final double LONG_GAP_MILLIS = 50;
    private static final int LISTED_GAPS = 10_000;

    /**
     * A gap between two pulses.
     *
     * @param atMillis        when the gap ended, since {@link #restart()}
     * @param gapMillis       how long it was
     * @param fxCpuMillis     CPU time the FX thread used during it
     * @param fxQueuedMillis  time the FX thread was ready to run but waited for a processor (Linux; 0 elsewhere)
     * @param renderCpuMillis CPU time the render thread used during it (Linux; 0 elsewhere)
     * @param renderQueuedMillis time the render thread was ready to run but waited for a processor (Linux; 0 elsewhere)
     * @param gcMillis        garbage-collection pauses within it
     * @param timerQueuedMillis time the thread that asks for pulses waited for a processor (Monocle; 0 elsewhere):
     *                        while it waits, no pulse is asked for
     * @param safepointMillis time every Java thread was held at safepoints within it (GC pauses are safepoints too)
     * @param reachingMillis  of that, time spent bringing the threads to the safepoints
     */
    record Gap(double atMillis, double gapMillis, double fxCpuMillis, double fxQueuedMillis, double renderCpuMillis,
               double renderQueuedMillis, double gcMillis, double timerQueuedMillis, double safepointMillis,
               double reachingMillis) { }

    /** A collection pause: start and end in {@link System#nanoTime()} terms. */

    /** A long gap as measured; collection pauses are matched when it is read, as they are reported late. */
    private record RawGap(long fromNanos, long toNanos, long fxCpuNanos, long fxQueuedNanos, long renderCpuNanos,
                          long renderQueuedNanos, long timerQueuedNanos) { }

    private final List<RawGap> longGaps = new ArrayList<>();
    private final List<TimeSpan> pauses = new CopyOnWriteArrayList<>();
    private final SafepointLog safepoints = new SafepointLog();
    private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();
    private final NotificationListener gcListener = this::collected;
    private static final Path SELF = Path.of("/proc/thread-self/schedstat");
    private long uptimeOriginNanos;
    private long started;
    private long last;
    private long lastCpu;
    private long lastQueued;
    private long lastRenderCpu;
    private long lastRenderQueued;
    private Path renderStat;
    private Path timerStat;
    private long lastTimerQueued;
    private long largestGapNanos;
    private long pulses;

    /**
     * A monitor, not started; it starts recording safepoints now, which takes a while: make it off
     * the JavaFX thread, before {@link #restart()}.
     */
    PulseMonitor() {
    }

    @Override
    public void handle(long now) {
        long cpu = threads.getCurrentThreadCpuTime();
        long queued = schedstat(SELF)[1];
        long[] render = renderStat == null ? new long[2] : schedstat(renderStat);
        long timerQueued = timerStat == null ? 0 : schedstat(timerStat)[1];
        if (last != 0) {
            long gap = now - last;
            largestGapNanos = Math.max(largestGapNanos, gap);
            if (gap / 1e6 > LONG_GAP_MILLIS && longGaps.size() < LISTED_GAPS) {
                longGaps.add(new RawGap(last, now, cpu - lastCpu, queued - lastQueued, render[0] - lastRenderCpu,
                        render[1] - lastRenderQueued, timerQueued - lastTimerQueued));
            }
        } else {
            started = now;
        }
        last = now;
        lastCpu = cpu;
        lastQueued = queued;
        lastRenderCpu = render[0];
        lastRenderQueued = render[1];
        lastTimerQueued = timerQueued;
        pulses++;
    }

    /** The gaps longer than {@link #LONG_GAP_MILLIS}, in order (at most ten thousand). */
    List<Gap> longGaps() {
        return longGaps.stream().map(g -> new Gap((g.toNanos() - started) / 1e6, (g.toNanos() - g.fromNanos()) / 1e6,
                g.fxCpuNanos() / 1e6, g.fxQueuedNanos() / 1e6, g.renderCpuNanos() / 1e6, g.renderQueuedNanos() / 1e6,
                pausedWithin(g.fromNanos(), g.toNanos()), g.timerQueuedNanos() / 1e6,
                safepoints.heldMillis(g.fromNanos(), g.toNanos()), safepoints.reachingMillis(g.fromNanos(), g.toNanos())))
                .toList();
    }

    /** Starts measuring afresh. Call on the FX thread. */
    void restart() {
        last = 0;
        largestGapNanos = 0;
        longGaps.clear();
        pulses = 0;
        pauses.clear();
        safepoints.clear();
        renderStat = threadStat("QuantumRenderer");
        timerStat = threadStat("Monocle Timer");
        uptimeOriginNanos = System.nanoTime() - ManagementFactory.getRuntimeMXBean().getUptime() * 1_000_000L;
        listenToCollections(true);
        start();
    }

    @Override
    public void stop() {
        super.stop();
        listenToCollections(false);
    }

    /**
     * Waits until the safepoints up to now are recorded, then stops recording them; call after
     * {@link #stop()}, off the JavaFX thread (it takes a second or two), before {@link #longGaps()}.
     */
    void finishRecording() {
        safepoints.close();
    }

    /** Stops listening to the collectors' notifications, then listens again when {@code listen}. */
    private void listenToCollections(boolean listen) {
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            if (gc instanceof NotificationEmitter emitter) {
                try {
                    emitter.removeNotificationListener(gcListener);
                } catch (ListenerNotFoundException e) {
                    // not listening yet
                }
                if (listen) {
                    emitter.addNotificationListener(gcListener, null, null);
                }
            }
        }
    }

    /** The largest gap between two pulses since {@link #restart()}, in milliseconds. */
    double largestGapMillis() {
        return largestGapNanos / 1e6;
    }

    /** Pulses seen since {@link #restart()}. */
    long pulses() {
        return pulses;
    }

    private void collected(Notification n, Object handback) {
        if (GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(n.getType())) {
            var gc = GarbageCollectionNotificationInfo.from((CompositeData) n.getUserData());
            // Concurrent cycles ("G1 Concurrent GC", "ZGC Cycles", "Shenandoah Cycles") do not stop the
            // world; their notifications carry the whole cycle. ZGC and Shenandoah report pauses apart.
            String name = gc.getGcName();
            if (!name.contains("Concurrent") && !name.contains("Cycles")) {
                pauses.add(new TimeSpan(uptimeOriginNanos + gc.getGcInfo().getStartTime() * 1_000_000L,
                        uptimeOriginNanos + gc.getGcInfo().getEndTime() * 1_000_000L));
            }
        }
    }

    /** {on-CPU ns, waiting-for-CPU ns} of a thread from its Linux schedstat file; zeros where there is none. */
    private static long[] schedstat(Path file) {
        try {
            String[] f = Files.readString(file).trim().split(" ");
            return new long[]{Long.parseLong(f[0]), Long.parseLong(f[1])};
        } catch (IOException | RuntimeException e) {
            return new long[2];
        }
    }

    /**
     * The schedstat file of the thread whose name starts with {@code name} (the render thread is
     * QuantumRenderer-0, Monocle's pulse timer Monocle Timer), or null.
     */
    private static Path threadStat(String name) {
        try (Stream<Path> tasks = Files.list(Path.of("/proc/self/task"))) {
            return tasks.filter(t -> {
                try {
                    return Files.readString(t.resolve("comm")).startsWith(name);
                } catch (IOException e) {
                    return false;
                }
            }).map(t -> t.resolve("schedstat")).findFirst().orElse(null);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Milliseconds of collection pauses between the two pulse times (AnimationTimer times are nanoTime). */
    private double pausedWithin(long fromNanos, long toNanos) {
        return TimeSpan.millisWithin(pauses, fromNanos, toNanos);
    }
}
