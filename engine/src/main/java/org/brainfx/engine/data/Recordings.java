package org.brainfx.engine.data;

import java.nio.file.Path;
import java.util.Locale;

/** Reads a recording of any supported format, chosen by the file's extension (.abf, .nwb, .csv). */
public final class Recordings {

    private Recordings() {
    }

    /**
     * How to read a file.
     *
     * @param currentClampOnly fail on a file without current-clamp sweeps (a neuron fit needs them)
     * @param csv              what a CSV file does not say about itself; ignored for other formats
     * @param responseChannel  the recorded channel (0-based) that is the response, or {@link #AUTO_CHANNEL} to
     *                         choose it by units; only ABF files hold several; for NWB files it counts the
     *                         electrodes (0-based, in name order); CSV files have only 0
     * @param gapFreeSweepMs   length of the sweeps a gap-free ABF recording is cut into; 0 keeps it whole
     */
    public record Options(boolean currentClampOnly, CsvOptions csv, int responseChannel, double gapFreeSweepMs) {
        /** Chooses the response channel by units: a membrane potential in current clamp, a current in voltage clamp. */
        public static final int AUTO_CHANNEL = -1;
        /** Any clamp mode; CSV facts from the file; the response channel chosen by units. */
        public static final Options DEFAULT = new Options(false, CsvOptions.DEFAULT, AUTO_CHANNEL, 0);

        /** Null CSV options mean {@link CsvOptions#DEFAULT}. */
        public Options {
            csv = csv == null ? CsvOptions.DEFAULT : csv;
        }

        /** Options for a given response channel, gap-free recordings kept whole. */
        public Options(boolean currentClampOnly, CsvOptions csv, int responseChannel) {
            this(currentClampOnly, csv, responseChannel, 0);
        }

        /** Options with the response channel chosen by units. */
        public Options(boolean currentClampOnly, CsvOptions csv) {
            this(currentClampOnly, csv, AUTO_CHANNEL);
        }
    }

    /** Reads {@code file} with {@link Options#DEFAULT}. */
    public static Recording read(Path file) throws RecordingException {
        return read(file, Options.DEFAULT);
    }

    /** Reads {@code file} as its extension says; fails naming the file and what is wrong with it. */
    public static Recording read(Path file, Options options) throws RecordingException {
        String name = file.getFileName() == null ? "" : file.getFileName().toString().toLowerCase(Locale.ROOT);
        Recording recording;
        if (options.responseChannel() > 0 && !name.endsWith(".abf") && !name.endsWith(".nwb")) {
            throw new RecordingException(file + ": channel " + options.responseChannel() + " was asked for, but only ABF"
                    + " files hold several recorded channels (and NWB files several electrodes); use channel 0 (or leave it out)");
        }
        if (name.endsWith(".nwb")) {
            recording = NwbReader.read(file, options.currentClampOnly(), Math.max(0, options.responseChannel()));
        } else if (name.endsWith(".abf")) {
            recording = AbfReader.read(file, options.responseChannel(), options.gapFreeSweepMs());
        } else if (name.endsWith(".csv")) {
            recording = CsvReader.read(file, options.csv());
        } else {
            throw new RecordingException(file + ": unknown recording format; BrainFX reads .abf (Axon), .nwb"
                    + " (Neurodata Without Borders) and .csv files");
        }
        if (options.currentClampOnly() && recording.clampMode() != Recording.ClampMode.CURRENT) {
            throw new RecordingException(file + ": the sweeps were recorded in "
                    + recording.clampMode().name().toLowerCase(Locale.ROOT) + " clamp mode, not current clamp;"
                    + " a neuron model is fitted to the voltage response to an injected current");
        }
        return recording;
    }
}
