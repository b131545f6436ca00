package org.brainfx.engine.net;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.brainfx.engine.compile.StepKernel;

/**
 * Brings a kernel's SIMD step ({@link StepKernel#forwardSimd}) up to speed on a thread of its own while
 * the run steps with its scalar twin, and says when to switch. Until the JIT compiles it, every vector
 * operation is an object and the SIMD step is some 50× slower than the scalar one (COBA at 4 000
 * neurons: ~0.5 s before it is compiled), so a run that called it from the start would lose more than
 * it gains in its first second. Both methods give the same bits, so when the switch happens changes no
 * result; if the SIMD step never gets faster (a JIT bail-out), the run keeps the twin. One warm-up per
 * kernel class and JVM: a class once warm stays warm.
 */
final class SimdWarmup {
    /** How a run chooses between the SIMD step and its twin. */
    enum Mode {
        /** The twin until the SIMD step is measured faster (the default). */
        AUTO,
        /** The SIMD step from the first step (tests, benchmarks after a warm-up). */
        ALWAYS,
        /** The twin only. */
        NEVER
    }

    /**
     * Neuron-steps below which a run does not start a warm-up. On two cores the warm-up takes the core the
     * JIT compiler needs in a command's first second: the COBA benchmark's 1 s (4·10⁷ neuron-steps) ran
     * 0.91 s with it against 0.62 s without (`./brainfx simulate sample-projects/coba-benchmark`).
     */
    static final long MIN_WORK = 100_000_000L;
    /** Lanes the warm-up steps: eight 8-double vectors, enough to time a call against the twin's. */
    private static final int LANES = 64;
    private static final int CALLS_PER_ROUND = 200;
    private static final long GIVE_UP_NANOS = 8_000_000_000L;
    /** The SIMD step must take at most this fraction of the twin's time, two rounds running. */
    private static final double FASTER = 0.8;

    private static final Map<Class<?>, SimdWarmup> BY_KERNEL = new ConcurrentHashMap<>();
    private static volatile Mode mode = fromProperty(System.getProperty("brainfx.simdMode", "auto"));

    private volatile boolean ready;
    private Thread thread;

    private SimdWarmup() {
    }

    /** The mode named by {@code -Dbrainfx.simdMode}; an unknown name is the default, said once on stderr. */
    private static Mode fromProperty(String name) {
        for (Mode m : Mode.values()) {
            if (m.name().equalsIgnoreCase(name)) {
                return m;
            }
        }
        System.err.println("brainfx: -Dbrainfx.simdMode=" + name + " is not auto, always or never; using auto");
        return Mode.AUTO;
    }

    /** Sets how runs choose (for tests and benchmarks; {@code -Dbrainfx.simdMode=auto|always|never} sets it at start). */
    static void mode(Mode m) {
        mode = m;
    }

    /** The current choice rule. */
    static Mode mode() {
        return mode;
    }

    /**
     * Whether population {@code ps} should step with {@link StepKernel#forwardSimd} from now on; starts
     * the kernel's warm-up on first call when the run is long enough to profit ({@code work} neuron-steps).
     */
    static Choice choose(PopulationState ps, long work) {
        if (!ps.kernel.hasSimd() || mode == Mode.NEVER) {
            return Choice.TWIN;
        }
        if (mode == Mode.ALWAYS) {
            return Choice.SIMD;
        }
        SimdWarmup w = BY_KERNEL.get(ps.kernel.getClass());
        if (w == null && work >= MIN_WORK) {
            w = BY_KERNEL.computeIfAbsent(ps.kernel.getClass(), k -> start(ps));
        }
        return w == null ? Choice.TWIN : w.choice();
    }

    /** A population's running choice: fixed, or following a warm-up until it is ready. */
    interface Choice {
        Choice SIMD = () -> true;
        Choice TWIN = () -> false;

        /** True to step with the SIMD method now. */
        boolean simd();
    }

    private Choice choice() {
        return () -> ready;
    }

    private static SimdWarmup start(PopulationState ps) {
        SimdWarmup w = new SimdWarmup();
        Lanes lanes = new Lanes(ps);
        Thread t = new Thread(() -> w.warm(ps.kernel, lanes), "simd-warmup-" + ps.population.name());
        t.setDaemon(true);
        w.thread = t;
        t.start();
        return w;
    }

    /** Starts {@code ps}'s kernel's warm-up if none ran yet, and waits until it is ready or has given up. */
    static void warmNow(PopulationState ps) throws InterruptedException {
        if (!ps.kernel.hasSimd()) {
            return;
        }
        BY_KERNEL.computeIfAbsent(ps.kernel.getClass(), k -> start(ps)).thread.join();
    }

    private void warm(StepKernel k, Lanes x) {
        long start = System.nanoTime();
        int faster = 0;
        while (System.nanoTime() - start < GIVE_UP_NANOS) {
            long simd = time(k, x, true);
            long twin = time(k, x, false);
            faster = simd <= FASTER * twin ? faster + 1 : 0;
            if (faster == 2) {
                ready = true;
                return;
            }
        }
    }

    private static long time(StepKernel k, Lanes x, boolean simd) {
        long t0 = System.nanoTime();
        for (int c = 0; c < CALLS_PER_ROUND; c++) {
            if (simd) {
                k.forwardSimd(x.s, x.p, x.inv, x.in, x.dt, x.next, x.spike, 0, LANES);
            } else {
                k.forwardSimdScalar(x.s, x.p, x.inv, x.in, x.dt, x.next, x.spike, 0, LANES);
            }
        }
        return System.nanoTime() - t0;
    }

    /** The warm-up's own copy of a population's first lanes (repeated to fill {@link #LANES}). */
    private static final class Lanes {
        final double[][] s;
        final double[][] p;
        final double[][] inv;
        final double[][] in;
        final double[][] next;
        final double[] spike = new double[LANES];
        final double dt;

        Lanes(PopulationState ps) {
            s = tile(ps.s);
            p = tile(ps.population.parameters());
            inv = tile(ps.inv);
            in = tile(ps.in);
            next = new double[s.length][LANES];
            dt = ps.dt;
        }

        private static double[][] tile(double[][] rows) {
            double[][] out = new double[rows.length][LANES];
            for (int r = 0; r < rows.length; r++) {
                for (int i = 0; i < LANES; i++) {
                    out[r][i] = rows[r][i % rows[r].length];
                }
            }
            return out;
        }
    }
}
