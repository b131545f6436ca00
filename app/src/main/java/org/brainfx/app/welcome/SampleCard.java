package org.brainfx.app.welcome;

import java.nio.file.Path;
import java.util.OptionalInt;

/**
 * What the welcome page shows of one sample project: its name, the first sentence of its
 * description, its model and, when known without loading data, its number of sweeps.
 *
 * @param file    the project's {@code *.brainfx.json}
 * @param name    the project's name (the file name when the project names none)
 * @param summary the first sentence of the project's description ("" when it has none)
 * @param model   the model: a built-in's name, a model file's name, or an inline spec's name
 * @param sweeps  the number of sweeps, or -1 when it is not known without reading the data
 */
public record SampleCard(Path file, String name, String summary, String model, int sweeps) {

    /** The number of sweeps, when it is known. */
    public OptionalInt sweepCount() {
        return sweeps < 0 ? OptionalInt.empty() : OptionalInt.of(sweeps);
    }
}
