package org.brainfx.engine.grad;

import java.util.List;
import org.brainfx.engine.compile.CompiledModel;
import org.brainfx.engine.compile.StepKernel;
import org.brainfx.engine.sim.FiniteCheck;
import org.brainfx.engine.sim.InputSource;
import org.brainfx.engine.sim.LaneChunks;
import org.brainfx.engine.sim.LaneValues;

/**
 * Reverse-mode differentiation through time (BPTT) of a {@link TrajectoryLoss} with respect to
 * every parameter and initial state, lane by lane.
 *
 * <p>States after every step are stored when they fit in about the last-level cache (16 MB);
 * otherwise the forward pass keeps a checkpoint every K steps, K chosen so that one segment of
 * stored states fits in that cache, and the backward pass recomputes one segment at a time.
 * Streaming hundreds of megabytes of states through main memory cost more than the extra
 * forward pass (a GIF gradient over 500 lanes × 10 000 steps ran 4× faster this way), and
 * memory stays small: 10 000 steps × 1 000 lanes × 4 states keep ~7 MB of checkpoints and a
 * 16 MB segment instead of 400 MB. With a tighter memory budget K falls back to ⌈√T⌉.
 *
 * <p>Reverse mode is used for every problem: with the fused reverse kernel a backward step
 * costs about as much as two to three forward steps whatever the number of parameters, so it
 * beats forward-mode tangents as soon as there are more than two or three parameters, and
 * it also gives gradients with respect to initial states at no extra cost.
 */
public final class Bptt {
    /** Default budget for stored states: 512 MB. */
    public static final long DEFAULT_MEMORY_BUDGET = 512L << 20;
    /** Stored states beyond this (about the last-level cache) are recomputed from checkpoints instead. */
    static final long CACHE_BUDGET = 16L << 20;

    private final CompiledModel model;
    private long memoryBudget = DEFAULT_MEMORY_BUDGET;
    private boolean lenient;
    // Stored-state buffers kept between passes, per chunk: a fit calls this thousands of
    // times with the same shapes, and reallocating megabytes each time made the GC dominate.
    private final java.util.Map<Integer, Storage> storage = new java.util.concurrent.ConcurrentHashMap<>();

    /** Reusable stored states and spikes of one chunk. */
    private record Storage(double[][][] states, double[][] spikes) {
        boolean fits(int len, int ns, int m) {
            return states.length >= len && states[0].length == ns && states[0][0].length == m;
        }
    }

    /** Gradients of one compiled model; an instance reuses its buffers, so keep one per problem (not thread-safe across concurrent passes). */
    public Bptt(CompiledModel model) {
        this.model = model;
    }

    /** Sets the most memory (bytes) stored states may take before checkpointing is used. */
    public Bptt memoryBudget(long bytes) {
        this.memoryBudget = bytes;
        return this;
    }

    /**
     * Lenient passes survive divergence: a lane whose state becomes NaN or infinite is held at
     * its last finite state, gets loss NaN and gradient 0, and the other lanes go on (what a fit
     * over many candidates needs). A lane whose forward pass stays finite but whose adjoint
     * overflows keeps its loss and passes gradient 0 ({@link GradientResult#gradientDropped()}):
     * near a spike the exponential upstroke of models like AdEx multiplies the adjoint by up to
     * 1e7 a step, so a surrogate gradient can overflow where the trace and its loss are perfectly
     * good — such a point is no divergence, and calling it one hides the best fits from a
     * gradient method. Strict passes (the default) throw
     * {@link org.brainfx.engine.sim.NonFiniteStateException} naming step, lane and parameters.
     */
    public Bptt lenient(boolean value) {
        this.lenient = value;
        return this;
    }

    /** The loss per lane without gradients (forward pass only, nothing stored); NaN for diverged lanes when lenient. */
    public double[] loss(LaneValues lanes, InputSource input, int steps, double dt, TrajectoryLoss loss) {
        int n = lanes.lanes();
        double[] out = new double[n];
        loss.begin(n, steps);
        LaneChunks.run(n, steps, (from, to) -> {
            Chunk c = new Chunk(lanes, input, from, to, dt);
            double[][] cur = c.initial();
            double[][] next = new double[model.stateCount()][c.m];
            double[] spike = new double[c.m];
            double[] lossOut = new double[c.m];
            for (int t = 0; t < steps; t++) {
                c.step(t, cur, next, spike);
                loss.forward(t, next, spike, lossOut, c.m, from);
                double[][] swap = cur;
                cur = next;
                next = swap;
            }
            c.markDiverged(lossOut);
            System.arraycopy(lossOut, 0, out, from, c.m);
        });
        return out;
    }

    /** Loss and gradients per lane. */
    public GradientResult gradient(LaneValues lanes, InputSource input, int steps, double dt, TrajectoryLoss loss) {
        long t0 = System.nanoTime();
        int n = lanes.lanes();
        int ns = model.stateCount();
        double[] lossAll = new double[n];
        boolean[] dropped = new boolean[n];
        double[][] gradP = new double[model.parameterCount()][n];
        double[][] gradS0 = new double[ns][n];
        long perStep = (long) (ns + 1) * n * Double.BYTES;
        long cacheBudget = Math.min(memoryBudget, CACHE_BUDGET);
        boolean storeAll = steps * perStep <= cacheBudget;
        final int k = segmentLength(steps, ns, n, perStep, cacheBudget, storeAll);
        loss.begin(n, steps);
        LaneChunks.run(n, steps, (from, to) -> {
            Chunk c = new Chunk(lanes, input, from, to, dt);
            int m = c.m;
            int segments = (steps + k - 1) / k;
            double[][][] checkpoints = new double[segments][][];
            int len = Math.min(k, steps);
            Storage st = storage.get(from);
            if (st == null || !st.fits(len, ns, m)) {
                st = new Storage(new double[len][ns][m], new double[len][m]);
                storage.put(from, st);
            }
            double[][][] seg = st.states();
            double[][] segSpike = st.spikes();
            double[] lossOut = new double[m];
            double[][] cur = c.initial();
            double[][] spare = new double[ns][m];
            double[] spareSpike = new double[m];
            for (int t = 0; t < steps; t++) {
                if (t % k == 0) {
                    checkpoints[t / k] = copy(cur);
                }
                double[][] target = storeAll ? seg[t] : spare;
                double[] spike = storeAll ? segSpike[t] : spareSpike;
                c.step(t, cur, target, spike);
                loss.forward(t, target, spike, lossOut, m, from);
                if (storeAll) {
                    cur = target;
                } else {
                    spare = cur;
                    cur = target;
                }
            }
            double[][] adjNext = new double[ns][m];
            double[][] adjPrev = new double[ns][m];
            double[] adjSpike = new double[m];
            double[][] gradIn = new double[model.inputCount()][m];
            double[][] gp = new double[model.parameterCount()][m];
            double[][] gradInv = new double[kernelInvariants()][m];
            StepKernel kernel = model.kernel();
            List<String> adjNames = model.stateNames().stream().map(s -> "dLoss/d" + s).toList();
            for (int sgi = segments - 1; sgi >= 0; sgi--) {
                int start = sgi * k;
                int end = Math.min(steps, start + k);
                if (!storeAll) {
                    double[][] s = checkpoints[sgi];
                    for (int t = start; t < end; t++) {
                        c.step(t, s, seg[t - start], segSpike[t - start]);
                        s = seg[t - start];
                    }
                }
                for (int t = end - 1; t >= start; t--) {
                    double[][] post = seg[t - start];
                    double[][] pre = t == start ? checkpoints[sgi] : seg[t - start - 1];
                    java.util.Arrays.fill(adjSpike, 0);
                    loss.backward(t, post, segSpike[t - start], adjNext, adjSpike, m, from);
                    c.input(t);
                    boolean capped = lenient && c.keepBeforeSpikeStep(segSpike[t - start], gp, gradInv);
                    kernel.backward(pre, c.p, c.inv, c.in, dt, adjNext, adjSpike, adjPrev, gp, gradInv, gradIn, 0, m);
                    if (lenient) {
                        if (capped) {
                            c.dropCappedInfinities(segSpike[t - start], adjNext, adjPrev, gp, gradInv);
                        }
                        c.quarantineAdjoint(adjPrev);
                    } else {
                        FiniteCheck.check(model, adjPrev, adjNames, "", t, c.p, 0, m, from);
                    }
                    double[][] swap = adjNext;
                    adjNext = adjPrev;
                    adjPrev = swap;
                }
            }
            c.zeroDiverged(gradInv);
            kernel.finish(c.p, dt, gradInv, gp, 0, m);
            c.markDiverged(lossOut);
            c.zeroDiverged(gp);
            c.zeroDiverged(adjNext);
            System.arraycopy(lossOut, 0, lossAll, from, m);
            System.arraycopy(c.adjointLost, 0, dropped, from, m);
            for (int i = 0; i < gp.length; i++) {
                System.arraycopy(gp[i], 0, gradP[i], from, m);
            }
            for (int i = 0; i < ns; i++) {
                System.arraycopy(adjNext[i], 0, gradS0[i], from, m);
            }
        });
        return new GradientResult(lossAll, gradP, gradS0, (System.nanoTime() - t0) / 1e6, !storeAll, dropped);
    }

    private int segmentLength(int steps, int ns, int n, long perStep, long cacheBudget, boolean storeAll) {
        if (storeAll) {
            return steps;
        }
        int k = (int) Math.min(steps, Math.max(16, cacheBudget / perStep));
        if ((long) (steps / k + 1) * ns * n * Double.BYTES > memoryBudget) {
            k = (int) Math.ceil(Math.sqrt(steps));
        }
        return k;
    }

    private int kernelInvariants() {
        return model.kernel().invariantCount();
    }

    private static double[][] copy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }

    /** A contiguous range of lanes addressed locally from 0, with its own parameter and input arrays. */
    private final class Chunk {
        final int from;
        final int m;
        final double dt;
        final double[][] p;
        final double[][] in;
        final double[][] inv;
        final double[][] inFull;
        final LaneValues lanes;
        final InputSource source;
        final boolean[] diverged;
        boolean anyDiverged;
        /** Lanes whose forward pass is finite but whose adjoint overflowed: loss kept, gradient dropped. */
        final boolean[] adjointLost;
        /** Parameter and invariant gradients of spiking lanes before a spike step's backward step. */
        final double[][] gpBefore;
        final double[][] invBefore;
        boolean anyAdjointLost;

        Chunk(LaneValues lanes, InputSource source, int from, int to, double dt) {
            this.lanes = lanes;
            this.source = source;
            this.from = from;
            this.m = to - from;
            this.dt = dt;
            double[][] all = lanes.parameters();
            p = new double[all.length][];
            for (int i = 0; i < all.length; i++) {
                p[i] = java.util.Arrays.copyOfRange(all[i], from, to);
            }
            in = new double[model.inputCount()][m];
            inv = new double[model.kernel().invariantCount()][m];
            model.kernel().prepare(p, dt, inv, 0, m);
            inFull = new double[model.inputCount()][lanes.lanes()];
            diverged = new boolean[m];
            adjointLost = new boolean[m];
            gpBefore = new double[model.parameterCount()][m];
            invBefore = new double[model.kernel().invariantCount()][m];
        }

        double[][] initial() {
            double[][] s = new double[model.stateCount()][];
            for (int i = 0; i < s.length; i++) {
                s[i] = java.util.Arrays.copyOfRange(lanes.initial()[i], from, from + m);
            }
            return s;
        }

        void input(int t) {
            source.fill(t, inFull, from, from + m);
            for (int i = 0; i < in.length; i++) {
                System.arraycopy(inFull[i], from, in[i], 0, m);
            }
        }

        void step(int t, double[][] cur, double[][] next, double[] spike) {
            input(t);
            model.kernel().forward(cur, p, inv, in, dt, next, spike, 0, m);
            if (!lenient) {
                FiniteCheck.check(model, next, model.stateNames(), "", t, p, 0, m, from);
                return;
            }
            for (double[] row : next) {
                for (int j = 0; j < m; j++) {
                    if (row[j] - row[j] != 0) {
                        diverged[j] = true;
                        anyDiverged = true;
                    }
                }
            }
            if (!anyDiverged) {
                return;
            }
            for (int j = 0; j < m; j++) {
                if (diverged[j]) {
                    // Hold the lane at its last finite state so its NaN cannot spread to losses or adjoints.
                    for (int i = 0; i < next.length; i++) {
                        next[i][j] = cur[i][j];
                    }
                    spike[j] = 0;
                }
            }
        }

        /**
         * Before the backward step of a step at which some lane spiked: keeps those lanes' parameter and invariant
         * gradients so far, for {@link #dropCappedInfinities}. True when some lane spiked.
         */
        boolean keepBeforeSpikeStep(double[] spike, double[][] gp, double[][] gradInv) {
            boolean any = false;
            for (int j = 0; j < m; j++) {
                if (spike[j] != 0 && !diverged[j]) {
                    any = true;
                    for (int i = 0; i < gp.length; i++) {
                        gpBefore[i][j] = gp[i][j];
                    }
                    for (int i = 0; i < gradInv.length; i++) {
                        invBefore[i][j] = gradInv[i][j];
                    }
                }
            }
            return any;
        }

        /**
         * A spike step of a model that caps its voltage at the peak (AdEx's {@code after V = min(V, V_peak)})
         * may have run the uncapped voltage to infinity within the step: the trace is fine, but the backward
         * step multiplies the cap's zero derivative by that infinity. Where the adjoint coming into such a step
         * is finite, the non-finite values it produced are that 0·∞, whose true value is 0 (the capped voltage
         * does not depend on what came before): they are set to 0 in the adjoint, and the parameter and
         * invariant gradients drop this step's non-finite contributions. A genuine overflow (an adjoint already
         * infinite coming in) is left to {@link #quarantineAdjoint}.
         */
        void dropCappedInfinities(double[] spike, double[][] adjNext, double[][] adjPrev, double[][] gp,
                                  double[][] gradInv) {
            for (int j = 0; j < m; j++) {
                if (spike[j] == 0 || diverged[j]) {
                    continue;
                }
                boolean finiteIn = true;
                for (double[] row : adjNext) {
                    finiteIn &= row[j] - row[j] == 0;
                }
                // 0·∞ is NaN; an infinite adjoint is a finite one grown past the range: a genuine overflow.
                boolean infiniteOut = false;
                for (double[] row : adjPrev) {
                    infiniteOut |= Double.isInfinite(row[j]);
                }
                if (!finiteIn || infiniteOut) {
                    continue;
                }
                for (double[] row : adjPrev) {
                    if (Double.isNaN(row[j])) {
                        row[j] = 0;
                    }
                }
                for (int i = 0; i < gp.length; i++) {
                    if (Double.isNaN(gp[i][j])) {
                        gp[i][j] = gpBefore[i][j];
                    }
                }
                for (int i = 0; i < gradInv.length; i++) {
                    if (Double.isNaN(gradInv[i][j])) {
                        gradInv[i][j] = invBefore[i][j];
                    }
                }
            }
        }

        /** Zeroes the adjoints of lanes that diverged or whose adjoint just became non-finite. */
        void quarantineAdjoint(double[][] adj) {
            for (double[] row : adj) {
                for (int j = 0; j < m; j++) {
                    if (row[j] - row[j] != 0 && !diverged[j]) {
                        adjointLost[j] = true;
                        anyAdjointLost = true;
                    }
                }
            }
            zeroDiverged(adj);
        }

        /**
         * Zeroes the rows' entries of lanes that diverged or lost their adjoint (parameter gradients
         * of those lanes are dropped at the end).
         */
        void zeroDiverged(double[][] rows) {
            if (!anyDiverged && !anyAdjointLost) {
                return;
            }
            for (double[] row : rows) {
                for (int j = 0; j < m; j++) {
                    if (diverged[j] || adjointLost[j]) {
                        row[j] = 0;
                    }
                }
            }
        }

        void markDiverged(double[] lossOut) {
            for (int j = 0; j < m; j++) {
                if (diverged[j] || lossOut[j] - lossOut[j] != 0) {
                    lossOut[j] = Double.NaN;
                }
            }
        }
    }
}
