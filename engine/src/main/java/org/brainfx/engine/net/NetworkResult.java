package org.brainfx.engine.net;

import java.util.List;
import java.util.Map;

/**
 * What a run recorded: per population its spikes (parallel arrays of step and neuron, in time order),
 * binned rates (Hz, one row per population) and state traces ({@code traces[population][state][neuron][sample]}).
 *
 * @param completedSteps steps simulated (fewer than {@code steps} when cancelled)
 * @param runSeconds     wall time of the time loop
 * @param cpuSeconds     processor time the time loop's threads spent (what Brian2's standalone run reports)
 */
public record NetworkResult(double dt, int steps, int completedSteps, List<String> populations, List<Integer> sizes,
                            List<int[]> spikeSteps, List<int[]> spikeNeurons, double rateBinMs, List<double[]> rates,
                            Map<String, StateTrace> traces, double runSeconds, double cpuSeconds, int threads) {

    /** Recorded states of some neurons of one population, sampled every {@code every} steps: {@code values[state][neuron][sample]}. */
    public record StateTrace(List<String> states, int[] neurons, int every, double[][][] values) { }

    /** Index of a population, or -1. */
    public int populationIndex(String name) {
        return populations.indexOf(name);
    }

    /** Mean firing rate of a population over the simulated time, Hz. */
    public double meanRateHz(String population) {
        int i = populationIndex(population);
        double seconds = completedSteps * dt / 1000.0;
        return seconds == 0 ? 0 : spikeSteps.get(i).length / (sizes.get(i) * seconds);
    }

    /** Total spikes of all populations. */
    public long spikeCount() {
        return spikeSteps.stream().mapToLong(a -> a.length).sum();
    }

    /** Each neuron's firing rate over the simulated time, Hz, in neuron order. */
    public double[] neuronRatesHz(String population) {
        int p = populationIndex(population);
        double[] rate = new double[sizes.get(p)];
        double seconds = completedSteps * dt / 1000.0;
        if (seconds == 0) {
            return rate;
        }
        for (int neuron : spikeNeurons.get(p)) {
            rate[neuron] += 1;
        }
        for (int i = 0; i < rate.length; i++) {
            rate[i] /= seconds;
        }
        return rate;
    }

    /**
     * Mean coefficient of variation of the inter-spike intervals over the neurons of a population with
     * at least three spikes (NaN when none has).
     */
    public double meanCvIsi(String population) {
        double sum = 0;
        int used = 0;
        for (double cv : neuronCvIsi(population)) {
            if (!Double.isNaN(cv)) {
                sum += cv;
                used++;
            }
        }
        return used == 0 ? Double.NaN : sum / used;
    }

    /**
     * Each neuron's coefficient of variation of its inter-spike intervals (standard deviation over mean),
     * in neuron order; NaN for a neuron with fewer than three spikes.
     */
    public double[] neuronCvIsi(String population) {
        int p = populationIndex(population);
        int n = sizes.get(p);
        int[] steps = spikeSteps.get(p);
        int[] neurons = spikeNeurons.get(p);
        int[] count = new int[n];
        for (int neuron : neurons) {
            count[neuron]++;
        }
        int[] start = new int[n + 1];
        for (int i = 0; i < n; i++) {
            start[i + 1] = start[i] + count[i];
        }
        int[] fill = start.clone();
        int[] byNeuron = new int[steps.length];
        for (int k = 0; k < steps.length; k++) {
            byNeuron[fill[neurons[k]]++] = steps[k];
        }
        double[] cvs = new double[n];
        for (int i = 0; i < n; i++) {
            int c = count[i];
            if (c < 3) {
                cvs[i] = Double.NaN;
                continue;
            }
            double mean = 0;
            for (int k = start[i] + 1; k < start[i + 1]; k++) {
                mean += byNeuron[k] - byNeuron[k - 1];
            }
            mean /= c - 1;
            double var = 0;
            for (int k = start[i] + 1; k < start[i + 1]; k++) {
                double d = byNeuron[k] - byNeuron[k - 1] - mean;
                var += d * d;
            }
            var /= c - 1;
            cvs[i] = Math.sqrt(var) / mean;
        }
        return cvs;
    }
}
