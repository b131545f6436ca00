package org.brainfx.app.welcome;

import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * What the welcome page shows of one sample project: its name, the first sentence of its
 * description, its model and, when known without loading data, its number of sweeps — or for a
 * network or training project what it holds.
 *
 * @param file    the project's {@code *.brainfx.json}
 * @param name    the project's name (the file name when the project names none)
 * @param summary the first sentence of the project's description ("" when it has none)
 * @param kind    a neuron, network or training project
 * @param model   the model: a built-in's name, a model file's name, or an inline spec's name; for a network
 *                or training project, what it holds ("network · 2 populations · 4,000 neurons")
 * @param sweeps  the number of sweeps, or -1 when it is not known without reading the data
 */
public record SampleCard(Path file, String name, String summary, Kind kind, String model, int sweeps) {

    /** What kind of project a sample is. */
    public enum Kind {
        /** A neuron model fitted to a recording. */
        NEURON,
        /** A spiking network. */
        NETWORK,
        /** A network trained on a task. */
        TRAINING
    }

    /** The number of sweeps, when it is known. */
    public OptionalInt sweepCount() {
        return sweeps < 0 ? OptionalInt.empty() : OptionalInt.of(sweeps);
    }
}
