package org.brainfx.engine.net;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
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
 * value is an error. Delays (ms) are rounded to the nearest step of dt, halves up.
 */
public final class Wiring {
    /** The fix for a negative weight, in every message about one. */
    static final String MAGNITUDES = "weights are magnitudes; the sign comes from the presynaptic population's type";

    private static final long GOLDEN_GAMMA = 0x9e3779b97f4a7c15L;
    private static final int MAX_SYNAPSES = Integer.MAX_VALUE - 8;

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
        Topology topology = connect(request, where + ", connectivity", seedFor(stream, "connectivity"));
        float[] weight = weights(request, topology, where + ", weights", seedFor(stream, "weights"));
        int[] rowStart = topology.rowStart;
        ValueSpec delays = request.delaysMs();
        String delayWhere = where + ", delay";
        if (delays == null) {
            return new SparseRows(request.preCount(), request.postCount(), rowStart, topology.post, weight, null, 0);
        }
        if ("constant".equals(delays.kind())) {
            if (delays.value() == null) {
                throw new NetworkException(delayWhere + ": constant without a value; give \"value\" in ms");
            }
            int steps = steps(delays.value(), request.dt(), false, delayWhere, "delay ");
            return new SparseRows(request.preCount(), request.postCount(), rowStart, topology.post, weight, null,
                    steps);
        }
        short[] delaySteps = delaySteps(request, topology, delayWhere, seedFor(stream, "delays"));
        return new SparseRows(request.preCount(), request.postCount(), rowStart, topology.post, weight, delaySteps,
                0);
    }

    /** Pairs in row order; {@code order[c]} is the listed pair at position c (explicit only), {@code given} its weight. */
    private record Topology(int[] rowStart, int[] post, double fanIn, int[] order, double[] given) {
    }

    private static Topology connect(WiringRequest r, String where, long seed) {
        ConnectivitySpec c = r.connectivity();
        boolean noSelf = r.samePopulation() && !c.selfAllowed();
        String rule = c.rule();
        if (rule == null || !ConnectivitySpec.RULES.contains(rule)) {
            throw new NetworkException(where + ": unknown rule '" + rule + "'; use one of " + ConnectivitySpec.RULES);
        }
        switch (rule) {
            case "all_to_all":
                return allToAll(r.preCount(), r.postCount(), noSelf, where);
            case "fixed_probability":
                return fixedProbability(r.preCount(), r.postCount(), noSelf, probability(c.p(), "p", where), seed,
                        where);
            case "fixed_in_degree":
                return fixedInDegree(r.preCount(), r.postCount(), noSelf,
                        degree(c.degree(), r.preCount() - (noSelf ? 1 : 0), "pre", "receive from", noSelf, where),
                        seed, where);
            case "fixed_out_degree":
                return fixedOutDegree(r.preCount(), r.postCount(), noSelf,
                        degree(c.degree(), r.postCount() - (noSelf ? 1 : 0), "post", "send to", noSelf, where),
                        seed, where);
            case "one_to_one":
                return oneToOne(r.preCount(), r.postCount(), noSelf, where);
            case "gaussian":
                return gaussian(r, noSelf, seed, where);
            default:
                return explicit(r, noSelf, where);
        }
    }

    private static Topology allToAll(int preCount, int postCount, boolean noSelf, String where) {
        int perRow = postCount - (noSelf ? 1 : 0);
        int[] post = new int[synapses((long) preCount * perRow, where)];
        int[] rowStart = new int[preCount + 1];
        int n = 0;
        for (int i = 0; i < preCount; i++) {
            rowStart[i] = n;
            for (int j = 0; j < postCount; j++) {
                if (!(noSelf && j == i)) {
                    post[n++] = j;
                }
            }
        }
        rowStart[preCount] = n;
        return new Topology(rowStart, post, preCount, null, null);
    }

    /** Per row, the gaps between successive targets are geometric: one draw per synapse, not per pair. */
    private static Topology fixedProbability(int preCount, int postCount, boolean noSelf, double p, long seed,
                                             String where) {
        int candidates = postCount - (noSelf ? 1 : 0);
        double expected = (double) preCount * candidates * p;
        int[] post = new int[(int) Math.min(MAX_SYNAPSES, expected + 6 * Math.sqrt(expected) + 16)];
        int[] rowStart = new int[preCount + 1];
        double logQ = Math.log1p(-p);
        int n = 0;
        for (int i = 0; i < preCount; i++) {
            rowStart[i] = n;
            if (p == 0) {
                continue;
            }
            SplittableRandom rng = rowStream(seed, i);
            long j = -1;
            while (true) {
                double skip = p == 1 ? 0 : Math.floor(Math.log(1 - rng.nextDouble()) / logQ);
                if (skip >= candidates - 1 - j) {
                    break;
                }
                j += 1 + (long) skip;
                if (n == post.length) {
                    post = grow(post, where);
                }
                post[n++] = noSelf && j >= i ? (int) j + 1 : (int) j;
            }
        }
        rowStart[preCount] = n;
        return new Topology(rowStart, Arrays.copyOf(post, n), preCount * p, null, null);
    }

    /** Generated per post neuron (Floyd's sampling), then bucketed by pre with a counting sort. */
    private static Topology fixedInDegree(int preCount, int postCount, boolean noSelf, int degree, long seed,
                                          String where) {
        int candidates = preCount - (noSelf ? 1 : 0);
        int total = synapses((long) postCount * degree, where);
        int[] preOf = new int[total];
        int[] mark = new int[Math.max(candidates, 1)];
        for (int j = 0; j < postCount; j++) {
            int at = j * degree;
            floyd(rowStream(seed, j), candidates, degree, mark, j + 1, preOf, at);
            if (noSelf) {
                for (int c = at; c < at + degree; c++) {
                    if (preOf[c] >= j) {
                        preOf[c]++;
                    }
                }
            }
        }
        int[] rowStart = new int[preCount + 1];
        for (int i : preOf) {
            rowStart[i + 1]++;
        }
        for (int i = 0; i < preCount; i++) {
            rowStart[i + 1] += rowStart[i];
        }
        int[] next = Arrays.copyOf(rowStart, preCount);
        int[] post = new int[total];
        for (int j = 0, c = 0; j < postCount; j++) {
            for (int end = c + degree; c < end; c++) {
                post[next[preOf[c]]++] = j;
            }
        }
        return new Topology(rowStart, post, degree, null, null);
    }

    private static Topology fixedOutDegree(int preCount, int postCount, boolean noSelf, int degree, long seed,
                                           String where) {
        int candidates = postCount - (noSelf ? 1 : 0);
        int[] post = new int[synapses((long) preCount * degree, where)];
        int[] rowStart = new int[preCount + 1];
        int[] mark = new int[Math.max(candidates, 1)];
        for (int i = 0; i < preCount; i++) {
            int at = i * degree;
            rowStart[i] = at;
            floyd(rowStream(seed, i), candidates, degree, mark, i + 1, post, at);
            Arrays.sort(post, at, at + degree);
            if (noSelf) {
                for (int c = at; c < at + degree; c++) {
                    if (post[c] >= i) {
                        post[c]++;
                    }
                }
            }
        }
        rowStart[preCount] = post.length;
        return new Topology(rowStart, post, (double) post.length / postCount, null, null);
    }

    private static Topology oneToOne(int preCount, int postCount, boolean noSelf, String where) {
        if (preCount != postCount) {
            throw new NetworkException(where + ": one_to_one needs equal sizes, but pre has " + preCount
                    + " neurons and post " + postCount + "; use populations of one size or another rule");
        }
        if (noSelf) {
            throw new NetworkException(where + ": one_to_one from a population onto itself connects each neuron "
                    + "to itself only; set allowSelf true to mean that");
        }
        int[] rowStart = new int[preCount + 1];
        int[] post = new int[preCount];
        for (int i = 0; i < preCount; i++) {
            rowStart[i + 1] = i + 1;
            post[i] = i;
        }
        return new Topology(rowStart, post, 1, null, null);
    }

    /**
     * Exact thinning over a grid of σ-wide cells on the post sheet: in each cell within reach (closer than about
     * 8.6 σ, beyond which the probability is below 2^-53, the smallest step of a uniform double) candidates are
     * drawn by geometric gaps at the cell's largest probability (at its nearest edge) and each is kept with its
     * own probability divided by that bound. The cost grows with the cells within reach and the synapses, not
     * with pre·post.
     */
    private static Topology gaussian(WiringRequest r, boolean noSelf, long seed, String where) {
        ConnectivitySpec c = r.connectivity();
        Double sigma = c.sigma();
        if (sigma == null || !(sigma > 0) || sigma.isInfinite()) {
            throw new NetworkException(where + ": gaussian sigma is " + (sigma == null ? "missing" : sigma)
                    + "; give the width in µm, a positive number");
        }
        double peak = c.peak() == null ? 1 : probability(c.peak(), "peak", where);
        Positions from = r.prePositions();
        Positions to = r.postPositions();
        if (from == null || to == null) {
            throw new NetworkException(where + ": gaussian connectivity needs positions for both populations, but "
                    + (from == null ? "pre" : "post") + " has none; give the population \"positions\" "
                    + "(grid or random)");
        }
        if (from.size() != r.preCount() || to.size() != r.postCount()) {
            throw new IllegalArgumentException(where + ": positions for " + from.size() + " → " + to.size()
                    + " neurons, populations of " + r.preCount() + " → " + r.postCount());
        }
        if ((from.periodic() || to.periodic()) && !(from.periodic() && to.periodic()
                && from.width() == to.width() && from.height() == to.height())) {
            throw new NetworkException(where + ": distances wrap only when both populations lie on one periodic "
                    + "sheet, but pre is " + sheet(from) + " and post " + sheet(to)
                    + "; give both the same width, height and periodic");
        }
        double inverse = 1 / (2 * sigma * sigma);
        double negligible = Math.log(peak) + 53 * Math.log(2);
        int preCount = r.preCount();
        int postCount = r.postCount();
        int[] post = new int[1024];
        int[] rowStart = new int[preCount + 1];
        int n = 0;
        if (negligible > 0) {
            double reach = Math.sqrt(negligible / inverse);
            DistanceCells cells = new DistanceCells(to, 3 * sigma);
            int[] near = new int[cells.cellCount()];
            for (int i = 0; i < preCount; i++) {
                rowStart[i] = n;
                SplittableRandom rng = rowStream(seed, i);
                double x = from.x()[i];
                double y = from.y()[i];
                int cellsNear = cells.near(x, y, reach, near);
                for (int q = 0; q < cellsNear; q++) {
                    int cell = near[q];
                    double gap = cells.gapSquared(cell, x, y) * inverse;
                    if (gap > negligible) {
                        continue;
                    }
                    // Candidates at the cell's bound (geometric gaps), each kept with its own share of the bound.
                    double bound = peak * Math.exp(-gap);
                    double logQ = Math.log1p(-bound);
                    int first = cells.start[cell];
                    int size = cells.start[cell + 1] - first;
                    long m = -1;
                    while (true) {
                        double skip = bound >= 1 ? 0 : Math.floor(Math.log(1 - rng.nextDouble()) / logQ);
                        if (skip >= size - 1 - m) {
                            break;
                        }
                        m += 1 + (long) skip;
                        int j = cells.members[first + (int) m];
                        if (noSelf && j == i) {
                            continue;
                        }
                        if (rng.nextDouble() < Math.exp(gap - from.distanceSquared(i, to, j) * inverse)) {
                            if (n == post.length) {
                                post = grow(post, where);
                            }
                            post[n++] = j;
                        }
                    }
                }
                Arrays.sort(post, rowStart[i], n);
            }
        }
        rowStart[preCount] = n;
        return new Topology(rowStart, Arrays.copyOf(post, n), (double) n / postCount, null, null);
    }

    private static String sheet(Positions p) {
        return p.width() + " × " + p.height() + " µm" + (p.periodic() ? " periodic" : " not periodic");
    }

    private static Topology explicit(WiringRequest r, boolean noSelf, String where) {
        ConnectivitySpec c = r.connectivity();
        boolean lists = c.pre() != null || c.post() != null;
        int[] pre;
        int[] post;
        double[] given = null;
        if (lists && c.file() != null) {
            throw new NetworkException(where + ": explicit has both pre/post lists and a file; give one of them");
        }
        if (c.file() != null) {
            PairFile pairs = PairFile.read(NumberFile.resolve(c.file(), r.baseDir()), r.preCount(), r.postCount(),
                    where);
            pre = pairs.pre();
            post = pairs.post();
            given = pairs.weight();
        } else if (lists) {
            if (c.pre() == null || c.post() == null) {
                throw new NetworkException(where + ": explicit needs both a pre and a post list, but "
                        + (c.pre() == null ? "pre" : "post") + " is missing");
            }
            if (c.pre().size() != c.post().size()) {
                throw new NetworkException(where + ": explicit lists of different length: pre has " + c.pre().size()
                        + " entries and post " + c.post().size() + "; list synapse k as pre[k] → post[k]");
            }
            pre = indices(c.pre(), r.preCount(), "pre", where);
            post = indices(c.post(), r.postCount(), "post", where);
        } else {
            throw new NetworkException(where + ": explicit needs pre and post lists or a file of pre,post[,weight] "
                    + "lines");
        }
        if (noSelf) {
            for (int k = 0; k < pre.length; k++) {
                if (pre[k] == post[k]) {
                    throw new NetworkException(where + ": synapse " + k + " connects neuron " + pre[k]
                            + " to itself; set allowSelf true to keep self-connections, or remove it");
                }
            }
        }
        int[] byPost = countingSort(identity(pre.length), post, r.postCount());
        int[] order = countingSort(byPost, pre, r.preCount());
        int[] rowStart = new int[r.preCount() + 1];
        for (int i : pre) {
            rowStart[i + 1]++;
        }
        for (int i = 0; i < r.preCount(); i++) {
            rowStart[i + 1] += rowStart[i];
        }
        int[] target = new int[pre.length];
        for (int k = 0; k < order.length; k++) {
            target[k] = post[order[k]];
        }
        return new Topology(rowStart, target, (double) pre.length / r.postCount(), order, given);
    }

    private static int[] indices(List<Integer> list, int count, String side, String where) {
        int[] out = new int[list.size()];
        for (int k = 0; k < out.length; k++) {
            Integer v = list.get(k);
            if (v == null || v < 0 || v >= count) {
                throw new NetworkException(where + ": " + side + "[" + k + "] = " + v + " is outside 0.."
                        + (count - 1) + "; indices are 0-based and below the " + side + " population's size");
            }
            out[k] = v;
        }
        return out;
    }

    private static int[] identity(int n) {
        int[] out = new int[n];
        for (int k = 0; k < n; k++) {
            out[k] = k;
        }
        return out;
    }

    /** {@code items} reordered stably by {@code key[item]} ∈ [0, range). */
    private static int[] countingSort(int[] items, int[] key, int range) {
        int[] start = new int[range + 1];
        for (int item : items) {
            start[key[item] + 1]++;
        }
        for (int v = 0; v < range; v++) {
            start[v + 1] += start[v];
        }
        int[] out = new int[items.length];
        for (int item : items) {
            out[start[key[item]]++] = item;
        }
        return out;
    }

    /** Floyd's sampling: {@code k} distinct values of [0, m) into {@code out[at..at+k)}, unordered. */
    private static void floyd(SplittableRandom rng, int m, int k, int[] mark, int stamp, int[] out, int at) {
        for (int t = m - k; t < m; t++) {
            int v = rng.nextInt(t + 1);
            if (mark[v] == stamp) {
                v = t;
            }
            mark[v] = stamp;
            out[at++] = v;
        }
    }

    private static float[] weights(WiringRequest r, Topology t, String where, long seed) {
        int n = t.post.length;
        float[] weight = new float[n];
        ValueSpec spec = r.weights();
        if (spec == null) {
            if (t.given == null) {
                throw new NetworkException(where + ": missing; give weights, e.g. {\"kind\": \"constant\", "
                        + "\"value\": 1} (" + MAGNITUDES + ")");
            }
            for (int k = 0; k < n; k++) {
                weight[k] = (float) t.given[t.order[k]];
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
                double w = values[t.order == null ? k : t.order[k]];
                if (w < 0) {
                    throw new NetworkException(where + ": value " + (t.order == null ? k : t.order[k]) + " of "
                            + spec.file() + " is " + w + "; give values ≥ 0: " + MAGNITUDES);
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
            distribution = Distribution.kaiming(scale, t.fanIn);
        } else {
            distribution = Distribution.of(spec, where);
        }
        double[] row = new double[maxRow(t.rowStart)];
        for (int i = 0; i + 1 < t.rowStart.length; i++) {
            int start = t.rowStart[i];
            int length = t.rowStart[i + 1] - start;
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

    private static short[] delaySteps(WiringRequest r, Topology t, String where, long seed) {
        ValueSpec spec = r.delaysMs();
        int n = t.post.length;
        short[] steps = new short[n];
        if ("file".equals(spec.kind())) {
            double[] values = file(spec, r, n, where);
            for (int k = 0; k < n; k++) {
                int listed = t.order == null ? k : t.order[k];
                steps[k] = (short) steps(values[listed], r.dt(), false, where, "delay " + listed + " of " + spec.file()
                        + ", ");
            }
            return steps;
        }
        if ("kaiming".equals(spec.kind())) {
            throw new NetworkException(where + ": kaiming is for weights; give delays as constant, uniform, normal, "
                    + "lognormal or file (ms)");
        }
        Distribution distribution = Distribution.of(spec, where);
        // A uniform starting at 0 asks for delays down to none: its draws below half a step round to 0 steps.
        boolean zeroMeant = distribution.low() == 0;
        double[] row = new double[maxRow(t.rowStart)];
        for (int i = 0; i + 1 < t.rowStart.length; i++) {
            int start = t.rowStart[i];
            int length = t.rowStart[i + 1] - start;
            if (length == 0) {
                continue;
            }
            distribution.fill(row, 0, length, rowStream(seed, i));
            for (int k = 0; k < length; k++) {
                steps[start + k] = (short) steps(row[k], r.dt(), zeroMeant, where, "drawn delay ");
            }
        }
        return steps;
    }

    /** {@code ms} in steps of {@code dt}, halves rounded up (with slack for ms/dt landing a hair below a half). */
    private static int steps(double ms, double dt, boolean zeroMeant, String where, String what) {
        if (!(ms >= 0) || Double.isInfinite(ms)) {
            throw new NetworkException(where + ": " + what + ms + " ms; a delay is a finite number of ms ≥ 0"
                    + (what.startsWith("drawn") ? " (for a spread of positive delays use lognormal or uniform)" : ""));
        }
        double steps = Math.floor(ms / dt + 0.5 + 1e-9);
        if (steps == 0 && ms > 0 && !zeroMeant) {
            throw new NetworkException(where + ": " + what + ms + " ms is shorter than half a time step (dt "
                    + dt + " ms) and would round to no delay; use a smaller dt or a delay of at least " + dt / 2
                    + " ms (0 for none)");
        }
        if (steps > Short.MAX_VALUE) {
            throw new NetworkException(where + ": " + what + ms + " ms is " + (long) steps + " steps of dt " + dt
                    + " ms, more than the " + Short.MAX_VALUE + " a synapse holds; use a larger dt or a shorter delay");
        }
        return (int) steps;
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

    private static double probability(Double p, String field, String where) {
        if (p == null || !(p >= 0 && p <= 1)) {
            throw new NetworkException(where + ": " + field + " is " + (p == null ? "missing" : p)
                    + "; give a probability in [0, 1]");
        }
        return p;
    }

    private static int degree(Integer degree, int available, String side, String verb, boolean noSelf,
                              String where) {
        if (degree == null) {
            throw new NetworkException(where + ": degree is missing; give the number of connections per neuron");
        }
        if (degree < 0 || degree > available) {
            throw new NetworkException(where + ": degree " + degree + " is outside 0.." + available + "; each neuron can "
                    + verb + " at most " + available + " distinct " + side + " neurons" + (noSelf ? " (not itself)" : "")
                    + "; lower the degree or use fixed_probability");
        }
        return degree;
    }

    private static int[] grow(int[] post, String where) {
        return Arrays.copyOf(post, synapses(Math.max(post.length + 1L, post.length + (post.length >> 1)), where));
    }

    private static int synapses(long count, String where) {
        if (count > MAX_SYNAPSES) {
            throw new NetworkException(where + ": " + count + " synapses, more than one projection holds ("
                    + MAX_SYNAPSES + "); use sparser connectivity or split the projection");
        }
        return (int) count;
    }

    /** A row's own stream: its index mixed into the family's seed, so rows are independent of each other. */
    private static SplittableRandom rowStream(long familySeed, int row) {
        return new SplittableRandom(mix64(familySeed + GOLDEN_GAMMA * (row + 1L)));
    }

    private static long mix64(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }
}
