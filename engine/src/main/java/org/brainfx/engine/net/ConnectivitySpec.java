package org.brainfx.engine.net;

import java.util.List;

/**
 * Which pre→post pairs a projection connects. Rules: {@code all_to_all}; {@code fixed_probability}
 * ({@code p}); {@code fixed_in_degree} / {@code fixed_out_degree} ({@code degree}, drawn without
 * replacement); {@code one_to_one} (equal sizes); {@code gaussian} (distance-dependent:
 * probability {@code peak}·exp(−d²/2σ²) with {@code sigma} in µm, both populations need positions);
 * {@code explicit} (the pairs {@code pre[k]} → {@code post[k]}, or a {@code file}).
 * {@code allowSelf} (default false) allows i → i when a population projects onto itself.
 */
public record ConnectivitySpec(String rule, Double p, Integer degree, Boolean allowSelf, Double sigma, Double peak,
                               List<Integer> pre, List<Integer> post, String file) {

    /** Rules accepted in {@link #rule()}. */
    public static final List<String> RULES = List.of("all_to_all", "fixed_probability", "fixed_in_degree",
            "fixed_out_degree", "one_to_one", "gaussian", "explicit");

    /** Every pre to every post. */
    public static ConnectivitySpec allToAll(boolean allowSelf) {
        return new ConnectivitySpec("all_to_all", null, null, allowSelf, null, null, null, null, null);
    }

    /** Each pair independently with probability p. */
    public static ConnectivitySpec fixedProbability(double p) {
        return new ConnectivitySpec("fixed_probability", p, null, null, null, null, null, null, null);
    }

    /** Each post neuron receives exactly {@code degree} inputs. */
    public static ConnectivitySpec fixedInDegree(int degree) {
        return new ConnectivitySpec("fixed_in_degree", null, degree, null, null, null, null, null, null);
    }

    /** Each pre neuron sends exactly {@code degree} outputs. */
    public static ConnectivitySpec fixedOutDegree(int degree) {
        return new ConnectivitySpec("fixed_out_degree", null, degree, null, null, null, null, null, null);
    }

    /** Neuron i to neuron i. */
    public static ConnectivitySpec oneToOne() {
        return new ConnectivitySpec("one_to_one", null, null, null, null, null, null, null, null);
    }

    /** Distance-dependent Gaussian probability. */
    public static ConnectivitySpec gaussian(double sigma, double peak) {
        return new ConnectivitySpec("gaussian", null, null, null, sigma, peak, null, null, null);
    }

    /** The given pairs. */
    public static ConnectivitySpec explicit(List<Integer> pre, List<Integer> post) {
        return new ConnectivitySpec("explicit", null, null, null, null, null, pre, post, null);
    }

    /** True when self-connections are allowed. */
    public boolean selfAllowed() {
        return Boolean.TRUE.equals(allowSelf);
    }
}
