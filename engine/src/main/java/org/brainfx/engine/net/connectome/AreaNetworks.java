package org.brainfx.engine.net.connectome;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.brainfx.engine.data.connectome.Connectome;
import org.brainfx.engine.data.connectome.ConnectomeException;
import org.brainfx.engine.data.connectome.ConnectomeOptions;
import org.brainfx.engine.data.connectome.Connectomes;
import org.brainfx.engine.data.connectome.EdgeLayer;
import org.brainfx.engine.net.ConnectivitySpec;
import org.brainfx.engine.net.CurrentSpec;
import org.brainfx.engine.net.MonitorSpec;
import org.brainfx.engine.net.NetworkException;
import org.brainfx.engine.net.NetworkSpec;
import org.brainfx.engine.net.PopulationSpec;
import org.brainfx.engine.net.ProjectionSpec;
import org.brainfx.engine.net.ValueSpec;

/**
 * Generates the multi-area network of an {@link AreaMapping} (Joglekar et al. 2018): populations
 * {@code <area>_E} and {@code <area>_I} in the FLN file's area order, four local projections per area
 * and an E→E and an E→I projection for every pair of areas with FLN &gt; 0.
 */
public final class AreaNetworks {
    /**
     * The LIF neuron of the model, input I in mV. Forward Euler makes an input value x move V by exactly
     * x·dt/τ in a step, so the {@code white} noise current of sd noise·sqrt(τ/dt) gives the paper's
     * voltage noise noise·sqrt(dt/τ)·N(0,1) per step.
     */
    public static final String LIF_MODEL = """
            # LIF neuron of the multi-area model of Joglekar et al. (2018): tau dV/dt = -(V - V_rest) + I,
            # I in mV (background drive, noise, stimulus); synapses are voltage jumps (delta), dropped while
            # refractory. Forward Euler, as the reference code steps it.
            model joglekar_lif "LIF neuron of the Joglekar et al. (2018) multi-area model"
            state V = -70 mV
            param tau = 20 ms fixed
            param V_rest = -70 mV fixed
            param V_th = -50 mV fixed
            param V_reset = -60 mV fixed
            input I : mV
            dV/dt = (-(V - V_rest) + I)/tau
            spike V > V_th
            reset V = V_reset
            refractory 2 ms
            integrator euler
            """;

    private AreaNetworks() {
    }

    /** The wiring data of an area network, read and checked: area names, FLN and distances (row = pre), hierarchy. */
    public record AreaData(List<String> areas, EdgeLayer fln, EdgeLayer wiring, double[] hierarchy) {
        /** FLN of the projection from area {@code source} to area {@code target}. */
        public double fln(int source, int target) {
            return fln.weight(source, target);
        }

        /** Wiring distance in mm from {@code source} to {@code target}. */
        public double distance(int source, int target) {
            return wiring.weight(source, target);
        }

        /** The normalised hierarchy h = hierarchy / max(hierarchy) of an area. */
        public double gradient(int area) {
            double max = 0;
            for (double h : hierarchy) {
                max = Math.max(max, h);
            }
            return max > 0 ? hierarchy[area] / max : 0;
        }
    }

    /**
     * Reads the FLN, wiring and hierarchy files of a mapping.
     *
     * @throws NetworkException naming the file and the fix
     */
    public static AreaData read(AreaMapping m, Path baseDir) {
        Path flnFile = ConnectomeFiles.resolve(m.fln(), baseDir, "fln");
        Path wiringFile = ConnectomeFiles.resolve(m.wiring(), baseDir, "wiring");
        Path hierarchyFile = ConnectomeFiles.resolve(m.hierarchy(), baseDir, "hierarchy");
        Connectome fln;
        Connectome wiring;
        try {
            fln = Connectomes.read(flnFile, ConnectomeOptions.DEFAULT.withNodeAttributes(hierarchyFile));
            wiring = Connectomes.read(wiringFile, ConnectomeOptions.DEFAULT);
        } catch (ConnectomeException e) {
            throw new NetworkException("connectome mapping: " + e.getMessage(), e);
        }
        if (!new HashSet<>(wiring.nodes()).equals(new HashSet<>(fln.nodes()))) {
            throw new NetworkException("connectome mapping: the areas of " + wiringFile + " " + wiring.nodes()
                    + " differ from those of " + flnFile + " " + fln.nodes() + "; give files over the same areas");
        }
        wiring = wiring.reordered(fln.nodes());
        double[] hierarchy = fln.attributes().number("hierarchy");
        if (hierarchy == null) {
            throw new NetworkException("connectome mapping: " + hierarchyFile + " has no numeric 'hierarchy' column (columns: "
                    + fln.attributes().numberNames() + "); give a table with columns area,hierarchy");
        }
        for (int i = 0; i < hierarchy.length; i++) {
            if (!Double.isFinite(hierarchy[i])) {
                throw new NetworkException("connectome mapping: " + hierarchyFile + " gives no hierarchy value for area '"
                        + fln.nodes().get(i) + "'; add a row for it");
            }
        }
        if (fln.layers().size() != 1 || wiring.layers().size() != 1) {
            throw new NetworkException("connectome mapping: " + flnFile + " and " + wiringFile + " must each hold one matrix");
        }
        return new AreaData(fln.nodes(), fln.layers().get(0), wiring.layers().get(0), hierarchy);
    }

    /**
     * Reads the data and generates the network.
     *
     * @throws NetworkException naming the field or file at fault and the fix
     */
    public static ConnectomeNetwork build(String name, AreaMapping m, Path baseDir) {
        check(m);
        AreaData data = read(m, baseDir);
        List<String> areas = data.areas();
        if (!areas.contains(m.stimulusArea())) {
            throw new NetworkException("connectome mapping: 'stimulusArea' = '" + m.stimulusArea() + "' is not an area of "
                    + m.fln() + " (areas: " + areas + ")");
        }
        int nE = (int) Math.round(m.neuronsPerArea() * m.excitatoryFraction());
        int nI = m.neuronsPerArea() - nE;
        double scale = m.keepInputMean() ? (double) AreaMapping.PAPER_NEURONS_PER_AREA / m.neuronsPerArea() : 1;
        ConnectivitySpec p = ConnectivitySpec.fixedProbability(m.connectionProbability());
        List<PopulationSpec> populations = new ArrayList<>();
        List<ProjectionSpec> projections = new ArrayList<>();
        List<CurrentSpec> currents = new ArrayList<>();
        List<String> neurons = new ArrayList<>();
        Map<String, ValueSpec> initial = Map.of("V", ValueSpec.uniform(-70, -50));
        ValueSpec localDelay = ValueSpec.constant(m.localDelay());
        for (int a = 0; a < areas.size(); a++) {
            String e = areas.get(a) + "_E";
            String i = areas.get(a) + "_I";
            populations.add(new PopulationSpec(e, nE, "excitatory", m.model(), Map.of("tau", ValueSpec.constant(m.tauE())),
                    initial, null, null));
            populations.add(new PopulationSpec(i, nI, "inhibitory", m.model(), Map.of("tau", ValueSpec.constant(m.tauI())),
                    initial, null, null));
            for (int k = 0; k < nE; k++) {
                neurons.add(e + ":" + k);
            }
            for (int k = 0; k < nI; k++) {
                neurons.add(i + ":" + k);
            }
            double gain = 1 + m.alpha() * data.gradient(a);
            projections.add(delta(e + "->" + e, e, e, p, gain * m.wEE() * scale, localDelay));
            projections.add(delta(e + "->" + i, e, i, p, gain * m.wIE() * scale, localDelay));
            projections.add(delta(i + "->" + e, i, e, p, m.wEI() * scale, localDelay));
            projections.add(delta(i + "->" + i, i, i, p, m.wII() * scale, localDelay));
            currents.add(noise(e, m.vExtE(), m.noise() * Math.sqrt(m.tauE() / m.dt())));
            currents.add(noise(i, m.vExtI(), m.noise() * Math.sqrt(m.tauI() / m.dt())));
        }
        for (int t = 0; t < areas.size(); t++) {
            double gain = 1 + m.alpha() * data.gradient(t);
            for (int s = 0; s < areas.size(); s++) {
                double fln = data.fln(s, t);
                if (s == t || fln == 0) {
                    continue;
                }
                double distance = data.distance(s, t);
                if (!(distance > 0)) {
                    throw new NetworkException("connectome mapping: " + m.wiring() + " gives no distance from "
                            + areas.get(s) + " to " + areas.get(t) + ", which FLN connects; give a distance > 0 mm");
                }
                double mean = distance / m.speed();
                ValueSpec delays = m.delaySpread() > 0 ? ValueSpec.normal(mean, m.delaySpread() * mean)
                        : ValueSpec.constant(mean);
                String src = areas.get(s) + "_E";
                projections.add(delta(src + "->" + areas.get(t) + "_E", src, areas.get(t) + "_E", p,
                        gain * m.muEE() * fln * scale, delays));
                projections.add(delta(src + "->" + areas.get(t) + "_I", src, areas.get(t) + "_I", p,
                        gain * m.muIE() * fln * scale, delays));
            }
        }
        currents.add(new CurrentSpec(m.stimulusArea() + "_E", null, "step", m.stimulus(), m.stimulusStart(),
                m.stimulusStart() + m.stimulusDuration(), null, null, null, null));
        NetworkSpec spec = new NetworkSpec(name, "Joglekar et al. (2018) multi-area model, " + areas.size() + " areas of "
                + m.neuronsPerArea() + " neurons, generated from " + m.fln(), m.dt(), m.duration(), m.seed(), populations,
                null, projections, currents, List.of(MonitorSpec.spikes(), MonitorSpec.rates(1.0)));
        return new ConnectomeNetwork(spec, Map.of(), neurons);
    }

    private static void check(AreaMapping m) {
        if (m.neuronsPerArea() < 2) {
            throw new NetworkException("connectome mapping: 'neuronsPerArea' = " + m.neuronsPerArea() + "; give 2 or more");
        }
        if (!(m.excitatoryFraction() > 0 && m.excitatoryFraction() < 1)) {
            throw new NetworkException("connectome mapping: 'excitatoryFraction' = " + m.excitatoryFraction()
                    + "; give a fraction between 0 and 1, e.g. 0.8");
        }
        if (!(m.speed() > 0) || !(m.dt() > 0) || !(m.tauE() > 0) || !(m.tauI() > 0) || !(m.delaySpread() >= 0)) {
            throw new NetworkException("connectome mapping: 'speed', 'dt', 'tauE' and 'tauI' must be > 0 and 'delaySpread'"
                    + " >= 0");
        }
        if (m.model() == null) {
            throw new NetworkException("connectome mapping: 'model' is missing; give {\"file\": \"joglekar_lif.model\"}"
                    + " (a LIF with input I in mV and a parameter tau)");
        }
    }

    private static ProjectionSpec delta(String name, String pre, String post, ConnectivitySpec c, double w,
                                        ValueSpec delays) {
        return new ProjectionSpec(name, pre, post, "delta", null, null, null, null, null, c, ValueSpec.constant(w),
                delays, null, null, null);
    }

    private static CurrentSpec noise(String population, double mean, double sigma) {
        return new CurrentSpec(population, null, "white", null, null, null, mean, sigma, null, null);
    }
}
