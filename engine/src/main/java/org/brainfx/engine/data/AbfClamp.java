package org.brainfx.engine.data;

import java.util.List;

/**
 * How an ABF recording was clamped and where its stimulus comes from, decided from the units of the
 * recorded channels and of the command DAC.
 *
 * <p>The chosen channel (the first by default) is the response. Current clamp: the response is a voltage and the command a current;
 * voltage clamp: the response is a current. A later channel in the command's units is a recording of the
 * command itself and is preferred over the protocol, because it shows what the amplifier really delivered.
 *
 * @param responseScale  factor from the response's file units to {@code responseUnit}
 * @param commandChannel the recorded command's channel index, or -1
 * @param dac            the DAC whose epoch table gives the stimulus, or null
 * @param stimulusScale  factor from the command's file units to {@code stimulusUnit}
 * @param note           why there is no stimulus, or empty
 */
record AbfClamp(Recording.ClampMode mode, String responseUnit, double responseScale, Recording.StimulusSource source,
                String stimulusUnit, int commandChannel, AbfDac dac, double stimulusScale, String note) {

    static AbfClamp decide(AbfHeader header, int responseChannel) {
        List<AbfChannel> channels = header.channels();
        String response = channels.get(responseChannel).units();
        AbfDac dac = commandDac(header);
        String command = dac == null ? "" : dac.units();
        boolean voltageClamp = AbfUnits.isCurrent(response);
        int recorded = -1;
        for (int c = 0; c < channels.size(); c++) {
            if (c == responseChannel) {
                continue;
            }
            String u = channels.get(c).units();
            if (voltageClamp ? AbfUnits.isVoltage(u) : AbfUnits.isCurrent(u)) {
                recorded = c;
                break;
            }
        }
        boolean currentClamp = AbfUnits.isVoltage(response) && (AbfUnits.isCurrent(command) || recorded >= 0);
        if (!voltageClamp && !currentClamp) {
            return new AbfClamp(Recording.ClampMode.UNKNOWN, response, 1, Recording.StimulusSource.NONE, null, -1, null, 1,
                    "the clamp mode is unknown: the response channel is in '" + response + "' and the command in '" + command
                            + "' (current clamp needs a voltage response and a current command, voltage clamp a current response)");
        }
        Recording.ClampMode mode = voltageClamp ? Recording.ClampMode.VOLTAGE : Recording.ClampMode.CURRENT;
        String stimulusUnit = voltageClamp ? AbfUnits.MILLIVOLT : AbfUnits.NANOAMPERE;
        double responseScale = AbfUnits.toBrainFx(response);
        String responseUnit = AbfUnits.brainFxUnit(response);
        if (recorded >= 0) {
            return new AbfClamp(mode, responseUnit, responseScale, Recording.StimulusSource.RECORDED, stimulusUnit, recorded,
                    null, AbfUnits.toBrainFx(channels.get(recorded).units()), "");
        }
        String problem = protocolProblem(dac, voltageClamp);
        if (problem != null) {
            return new AbfClamp(mode, responseUnit, responseScale, Recording.StimulusSource.NONE, null, -1, null, 1,
                    "no stimulus: " + problem);
        }
        return new AbfClamp(mode, responseUnit, responseScale, Recording.StimulusSource.PROTOCOL, stimulusUnit, -1, dac,
                AbfUnits.toBrainFx(dac.units()), "");
    }

    /** The stimulus of one sweep in {@link #stimulusUnit}, or null when there is none. */
    double[] stimulus(int sweep, double[][][] samples, int samplesPerSweep) {
        double[] raw;
        if (source == Recording.StimulusSource.RECORDED) {
            raw = samples[commandChannel][sweep].clone();
        } else if (source == Recording.StimulusSource.PROTOCOL) {
            raw = AbfEpochs.waveform(dac, sweep, samplesPerSweep);
        } else {
            return null;
        }
        for (int i = 0; i < raw.length; i++) {
            raw[i] *= stimulusScale;
        }
        return raw;
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

    private static String protocolProblem(AbfDac dac, boolean voltageClamp) {
        if (dac == null) {
            return "the file describes no command output (DAC) and records no command channel";
        }
        boolean unitsFit = voltageClamp ? AbfUnits.isVoltage(dac.units()) : AbfUnits.isCurrent(dac.units());
        if (!unitsFit) {
            return "the command DAC '" + dac.name() + "' is in '" + dac.units() + "', not a "
                    + (voltageClamp ? "voltage" : "current");
        }
        return AbfEpochs.unsupportedReason(dac);
    }
}
