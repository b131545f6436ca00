package org.brainfx.app.network.connectome;

/** A population's synapse sign as the mapping stores it. */
public enum Sign {
    /** +1: its chemical synapses excite. */
    EXCITATORY(1),
    /** −1: its chemical synapses inhibit. */
    INHIBITORY(-1),
    /** 0: modulatory, its chemical synapses are left out of the fast network. */
    MODULATORY(0);

    private final double value;

    Sign(double value) {
        this.value = value;
    }

    /** The mapping's number for this sign. */
    public double value() {
        return value;
    }

    /** The sign of a mapping's number (+1, −1 or 0). */
    public static Sign of(double value) {
        return value > 0 ? EXCITATORY : value < 0 ? INHIBITORY : MODULATORY;
    }
}
