package org.brainfx.engine.train;

import com.google.gson.JsonObject;
import org.brainfx.engine.net.ConnectivitySpec;
import org.brainfx.engine.net.NetworkSpec;
import org.brainfx.engine.net.PositionSpec;

/**
 * A training project as saved (JSON, schema-versioned): a cognitive task, the E/I recurrent spiking
 * network to train on it, and the training settings. The network is either {@code rsnn} (the trainer's
 * own description; absent fields take the reference values, REFERENCE.md §2–3, so a project states only
 * what differs) or {@code network}, an ordinary network spec as network projects write it, with a
 * {@code readout} ({@link NetworkRsnn}); with {@code network}, {@code rsnn} may only name trained weights
 * to start from.
 *
 * @param schemaVersion format version
 * @param name          the project's name
 * @param description   what it is for
 * @param task          the task and its settings
 * @param rsnn          the network in the trainer's terms, or null
 * @param training      the optimizer, budget and stopping rules
 * @param network       the network as a network spec, or null
 * @param readout       the readout of {@code network}
 */
public record TrainingProject(int schemaVersion, String name, String description, TaskSpec task, RsnnSpec rsnn,
                              TrainingSettings training, NetworkSpec network, NetworkRsnn.ReadoutSpec readout) {

    /** A project whose network is given as {@code rsnn} (or the reference's, when null). */
    public TrainingProject(int schemaVersion, String name, String description, TaskSpec task, RsnnSpec rsnn,
                           TrainingSettings training) {
        this(schemaVersion, name, description, task, rsnn, training, null, null);
    }

    /** This project with another network. */
    public TrainingProject withRsnn(RsnnSpec rsnnSpec) {
        return new TrainingProject(schemaVersion, name, description, task, rsnnSpec, training, network, readout);
    }

    /** This project with other training settings. */
    public TrainingProject withTraining(TrainingSettings settings) {
        return new TrainingProject(schemaVersion, name, description, task, rsnn, settings, network, readout);
    }

    /**
     * The task: its name ({@link TrainingSetup#TASKS}) and its settings object (the task's own settings
     * record; absent fields take the task's defaults).
     *
     * @param name     task name
     * @param settings task settings, or null for the defaults
     */
    public record TaskSpec(String name, JsonObject settings) {
    }

    /**
     * The E/I network. Sizes and constants as {@link EiRsnn}; τ_a uniform in [tauAdaptLowMs,
     * tauAdaptHighMs]; connectivity of the three projections with the network API's rules (null =
     * all-to-all), positions of the recurrent neurons for distance-dependent rules; initialization scales
     * of the Kaiming-normal weights.
     *
     * @param excitatory        E neurons (160)
     * @param inhibitory        I neurons (40)
     * @param tauMs             membrane time constant (100 ms)
     * @param tauSynMs          conductance time constant (10 ms)
     * @param tauOutMs          readout time constant (10 ms)
     * @param vThreshold        threshold (1)
     * @param vRest             rest (0)
     * @param beta              adaptation jump (1)
     * @param eExc              excitatory reversal (3)
     * @param eInh              inhibitory reversal (−3)
     * @param tauAdaptLowMs     lowest τ_a (500 ms)
     * @param tauAdaptHighMs    highest τ_a (1 500 ms)
     * @param surrogateAlpha    ReLU surrogate height (0.3)
     * @param surrogateWidth    ReLU surrogate half-width (1)
     * @param input             input → all connectivity
     * @param excitatoryOut     E → all connectivity
     * @param inhibitoryOut     I → all connectivity
     * @param positions         the recurrent neurons' sheet (for Gaussian rules)
     * @param feedForwardScale  Kaiming scale of the input weights (1)
     * @param recurrentScale    Kaiming scale of the E weights (0.5)
     * @param inhibitoryRatio   I scale over E scale (4)
     * @param readoutScale      Kaiming scale of the readout (2)
     * @param readout           what the readout reads: {@code spikes} (the reference) or {@code potential}
     *                          (standardized membrane potentials, the paper's online runs)
     * @param detachReset       true: the resets pass no gradient to their spike (the paper's online runs); false (the reference)
     * @param weights           a folder (relative to the project) of trained weights to start from instead of
     *                          the random initialization ({@link RsnnWeightFiles}), or null
     */
    public record RsnnSpec(Integer excitatory, Integer inhibitory, Double tauMs, Double tauSynMs, Double tauOutMs,
                           Double vThreshold, Double vRest, Double beta, Double eExc, Double eInh, Double tauAdaptLowMs,
                           Double tauAdaptHighMs, Double surrogateAlpha, Double surrogateWidth, ConnectivitySpec input,
                           ConnectivitySpec excitatoryOut, ConnectivitySpec inhibitoryOut, PositionSpec positions,
                           Double feedForwardScale, Double recurrentScale, Double inhibitoryRatio, Double readoutScale,
                           String readout, Boolean detachReset, String weights) {

        /** A spec with the reference readout and resets and the random initialization (readout, detachReset, weights absent). */
        public RsnnSpec(Integer excitatory, Integer inhibitory, Double tauMs, Double tauSynMs, Double tauOutMs,
                        Double vThreshold, Double vRest, Double beta, Double eExc, Double eInh, Double tauAdaptLowMs,
                        Double tauAdaptHighMs, Double surrogateAlpha, Double surrogateWidth, ConnectivitySpec input,
                        ConnectivitySpec excitatoryOut, ConnectivitySpec inhibitoryOut, PositionSpec positions,
                        Double feedForwardScale, Double recurrentScale, Double inhibitoryRatio, Double readoutScale) {
            this(excitatory, inhibitory, tauMs, tauSynMs, tauOutMs, vThreshold, vRest, beta, eExc, eInh, tauAdaptLowMs,
                    tauAdaptHighMs, surrogateAlpha, surrogateWidth, input, excitatoryOut, inhibitoryOut, positions,
                    feedForwardScale, recurrentScale, inhibitoryRatio, readoutScale, null, null, null);
        }

        /** The reference network: every field absent. */
        public static RsnnSpec reference() {
            return new RsnnSpec(null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                    null, null, null, null, null, null, null);
        }

        /** True when no field but {@code weights} is given (all a project with a network spec may carry here). */
        public boolean onlyWeights() {
            return equals(reference().withWeights(weights));
        }

        /** This network starting from the weights in {@code folder} (null: the random initialization). */
        public RsnnSpec withWeights(String folder) {
            return new RsnnSpec(excitatory, inhibitory, tauMs, tauSynMs, tauOutMs, vThreshold, vRest, beta, eExc, eInh,
                    tauAdaptLowMs, tauAdaptHighMs, surrogateAlpha, surrogateWidth, input, excitatoryOut, inhibitoryOut,
                    positions, feedForwardScale, recurrentScale, inhibitoryRatio, readoutScale, readout, detachReset, folder);
        }
    }
}
