package org.brainfx.app.welcome;

import org.brainfx.app.charts.MinMaxDecimator;
import org.brainfx.engine.project.ResolvedProject;

/**
 * The small picture on a sample's card: the voltage of its most eventful sweep (the one with the
 * most spikes in the target, else the first), thinned to a few hundred points.
 *
 * @param x time, ms
 * @param y voltage (or the target state), in the model's unit
 */
public record SamplePreview(double[] x, double[] y) {

    /** Pixel columns the preview is thinned to. */
    static final int COLUMNS = 240;

    /** The preview of a resolved project: its target if it has one, else its simulated first recorded state. */
    public static SamplePreview of(ResolvedProject project) {
        double[][] traces = project.target();
        int sweep = 0;
        if (traces == null) {
            var sim = project.simulate();
            traces = new double[project.sweeps()][];
            for (int s = 0; s < traces.length; s++) {
                traces[s] = sim.trace(project.record().get(0), s);
            }
        } else if (project.targetSpikes() != null) {
            for (int s = 1; s < project.targetSpikes().length; s++) {
                if (project.targetSpikes()[s].length > project.targetSpikes()[sweep].length) {
                    sweep = s;
                }
            }
        }
        double[][] xy = MinMaxDecimator.decimate(traces[sweep], 0, project.dt(), COLUMNS);
        return new SamplePreview(xy[0], xy[1]);
    }
}
