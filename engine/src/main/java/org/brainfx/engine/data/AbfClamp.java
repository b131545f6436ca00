package org.brainfx.engine.data;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Predicate;

/**
 * How an ABF recording was clamped, which channel is the response and where its stimulus comes from,
 * decided from the units of all recorded channels, the command DAC's units and the amplifier telegraphs.
 *
 * <p>Current clamp records a membrane potential (mV) and commands a current; voltage clamp records a
 * current and commands a potential. Channels in volts are stimulus monitors or triggers, never taken for a
 * membrane potential. A channel in the command's units is a recording of the command itself and is preferred
 * over the protocol's epoch table, because it shows what the amplifier really delivered.
 *
 * @param responseChannel the channel read as the response
 * @param responseScale   factor from the response's file units to {@code responseUnit}
 * @param commandChannel  the recorded command's channel index, or -1
 * @param dac             the DAC whose epoch table (or holding level) gives the stimulus, or null
 * @param holdingOnly     true when the DAC's stimulus is its holding level only (no waveform played)
 * @param stimulusScale   factor from the command's file units to {@code stimulusUnit}
 * @param notes           what a user should know about these choices (why there is no stimulus, why it is flat,
 *                        which of two sources was used), possibly empty
 */
record AbfClamp(Recording.ClampMode mode, int responseChannel, String responseUnit, double responseScale,
                Recording.StimulusSource source, String stimulusUnit, int commandChannel, AbfDac dac, boolean holdingOnly,
                double stimulusScale, List<String> notes) {

    /** Copies the notes. */
    AbfClamp {
        notes = List.copyOf(notes);
    }

    /**
     * Decides the clamp; {@code requested} is the response channel the user chose, or negative to choose it by
     * units (the first membrane potential in current clamp, the first current in voltage clamp).
     */
    static AbfClamp decide(AbfHeader header, int requested) {
        List<AbfChannel> channels = header.channels();
        AbfDac dac = commandDac(header);
        List<String> notes = new ArrayList<>();
        Recording.ClampMode mode;
        int response;
        if (requested >= 0) {
            response = requested;
            String u = channels.get(requested).units();
            mode = AbfUnits.isVoltage(u) ? Recording.ClampMode.CURRENT
                    : AbfUnits.isCurrent(u) ? Recording.ClampMode.VOLTAGE : Recording.ClampMode.UNKNOWN;
        } else {
            mode = modeFromUnits(channels, dac, notes);
            response = mode == Recording.ClampMode.UNKNOWN ? firstUnknownResponse(channels) : responseOf(channels, mode);
        }
        String responseUnits = channels.get(response).units();
        if (mode == Recording.ClampMode.UNKNOWN) {
            if (notes.isEmpty()) {
                notes.add("the clamp mode is unknown: channel " + response + " ('" + channels.get(response).name()
                        + "') is in '" + responseUnits + "' and the command in '" + (dac == null ? "" : dac.units())
                        + "' (current clamp needs a potential in mV and a current command, voltage clamp a current)");
            }
            return new AbfClamp(mode, response, responseUnits, 1, Recording.StimulusSource.NONE, null, -1, null, false, 1,
                    notes);
        }
        boolean voltageClamp = mode == Recording.ClampMode.VOLTAGE;
        String stimulusUnit = voltageClamp ? AbfUnits.MILLIVOLT : AbfUnits.NANOAMPERE;
        double responseScale = AbfUnits.toBrainFx(responseUnits);
        String responseUnit = AbfUnits.brainFxUnit(responseUnits);
        int recorded = recordedCommand(channels, response, voltageClamp);
        String problem = protocolProblem(header, dac, voltageClamp);
        if (recorded >= 0) {
            if (problem == null) {
                notes.add("the command recorded on channel " + recorded + " ('" + channels.get(recorded).name()
                        + "') is used rather than the waveform rebuilt from the protocol");
            }
            return new AbfClamp(mode, response, responseUnit, responseScale, Recording.StimulusSource.RECORDED, stimulusUnit,
                    recorded, null, false, AbfUnits.toBrainFx(channels.get(recorded).units()), notes);
        }
        if (problem != null) {
            notes.add("no stimulus: " + problem);
            return new AbfClamp(mode, response, responseUnit, responseScale, Recording.StimulusSource.NONE, null, -1, null,
                    false, 1, notes);
        }
        boolean holdingOnly = header.operationMode() != AbfHeader.EPISODIC || dac.waveform() == AbfDac.Waveform.OFF;
        if (holdingOnly) {
            notes.add("flat stimulus: DAC '" + dac.name() + "' plays no waveform"
                    + (header.operationMode() != AbfHeader.EPISODIC ? " outside episodic mode" : "")
                    + ", only its holding level of " + dac.holding() + " " + dac.units()
                    + "; any stimulation came from elsewhere (light, synaptic input, another amplifier)");
        }
        return new AbfClamp(mode, response, responseUnit, responseScale, Recording.StimulusSource.PROTOCOL, stimulusUnit,
                -1, dac, holdingOnly, AbfUnits.toBrainFx(dac.units()), notes);
    }

    /** The stimulus of one sweep in {@link #stimulusUnit}, or null when there is none. */
    double[] stimulus(int sweep, double[][][] samples, int samplesPerSweep) {
        double[] raw;
        if (source == Recording.StimulusSource.RECORDED) {
            raw = samples[commandChannel][sweep].clone();
        } else if (source == Recording.StimulusSource.PROTOCOL) {
            raw = holdingOnly ? flat(samples[responseChannel][sweep].length, dac.holding())
                    : AbfEpochs.waveform(dac, sweep, samplesPerSweep);
        } else {
            return null;
        }
        for (int i = 0; i < raw.length; i++) {
            raw[i] *= stimulusScale;
        }
        return raw;
    }

    private static double[] flat(int n, double level) {
        double[] out = new double[n];
        Arrays.fill(out, level);
        return out;
    }

    /**
     * Current clamp when a membrane potential is recorded and the command is a current; voltage clamp when a
     * current is recorded and the command is a potential; otherwise the telegraphs decide, then which kind of
     * channel is recorded at all. Contradictions (a current command with only currents recorded) leave the mode
     * unknown with a note, because the units are then probably mislabelled.
     */
    private static Recording.ClampMode modeFromUnits(List<AbfChannel> channels, AbfDac dac, List<String> notes) {
        boolean potential = channels.stream().anyMatch(c -> AbfUnits.isMembranePotential(c.units()));
        boolean current = channels.stream().anyMatch(c -> AbfUnits.isCurrent(c.units()));
        boolean currentCommand = dac != null && AbfUnits.isCurrent(dac.units());
        boolean voltageCommand = dac != null && AbfUnits.isVoltage(dac.units());
        if (potential && currentCommand) {
            return Recording.ClampMode.CURRENT;
        }
        if (current && voltageCommand) {
            return Recording.ClampMode.VOLTAGE;
        }
        boolean ccTelegraph = channels.stream().anyMatch(c -> c.telegraphMode() == AbfChannel.TELEGRAPH_CURRENT_CLAMP);
        boolean vcTelegraph = channels.stream().anyMatch(c -> c.telegraphMode() == AbfChannel.TELEGRAPH_VOLTAGE_CLAMP);
        if (potential && ccTelegraph && !vcTelegraph) {
            return Recording.ClampMode.CURRENT;
        }
        if (current && vcTelegraph && !ccTelegraph) {
            return Recording.ClampMode.VOLTAGE;
        }
        if (current && !potential && (currentCommand || ccTelegraph)) {
            notes.add("the clamp mode is unknown: " + (currentCommand ? "the command DAC '" + dac.name() + "' is in '"
                    + dac.units() + "'" : "the amplifier telegraph says current clamp") + " but no channel records a"
                    + " membrane potential (mV), only currents " + unitsOf(channels) + "; the channel units are probably"
                    + " mislabelled: fix them in Clampfit (Edit > Modify Signal Parameters) or choose the response channel");
            return Recording.ClampMode.UNKNOWN;
        }
        if (potential && !current && voltageCommand) {
            notes.add("the clamp mode is unknown: the command DAC '" + dac.name() + "' is in '" + dac.units()
                    + "' (voltage clamp) but no channel records a current, only " + unitsOf(channels)
                    + "; choose the response channel, or fix the units in Clampfit (Edit > Modify Signal Parameters)");
            return Recording.ClampMode.UNKNOWN;
        }
        if (potential && !current) {
            return Recording.ClampMode.CURRENT;
        }
        if (current && !potential) {
            return Recording.ClampMode.VOLTAGE;
        }
        notes.add("the clamp mode is unknown: the channels are " + unitsOf(channels) + " and the command is in '"
                + (dac == null ? "" : dac.units()) + "'; choose the response channel");
        return Recording.ClampMode.UNKNOWN;
    }

    private static String unitsOf(List<AbfChannel> channels) {
        return channels.stream().map(c -> "'" + c.name() + "' in '" + c.units() + "'").toList().toString();
    }

    /** The first channel of the mode's response kind, preferring one whose telegraph reports that mode. */
    private static int responseOf(List<AbfChannel> channels, Recording.ClampMode mode) {
        boolean cc = mode == Recording.ClampMode.CURRENT;
        int telegraph = cc ? AbfChannel.TELEGRAPH_CURRENT_CLAMP : AbfChannel.TELEGRAPH_VOLTAGE_CLAMP;
        int first = -1;
        for (int c = 0; c < channels.size(); c++) {
            String u = channels.get(c).units();
            if (cc ? AbfUnits.isMembranePotential(u) : AbfUnits.isCurrent(u)) {
                if (channels.get(c).telegraphMode() == telegraph) {
                    return c;
                }
                first = first < 0 ? c : first;
            }
        }
        return first;
    }

    /**
     * Without a known mode the response is the first membrane potential, else the first current, else the first
     * channel not in volts (a monitor), else channel 0.
     */
    private static int firstUnknownResponse(List<AbfChannel> channels) {
        List<Predicate<String>> preferences = List.of(AbfUnits::isMembranePotential,
                AbfUnits::isCurrent, u -> !"V".equals(u));
        for (Predicate<String> wanted : preferences) {
            for (int c = 0; c < channels.size(); c++) {
                if (wanted.test(channels.get(c).units())) {
                    return c;
                }
            }
        }
        return 0;
    }

    /** A channel other than the response in the command's kind: a current in current clamp, mV in voltage clamp. */
    private static int recordedCommand(List<AbfChannel> channels, int response, boolean voltageClamp) {
        for (int c = 0; c < channels.size(); c++) {
            String u = channels.get(c).units();
            if (c != response && (voltageClamp ? AbfUnits.isMembranePotential(u) : AbfUnits.isCurrent(u))) {
                return c;
            }
        }
        return -1;
    }

    /** The active DAC when it plays a waveform; otherwise the first DAC that does; otherwise the active one (holding only). */
    private static AbfDac commandDac(AbfHeader header) {
        AbfDac active = null;
        AbfDac firstPlaying = null;
        for (AbfDac d : header.dacs()) {
            if (d.number() == header.activeDac()) {
                active = d;
            }
            if (firstPlaying == null && d.waveform() != AbfDac.Waveform.OFF) {
                firstPlaying = d;
            }
        }
        if (active != null && active.waveform() != AbfDac.Waveform.OFF) {
            return active;
        }
        return firstPlaying != null ? firstPlaying : active;
    }

    private static String protocolProblem(AbfHeader header, AbfDac dac, boolean voltageClamp) {
        if (dac == null) {
            return "the file describes no command output (DAC) and records no command channel";
        }
        boolean unitsFit = voltageClamp ? AbfUnits.isVoltage(dac.units()) : AbfUnits.isCurrent(dac.units());
        if (!unitsFit) {
            return "the command DAC '" + dac.name() + "' is in '" + dac.units() + "', not a "
                    + (voltageClamp ? "voltage" : "current") + ", and no channel records the command";
        }
        return header.operationMode() == AbfHeader.EPISODIC ? AbfEpochs.unsupportedReason(dac) : null;
    }
}
