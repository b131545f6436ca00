package org.brainfx.engine.net.connectome;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.brainfx.engine.data.connectome.Connectome;
import org.brainfx.engine.data.connectome.EdgeLayer;
import org.brainfx.engine.net.BuiltProjection;
import org.brainfx.engine.net.Network;
import org.brainfx.engine.net.SparseRows;

/**
 * A built network's wiring as a {@link Connectome} over its neurons (population by population), to
 * write out with {@code ConnectomeWriter}: layer {@code chemical} holds the signed weights of all
 * synapses between populations (summed where several connect one pair), layer {@code electrical}
 * the gap-junction conductances, both directions. Spike sources are not nodes.
 */
public final class NetworkConnectivity {
    /** Name of the layer of chemical synapses. */
    public static final String CHEMICAL = "chemical";
    /** Name of the layer of gap junctions. */
    public static final String ELECTRICAL = "electrical";

    private NetworkConnectivity() {
    }

    /**
     * The wiring of {@code network}, its nodes named by {@code names} (one per neuron, in network order),
     * or {@code population:index} when null.
     */
    public static Connectome of(Network network, List<String> names) {
        int n = network.neuronCount();
        int[] offset = new int[network.populations().size()];
        List<String> nodes = new ArrayList<>(n);
        for (int p = 0, start = 0; p < offset.length; p++) {
            offset[p] = start;
            for (int i = 0; i < network.populations().get(p).size(); i++) {
                nodes.add(network.populations().get(p).name() + ":" + i);
            }
            start += network.populations().get(p).size();
        }
        if (names != null) {
            if (names.size() != n) {
                throw new IllegalArgumentException(names.size() + " names for " + n + " neurons");
            }
            nodes = names;
        }
        Entries chemical = new Entries();
        Entries electrical = new Entries();
        for (BuiltProjection p : network.projections()) {
            if (p.fromSource()) {
                continue;
            }
            SparseRows rows = p.rows();
            int pre = offset[p.pre()];
            int post = offset[p.post()];
            for (int i = 0; i < rows.preCount(); i++) {
                for (int k = rows.rowStart()[i]; k < rows.rowStart()[i + 1]; k++) {
                    int j = rows.post()[k];
                    if (p.isGapJunction()) {
                        electrical.add(pre + i, post + j, rows.weight()[k]);
                        electrical.add(post + j, pre + i, rows.weight()[k]);
                    } else {
                        chemical.add(pre + i, post + j, p.sign() * rows.weight()[k]);
                    }
                }
            }
        }
        List<EdgeLayer> layers = new ArrayList<>();
        if (chemical.size > 0) {
            layers.add(chemical.layer(CHEMICAL, false, n));
        }
        if (electrical.size > 0) {
            layers.add(electrical.layer(ELECTRICAL, true, n));
        }
        return new Connectome(network.spec().name(), "network", nodes, null, layers, Map.of());
    }

    /** Growable (pre, post, weight) entries, turned into sorted, summed compressed rows. */
    private static final class Entries {
        private long[] key = new long[64];
        private double[] weight = new double[64];
        private int size;

        void add(int pre, int post, double w) {
            if (size == key.length) {
                key = Arrays.copyOf(key, 2 * size);
                weight = Arrays.copyOf(weight, 2 * size);
            }
            key[size] = ((long) pre << 32) | post;
            weight[size++] = w;
        }

        EdgeLayer layer(String name, boolean symmetric, int nodes) {
            // Entries bucketed by pre (counting sort), then each row sorted by (post, entry) packed in a long.
            int[] start = new int[nodes + 1];
            for (int k = 0; k < size; k++) {
                start[(int) (key[k] >>> 32) + 1]++;
            }
            for (int i = 0; i < nodes; i++) {
                start[i + 1] += start[i];
            }
            long[] byRow = new long[size];
            int[] fill = Arrays.copyOf(start, nodes);
            for (int k = 0; k < size; k++) {
                int pre = (int) (key[k] >>> 32);
                byRow[fill[pre]++] = ((key[k] & 0xffffffffL) << 32) | k;
            }
            int[] pres = new int[size];
            int[] col = new int[size];
            double[] w = new double[size];
            int m = 0;
            for (int i = 0; i < nodes; i++) {
                Arrays.sort(byRow, start[i], start[i + 1]);
                for (int e = start[i]; e < start[i + 1]; e++) {
                    int post = (int) (byRow[e] >>> 32);
                    double value = weight[(int) byRow[e]];
                    if (e > start[i] && col[m - 1] == post) {
                        w[m - 1] += value;
                        continue;
                    }
                    pres[m] = i;
                    col[m] = post;
                    w[m++] = value;
                }
            }
            // Opposite-signed synapses onto one pair can cancel; a layer holds no zero entries.
            int[] rowStart = new int[nodes + 1];
            int kept = 0;
            for (int e = 0; e < m; e++) {
                if (w[e] != 0) {
                    pres[kept] = pres[e];
                    col[kept] = col[e];
                    w[kept++] = w[e];
                    rowStart[pres[e] + 1]++;
                }
            }
            for (int i = 0; i < nodes; i++) {
                rowStart[i + 1] += rowStart[i];
            }
            m = kept;
            return EdgeLayer.ofCsr(name, symmetric, nodes, rowStart, Arrays.copyOf(col, m), Arrays.copyOf(w, m));
        }
    }
}
