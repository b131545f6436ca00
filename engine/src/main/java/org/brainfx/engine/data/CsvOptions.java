package org.brainfx.engine.data;

import java.nio.file.Path;

/**
 * What a CSV recording does not say about itself: its layout, sample interval, time column and
 * unit, the units of its traces, and an optional separate stimulus file. Null means "take it
 * from the file" (or, for the stimulus file, "none").
 *
 * @param layout           traces as rows or as columns; {@link Layout#AUTO} decides from the header
 * @param sampleIntervalMs sample interval, needed when the file has no time column
 * @param timeColumn       header name of the time column (default: the first column named {@code t…}/{@code time…})
 * @param timeUnit         {@code ms} or {@code s}, when the time column's header does not say
 * @param responseUnit     unit of the recorded traces, e.g. {@code mV}, when the header does not say
 * @param stimulusUnit     unit of the stimulus traces, e.g. {@code pA} or {@code A}
 * @param stimulusFile     CSV file of the stimulus, one trace per response trace (or one for all)
 */
public record CsvOptions(Layout layout, Double sampleIntervalMs, String timeColumn, String timeUnit,
                         String responseUnit, String stimulusUnit, Path stimulusFile) {

    /** Everything taken from the file. */
    public static final CsvOptions DEFAULT = new CsvOptions(Layout.AUTO, null, null, null, null, null, null);

    /** How traces are laid out in the file. */
    public enum Layout {
        /** A header of sample indices ({@code ,0,1,2…}) means rows; a header of names means columns. */
        AUTO,
        /** One trace per row, as in the reference's {@code *_traces_hh.csv}: sample indices in the header, a row index first. */
        ROWS,
        /** One trace per column, named in the header, usually beside a time column. */
        COLUMNS
    }

    /** Null layout means {@link Layout#AUTO}. */
    public CsvOptions {
        layout = layout == null ? Layout.AUTO : layout;
    }

    /** A copy with another layout. */
    public CsvOptions withLayout(Layout value) {
        return new CsvOptions(value, sampleIntervalMs, timeColumn, timeUnit, responseUnit, stimulusUnit, stimulusFile);
    }

    /** A copy with a sample interval in ms. */
    public CsvOptions withSampleIntervalMs(Double value) {
        return new CsvOptions(layout, value, timeColumn, timeUnit, responseUnit, stimulusUnit, stimulusFile);
    }

    /** A copy with a named time column. */
    public CsvOptions withTimeColumn(String value) {
        return new CsvOptions(layout, sampleIntervalMs, value, timeUnit, responseUnit, stimulusUnit, stimulusFile);
    }

    /** A copy with the time column's unit ({@code ms} or {@code s}). */
    public CsvOptions withTimeUnit(String value) {
        return new CsvOptions(layout, sampleIntervalMs, timeColumn, value, responseUnit, stimulusUnit, stimulusFile);
    }

    /** A copy with the recorded traces' unit. */
    public CsvOptions withResponseUnit(String value) {
        return new CsvOptions(layout, sampleIntervalMs, timeColumn, timeUnit, value, stimulusUnit, stimulusFile);
    }

    /** A copy with the stimulus traces' unit. */
    public CsvOptions withStimulusUnit(String value) {
        return new CsvOptions(layout, sampleIntervalMs, timeColumn, timeUnit, responseUnit, value, stimulusFile);
    }

    /** A copy with a stimulus file. */
    public CsvOptions withStimulusFile(Path value) {
        return new CsvOptions(layout, sampleIntervalMs, timeColumn, timeUnit, responseUnit, stimulusUnit, value);
    }
}
