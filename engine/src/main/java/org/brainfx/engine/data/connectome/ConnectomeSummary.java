package org.brainfx.engine.data.connectome;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * What {@code brainfx inspect} reports about a connectome. Edges are stored directed entries
 * summed over layers (an edge list's rows as written, merged where they repeat; an undirected
 * gap junction listed both ways counts twice); degrees count edges the same way; matrix rows are
 * presynaptic.
 *
 * @param nodes       number of nodes
 * @param edges       directed non-zero entries over all layers
 * @param weightSum   sum of all weights over all layers
 * @param edgeTypes   edges per layer, in layer order
 * @param nodeTypes   nodes per cell type (the {@code type} attribute), sorted; empty without types
 * @param rowTypes    an edge list's rows per type as written (used or not), sorted; empty for matrices
 * @param density     edges that are not self-loops over {@code layers × n × (n − 1)} (the fraction of
 *                    possible directed connections present, averaged over layers)
 * @param outDegree   edges leaving each node: minimum, maximum, mean
 * @param inDegree    edges reaching each node: minimum, maximum, mean
 * @param reciprocity fraction of edges (not self-loops) whose reverse edge exists in the same layer
 * @param selfLoops   edges from a node to itself
 * @param layers      the same figures per layer
 */
public record ConnectomeSummary(int nodes, long edges, double weightSum, Map<String, Long> edgeTypes,
                                Map<String, Integer> nodeTypes, Map<String, Integer> rowTypes, double density,
                                Degree outDegree, Degree inDegree, double reciprocity, long selfLoops,
                                List<LayerSummary> layers) {

    /** Minimum, maximum and mean of a degree over the nodes. */
    public record Degree(int min, int max, double mean) { }

    /**
     * One layer's figures.
     *
     * @param symmetric whether the layer holds undirected connections stored both ways
     */
    public record LayerSummary(String name, boolean symmetric, long edges, double weightSum, double density,
                               double reciprocity, long selfLoops) { }

    /** Computes the summary of {@code c}. */
    public static ConnectomeSummary of(Connectome c) {
        int n = c.nodeCount();
        int[] out = new int[n];
        int[] in = new int[n];
        long edges = 0;
        long loops = 0;
        long reciprocated = 0;
        double weightSum = 0;
        Map<String, Long> edgeTypes = new LinkedHashMap<>();
        List<LayerSummary> layers = new ArrayList<>();
        for (EdgeLayer layer : c.layers()) {
            long layerLoops = 0;
            long layerReciprocated = 0;
            for (int i = 0; i < n; i++) {
                for (int k = layer.rowStart(i); k < layer.rowStart(i + 1); k++) {
                    int j = layer.post(k);
                    out[i]++;
                    in[j]++;
                    if (i == j) {
                        layerLoops++;
                    } else if (layer.weight(j, i) != 0) {
                        layerReciprocated++;
                    }
                }
            }
            long layerEdges = layer.edgeCount();
            double layerWeight = layer.weightSum();
            edges += layerEdges;
            loops += layerLoops;
            reciprocated += layerReciprocated;
            weightSum += layerWeight;
            edgeTypes.put(layer.name(), layerEdges);
            layers.add(new LayerSummary(layer.name(), layer.symmetric(), layerEdges, layerWeight,
                    density(layerEdges - layerLoops, 1, n), ratio(layerReciprocated, layerEdges - layerLoops),
                    layerLoops));
        }
        Map<String, Integer> nodeTypes = new TreeMap<>();
        List<String> types = c.attributes().text(NodeAttributes.TYPE);
        if (types != null) {
            for (String type : types) {
                nodeTypes.merge(type == null ? "(none)" : type, 1, Integer::sum);
            }
        }
        return new ConnectomeSummary(n, edges, weightSum, edgeTypes, nodeTypes, new TreeMap<>(c.rowTypes()),
                density(edges - loops, c.layers().size(), n), degree(out), degree(in),
                ratio(reciprocated, edges - loops), loops, layers);
    }

    private static double density(long edges, int layers, int n) {
        double possible = (double) layers * n * (n - 1);
        return possible == 0 ? 0 : edges / possible;
    }

    private static double ratio(long part, long whole) {
        return whole == 0 ? 0 : (double) part / whole;
    }

    private static Degree degree(int[] d) {
        if (d.length == 0) {
            return new Degree(0, 0, 0);
        }
        int min = Integer.MAX_VALUE;
        int max = 0;
        long sum = 0;
        for (int v : d) {
            min = Math.min(min, v);
            max = Math.max(max, v);
            sum += v;
        }
        return new Degree(min, max, (double) sum / d.length);
    }
}
