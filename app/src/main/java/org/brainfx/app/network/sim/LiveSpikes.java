package org.brainfx.app.network.sim;

import java.util.Arrays;
import org.brainfx.engine.net.NetworkProgress;

/**
 * The spikes of the running simulation received so far, per population in time order, with the
 * spike counts per millisecond from which the rate traces are drawn. Changed on the UI thread only.
 */
public final class LiveSpikes {
    private final RasterLayout layout;
    private final int stepsPerBin;
    private final int[][] steps;
    private final int[][] neurons;
    private final int[] count;
    private final int[][] binCounts;
    private int step;

    /** Empty, for a run of {@code layout}. */
    public LiveSpikes(RasterLayout layout) {
        this.layout = layout;
        int np = layout.size();
        stepsPerBin = Math.max(1, (int) Math.round(1.0 / layout.dt()));
        steps = new int[np][256];
        neurons = new int[np][256];
        count = new int[np];
        binCounts = new int[np][layout.steps() / stepsPerBin + 1];
    }

    /** Adds a snapshot's new spikes; populations are matched by position (the engine sends all in order). */
    public void add(NetworkProgress p) {
        for (int q = 0; q < steps.length && q < p.spikeSteps().size(); q++) {
            int[] s = p.spikeSteps().get(q);
            int[] n = p.spikeNeurons().get(q);
            int need = count[q] + s.length;
            if (need > steps[q].length) {
                int cap = Math.max(need, steps[q].length * 2);
                steps[q] = Arrays.copyOf(steps[q], cap);
                neurons[q] = Arrays.copyOf(neurons[q], cap);
            }
            System.arraycopy(s, 0, steps[q], count[q], s.length);
            System.arraycopy(n, 0, neurons[q], count[q], n.length);
            count[q] = need;
            int[] bins = binCounts[q];
            for (int t : s) {
                int b = t / stepsPerBin;
                if (b < bins.length) {
                    bins[b]++;
                }
            }
        }
        step = Math.max(step, p.step());
    }

    /** The run this holds. */
    public RasterLayout layout() {
        return layout;
    }

    /** Steps simulated so far. */
    public int step() {
        return step;
    }

    /** Spikes of population {@code p} so far. */
    public int count(int p) {
        return count[p];
    }

    /** Spikes of all populations so far. */
    public long total() {
        long n = 0;
        for (int c : count) {
            n += c;
        }
        return n;
    }

    /** Steps of population {@code p}'s spikes (valid up to {@link #count}; the array may be replaced as it grows). */
    public int[] steps(int p) {
        return steps[p];
    }

    /** Neurons of population {@code p}'s spikes (valid up to {@link #count}). */
    public int[] neurons(int p) {
        return neurons[p];
    }

    /** Steps a rate bin spans (1 ms of steps). */
    public int stepsPerBin() {
        return stepsPerBin;
    }

    /** Spike counts of population {@code p} per bin of {@link #stepsPerBin} steps, for the whole run. */
    public int[] binCounts(int p) {
        return binCounts[p];
    }

    /** The steps at which neuron {@code neuron} of population {@code p} spiked so far. */
    public int[] spikesOf(int p, int neuron) {
        int[] out = new int[16];
        int k = 0;
        for (int i = 0; i < count[p]; i++) {
            if (neurons[p][i] == neuron) {
                if (k == out.length) {
                    out = Arrays.copyOf(out, k * 2);
                }
                out[k++] = steps[p][i];
            }
        }
        return Arrays.copyOf(out, k);
    }
}
