package org.brainfx.app.recording;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;
import org.brainfx.engine.compile.CompiledModel;
import org.brainfx.engine.data.Recording;
import org.brainfx.engine.data.RecordingSummary;
import org.brainfx.engine.data.SpikeDetector;
import org.brainfx.engine.model.CheckedModel;
import org.brainfx.engine.model.unit.Unit;
import org.brainfx.engine.project.ResolvedProject;

/**
 * The sweeps the Recording view draws, in display units: each sweep's stimulus and response on
 * one time axis (ms from the sweep's start) with its detected spikes.
 *
 * @param stimulus   what the stimulus is and its unit (e.g. I in pA)
 * @param response   what the response is and its unit (e.g. V in mV)
 * @param durationMs length of the longest sweep
 */
public record SweepTraces(List<Sweep> sweeps, Quantity stimulus, Quantity response, double durationMs) {

    /** Largest time a spike's peak is looked for after its onset, ms. */
    static final double PEAK_SEARCH_MS = 3;

    /** Copies the list. */
    public SweepTraces {
        sweeps = List.copyOf(sweeps);
    }

    /** A drawn quantity: its symbol and unit, as an axis or the readout names them. */
    public record Quantity(String symbol, String unit) {
        /** "V (mV)", or the symbol alone for a pure number. */
        public String label() {
            return unit.isEmpty() ? symbol : symbol + " (" + unit + ")";
        }
    }

    /**
     * One sweep; sample {@code k} of either trace is at {@code k·dtMs}.
     *
     * @param index      the sweep's index in the recording (or the project's stimulus)
     * @param stimulus   the stimulus, or null when the recording has none
     * @param response   the response, or null when the project has no target
     * @param spikePeaks samples of {@code response} where detected spikes peak
     * @param amplitude  the stimulus's size, signed: a recorded step from its holding level, else its
     *                   largest-magnitude value; NaN without a stimulus
     */
    public record Sweep(int index, double dtMs, double[] stimulus, double[] response, int[] spikePeaks,
                        double amplitude) { }

    /** These traces with only the sweeps whose index {@code keep} accepts. */
    public SweepTraces only(IntPredicate keep) {
        return new SweepTraces(sweeps.stream().filter(s -> keep.test(s.index())).toList(), stimulus, response,
                durationMs);
    }

    /**
     * Every sweep of a recording with {@code offsetMv} subtracted from a voltage response (as the
     * fit sees it); current stimuli in pA, the unit step amplitudes are read in. Spikes are found
     * as the fit finds those of recorded targets.
     */
    public static SweepTraces of(Recording recording, double offsetMv) {
        return of(recording, offsetMv, SpikeDetector.DEFAULT);
    }

    /** As {@link #of(Recording, double)}, finding spikes with the project's {@code spikeSettings}. */
    public static SweepTraces of(Recording recording, double offsetMv, SpikeDetector.Settings spikeSettings) {
        List<Sweep> out = new ArrayList<>();
        String responseUnit = "mV";
        String stimulusUnit = "pA";
        for (Recording.Sweep s : recording.sweeps()) {
            boolean voltage = "mV".equals(s.responseUnit());
            responseUnit = s.responseUnit();
            double[] response = voltage ? shifted(s.response(), -offsetMv) : s.response().clone();
            double[] stimulus = null;
            if (s.stimulus() != null) {
                boolean nanoamps = "nA".equals(s.stimulusUnit());
                stimulus = nanoamps ? scaled(s.stimulus(), 1000) : s.stimulus().clone();
                stimulusUnit = nanoamps ? "pA" : s.stimulusUnit();
            }
            int[] spikes = voltage ? SpikeDetector.detect(response, s.dtMs(), spikeSettings).peaks() : new int[0];
            // Rounded to 1/1000 of the unit as RecordingSummary does, so float32 round-off is no "step".
            double amplitude = stimulus == null || stimulus.length == 0 ? Double.NaN
                    : Math.rint(RecordingSummary.stimulusAmplitude(stimulus) * 1000) / 1000;
            out.add(new Sweep(s.index(), s.dtMs(), stimulus, response, spikes, amplitude));
        }
        boolean voltageResponse = "mV".equals(responseUnit);
        return new SweepTraces(out, new Quantity(voltageResponse ? "I" : "V", stimulusUnit),
                new Quantity(voltageResponse ? "V" : "I", responseUnit), recording.durationMs());
    }

    /**
     * The stimulus and target sweeps of a resolved project in the model's declared units (the target
     * is null-free only when the project has one); spikes as the fit counts them.
     */
    public static SweepTraces of(ResolvedProject project) {
        CompiledModel model = project.model();
        CheckedModel.Symbol input = model.checked().inputs().get(project.input());
        CheckedModel.Symbol state = project.targetState() == null ? null
                : model.checked().states().get(model.stateIndex(project.targetState()));
        double dt = project.dt();
        List<Sweep> out = new ArrayList<>();
        for (int s = 0; s < project.sweeps(); s++) {
            double[] stimulus = scaled(project.stimulus()[s], 1 / input.unit().toInternalFactor());
            double[] response = null;
            int[] spikes = new int[0];
            if (project.target() != null) {
                response = scaled(project.target()[s], 1 / state.unit().toInternalFactor());
                spikes = project.targetSpikes() == null ? spikes : peaks(response, dt, project.targetSpikes()[s]);
            }
            // A stimulus trace need not start at a holding level, so its size is its extreme value.
            out.add(new Sweep(s, dt, stimulus, response, spikes, extreme(stimulus)));
        }
        Quantity response = state == null ? new Quantity("V", "mV") : new Quantity(state.name(), unit(state.unit()));
        return new SweepTraces(out, new Quantity(input.name(), unit(input.unit())), response,
                project.steps() * dt);
    }

    private static double extreme(double[] x) {
        double best = 0;
        for (double v : x) {
            if (Math.abs(v) > Math.abs(best)) {
                best = v;
            }
        }
        return best;
    }

    private static String unit(Unit u) {
        return u.isDimensionless() && u.scale() == 1 ? "" : u.symbol();
    }

    /** The sample of each spike's peak: the highest within {@link #PEAK_SEARCH_MS} after its onset. */
    static int[] peaks(double[] v, double dtMs, int[] crossings) {
        int reach = Math.max(1, (int) Math.round(PEAK_SEARCH_MS / dtMs));
        int[] out = new int[crossings.length];
        for (int i = 0; i < crossings.length; i++) {
            int best = Math.min(crossings[i], v.length - 1);
            for (int k = best; k < Math.min(v.length, crossings[i] + reach); k++) {
                if (v[k] > v[best]) {
                    best = k;
                }
            }
            out[i] = best;
        }
        return out;
    }

    private static double[] scaled(double[] x, double factor) {
        double[] out = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            out[k] = x[k] * factor;
        }
        return out;
    }

    private static double[] shifted(double[] x, double by) {
        double[] out = new double[x.length];
        for (int k = 0; k < x.length; k++) {
            out[k] = x[k] + by;
        }
        return out;
    }
}
