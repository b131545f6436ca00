package org.brainfx.engine.net;

import java.util.List;

/** Checks of a network's currents and monitors against its built populations; each error names the element, the field and the fix. */
final class NetworkChecks {
    private NetworkChecks() {
    }

    static void currents(NetworkSpec spec, List<BuiltPopulation> populations) {
        for (int k = 0; k < spec.currents().size(); k++) {
            CurrentSpec c = spec.currents().get(k);
            String where = "current " + (k + 1) + " (into '" + c.population() + "')";
            BuiltPopulation p = population(populations, c.population(), where);
            if (inputIndex(c, p) < 0) {
                throw new NetworkException(where + ": model '" + p.model().name() + "' has no input '" + c.input()
                        + "'; name one of its inputs in 'input'");
            }
            switch (c.kind() == null ? "" : c.kind()) {
                case "step", "ramp" -> {
                    finite(where, "amplitude", c.amplitude());
                    if ("ramp".equals(c.kind()) && (c.stop() == null || c.start() == null || !(c.stop() > c.start()))) {
                        throw new NetworkException(where + ": a ramp needs 'start' < 'stop' (ms)");
                    }
                }
                case "ou" -> {
                    finite(where, "mean", c.mean());
                    finite(where, "sigma", c.sigma());
                    finite(where, "tau", c.tau());
                    if (c.sigma() < 0 || c.tau() <= 0) {
                        throw new NetworkException(where + ": an Ornstein-Uhlenbeck current needs sigma >= 0 and tau > 0 ms");
                    }
                }
                case "white" -> {
                    finite(where, "mean", c.mean());
                    finite(where, "sigma", c.sigma());
                    if (c.sigma() < 0) {
                        throw new NetworkException(where + ": white noise needs sigma >= 0 (the per-step standard deviation)");
                    }
                }
                default -> throw new NetworkException(where + ": kind '" + c.kind() + "' is not 'step', 'ramp', 'ou' or"
                        + " 'white'");
            }
            neurons(where, c.neurons(), p.size());
        }
    }

    static void monitors(NetworkSpec spec, List<BuiltPopulation> populations) {
        for (int k = 0; k < spec.monitors().size(); k++) {
            MonitorSpec m = spec.monitors().get(k);
            String where = "monitor " + (k + 1) + " (" + m.kind() + ")";
            List<String> names = m.populations() == null ? populations.stream().map(BuiltPopulation::name).toList() : m.populations();
            for (String name : names) {
                BuiltPopulation p = population(populations, name, where);
                if ("states".equals(m.kind())) {
                    if (m.states() == null || m.states().isEmpty()) {
                        throw new NetworkException(where + ": name the states to record in 'states', e.g. [\"V\"]");
                    }
                    for (String s : m.states()) {
                        if (p.model().checked().stateIndex(s) < 0) {
                            throw new NetworkException(where + ": population '" + name + "' has no state '" + s + "' (states: "
                                    + String.join(", ", p.model().stateNames()) + ")");
                        }
                    }
                    neurons(where, m.neurons(), p.size());
                    if (m.every() != null && m.every() < 1) {
                        throw new NetworkException(where + ": every = " + m.every() + "; record every 1 or more steps");
                    }
                }
            }
            if ("rates".equals(m.kind()) && m.binMs() != null && !(m.binMs() >= spec.dt())) {
                throw new NetworkException(where + ": binMs = " + m.binMs() + "; a bin must be at least one step (" + spec.dt() + " ms)");
            }
            if (!List.of("spikes", "states", "rates").contains(m.kind())) {
                throw new NetworkException(where + ": kind '" + m.kind() + "' is not 'spikes', 'states' or 'rates'");
            }
        }
    }

    private static BuiltPopulation population(List<BuiltPopulation> populations, String name, String where) {
        return populations.stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow(() -> new NetworkException(
                where + ": unknown population '" + name + "' (populations: "
                        + String.join(", ", populations.stream().map(BuiltPopulation::name).toList()) + ")"));
    }

    /** The model input a current goes to (its named input, else the model's first), or -1. */
    static int inputIndex(CurrentSpec c, BuiltPopulation p) {
        String input = c.input() != null ? c.input() : firstInput(p);
        return input == null ? -1 : p.externalInput(input);
    }

    private static String firstInput(BuiltPopulation p) {
        List<org.brainfx.engine.model.CheckedModel.Symbol> inputs = p.model().checked().inputs();
        if (inputs.isEmpty()) {
            return null;
        }
        String n = inputs.get(0).name();
        return n.endsWith(PopulationModel.EXTERNAL_SUFFIX) ? n.substring(0, n.length() - PopulationModel.EXTERNAL_SUFFIX.length()) : n;
    }

    private static void finite(String where, String field, Double value) {
        if (value == null || !Double.isFinite(value)) {
            throw new NetworkException(where + ": '" + field + "' = " + value + "; give a finite number");
        }
    }

    private static void neurons(String where, List<Integer> neurons, int size) {
        if (neurons == null) {
            return;
        }
        for (Integer i : neurons) {
            if (i == null || i < 0 || i >= size) {
                throw new NetworkException(where + ": neuron " + i + " is outside 0.." + (size - 1));
            }
        }
    }
}
