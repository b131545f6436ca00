package org.brainfx.app.network.sim;

/**
 * The membrane potential of one clicked neuron over the run so far, recomputed by running the same
 * network again from its seed with a state monitor on that neuron, and its spikes as the raster has them.
 *
 * @param values     the state after each step
 * @param spikeSteps the steps of the neuron's spikes in the live run
 */
public record MembraneTrace(String population, int neuron, String state, double dt, double[] values, int[] spikeSteps) { }
