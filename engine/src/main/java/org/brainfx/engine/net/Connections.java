package org.brainfx.engine.net;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Which pairs a projection connects, by the rules of {@link ConnectivitySpec}, as compressed rows sorted by
 * pre neuron with ascending targets; the weights and delays are {@link Wiring}'s.
 *
 * @param fanIn the mean in-degree Kaiming-normal weights scale by: preCount·p for fixed probability, the degree
 *              for fixed in-degree, preCount for all-to-all, the actual mean otherwise
 * @param order for explicit pairs, the listed pair at each position (per-synapse files follow the list); else null
 * @param given weights listed with explicit pairs in a file, in listed order, or null
 */
record Connections(int[] rowStart, int[] post, double fanIn, int[] order, double[] given) {
    private static final int MAX_SYNAPSES = Integer.MAX_VALUE - 8;
    private static final int SCRATCH_LIMIT = 1 << 22;
    private static final ThreadLocal<int[]> SCRATCH = ThreadLocal.withInitial(() -> new int[0]);

    /**
     * The pairs of {@code r}'s rule, drawn from the row streams of {@code seed}.
     *
     * @param where names the projection and field for messages
     */
    static Connections of(WiringRequest r, String where, long seed) {
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

    private static Connections allToAll(int preCount, int postCount, boolean noSelf, String where) {
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
        return new Connections(rowStart, post, preCount, null, null);
    }

    /**
     * A buffer of at least {@code length} ints for targets before they are cut to their count: reused by each
     * thread up to {@link #SCRATCH_LIMIT}, so a network of many projections does not allocate (and the collector
     * copy) an oversized array for each (the 29-area macaque network's 1 188 projections: 0.7 GB less).
     */
    private static int[] scratch(int length) {
        if (length > SCRATCH_LIMIT) {
            return new int[length];
        }
        int[] mine = SCRATCH.get();
        if (mine.length < length) {
            mine = new int[Math.max(length, Math.min(SCRATCH_LIMIT, 2 * mine.length))];
            SCRATCH.set(mine);
        }
        return mine;
    }

    /** Per row, the gaps between successive targets are geometric: one draw per synapse, not per pair. */
    private static Connections fixedProbability(int preCount, int postCount, boolean noSelf, double p, long seed,
                                             String where) {
        int candidates = postCount - (noSelf ? 1 : 0);
        double expected = (double) preCount * candidates * p;
        int[] post = scratch(synapses((long) (expected + 6 * Math.sqrt(expected) + 16), where));
        int[] rowStart = new int[preCount + 1];
        GeometricGaps gaps = p > 0 && p < 1 ? GeometricGaps.of(p) : null;
        int n = 0;
        for (int i = 0; i < preCount; i++) {
            rowStart[i] = n;
            if (p == 0) {
                continue;
            }
            SplittableRandom rng = Wiring.rowStream(seed, i);
            long j = -1;
            while (true) {
                double skip = p == 1 ? 0 : gaps.next(rng);
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
        return new Connections(rowStart, Arrays.copyOf(post, n), preCount * p, null, null);
    }

    /** Generated per post neuron (Floyd's sampling), then bucketed by pre with a counting sort. */
    private static Connections fixedInDegree(int preCount, int postCount, boolean noSelf, int degree, long seed,
                                          String where) {
        int candidates = preCount - (noSelf ? 1 : 0);
        int total = synapses((long) postCount * degree, where);
        int[] preOf = new int[total];
        int[] mark = new int[Math.max(candidates, 1)];
        for (int j = 0; j < postCount; j++) {
            int at = j * degree;
            floyd(Wiring.rowStream(seed, j), candidates, degree, mark, j + 1, preOf, at);
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
        return new Connections(rowStart, post, degree, null, null);
    }

    private static Connections fixedOutDegree(int preCount, int postCount, boolean noSelf, int degree, long seed,
                                           String where) {
        int candidates = postCount - (noSelf ? 1 : 0);
        int[] post = new int[synapses((long) preCount * degree, where)];
        int[] rowStart = new int[preCount + 1];
        int[] mark = new int[Math.max(candidates, 1)];
        for (int i = 0; i < preCount; i++) {
            int at = i * degree;
            rowStart[i] = at;
            floyd(Wiring.rowStream(seed, i), candidates, degree, mark, i + 1, post, at);
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
        return new Connections(rowStart, post, (double) post.length / postCount, null, null);
    }

    private static Connections oneToOne(int preCount, int postCount, boolean noSelf, String where) {
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
        return new Connections(rowStart, post, 1, null, null);
    }

    /**
     * Exact thinning over a grid of σ-wide cells on the post sheet: in each cell within reach (closer than about
     * 8.6 σ, beyond which the probability is below 2^-53, the smallest step of a uniform double) candidates are
     * drawn by geometric gaps at the cell's largest probability (at its nearest edge) and each is kept with its
     * own probability divided by that bound. The cost grows with the cells within reach and the synapses, not
     * with pre·post.
     */
    private static Connections gaussian(WiringRequest r, boolean noSelf, long seed, String where) {
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
                SplittableRandom rng = Wiring.rowStream(seed, i);
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
        return new Connections(rowStart, Arrays.copyOf(post, n), (double) n / postCount, null, null);
    }

    private static String sheet(Positions p) {
        return p.width() + " × " + p.height() + " µm" + (p.periodic() ? " periodic" : " not periodic");
    }

    private static Connections explicit(WiringRequest r, boolean noSelf, String where) {
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
        return new Connections(rowStart, target, (double) pre.length / r.postCount(), order, given);
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
            throw new NetworkException(where + ": degree " + degree + " is outside 0.." + available
                    + "; each neuron can " + verb + " at most " + available + " distinct " + side + " neurons"
                    + (noSelf ? " (not itself)" : "") + "; lower the degree or use fixed_probability");
        }
        return degree;
    }

    private static int[] grow(int[] post, String where) {
        return Arrays.copyOf(post, synapses(Math.max(post.length + 1L, post.length + (post.length >> 1)), where));
    }

    /** {@code count} synapses checked against what one projection and this JVM's heap can hold. */
    private static int synapses(long count, String where) {
        if (count > MAX_SYNAPSES) {
            throw new NetworkException(where + ": " + count + " synapses, more than one projection holds ("
                    + MAX_SYNAPSES + "); use sparser connectivity or split the projection");
        }
        // A target and a weight are 8 bytes a synapse; asking for more than the heap would end in OutOfMemoryError.
        long heap = Runtime.getRuntime().maxMemory();
        if (8 * count > heap) {
            throw new NetworkException(where + ": " + count + " synapses need " + (8 * count >> 20)
                    + " MB, more than the " + (heap >> 20) + " MB this program may use; use sparser connectivity or "
                    + "give Java more memory (with ./brainfx: BRAINFX_JAVA_OPTS=-Xmx8g, or more)");
        }
        return (int) count;
    }
}
