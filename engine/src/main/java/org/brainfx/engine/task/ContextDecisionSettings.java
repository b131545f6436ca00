package org.brainfx.engine.task;

import java.util.List;

/**
 * Every parameter of {@link ContextDecisionMaking}; a null field (absent from JSON) takes NeuroGym's
 * default (timing in ms, at this task's dt), except that the context is explicit by default.
 *
 * @param dtMs             time step, ms (1)
 * @param ring             number of directions per modality and of choices, NeuroGym's {@code dim_ring} (2)
 * @param explicitContext  a context input says which modality to report (true; NeuroGym's
 *                         {@code use_expl_context}, false there by default)
 * @param implicitModality the modality to report when the context is not explicit, 0 or 1 (0)
 * @param coherences       coherences in percent, drawn per trial and modality (5, 15, 50)
 * @param sigma            noise of the stimulus inputs; per step N(0, sigma/√dtMs) as NeuroGym (1)
 * @param fixationMs       fixation period (300)
 * @param stimulusMs       stimulus period (750)
 * @param delayMeanMs      mean of the exponential the delay is drawn from (600)
 * @param delayMinMs       shortest delay (300)
 * @param delayMaxMs       longest delay, exclusive (3 000); equal to the minimum for a fixed delay
 * @param decisionMs       decision period, the loss steps (100)
 * @param encoding         how inputs become Poisson channels
 * @param stimulusThroughDecision both modalities' stimuli stay on through the delay and decision, so a
 *                         spiking network has the evidence while its answer is read (false: NeuroGym's
 *                         timing, the stimuli off during the delay)
 */
public record ContextDecisionSettings(Double dtMs, Integer ring, Boolean explicitContext, Integer implicitModality,
                                      List<Double> coherences, Double sigma, Double fixationMs, Double stimulusMs,
                                      Double delayMeanMs, Double delayMinMs, Double delayMaxMs, Double decisionMs,
                                      RateEncoding encoding, Boolean stimulusThroughDecision) {

    /** Fills absent fields with the defaults. */
    public ContextDecisionSettings {
        dtMs = dtMs == null ? 1.0 : dtMs;
        ring = ring == null ? 2 : ring;
        explicitContext = explicitContext == null ? Boolean.TRUE : explicitContext;
        implicitModality = implicitModality == null ? 0 : implicitModality;
        coherences = coherences == null ? List.of(5.0, 15.0, 50.0) : coherences;
        sigma = sigma == null ? 1.0 : sigma;
        fixationMs = fixationMs == null ? 300.0 : fixationMs;
        stimulusMs = stimulusMs == null ? 750.0 : stimulusMs;
        delayMeanMs = delayMeanMs == null ? 600.0 : delayMeanMs;
        delayMinMs = delayMinMs == null ? 300.0 : delayMinMs;
        delayMaxMs = delayMaxMs == null ? 3000.0 : delayMaxMs;
        decisionMs = decisionMs == null ? 100.0 : decisionMs;
        encoding = encoding == null ? RateEncoding.defaults() : encoding;
        stimulusThroughDecision = stimulusThroughDecision != null && stimulusThroughDecision;
    }

    /** NeuroGym's task with an explicit context, at dt 1 ms, 25 channels per input. */
    public static ContextDecisionSettings defaults() {
        return new ContextDecisionSettings(null, null, null, null, null, null, null, null, null, null, null, null, null,
                null);
    }

    /** These settings with another noise level. */
    public ContextDecisionSettings withSigma(double s) {
        return new ContextDecisionSettings(dtMs, ring, explicitContext, implicitModality, coherences, s, fixationMs,
                stimulusMs, delayMeanMs, delayMinMs, delayMaxMs, decisionMs, encoding, stimulusThroughDecision);
    }

    /** These settings with a delay drawn from another truncated exponential (min = max for a fixed delay). */
    public ContextDecisionSettings withDelay(double meanMs, double minMs, double maxMs) {
        return new ContextDecisionSettings(dtMs, ring, explicitContext, implicitModality, coherences, sigma,
                fixationMs, stimulusMs, meanMs, minMs, maxMs, decisionMs, encoding, stimulusThroughDecision);
    }
}
