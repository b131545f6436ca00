package org.brainfx.engine.task;

/**
 * Every parameter of the {@link EvidenceAccumulation} task. A field left null (absent from JSON)
 * takes the reference paper's value (Wang et al. 2024), which is what {@link #defaults()} gives; the values are
 * checked when the task is made.
 *
 * @param dtMs                time step, ms (1)
 * @param leftChannels        channels of the left-cue group (25)
 * @param rightChannels       channels of the right-cue group (25)
 * @param recallChannels      channels of the recall group (25)
 * @param noiseChannels       channels of the background-noise group (25; 0 for none)
 * @param leftRateHz          rate of a left channel during a left cue (40)
 * @param rightRateHz         rate of a right channel during a right cue (40)
 * @param recallRateHz        rate of a recall channel during the recall period (40)
 * @param noiseRateHz         rate of a noise channel, throughout (10)
 * @param cues                number of cues (7); with an even number a tie is labelled right (0), as the reference does
 * @param gapMs               silence before each cue (50)
 * @param cueMs               duration of each cue (100)
 * @param delayMs             delay after the last cue (1000)
 * @param recallMs            recall period, the loss steps (150)
 * @param majorityProbability probability that a cue goes to the trial's majority side (0.7; the
 *                            reference's {@code prob} = 0.3 is its complement)
 */
public record EvidenceAccumulationSettings(Double dtMs, Integer leftChannels, Integer rightChannels,
                                           Integer recallChannels, Integer noiseChannels, Double leftRateHz,
                                           Double rightRateHz, Double recallRateHz, Double noiseRateHz, Integer cues,
                                           Double gapMs, Double cueMs, Double delayMs, Double recallMs,
                                           Double majorityProbability) {

    /** Fills absent fields with the reference's values. */
    public EvidenceAccumulationSettings {
        dtMs = dtMs == null ? 1.0 : dtMs;
        leftChannels = leftChannels == null ? 25 : leftChannels;
        rightChannels = rightChannels == null ? 25 : rightChannels;
        recallChannels = recallChannels == null ? 25 : recallChannels;
        noiseChannels = noiseChannels == null ? 25 : noiseChannels;
        leftRateHz = leftRateHz == null ? 40.0 : leftRateHz;
        rightRateHz = rightRateHz == null ? 40.0 : rightRateHz;
        recallRateHz = recallRateHz == null ? 40.0 : recallRateHz;
        noiseRateHz = noiseRateHz == null ? 10.0 : noiseRateHz;
        cues = cues == null ? 7 : cues;
        gapMs = gapMs == null ? 50.0 : gapMs;
        cueMs = cueMs == null ? 100.0 : cueMs;
        delayMs = delayMs == null ? 1000.0 : delayMs;
        recallMs = recallMs == null ? 150.0 : recallMs;
        majorityProbability = majorityProbability == null ? 0.7 : majorityProbability;
    }

    /** The reference's task: 100 channels, 7 cues, 1 000 ms delay, 150 ms recall, 2 200 steps of 1 ms. */
    public static EvidenceAccumulationSettings defaults() {
        return new EvidenceAccumulationSettings(null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null);
    }

    /** These settings with another number of cues. */
    public EvidenceAccumulationSettings withCues(int n) {
        return new EvidenceAccumulationSettings(dtMs, leftChannels, rightChannels, recallChannels, noiseChannels,
                leftRateHz, rightRateHz, recallRateHz, noiseRateHz, n, gapMs, cueMs, delayMs, recallMs,
                majorityProbability);
    }

    /** These settings with another delay. */
    public EvidenceAccumulationSettings withDelayMs(double ms) {
        return new EvidenceAccumulationSettings(dtMs, leftChannels, rightChannels, recallChannels, noiseChannels,
                leftRateHz, rightRateHz, recallRateHz, noiseRateHz, cues, gapMs, cueMs, ms, recallMs,
                majorityProbability);
    }

    /** These settings with another majority probability. */
    public EvidenceAccumulationSettings withMajorityProbability(double p) {
        return new EvidenceAccumulationSettings(dtMs, leftChannels, rightChannels, recallChannels, noiseChannels,
                leftRateHz, rightRateHz, recallRateHz, noiseRateHz, cues, gapMs, cueMs, delayMs, recallMs, p);
    }
}
