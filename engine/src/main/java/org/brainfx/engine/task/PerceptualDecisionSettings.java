package org.brainfx.engine.task;

import java.util.List;

/**
 * Every parameter of {@link PerceptualDecisionMaking}; a null field (absent from JSON) takes
 * NeuroGym's default (timing in ms, at this task's dt).
 *
 * @param dtMs        time step, ms (1)
 * @param choices     number of stimulus directions and choices, NeuroGym's {@code dim_ring} (2)
 * @param coherences  coherences in percent, one drawn uniformly per trial (0, 6.4, 12.8, 25.6, 51.2)
 * @param sigma       noise of the stimulus inputs; per step N(0, sigma/√dtMs) as NeuroGym (1)
 * @param fixationMs  fixation period (100)
 * @param stimulusMs  stimulus period (2 000)
 * @param delayMs     delay between stimulus and decision (0)
 * @param decisionMs  decision period, the loss steps (100)
 * @param encoding    how inputs become Poisson channels
 * @param stimulusThroughDecision the stimulus stays on through the delay and decision (as in the
 *                    reaction-time random-dot task, where the dots move until the monkey answers), so a
 *                    spiking network has input while its answer is read (false: NeuroGym's timing)
 */
public record PerceptualDecisionSettings(Double dtMs, Integer choices, List<Double> coherences, Double sigma,
                                         Double fixationMs, Double stimulusMs, Double delayMs, Double decisionMs,
                                         RateEncoding encoding, Boolean stimulusThroughDecision) {

    /** Fills absent fields with NeuroGym's defaults. */
    public PerceptualDecisionSettings {
        dtMs = dtMs == null ? 1.0 : dtMs;
        choices = choices == null ? 2 : choices;
        coherences = coherences == null ? List.of(0.0, 6.4, 12.8, 25.6, 51.2) : coherences;
        sigma = sigma == null ? 1.0 : sigma;
        fixationMs = fixationMs == null ? 100.0 : fixationMs;
        stimulusMs = stimulusMs == null ? 2000.0 : stimulusMs;
        delayMs = delayMs == null ? 0.0 : delayMs;
        decisionMs = decisionMs == null ? 100.0 : decisionMs;
        encoding = encoding == null ? RateEncoding.defaults() : encoding;
        stimulusThroughDecision = stimulusThroughDecision != null && stimulusThroughDecision;
    }

    /** NeuroGym's task at dt 1 ms, 25 channels per input. */
    public static PerceptualDecisionSettings defaults() {
        return new PerceptualDecisionSettings(null, null, null, null, null, null, null, null, null, null);
    }

    /** These settings with another coherence set. */
    public PerceptualDecisionSettings withCoherences(List<Double> percent) {
        return new PerceptualDecisionSettings(dtMs, choices, percent, sigma, fixationMs, stimulusMs, delayMs,
                decisionMs, encoding, stimulusThroughDecision);
    }

    /** These settings with another noise level. */
    public PerceptualDecisionSettings withSigma(double s) {
        return new PerceptualDecisionSettings(dtMs, choices, coherences, s, fixationMs, stimulusMs, delayMs,
                decisionMs, encoding, stimulusThroughDecision);
    }
}
