package org.brainfx.engine.train;

/**
 * The online (forward-in-time) gradient rules for an {@link EiRsnn}, as brainscale / braintrace
 * define them (chaobrain/braintrace {@code _algorithm/param_dim_vjp.py} for D-RTRL and
 * {@code _algorithm/io_dim_vjp.py} for ES-D-RTRL; Wang et al., "Model-agnostic linear-memory online
 * learning in spiking neural networks", Nat. Commun. 2026; REFERENCE.md §5). Both keep eligibility
 * traces that advance with the network and cut the recurrent Jacobian to each neuron's own states,
 * so their memory does not grow with trial length. See {@link OnlineGradient} for the step.
 */
public enum OnlineRule {
    /**
     * Diagonal-approximated RTRL: one eligibility trace per weight and neuron state
     * (O(B·I·N·S) memory, O(B·I·N·S) work a step).
     */
    D_RTRL,
    /**
     * Exponentially smoothed D-RTRL: a smoothed trace per presynaptic input (B × I) times a smoothed
     * trace per neuron state (B × N × S), O(B·(I + N·S)) memory; the smoothing α is a separate
     * parameter ({@link #PAPER_ALPHA} in the paper's evidence-accumulation runs).
     */
    ES_D_RTRL;

    /** The ES smoothing α of the paper's evidence-accumulation runs (the library's example uses 0.99). */
    public static final double PAPER_ALPHA = 0.9;

    /** The rule named {@code name} as the command line writes it ({@code d-rtrl}, {@code es-d-rtrl}); the error lists them. */
    public static OnlineRule parse(String name) {
        for (OnlineRule r : values()) {
            if (r.cliName().equalsIgnoreCase(name) || r.name().equalsIgnoreCase(name)) {
                return r;
            }
        }
        throw new IllegalArgumentException("unknown online rule '" + name + "'; use d-rtrl or es-d-rtrl");
    }

    /** The command line's name of this rule. */
    public String cliName() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
