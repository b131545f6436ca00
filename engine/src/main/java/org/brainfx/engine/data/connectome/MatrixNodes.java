package org.brainfx.engine.data.connectome;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What every matrix reader shares: default node names, the weight checks, types from a labels file. */
final class MatrixNodes {

    private MatrixNodes() {
    }

    /** Names for nodes a file does not name: their 0-based index as text. */
    static List<String> numbered(int n) {
        List<String> names = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
            names.add(Integer.toString(i));
        }
        return names;
    }

    /** Whether {@code w} is refused: NaN or infinite, or negative unless signed weights are allowed. */
    static boolean bad(double w, ConnectomeOptions options) {
        return !Double.isFinite(w) || (w < 0 && !options.signedWeights());
    }

    /** The error for a {@linkplain #bad bad} weight found at {@code where}. */
    static ConnectomeException refused(double w, String where) {
        if (!Double.isFinite(w)) {
            return new ConnectomeException(where + ": " + w + " is not a finite number; a connectome holds synapse"
                    + " counts or weights (write 0 for no connection)");
        }
        return new ConnectomeException(where + ": " + w + " is negative; a synapse count is 0 or more (read the file"
                + " with signed weights allowed if the signs are meant)");
    }

    /** The type column a labels file of repeated labels gives, or no attributes. */
    static NodeAttributes typeAttributes(int n, NodeLabels.Applied labels) {
        if (labels == null || labels.types() == null) {
            return NodeAttributes.none(n);
        }
        Map<String, List<String>> texts = new LinkedHashMap<>();
        texts.put(NodeAttributes.TYPE, labels.types());
        return NodeAttributes.of(n, texts, Map.of());
    }
}
