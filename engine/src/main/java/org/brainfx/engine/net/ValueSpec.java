package org.brainfx.engine.net;

/**
 * How a per-neuron or per-synapse value is drawn: {@code constant} ({@code value}), {@code uniform}
 * ({@code low}, {@code high}), {@code normal} ({@code mean}, {@code sd}), {@code lognormal} ({@code mu},
 * {@code sigma} of the underlying normal), {@code kaiming} (Kaiming-normal for weights: a normal truncated
 * at ±2 sd with sd = sqrt({@code scale}/fan_in)/0.8796, as the reference's initializer), or {@code file}
 * (one value per neuron or synapse, read from {@code file}, relative to the project).
 * Unused fields are null, so the JSON stays short.
 */
public record ValueSpec(String kind, Double value, Double low, Double high, Double mean, Double sd, Double mu,
                        Double sigma, Double scale, String file) {

    /** Kinds accepted in {@link #kind()}. */
    public static final java.util.List<String> KINDS = java.util.List.of("constant", "uniform", "normal", "lognormal",
            "kaiming", "file");

    /** The same value everywhere. */
    public static ValueSpec constant(double value) {
        return new ValueSpec("constant", value, null, null, null, null, null, null, null, null);
    }

    /** Uniform on [low, high]. */
    public static ValueSpec uniform(double low, double high) {
        return new ValueSpec("uniform", null, low, high, null, null, null, null, null, null);
    }

    /** Normal with the given mean and standard deviation. */
    public static ValueSpec normal(double mean, double sd) {
        return new ValueSpec("normal", null, null, null, mean, sd, null, null, null, null);
    }

    /** Log-normal: exp of a normal with mean {@code mu} and standard deviation {@code sigma}. */
    public static ValueSpec lognormal(double mu, double sigma) {
        return new ValueSpec("lognormal", null, null, null, null, null, mu, sigma, null, null);
    }

    /** Kaiming-normal weights with the given gain scale (fan-in from the connectivity). */
    public static ValueSpec kaiming(double scale) {
        return new ValueSpec("kaiming", null, null, null, null, null, null, null, scale, null);
    }

    /** Values read from a file, one per element. */
    public static ValueSpec fromFile(String file) {
        return new ValueSpec("file", null, null, null, null, null, null, null, null, file);
    }

    /** True for a constant. */
    public boolean isConstant() {
        return "constant".equals(kind);
    }
}
