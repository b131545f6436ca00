package org.brainfx.engine.model;

import java.util.Map;

/**
 * The surrogate derivative used for the spike's Heaviside in the backward pass.
 *
 * @param kind   {@code sigmoid}, {@code relu} (also {@code triangle}), {@code fast_sigmoid}
 *               (SuperSpike), {@code arctan} or {@code gaussian}
 * @param params the kind's parameters (e.g. {@code alpha}); missing ones take braintools' defaults
 */
public record SurrogateSpec(String kind, Map<String, Double> params) {
    /** The default surrogate: braintools' sigmoid with alpha 4. */
    public static final SurrogateSpec DEFAULT = new SurrogateSpec("sigmoid", Map.of());

    /** Null parameters become an empty map. */
    public SurrogateSpec {
        params = params == null ? Map.of() : Map.copyOf(params);
    }
}
