package org.brainfx.engine.net;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Generates a projection's synapses as {@link SparseRows}: which pairs connect (by the rule of its
 * {@link ConnectivitySpec}), their weight magnitudes and their delays in steps.
 *
 * <p>Randomness. Everything is a function of the request: the projection's stream seed is
 * {@code seedFor(seed, "projection:" + name)}; from it {@code seedFor(·, "connectivity")}, {@code "weights"} and
 * {@code "delays"} seed three independent families of streams, and each row (a pre neuron; a post neuron for
 * {@code fixed_in_degree}) draws from its own {@link SplittableRandom}, seeded by mixing its index into the
 * family's seed. So a projection never depends on the order in which a network builds its projections, and
 * rows could be generated on any number of threads with the same result.
 *
 * <p>Order. Rows are sorted by pre neuron and the targets within a row ascending (an explicit list's duplicate
 * pairs keep their listed order). Per-synapse values read from a file follow the listed pairs for
 * {@code explicit} connectivity and this row order for every other rule.
 *
 * <p>Weights are magnitudes: a distribution that can draw negative values (normal, uniform with a negative
 * low, Kaiming) is taken by absolute value, as the reference does under Dale's law; a negative constant or file
 * value is an error. Delays (ms) are rounded to the nearest step of dt, halves up; normal and log-normal
 * delays whose every likely value is a valid delay are drawn directly in steps ({@link RoundedDelays}).
 */
public final class Wiring {
    /** The fix for a negative weight, in every message about one. */
    static final String MAGNITUDES = "weights are magnitudes; the sign comes from the presynaptic population's type";

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;

    private Wiring() {
    }

    /**
     * A seed for the random stream of the element called {@code name}, derived from the project's seed alone,
     * so that each element (a projection, a population's field) draws the same numbers however many others
     * exist and in whatever order they are built. Name elements by kind and name, e.g.
     * {@code "population:E:V"}; {@link #build} uses {@code "projection:" + name}.
     *
     * <p>Definition (stable; changing it changes every network): {@code h} = 64-bit FNV-1a of the name's UTF-8
     * bytes; result = {@code mix64(projectSeed ^ mix64(h))}, where {@code mix64} is SplitMix64's finalizer
     * ({@code z ^= z >>> 30; z *= 0xbf58476d1ce4e5b9; z ^= z >>> 27; z *= 0x94d049bb133111eb; z ^= z >>> 31}).
     */
    public static long seedFor(long projectSeed, String name) {
        long h = 0xcbf29ce484222325L;
        for (byte b : name.getBytes(StandardCharsets.UTF_8)) {
            h ^= b & 0xff;
            h *= 0x100000001b3L;
        }
        return mix64(projectSeed ^ mix64(h));
    }

    /**
     * The synapses of {@code request}'s projection.
     *
     * <p>Measured with {@code WiringTiming} on the 2-core development machine while other builds kept it busy
     * (load 11–14): median wall time of repeated builds in one JVM (this thread's CPU time in brackets; a first
     * build in a fresh JVM is about twice as long). Fixed in-degree 64 from 32 000 and 16 from 8 000 onto
     * 40 000 neurons (3.2 M synapses), constant weight and delay: 0.09 s (0.06 s); with normal weights and
     * uniform delays 0.21 s (0.09 s). Fixed probability 0.02 on 4 000 neurons (0.32 M synapses): 0.03 s
     * (0.01 s). Gaussian σ 20 µm, 4 000 neurons on 1 mm²: 0.05 s (0.02 s); 40 000 on a 2 × 2 mm torus
     * (1 M synapses): 0.9 s (0.4 s).
     *
     * @throws NetworkException naming the projection, the field and the fix, for any input that cannot be built
     */
    public static SparseRows build(WiringRequest request) {
        if (request.projection() == null || request.projection().isBlank()) {
            throw new NetworkException("a projection has no name; give every projection a name");
        }
        String where = "projection '" + request.projection() + "'";
        if (request.preCount() <= 0 || request.postCount() <= 0) {
            throw new NetworkException(where + ": population sizes " + request.preCount() + " → "
                    + request.postCount() + "; sizes must be positive");
        }
        if (request.samePopulation() && request.preCount() != request.postCount()) {
            throw new IllegalArgumentException(where + ": one population with two sizes " + request.preCount()
                    + " and " + request.postCount());
        }
        if (!(request.dt() > 0) || Double.isInfinite(request.dt())) {
            throw new NetworkException(where + ": time step dt " + request.dt() + " ms must be positive");
        }
        if (request.connectivity() == null) {
            throw new NetworkException(where + ": no connectivity; give one of the rules " + ConnectivitySpec.RULES);
        }
        long stream = seedFor(request.seed(), "projection:" + request.projection());
        Connections connections = Connections.of(request, where + ", connectivity", seedFor(stream, "connectivity"));
        float[] weight = weights(request, connections, where + ", weights", seedFor(stream, "weights"));
        ValueSpec delays = request.delaysMs();
        String delayWhere = where + ", delay";
        short[] delaySteps = null;
        int constantDelaySteps = 0;
        if (delays != null && "constant".equals(delays.kind())) {
            if (delays.value() == null) {
                throw new NetworkException(delayWhere + ": constant without a value; give \"value\" in ms");
            }
            constantDelaySteps = steps(delays.value(), request.dt(), false, delayWhere, null, 0);
        } else if (delays != null) {
            delaySteps = delaySteps(request, connections, delayWhere, seedFor(stream, "delays"));
        }
        return new SparseRows(request.preCount(), request.postCount(), connections.rowStart(), connections.post(),
                weight, delaySteps, constantDelaySteps);
    }

    private static float[] weights(WiringRequest r, Connections t, String where, long seed) {
        int n = t.post().length;
        float[] weight = new float[n];
        ValueSpec spec = r.weights();
        if (spec == null) {
            if (t.given() == null) {
                throw new NetworkException(where + ": missing; give weights, e.g. {\"kind\": \"constant\", "
                        + "\"value\": 1} (" + MAGNITUDES + ")");
            }
            for (int k = 0; k < n; k++) {
                weight[k] = (float) t.given()[t.order()[k]];
            }
            return weight;
        }
        String kind = spec.kind();
        if ("constant".equals(kind)) {
            Double value = spec.value();
            if (value == null || !(value >= 0) || value.isInfinite()) {
                throw new NetworkException(where + ": constant " + (value == null ? "without a value" : value)
                        + "; give a finite value ≥ 0: " + MAGNITUDES);
            }
            Arrays.fill(weight, (float) (double) value);
            return weight;
        }
        if ("file".equals(kind)) {
            double[] values = file(spec, r, n, where);
            for (int k = 0; k < n; k++) {
                double w = values[t.order() == null ? k : t.order()[k]];
                if (w < 0) {
                    throw new NetworkException(where + ": value " + ((t.order() == null ? k : t.order()[k]) + 1)
                            + " (counting from 1) of " + spec.file() + " is " + w + "; give values ≥ 0: "
                            + MAGNITUDES);
                }
                weight[k] = (float) w;
            }
            return weight;
        }
        Distribution distribution;
        if ("kaiming".equals(kind)) {
            Double scale = spec.scale();
            if (scale == null || !(scale >= 0) || scale.isInfinite()) {
                throw new NetworkException(where + ": kaiming scale is " + (scale == null ? "missing" : scale)
                        + "; give a gain ≥ 0, e.g. 1 for feed-forward, 0.5 for recurrent");
            }
            if (n == 0) {
                return weight;
            }
            distribution = Distribution.kaiming(scale, t.fanIn());
        } else {
            distribution = Distribution.of(spec, where);
        }
        double[] row = new double[maxRow(t.rowStart())];
        for (int i = 0; i + 1 < t.rowStart().length; i++) {
            int start = t.rowStart()[i];
            int length = t.rowStart()[i + 1] - start;
            if (length == 0) {
                continue;
            }
            distribution.fill(row, 0, length, rowStream(seed, i));
            for (int k = 0; k < length; k++) {
                weight[start + k] = (float) Math.abs(row[k]);
            }
        }
        return weight;
    }

    private static short[] delaySteps(WiringRequest r, Connections t, String where, long seed) {
        ValueSpec spec = r.delaysMs();
        int n = t.post().length;
        short[] steps = new short[n];
        if ("file".equals(spec.kind())) {
            double[] values = file(spec, r, n, where);
            for (int k = 0; k < n; k++) {
                int listed = t.order() == null ? k : t.order()[k];
                steps[k] = (short) steps(values[listed], r.dt(), false, where, spec.file(), listed);
            }
            return steps;
        }
        if ("kaiming".equals(spec.kind())) {
            throw new NetworkException(where + ": kaiming is for weights; give delays as constant, uniform, normal, "
                    + "lognormal or file (ms)");
        }
        Distribution distribution = Distribution.of(spec, where);
        RoundedDelays rounded = RoundedDelays.of(distribution, r.dt());
        if (rounded != null) {
            for (int i = 0; i + 1 < t.rowStart().length; i++) {
                int start = t.rowStart()[i];
                int end = t.rowStart()[i + 1];
                if (end > start) {
                    SplittableRandom rng = rowStream(seed, i);
                    for (int k = start; k < end; k++) {
                        steps[k] = (short) rounded.next(rng);
                    }
                }
            }
            return steps;
        }
        // A uniform starting at 0 asks for delays down to none: its draws below half a step round to 0 steps.
        boolean zeroMeant = distribution.low() == 0;
        double[] row = new double[maxRow(t.rowStart())];
        for (int i = 0; i + 1 < t.rowStart().length; i++) {
            int start = t.rowStart()[i];
            int length = t.rowStart()[i + 1] - start;
            if (length == 0) {
                continue;
            }
            distribution.fill(row, 0, length, rowStream(seed, i));
            for (int k = 0; k < length; k++) {
                steps[start + k] = (short) steps(row[k], r.dt(), zeroMeant, where, null, -1);
            }
        }
        return steps;
    }

    /**
     * {@code ms} in steps of {@code dt}, halves rounded up (with slack for ms/dt landing a hair below a half).
     * For messages: {@code file} and {@code index} (0-based) name a value read from a file; without a file, index
     * −1 marks a drawn delay and anything else the constant.
     */
    private static int steps(double ms, double dt, boolean zeroMeant, String where, String file, int index) {
        double steps = Math.floor(ms / dt + 0.5 + 1e-9);
        if (ms >= 0 && !Double.isInfinite(ms) && (steps > 0 || ms == 0 || zeroMeant) && steps <= Short.MAX_VALUE) {
            return (int) steps;
        }
        String what = file != null ? "delay " + (index + 1) + " (counting from 1) of " + file + ", "
                : index < 0 ? "drawn delay " : "delay ";
        if (!(ms >= 0) || Double.isInfinite(ms)) {
            throw new NetworkException(where + ": " + what + ms + " ms; a delay is a finite number of ms ≥ 0"
                    + (index < 0 && file == null ? " (for a spread of positive delays use lognormal or uniform)" : ""));
        }
        if (steps > Short.MAX_VALUE) {
            throw new NetworkException(where + ": " + what + ms + " ms is " + (long) steps + " steps of dt " + dt
                    + " ms, more than the " + Short.MAX_VALUE + " a synapse holds; use a larger dt or a shorter delay");
        }
        throw new NetworkException(where + ": " + what + ms + " ms is shorter than half a time step (dt " + dt
                + " ms) and would round to no delay; use a smaller dt or a delay of at least " + dt / 2
                + " ms (0 for none)");
    }

    private static double[] file(ValueSpec spec, WiringRequest r, int n, String where) {
        if (spec.file() == null || spec.file().isBlank()) {
            throw new NetworkException(where + ": kind file needs a file name; give \"file\": \"values.csv\"");
        }
        return NumberFile.read(NumberFile.resolve(spec.file(), r.baseDir()), n, "synapse", where);
    }

    private static int maxRow(int[] rowStart) {
        int max = 0;
        for (int i = 0; i + 1 < rowStart.length; i++) {
            max = Math.max(max, rowStart[i + 1] - rowStart[i]);
        }
        return max;
    }

    /** A row's own stream: its index mixed into the family's seed, so rows are independent of each other. */
    static SplittableRandom rowStream(long familySeed, int row) {
        return new SplittableRandom(mix64(familySeed + GOLDEN_GAMMA * (row + 1L)));
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
