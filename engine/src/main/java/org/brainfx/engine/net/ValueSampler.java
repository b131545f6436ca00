package org.brainfx.engine.net;

import java.nio.file.Path;
import java.util.SplittableRandom;

/** Draws a population's per-neuron values (parameters, initial states) from a {@link ValueSpec}. */
public final class ValueSampler {
    private ValueSampler() {
    }

    /**
     * {@code n} values of {@code spec}: {@code constant}, {@code uniform}, {@code normal}, {@code lognormal}, or
     * {@code file} (one number per neuron, separated by commas, spaces or lines, relative to {@code baseDir}).
     * Random kinds draw from one {@link SplittableRandom} seeded with {@code seed} as given: derive it per
     * population and field with {@link Wiring#seedFor(long, String)} so that two fields never share a stream.
     *
     * @param where names the element and field for messages, e.g. "population 'E', parameter tau"
     * @throws NetworkException on an unknown kind, a missing or non-finite field, sd &lt; 0, low &gt; high,
     *                          {@code kaiming} (which needs a fan-in: weights only), or a file with the wrong count
     */
    public static double[] sample(ValueSpec spec, int n, long seed, String where, Path baseDir) {
        if (n <= 0) {
            throw new NetworkException(where + ": size " + n + " must be positive");
        }
        if (spec != null && "file".equals(spec.kind())) {
            if (spec.file() == null || spec.file().isBlank()) {
                throw new NetworkException(where + ": kind file needs a file name; give \"file\": \"values.csv\"");
            }
            return NumberFile.read(NumberFile.resolve(spec.file(), baseDir), n, "neuron", where);
        }
        if (spec != null && "kaiming".equals(spec.kind())) {
            throw new NetworkException(where + ": kaiming draws projection weights from their fan-in; for a "
                    + "per-neuron value use normal, uniform, lognormal, constant or file");
        }
        double[] values = new double[n];
        Distribution.of(spec, where).fill(values, 0, n, new SplittableRandom(seed));
        return values;
    }
}
