package org.brainfx.engine.train;

import java.io.BufferedWriter;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * A run's curves as CSV, a row per trained batch: wall time, loss, accuracy, the held-out accuracy and
 * loss where evaluated (empty elsewhere), and the mean E and I firing rates — what the command line
 * and the dashboard export.
 */
public final class TrainingCsv {
    /** The header line. */
    public static final String HEADER = "batch,wall_seconds,loss,accuracy,held_out_accuracy,held_out_loss,rate_e_hz,rate_i_hz";

    private TrainingCsv() {
    }

    /** Writes {@code history} to {@code file}. */
    public static void write(Path file, List<TrainRecord> history) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write(HEADER);
            w.write('\n');
            for (TrainRecord r : history) {
                w.write(String.format(Locale.ROOT, "%d,%.3f,%.6f,%.4f,%s,%s,%.3f,%.3f%n", r.batch(), r.wallSeconds(), r.loss(),
                        r.accuracy(), optional("%.4f", r.heldOutAccuracy()), optional("%.6f", r.heldOutLoss()), r.rateE(),
                        r.rateI()));
            }
        }
    }

    private static String optional(String format, double v) {
        return Double.isNaN(v) ? "" : String.format(Locale.ROOT, format, v);
    }
}
