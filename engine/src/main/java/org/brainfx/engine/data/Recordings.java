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
     * @param responseChannel  the recorded channel (0-based) that is the response; only ABF files hold
     *                         several, NWB and CSV files only 0
     */
    public record Options(boolean currentClampOnly, CsvOptions csv, int responseChannel) {
        /** Any clamp mode; CSV facts from the file; the first channel. */
        public static final Options DEFAULT = new Options(false, CsvOptions.DEFAULT, 0);

        /** Null CSV options mean {@link CsvOptions#DEFAULT}. */
        public Options {
            csv = csv == null ? CsvOptions.DEFAULT : csv;
        }

        /** Options for the first channel. */
        public Options(boolean currentClampOnly, CsvOptions csv) {
            this(currentClampOnly, csv, 0);
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
        if (options.responseChannel() != 0 && !name.endsWith(".abf")) {
            throw new RecordingException(file + ": channel " + options.responseChannel() + " was asked for, but only ABF"
                    + " files hold several recorded channels; use channel 0 (or leave it out)");
        }
        if (name.endsWith(".nwb")) {
            recording = NwbReader.read(file, options.currentClampOnly());
        } else if (name.endsWith(".abf")) {
            recording = AbfReader.read(file, options.responseChannel());
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
