package org.brainfx.engine.net;

/**
 * A projection's synapses as compressed sparse rows, one row per presynaptic neuron: the targets of
 * pre neuron {@code i} are {@code post[rowStart[i] .. rowStart[i+1]-1]} with weight magnitudes
 * {@code weight[k]} (≥ 0; the sign belongs to the presynaptic population) and, when delays differ
 * per synapse, {@code delaySteps[k]}; otherwise every synapse has {@code constantDelaySteps}.
 * A static synapse costs 8 bytes (an int target and a float weight), plus 2 for its own delay.
 */
public record SparseRows(int preCount, int postCount, int[] rowStart, int[] post, float[] weight,
                         short[] delaySteps, int constantDelaySteps) {

    /** Number of synapses. */
    public int synapseCount() {
        return rowStart[preCount];
    }

    /** Delay of synapse {@code k} in steps. */
    public int delay(int k) {
        return delaySteps == null ? constantDelaySteps : delaySteps[k];
    }

    /** The largest delay in steps. */
    public int maxDelaySteps() {
        if (delaySteps == null) {
            return constantDelaySteps;
        }
        int max = 0;
        for (short d : delaySteps) {
            max = Math.max(max, d);
        }
        return max;
    }

    /** Bytes held by the synapse arrays (targets, weights, delays, row starts). */
    public long bytes() {
        return 4L * post.length + 4L * weight.length + (delaySteps == null ? 0 : 2L * delaySteps.length)
                + 4L * rowStart.length;
    }
}
