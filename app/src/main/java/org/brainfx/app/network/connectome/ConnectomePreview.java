package org.brainfx.app.network.connectome;

import org.brainfx.engine.data.connectome.Connectome;
import org.brainfx.engine.data.connectome.ConnectomeSummary;

/**
 * What the import dialog shows of a connectome it read: the connectome, the figures
 * {@code brainfx inspect} prints, each node's degrees and their histograms.
 *
 * @param connectome the wiring read
 * @param summary    the figures of {@code brainfx inspect}
 * @param degrees    every node's out- and in-degree
 * @param out        the out-degree histogram
 * @param in         the in-degree histogram
 * @param readMillis how long reading took
 */
public record ConnectomePreview(Connectome connectome, ConnectomeSummary summary, NodeDegrees degrees,
                                DegreeHistogram out, DegreeHistogram in, double readMillis) {

    /** Bins of a degree histogram, at most. */
    static final int HISTOGRAM_BINS = 40;

    /** Computes the figures of {@code c}, read in {@code readMillis}. */
    public static ConnectomePreview of(Connectome c, double readMillis) {
        NodeDegrees d = NodeDegrees.of(c);
        return new ConnectomePreview(c, ConnectomeSummary.of(c), d, DegreeHistogram.of(d.out(), HISTOGRAM_BINS),
                DegreeHistogram.of(d.in(), HISTOGRAM_BINS), readMillis);
    }
}
