package org.brainfx.engine.sim;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A simulation or gradient pass produced NaN or Infinity; names the step, lane, variable and
 * the lane's parameter values, so the user can see which parameters diverge.
 */
public class NonFiniteStateException extends RuntimeException {
    private final int step;
    private final int lane;
    private final String variable;
    private final transient Map<String, Double> parameters;

    /** A non-finite {@code variable} at {@code step} in {@code lane}. */
    public NonFiniteStateException(String model, int step, int lane, String variable, double value,
                                   Map<String, Double> parameters) {
        super("model '" + model + "' produced " + value + " in " + variable + " at step " + step + ", lane " + lane
                + " with parameters " + parameters + "; the parameters or the time step make the equations diverge");
        this.step = step;
        this.lane = lane;
        this.variable = variable;
        this.parameters = new LinkedHashMap<>(parameters);
    }

    /** The step at which the value appeared. */
    public int step() {
        return step;
    }

    /** The lane in which it appeared. */
    public int lane() {
        return lane;
    }

    /** The state (or adjoint) that became non-finite. */
    public String variable() {
        return variable;
    }

    /** The lane's parameter values (internal units). */
    public Map<String, Double> parameters() {
        return parameters;
    }
}
