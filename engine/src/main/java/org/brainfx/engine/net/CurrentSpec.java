package org.brainfx.engine.net;

import java.util.List;

/**
 * An injected current into a population's input (default its first input; values in that input's unit):
 * {@code step} ({@code amplitude} from {@code start} to {@code stop} ms), {@code ramp} (linear from 0 at
 * {@code start} to {@code amplitude} at {@code stop}), or {@code ou} (an Ornstein–Uhlenbeck noise with
 * {@code mean}, {@code sigma} and {@code tau} ms, independent per neuron), or {@code white} (a value drawn
 * anew every step and neuron from Normal({@code mean}, {@code sigma}), optionally only from {@code start} to
 * {@code stop}: for a model whose input moves V by dt/τ·I in a step, sigma = s·sqrt(τ/dt) gives voltage
 * noise of s·sqrt(dt/τ)·N(0,1) per step). {@code neurons} null: all.
 */
public record CurrentSpec(String population, String input, String kind, Double amplitude, Double start, Double stop,
                          Double mean, Double sigma, Double tau, List<Integer> neurons) {

    /** A constant current from start to stop into every neuron. */
    public static CurrentSpec step(String population, double amplitude, double start, double stop) {
        return new CurrentSpec(population, null, "step", amplitude, start, stop, null, null, null, null);
    }
}
