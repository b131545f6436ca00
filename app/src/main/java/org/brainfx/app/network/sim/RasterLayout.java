package org.brainfx.app.network.sim;

import java.util.List;
import org.brainfx.app.charts.NetworkPictures;

/**
 * What a raster shows of one run: the populations in order (name, type, size, colour, the state the
 * membrane-potential trace shows), the time step and the steps the run will take.
 */
public record RasterLayout(List<String> names, List<String> types, int[] sizes, List<String> voltageStates, double dt,
                           int steps) {

    /** Neurons of all populations. */
    public int neuronCount() {
        int n = 0;
        for (int s : sizes) {
            n += s;
        }
        return n;
    }

    /** The row (over all populations, from the top) of the first neuron of population {@code p}. */
    public int offset(int p) {
        int o = 0;
        for (int q = 0; q < p; q++) {
            o += sizes[q];
        }
        return o;
    }

    /** The population holding overall row {@code row}, or -1 outside. */
    public int populationOfRow(int row) {
        int o = 0;
        for (int p = 0; p < sizes.length; p++) {
            if (row >= o && row < o + sizes[p]) {
                return p;
            }
            o += sizes[p];
        }
        return -1;
    }

    /** Opaque ARGB colour of population {@code p}: blue for excitatory, red for inhibitory, others apart. */
    public int argb(int p) {
        return 0xff000000 | NetworkPictures.colour(types.get(p), p).getRGB();
    }

    /** Population count. */
    public int size() {
        return names.size();
    }
}
