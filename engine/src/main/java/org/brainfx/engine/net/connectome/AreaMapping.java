package org.brainfx.engine.net.connectome;

import org.brainfx.engine.net.NeuronRef;

/**
 * A connectome whose nodes are cortical areas, made the spiking multi-area model of Joglekar et al.
 * (2018): each area an excitatory and an inhibitory population of LIF neurons with voltage-jump
 * (delta) synapses, local weights and inter-areal E→E and E→I weights scaled by the hierarchy gradient
 * (1 + α·h) with h = hierarchy / max(hierarchy), inter-areal weights by FLN (row = target area), every
 * pathway connected with one probability, inter-areal delays wiring distance / conduction speed drawn
 * per synapse from Normal(mean, spread·mean). Weights and drives are in mV; file names are relative to
 * the project (see {@link ConnectomeFiles}).
 *
 * @param fln                 the FLN matrix (a matrix file whose rows are targets, e.g. with a {@code target\source} corner)
 * @param wiring              the wiring distances in mm, same layout
 * @param hierarchy           a table with a name column and a numeric {@code hierarchy} column, one row per area
 * @param model               the LIF model (input I in mV: τ dV/dt = −(V − V_rest) + I; parameter {@code tau})
 * @param neuronsPerArea      neurons per area (E and I together; 2 000 in the paper)
 * @param excitatoryFraction  the excitatory share of an area (0.8)
 * @param keepInputMean       with fewer neurons than 2 000 per area, multiply every weight by 2 000 / neuronsPerArea
 *                            so that each neuron's mean synaptic input stays the paper's
 * @param connectionProbability every pathway's connection probability (0.1)
 * @param speed               conduction speed in m/s (= mm/ms; 3.5)
 * @param delaySpread         the per-synapse delay's standard deviation as a fraction of its mean (0.1)
 * @param localDelay          the delay of local synapses in ms (2)
 * @param alpha               the hierarchy gradient's slope α (4)
 * @param wEE                 local E→E weight
 * @param wIE                 local E→I weight
 * @param wEI                 local I→E weight (magnitude)
 * @param wII                 local I→I weight (magnitude)
 * @param muEE                inter-areal E→E scale
 * @param muIE                inter-areal E→I scale
 * @param vExtE               constant background drive of E neurons (mV)
 * @param vExtI               constant background drive of I neurons (mV)
 * @param noise               voltage noise: a jump of noise·sqrt(dt/τ)·N(0,1) mV per step
 * @param tauE                E membrane time constant (ms)
 * @param tauI                I membrane time constant (ms)
 * @param stimulusArea        the area whose E neurons receive the pulse
 * @param stimulus            the pulse's drive (mV)
 * @param stimulusStart       pulse onset (ms)
 * @param stimulusDuration    pulse length (ms)
 * @param dt                  time step (ms)
 * @param duration            run duration (ms)
 * @param seed                the network's seed
 */
public record AreaMapping(String fln, String wiring, String hierarchy, NeuronRef model, Integer neuronsPerArea,
                          Double excitatoryFraction, Boolean keepInputMean, Double connectionProbability, Double speed,
                          Double delaySpread, Double localDelay, Double alpha, Double wEE, Double wIE, Double wEI,
                          Double wII, Double muEE, Double muIE, Double vExtE, Double vExtI, Double noise, Double tauE,
                          Double tauI, String stimulusArea, Double stimulus, Double stimulusStart,
                          Double stimulusDuration, Double dt, Double duration, Long seed) {
    /** Neurons per area in the paper. */
    public static final int PAPER_NEURONS_PER_AREA = 2000;

    /** Missing values take the paper's (asynchronous regime, weak GBA where the two differ). */
    public AreaMapping {
        neuronsPerArea = neuronsPerArea == null ? PAPER_NEURONS_PER_AREA : neuronsPerArea;
        excitatoryFraction = or(excitatoryFraction, 0.8);
        keepInputMean = keepInputMean == null ? Boolean.TRUE : keepInputMean;
        connectionProbability = or(connectionProbability, 0.1);
        speed = or(speed, 3.5);
        delaySpread = or(delaySpread, 0.1);
        localDelay = or(localDelay, 2.0);
        alpha = or(alpha, 4.0);
        wEE = or(wEE, 0.01);
        wIE = or(wIE, 0.075);
        wEI = or(wEI, 0.0375);
        wII = or(wII, 0.075);
        muEE = or(muEE, 0.0375);
        muIE = or(muIE, 0.0475);
        vExtE = or(vExtE, 14.2);
        vExtI = or(vExtI, 14.7);
        noise = or(noise, 3.0);
        tauE = or(tauE, 20.0);
        tauI = or(tauI, 10.0);
        stimulusArea = stimulusArea == null ? "V1" : stimulusArea;
        stimulus = or(stimulus, 15.0);
        stimulusStart = or(stimulusStart, 300.0);
        stimulusDuration = or(stimulusDuration, 150.0);
        dt = or(dt, 0.1);
        duration = or(duration, 1000.0);
        seed = seed == null ? 1L : seed;
    }

    /**
     * The asynchronous regime of Joglekar et al. (2018) with weak global balance of excitation and
     * inhibition (wEI = μEE = 0.0375 mV, V1 input 15 mV): the V1 pulse fades along the hierarchy.
     */
    public static AreaMapping weakGba(String fln, String wiring, String hierarchy, NeuronRef model, int neuronsPerArea) {
        return new AreaMapping(fln, wiring, hierarchy, model, neuronsPerArea, null, null, null, null, null, null, null,
                null, null, 0.0375, null, 0.0375, null, null, null, null, null, null, null, 15.0, null, null, null,
                null, null);
    }

    /**
     * The asynchronous regime with strong global balance (wEI = μEE = 0.05 mV, V1 input 6.3 mV): the
     * pulse propagates up the hierarchy into frontal areas.
     */
    public static AreaMapping strongGba(String fln, String wiring, String hierarchy, NeuronRef model,
                                        int neuronsPerArea) {
        return new AreaMapping(fln, wiring, hierarchy, model, neuronsPerArea, null, null, null, null, null, null, null,
                null, null, 0.05, null, 0.05, null, null, null, null, null, null, null, 6.3, null, null, null,
                null, null);
    }

    private static Double or(Double value, double fallback) {
        return value == null ? fallback : value;
    }
}
