package org.brainfx.engine.task;

/**
 * Every parameter of {@link DelayedMatchToSample}; a null field (absent from JSON) takes NeuroGym's
 * default (timing in ms, at this task's dt).
 *
 * @param dtMs       time step, ms (1)
 * @param ring       number of stimulus inputs, NeuroGym's {@code dim_ring} (2)
 * @param sigma      noise of the stimulus inputs; per step N(0, sigma/√dtMs) as NeuroGym (1)
 * @param fixationMs fixation period (300)
 * @param sampleMs   sample period (500)
 * @param delayMs    delay between sample and test (1 000)
 * @param testMs     test period (500)
 * @param decisionMs decision period, the loss steps (900)
 * @param encoding   how inputs become Poisson channels
 * @param testThroughDecision the test stimulus stays on through the decision, so a spiking network has
 *                   input while its answer is read and its gradient flows there (false: NeuroGym's timing,
 *                   a decision period without input, in which the paper's network falls silent)
 */
public record DelayedMatchSettings(Double dtMs, Integer ring, Double sigma, Double fixationMs, Double sampleMs,
                                   Double delayMs, Double testMs, Double decisionMs, RateEncoding encoding,
                                   Boolean testThroughDecision) {

    /** Fills absent fields with NeuroGym's defaults. */
    public DelayedMatchSettings {
        dtMs = dtMs == null ? 1.0 : dtMs;
        ring = ring == null ? 2 : ring;
        sigma = sigma == null ? 1.0 : sigma;
        fixationMs = fixationMs == null ? 300.0 : fixationMs;
        sampleMs = sampleMs == null ? 500.0 : sampleMs;
        delayMs = delayMs == null ? 1000.0 : delayMs;
        testMs = testMs == null ? 500.0 : testMs;
        decisionMs = decisionMs == null ? 900.0 : decisionMs;
        encoding = encoding == null ? RateEncoding.defaults() : encoding;
        testThroughDecision = testThroughDecision != null && testThroughDecision;
    }

    /** NeuroGym's task at dt 1 ms, 25 channels per input. */
    public static DelayedMatchSettings defaults() {
        return new DelayedMatchSettings(null, null, null, null, null, null, null, null, null, null);
    }

    /** These settings with another noise level. */
    public DelayedMatchSettings withSigma(double s) {
        return new DelayedMatchSettings(dtMs, ring, s, fixationMs, sampleMs, delayMs, testMs, decisionMs, encoding,
                testThroughDecision);
    }
}
