package org.brainfx.engine.net;

import java.util.List;

/**
 * What a run records: {@code spikes} (every spike of the populations), {@code states} (the named
 * states of the listed neurons, every {@code every} steps) or {@code rates} (population rates in bins
 * of {@code binMs}). {@code populations} null: all.
 */
public record MonitorSpec(String kind, List<String> populations, List<String> states, List<Integer> neurons,
                          Double binMs, Integer every) {

    /** All spikes of all populations. */
    public static MonitorSpec spikes() {
        return new MonitorSpec("spikes", null, null, null, null, null);
    }

    /** Population rates in bins of {@code binMs}. */
    public static MonitorSpec rates(double binMs) {
        return new MonitorSpec("rates", null, null, null, binMs, null);
    }

    /** The named states of some neurons of one population, every step. */
    public static MonitorSpec states(String population, List<String> states, List<Integer> neurons) {
        return new MonitorSpec("states", List.of(population), states, neurons, null, 1);
    }
}
