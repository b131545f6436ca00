package org.brainfx.engine.data;

/**
 * One row of an ABF epoch table (epoch A, B, …): a segment of the command waveform whose level and
 * length may change by a fixed amount from sweep to sweep.
 *
 * @param label         the epoch's letter as Clampex shows it (A for the first)
 * @param type          the ABF epoch type code ({@link #OFF}, {@link #STEP}, {@link #RAMP}, or a train type)
 * @param firstLevel    level in sweep 0, in the DAC's units
 * @param levelDelta    level added per sweep
 * @param firstDuration length in sweep 0, in samples per channel
 * @param durationDelta length added per sweep, in samples
 */
record AbfEpoch(char label, int type, double firstLevel, double levelDelta, int firstDuration, int durationDelta) {
    static final int OFF = 0;
    static final int STEP = 1;
    static final int RAMP = 2;

    /** Level in the given sweep (0-based). */
    double level(int sweep) {
        return firstLevel + levelDelta * sweep;
    }

    /** Length in the given sweep; a negative delta can drive it below zero, which Clampex plays as empty. */
    int duration(int sweep) {
        return (int) Math.max(0L, (long) firstDuration + (long) durationDelta * sweep);
    }

    /** The type's name as Clampex's waveform editor calls it, for messages. */
    String typeName() {
        return switch (type) {
            case OFF -> "off";
            case STEP -> "step";
            case RAMP -> "ramp";
            case 3 -> "pulse train";
            case 4 -> "triangle train";
            case 5 -> "cosine train";
            case 7 -> "biphasic train";
            default -> "type " + type;
        };
    }
}
