package org.brainfx.engine.task;

/**
 * How a task's continuous inputs (NeuroGym's observations, around 0–1) reach a spiking network:
 * each input becomes a group of independent Poisson channels firing at
 * {@code max(0, value)·hzPerUnit + backgroundHz}, which feed the network's spike sources like the
 * evidence-accumulation channels do. Negative values (noise) are cut at 0 because a rate cannot be
 * negative; a rate above one spike per step saturates at one. The same rates (cut at 0 but not at the
 * channel limit) are in {@link TrialBatch#rates()} for networks that take inputs as currents.
 * A null field (absent from JSON) takes the default.
 *
 * @param channelsPerInput Poisson channels per input (25, as the evidence-accumulation groups)
 * @param hzPerUnit        rate of an input of value 1, Hz (40, the cue rate of evidence accumulation)
 * @param backgroundHz     rate added to every channel at every step, Hz (0)
 */
public record RateEncoding(Integer channelsPerInput, Double hzPerUnit, Double backgroundHz) {

    /** Fills absent fields with the defaults. */
    public RateEncoding {
        channelsPerInput = channelsPerInput == null ? 25 : channelsPerInput;
        hzPerUnit = hzPerUnit == null ? 40.0 : hzPerUnit;
        backgroundHz = backgroundHz == null ? 0.0 : backgroundHz;
    }

    /** 25 channels per input, 40 Hz per unit, no background. */
    public static RateEncoding defaults() {
        return new RateEncoding(null, null, null);
    }

    void check(String task, double dtMs) {
        Checks.atLeast(task, "encoding.channelsPerInput", channelsPerInput, 1);
        Checks.nonNegative(task, "encoding.hzPerUnit", hzPerUnit);
        Checks.rate(task, "encoding.backgroundHz", backgroundHz, dtMs);
    }

    /** The rate of an input of this value, before the background. */
    double hz(double value) {
        return value > 0 ? value * hzPerUnit : 0;
    }
}
