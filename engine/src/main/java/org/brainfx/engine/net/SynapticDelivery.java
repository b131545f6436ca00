package org.brainfx.engine.net;

/**
 * Delivers a projection's spikes after their delay: a spike of pre neuron i adds sign·w to the target
 * state of each of its row's post neurons, event-driven over the sparse row (only spiking neurons
 * cost anything, as in Brian2's C++). One delay for all synapses keeps a ring of spike lists; delays
 * per synapse keep a ring of per-neuron sums instead.
 */
final class SynapticDelivery {
    private final BuiltProjection projection;
    private final PopulationState post;
    private final int[] rowStart;
    private final int[] targets;
    private final float[] weights;
    private final float sign;
    private final int slots;
    private final int[][] spikeRing;
    private final int[] ringCount;
    private final short[] delays;
    /** Per-neuron sums by arrival slot, slot-major: slot {@code s}'s sum for neuron j at {@code s·postSize + j}. */
    private final float[] sumRing;
    private final int postSize;
    /** The post's refractory timer when arriving spikes are dropped on refractory neurons, else -1. */
    private final int timer;
    private final double holdAbove;
    /** Short-term plasticity, or null; then each queued spike carries its efficacy. */
    private final ShortTermPlasticity plasticity;
    private final float[][] efficacyRing;

    SynapticDelivery(BuiltProjection projection, int preCount, PopulationState post, double dt) {
        this.projection = projection;
        this.post = post;
        SparseRows rows = projection.rows();
        this.rowStart = rows.rowStart();
        this.targets = rows.post();
        this.weights = rows.weight();
        this.sign = projection.sign();
        this.delays = rows.delaySteps();
        this.slots = rows.maxDelaySteps() + 1;
        this.timer = projection.unlessRefractory() ? post.population.model().checked().refractoryState() : -1;
        // The kernel holds a neuron in the next step when its timer, less that step, exceeds half a step.
        this.holdAbove = 1.5 * dt;
        this.plasticity = projection.plasticity() == null ? null : new ShortTermPlasticity(projection.plasticity(), preCount, dt);
        this.efficacyRing = plasticity == null || delays != null ? null : new float[slots][Math.max(16, preCount)];
        if (delays == null) {
            spikeRing = new int[slots][Math.max(16, preCount)];
            ringCount = new int[slots];
            sumRing = null;
        } else {
            spikeRing = null;
            ringCount = null;
            sumRing = new float[Math.multiplyExact(slots, post.size)];
        }
        this.postSize = post.size;
    }

    BuiltProjection projection() {
        return projection;
    }

    /** Delivers spikes each scaled by its efficacy, dropping those that reach refractory neurons when asked. */
    private void deliverScaled(int[] arriving, float[] efficacy, int n, double[] target) {
        double[] left = timer < 0 ? null : post.next[timer];
        for (int s = 0; s < n; s++) {
            int i = arriving[s];
            float scale = sign * efficacy[s];
            for (int k = rowStart[i], end = rowStart[i + 1]; k < end; k++) {
                int j = targets[k];
                if (left == null || left[j] <= holdAbove) {
                    target[j] += scale * weights[k];
                }
            }
        }
    }

    /** Takes the pre spikes of {@code step} and adds what arrives at this step into the post's next states. */
    void step(int step, int[] spiked, int count) {
        double[] target = post.next[projection.targetState()];
        if (delays == null) {
            int slot = step % slots;
            if (spikeRing[slot].length < count) {
                spikeRing[slot] = new int[Math.max(count, 2 * spikeRing[slot].length)];
                if (efficacyRing != null) {
                    efficacyRing[slot] = new float[spikeRing[slot].length];
                }
            }
            System.arraycopy(spiked, 0, spikeRing[slot], 0, count);
            ringCount[slot] = count;
            if (plasticity != null) {
                for (int s = 0; s < count; s++) {
                    efficacyRing[slot][s] = (float) plasticity.efficacy(spiked[s], step);
                }
            }
            int due = (step + 1) % slots;
            int[] arriving = spikeRing[due];
            int n = ringCount[due];
            if (plasticity != null) {
                deliverScaled(arriving, efficacyRing[due], n, target);
            } else if (timer < 0) {
                for (int s = 0; s < n; s++) {
                    int i = arriving[s];
                    for (int k = rowStart[i], end = rowStart[i + 1]; k < end; k++) {
                        target[targets[k]] += sign * weights[k];
                    }
                }
            } else {
                double[] left = post.next[timer];
                for (int s = 0; s < n; s++) {
                    int i = arriving[s];
                    for (int k = rowStart[i], end = rowStart[i + 1]; k < end; k++) {
                        int j = targets[k];
                        if (left[j] <= holdAbove) {
                            target[j] += sign * weights[k];
                        }
                    }
                }
            }
            ringCount[due] = 0;
            return;
        }
        int now = step % slots;
        for (int s = 0; s < count; s++) {
            int i = spiked[s];
            float scale = plasticity == null ? sign : sign * (float) plasticity.efficacy(i, step);
            for (int k = rowStart[i], end = rowStart[i + 1]; k < end; k++) {
                // A delay is below slots, so one subtraction wraps the slot: no division per synapse.
                int slot = now + delays[k];
                if (slot >= slots) {
                    slot -= slots;
                }
                sumRing[slot * postSize + targets[k]] += scale * weights[k];
            }
        }
        double[] left = timer < 0 ? null : post.next[timer];
        for (int j = 0, d = now * postSize; j < postSize; j++, d++) {
            float due = sumRing[d];
            if (due != 0) {
                if (left == null || left[j] <= holdAbove) {
                    target[j] += due;
                }
                sumRing[d] = 0;
            }
        }
    }
}
