package org.brainfx.engine.optim;

/** How Adam keeps its iterates inside the bounds. */
public enum AdamBoundHandling {
    /** Take the unconstrained step, then clip onto the box; a solution on a bound is reached exactly. */
    PROJECTION("projection"),
    /**
     * Optimize an unbounded {@code v} with {@code x = lower + (upper - lower) * sigmoid(v)}; smooth,
     * but a bound is only approached, never reached.
     */
    REPARAMETRIZATION("reparametrize");

    private final String key;

    AdamBoundHandling(String key) {
        this.key = key;
    }

    /** The name used in project files and on the command line. */
    public String key() {
        return key;
    }

    /** The handling called {@code key} ({@code projection} or {@code reparametrize}, case-insensitive). */
    public static AdamBoundHandling fromKey(String key) {
        for (AdamBoundHandling h : values()) {
            if (h.key.equalsIgnoreCase(key) || h.name().equalsIgnoreCase(key)) {
                return h;
            }
        }
        throw new IllegalArgumentException("unknown Adam bound handling '" + key + "'; use 'projection' or 'reparametrize'");
    }

    @Override
    public String toString() {
        return key;
    }
}
