package org.brainfx.engine.model;

import java.util.List;

/**
 * A refractory period after each spike ({@code refractory 5 ms} in the text form): no spike is
 * emitted while it lasts, and the states in {@code hold} keep their (reset) value instead of being
 * integrated — Brian2's {@code (unless refractory)}. A spike at step s holds them during steps
 * s+1 … s+R−1, R = period/dt, and allows the next spike from step s+R on.
 *
 * <p>Gradients: a held state passes its adjoint on unchanged; while refractory the output spike is
 * 0 and has no surrogate gradient; the timer itself is piecewise constant and carries none.
 *
 * @param hold states held while refractory; null means the states the model resets
 * @param line source line in the text form, 0 when not from text
 */
public record RefractorySpec(double period, String unit, List<String> hold, int line) {
    /** Null hold lists stay null (the default); others are copied. */
    public RefractorySpec {
        hold = hold == null ? null : List.copyOf(hold);
    }

    /** A period in {@code unit} holding the reset states, not from text. */
    public RefractorySpec(double period, String unit) {
        this(period, unit, null, 0);
    }
}
