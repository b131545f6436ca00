package org.brainfx.engine.train;

import java.util.List;

/**
 * A network loss and its gradient: per population with respect to its parameters
 * ({@code [parameter][neuron]}) and initial states ({@code [state][neuron]}), and per projection with
 * respect to each synapse's weight magnitude (in the order of its sparse rows).
 */
public record NetworkGradient(double loss, List<double[][]> parameters, List<double[][]> initial, List<double[]> weights) {
}
