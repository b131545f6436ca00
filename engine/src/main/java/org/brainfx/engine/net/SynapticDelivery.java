package org.brainfx.engine.net;

/**
 * Delivers a projection's spikes after their delay: a spike of pre neuron i adds sign·w to the target
 * state of each of its row's post neurons, event-driven over the sparse row (only spiking neurons
 * cost anything, as in Brian2's C++). One delay for all synapses keeps a ring of spike lists; delays
 * per synapse keep a ring of per-neuron sums instead.
 *
 * <p>A step is {@link #receive} (the step's spikes into the ring, short-term plasticity's efficacies: once),
 * {@link #deliver} (the arrivals into the post states: on one thread for all post neurons, or on two for the
 * lower and upper half, each touching only its own neurons) and {@link #finish}. Rows list their targets in
 * ascending order, so a half of a row is a contiguous run, and every post neuron receives its additions in the
 * same order whatever the split: results do not depend on the thread count.
 */
final class SynapticDelivery {
    /** Which post neurons a {@link #deliver} call serves. */
    static final int ALL = 0;
    static final int LOWER = 1;
    static final int UPPER = 2;

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
    /** The first post neuron of the upper half, and per row the first synapse onto it (null without halves). */
    private final int middle;
    private final int[] rowMiddle;
    /** The post's refractory timer when arriving spikes are dropped on refractory neurons, else -1. */
    private final int timer;
    private final double holdAbove;
    /** Short-term plasticity, or null; then each queued spike carries its efficacy. */
    private final ShortTermPlasticity plasticity;
    private final float[][] efficacyRing;
    /** The step's spikes and their scale (sign × efficacy), for delays per synapse. */
    private int[] received = new int[16];
    private float[] receivedScale = new float[16];
    private int receivedCount;

    /** @param halves whether {@link #deliver} will be called for the two halves of the post population */
    SynapticDelivery(BuiltProjection projection, int preCount, PopulationState post, double dt, boolean halves) {
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
        this.middle = halves ? LaneSplit.middle(post.size) : post.size;
        this.rowMiddle = halves ? rowMiddles(rowStart, targets, preCount, middle) : null;
    }

    /** Per row, the first synapse whose target is at or above {@code middle} (rows are sorted by target). */
    private static int[] rowMiddles(int[] rowStart, int[] targets, int preCount, int middle) {
        int[] at = new int[preCount];
        for (int i = 0; i < preCount; i++) {
            int low = rowStart[i];
            int high = rowStart[i + 1];
            while (low < high) {
                int mid = (low + high) >>> 1;
                if (targets[mid] < middle) {
                    low = mid + 1;
                } else {
                    high = mid;
                }
            }
            at[i] = low;
        }
        return at;
    }

    BuiltProjection projection() {
        return projection;
    }

    /** Takes the pre spikes of {@code step}: into the ring, with their efficacies under short-term plasticity. */
    void receive(int step, int[] spiked, int count) {
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
            return;
        }
        if (received.length < count) {
            received = new int[Math.max(count, 2 * received.length)];
            receivedScale = new float[received.length];
        }
        System.arraycopy(spiked, 0, received, 0, count);
        for (int s = 0; s < count; s++) {
            receivedScale[s] = plasticity == null ? sign : sign * (float) plasticity.efficacy(spiked[s], step);
        }
        receivedCount = count;
    }

    /** Adds what arrives at {@code step} into the next states of the post neurons of {@code part}. */
    void deliver(int step, int part) {
        double[] target = post.next[projection.targetState()];
        double[] left = timer < 0 ? null : post.next[timer];
        if (delays == null) {
            int due = (step + 1) % slots;
            int[] arriving = spikeRing[due];
            float[] efficacy = efficacyRing == null ? null : efficacyRing[due];
            int n = ringCount[due];
            for (int s = 0; s < n; s++) {
                int i = arriving[s];
                float scale = efficacy == null ? sign : sign * efficacy[s];
                int end = part == LOWER ? rowMiddle[i] : rowStart[i + 1];
                int k = part == UPPER ? rowMiddle[i] : rowStart[i];
                if (left == null) {
                    for (; k < end; k++) {
                        target[targets[k]] += scale * weights[k];
                    }
                } else {
                    for (; k < end; k++) {
                        int j = targets[k];
                        if (left[j] <= holdAbove) {
                            target[j] += scale * weights[k];
                        }
                    }
                }
            }
            return;
        }
        int now = step % slots;
        for (int s = 0; s < receivedCount; s++) {
            int i = received[s];
            float scale = receivedScale[s];
            int end = part == LOWER ? rowMiddle[i] : rowStart[i + 1];
            for (int k = part == UPPER ? rowMiddle[i] : rowStart[i]; k < end; k++) {
                // A delay is below slots, so one subtraction wraps the slot: no division per synapse.
                int slot = now + delays[k];
                if (slot >= slots) {
                    slot -= slots;
                }
                sumRing[slot * postSize + targets[k]] += scale * weights[k];
            }
        }
        int from = part == UPPER ? middle : 0;
        int to = part == LOWER ? middle : postSize;
        for (int j = from, d = now * postSize + from; j < to; j++, d++) {
            float due = sumRing[d];
            if (due != 0) {
                if (left == null || left[j] <= holdAbove) {
                    target[j] += due;
                }
                sumRing[d] = 0;
            }
        }
    }

    /** Ends the step: its arrivals are delivered, their ring slot free. */
    void finish(int step) {
        if (delays == null) {
            ringCount[(step + 1) % slots] = 0;
        }
    }
}
