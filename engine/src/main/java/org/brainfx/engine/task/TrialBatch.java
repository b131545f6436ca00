package org.brainfx.engine.task;

import java.util.List;
import java.util.Map;

/**
 * One batch of generated trials: rates and Poisson spikes of every input channel, labels, the loss
 * mask and per-trial facts. Arrays are shared, not copied (a batch of 128 evidence-accumulation
 * trials is ~6 MB); treat them as read-only.
 *
 * <p>Layouts (all step-major, because a network advances every trial of a batch one step at a
 * time):
 * <ul>
 *   <li>{@code rates[(step·trials + trial)·groups + group]}: the rate in Hz of every channel of
 *       that group at that step: the task's continuous input, usable as a current by a rate network;</li>
 *   <li>spikes in compressed rows: the channels that spiked at {@code step} in {@code trial} are
 *       {@code spikeChannel[spikeStart[c] … spikeStart[c + 1] − 1]} with cell
 *       {@code c = step·trials + trial}, ascending; a channel spikes at most once a step, with
 *       probability rate·dt (a Bernoulli approximation of Poisson, as the reference's tasks draw
 *       it). Rates are low (1–40 Hz), so this takes ~1 % of the memory of a dense
 *       trials × steps × channels array;</li>
 *   <li>{@code mask[step]}: the steps whose readout counts in the loss and the accuracy, the same
 *       for every trial (tasks whose trials differ in length align them at their end, see
 *       {@link ContextDecisionMaking});</li>
 *   <li>{@code info}: per-trial facts by name (e.g. {@code leftCues}, {@code coherence}), each an
 *       array of length {@code trials}.</li>
 * </ul>
 *
 * @param task         the generating task's name
 * @param seed         the seed it was generated from
 * @param batchIndex   the batch index it was generated from
 * @param trials       number of trials
 * @param steps        steps per trial
 * @param dtMs         time step, ms
 * @param groups       the input groups, in channel order
 * @param rates        group rates, Hz, layout above
 * @param spikeStart   row starts of the spike cells, length {@code steps·trials + 1}
 * @param spikeChannel channels of the spikes, layout above
 * @param classNames   the label classes
 * @param labels       the class index of every trial
 * @param mask         loss/accuracy steps
 * @param periods      the trial's periods (for tasks with per-trial timing, those of the longest
 *                     trial, see the task)
 * @param info         per-trial facts
 */
public record TrialBatch(String task, long seed, long batchIndex, int trials, int steps, double dtMs,
                         List<InputGroup> groups, float[] rates, int[] spikeStart, int[] spikeChannel,
                         List<String> classNames, int[] labels, boolean[] mask, List<Period> periods,
                         Map<String, double[]> info) {

    /** Copies the lists and the map (not the arrays). */
    public TrialBatch {
        groups = List.copyOf(groups);
        classNames = List.copyOf(classNames);
        periods = List.copyOf(periods);
        info = Map.copyOf(info);
    }

    /** The number of input channels. */
    public int channels() {
        return groups.isEmpty() ? 0 : groups.get(groups.size() - 1).end();
    }

    /** The index of the spike cell of {@code trial} at {@code step} (see the layout). */
    public int cell(int step, int trial) {
        return step * trials + trial;
    }

    /** The rate in Hz of the channels of group {@code group} in {@code trial} at {@code step}. */
    public float rate(int step, int trial, int group) {
        return rates[(step * trials + trial) * groups.size() + group];
    }

    /** The group called {@code name}; the error lists the groups there are. */
    public int group(String name) {
        for (int g = 0; g < groups.size(); g++) {
            if (groups.get(g).name().equals(name)) {
                return g;
            }
        }
        throw new IllegalArgumentException("task '" + task + "' has no input group '" + name + "'; its groups are "
                + groups.stream().map(InputGroup::name).toList());
    }

    /** The per-trial fact called {@code name}; the error lists the facts there are. */
    public double[] info(String name) {
        double[] v = info.get(name);
        if (v == null) {
            throw new IllegalArgumentException("task '" + task + "' records no per-trial '" + name + "'; it records "
                    + info.keySet().stream().sorted().toList());
        }
        return v;
    }

    /** The period called {@code name}; the error lists the periods there are. */
    public Period period(String name) {
        for (Period p : periods) {
            if (p.name().equals(name)) {
                return p;
            }
        }
        throw new IllegalArgumentException("task '" + task + "' has no period '" + name + "'; its periods are "
                + periods.stream().map(Period::name).toList());
    }

    /** The number of steps the mask counts. */
    public int maskedSteps() {
        int n = 0;
        for (boolean m : mask) {
            n += m ? 1 : 0;
        }
        return n;
    }

    /** The total number of input spikes in the batch. */
    public int spikeCount() {
        return spikeStart[spikeStart.length - 1];
    }

    /** Spikes of {@code trial} on channels [{@code fromChannel}, {@code toChannel}) in steps [{@code fromStep}, {@code toStep}). */
    public int spikeCount(int trial, int fromStep, int toStep, int fromChannel, int toChannel) {
        int n = 0;
        for (int t = fromStep; t < toStep; t++) {
            int c = t * trials + trial;
            for (int k = spikeStart[c]; k < spikeStart[c + 1]; k++) {
                int ch = spikeChannel[k];
                n += ch >= fromChannel && ch < toChannel ? 1 : 0;
            }
        }
        return n;
    }

    /**
     * Writes the spikes of {@code step} as a dense trials × channels 0/1 matrix (row-major, a row per
     * trial) into {@code out}, for dense products (e.g. ND4J GEMM); returns {@code out}.
     */
    public float[] denseStep(int step, float[] out) {
        int n = channels();
        if (out.length < trials * n) {
            throw new IllegalArgumentException("denseStep needs an array of trials·channels = " + trials * n
                    + " floats, got " + out.length);
        }
        java.util.Arrays.fill(out, 0, trials * n, 0f);
        for (int b = 0; b < trials; b++) {
            int c = step * trials + b;
            for (int k = spikeStart[c]; k < spikeStart[c + 1]; k++) {
                out[b * n + spikeChannel[k]] = 1f;
            }
        }
        return out;
    }
}
