package org.brainfx.engine.sim;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.brainfx.engine.compile.CompiledModel;

/** Scans lane arrays for NaN or Infinity and reports the first one with its context. */
public final class FiniteCheck {
    private FiniteCheck() {
    }

    /**
     * Throws {@link NonFiniteStateException} if any {@code values[i][l]} for {@code l} in
     * {@code [from, to)} is not finite; {@code names} name the rows.
     */
    public static void check(CompiledModel model, double[][] values, List<String> names, String prefix, int step,
                             double[][] parameters, int from, int to) {
        check(model, values, names, prefix, step, parameters, from, to, 0);
    }

    /** As {@link #check(CompiledModel, double[][], List, String, int, double[][], int, int)} for arrays whose index 0 is lane {@code laneOffset}. */
    public static void check(CompiledModel model, double[][] values, List<String> names, String prefix, int step,
                             double[][] parameters, int from, int to, int laneOffset) {
        for (int i = 0; i < values.length; i++) {
            double[] row = values[i];
            for (int l = from; l < to; l++) {
                double v = row[l];
                if (v - v != 0) {
                    throw new NonFiniteStateException(model.name(), step, l + laneOffset, prefix + names.get(i), v,
                            parameterMap(model, parameters, l));
                }
            }
        }
    }

    /** The lane's parameters by name, in internal units. */
    public static Map<String, Double> parameterMap(CompiledModel model, double[][] parameters, int lane) {
        Map<String, Double> m = new LinkedHashMap<>();
        List<String> names = model.parameterNames();
        for (int i = 0; i < names.size(); i++) {
            m.put(names.get(i), parameters[i][lane]);
        }
        return m;
    }
}
