package org.brainfx.engine.sim;

import java.util.Arrays;
import org.brainfx.engine.compile.CompiledModel;
import org.brainfx.engine.model.CheckedModel;

/**
 * Per-lane parameter values and initial states, in internal units, as
 * {@code parameters[parameter][lane]} and {@code initial[state][lane]}. Lanes that share a
 * parameter simply hold the same value.
 */
public final class LaneValues {
    private final double[][] parameters;
    private final double[][] initial;

    private LaneValues(double[][] parameters, double[][] initial) {
        this.parameters = parameters;
        this.initial = initial;
    }

    /** {@code lanes} copies of the model's own parameter values and initial states. */
    public static LaneValues defaults(CompiledModel model, int lanes) {
        if (lanes < 1) {
            throw new IllegalArgumentException("lane count must be at least 1, got " + lanes);
        }
        double[][] p = new double[model.parameterCount()][lanes];
        for (int i = 0; i < p.length; i++) {
            Arrays.fill(p[i], model.checked().parameters().get(i).value());
        }
        double[][] s = new double[model.stateCount()][lanes];
        for (int i = 0; i < s.length; i++) {
            CheckedModel.Symbol st = model.checked().states().get(i);
            Arrays.fill(s[i], st.value());
        }
        return new LaneValues(p, s);
    }

    /** Number of lanes. */
    public int lanes() {
        return initial.length > 0 ? initial[0].length : parameters[0].length;
    }

    /** The parameter arrays, {@code [parameter][lane]}, shared with this object (not copied). */
    public double[][] parameters() {
        return parameters;
    }

    /** The initial-state arrays, {@code [state][lane]}, shared with this object (not copied). */
    public double[][] initial() {
        return initial;
    }

    /** Sets parameter {@code index} in one lane. */
    public LaneValues setParameter(int index, int lane, double value) {
        parameters[index][lane] = value;
        return this;
    }

    /** Sets parameter {@code index} in every lane. */
    public LaneValues setParameter(int index, double value) {
        Arrays.fill(parameters[index], value);
        return this;
    }

    /** Sets the initial value of state {@code index} in every lane. */
    public LaneValues setInitial(int index, double value) {
        Arrays.fill(initial[index], value);
        return this;
    }

    /** A deep copy. */
    public LaneValues copy() {
        return new LaneValues(deepCopy(parameters), deepCopy(initial));
    }

    private static double[][] deepCopy(double[][] a) {
        double[][] c = new double[a.length][];
        for (int i = 0; i < a.length; i++) {
            c[i] = a[i].clone();
        }
        return c;
    }
}
