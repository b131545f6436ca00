package org.brainfx.engine.net;

/**
 * Short-term plasticity of a projection: {@code tsodyks_markram} (Tsodyks, Pawelzik &amp; Markram 1998;
 * Markram, Wang &amp; Tsodyks 1998) in the form of Brian2's example: per presynaptic neuron a
 * utilization u (decaying to 0 with {@code tauF} ms) and available resources x (recovering to 1 with
 * {@code tauD} ms); at a spike u += U·(1 − u), the synapse delivers w·u·x, and x −= u·x. Starts at
 * u = 0, x = 1. The states evolve exactly between a neuron's spikes (event-driven), so they cost
 * nothing while it is silent.
 *
 * @param u    the utilization increment U (0..1]
 * @param tauF facilitation time constant, ms (&gt; 0)
 * @param tauD depression (recovery) time constant, ms (&gt; 0)
 */
public record PlasticitySpec(String kind, Double u, Double tauF, Double tauD) {
    /** Tsodyks–Markram plasticity with the given parameters. */
    public static PlasticitySpec tsodyksMarkram(double u, double tauF, double tauD) {
        return new PlasticitySpec("tsodyks_markram", u, tauF, tauD);
    }
}
