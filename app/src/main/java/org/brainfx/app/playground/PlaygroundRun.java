package org.brainfx.app.playground;

import java.util.ArrayList;
import java.util.List;
import org.brainfx.engine.compile.CompiledModel;
import org.brainfx.engine.model.CheckedModel;
import org.brainfx.engine.model.unit.Unit;
import org.brainfx.engine.model.unit.Units;
import org.brainfx.engine.sim.InputSource;
import org.brainfx.engine.sim.LaneValues;
import org.brainfx.engine.sim.SimulationResult;
import org.brainfx.engine.sim.Simulator;
import org.brainfx.engine.sim.SweepInput;

/**
 * One simulation the playground asked for, fixed at the moment a slider moved, so it can run on
 * a background thread while the sliders move on: one lane, every state recorded.
 *
 * @param parameters parameter values in internal units, in the model's parameter order
 * @param input      input at each step in internal units, or null for a model without input
 * @param inputIndex the model input the stimulus drives
 * @param initial    initial values in internal units, in the model's state order
 * @param target     the trace to compare the first state with (declared units), or null
 */
record PlaygroundRun(PlaygroundSetup setup, double[] parameters, double[] input, int inputIndex, int steps,
                     double[] initial, double[] target) {

    private static final Unit NANOAMPERE = Units.parse("nA");

    /** Simulates and converts the traces to declared units; throws NonFiniteStateException when it diverges. */
    PlaygroundTrace simulate() {
        CompiledModel model = setup.model();
        LaneValues lanes = LaneValues.defaults(model, 1);
        for (int i = 0; i < parameters.length; i++) {
            lanes.setParameter(i, parameters[i]);
        }
        for (int i = 0; i < initial.length; i++) {
            lanes.setInitial(i, initial[i]);
        }
        InputSource source = input == null ? InputSource.NONE
                : new SweepInput(new double[][] {input}, new int[] {0}, inputIndex);
        List<String> names = model.stateNames();
        SimulationResult r = new Simulator(model).run(lanes, source, steps, setup.dt(), names);
        double[][] values = new double[names.size()][];
        List<String> units = new ArrayList<>();
        for (int s = 0; s < names.size(); s++) {
            CheckedModel.Symbol state = model.checked().states().get(s);
            values[s] = declared(r.traces()[s][0], state.unit());
            units.add(unitText(state.unit()));
        }
        double[] current = input == null ? new double[steps] : declared(input, NANOAMPERE);
        return new PlaygroundTrace(setup.dt(), names, List.copyOf(units), values, current, target, r.spikeCount(0),
                r.wallMillis());
    }

    /** Internal-unit values in {@code unit} (the array itself when the units coincide). */
    static double[] declared(double[] internal, Unit unit) {
        double factor = unit.toInternalFactor();
        if (factor == 1) {
            return internal;
        }
        double[] out = new double[internal.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = internal[k] / factor;
        }
        return out;
    }

    /** A unit's symbol, "" when dimensionless. */
    static String unitText(Unit unit) {
        return unit.isDimensionless() ? "" : unit.symbol();
    }
}
