package org.brainfx.app.cli;

import java.io.BufferedWriter;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.brainfx.engine.compile.CompiledModel;
import org.brainfx.engine.model.unit.Unit;
import org.brainfx.engine.sim.SimulationResult;

/**
 * Writes recorded traces as CSV: a {@code t_ms} column, then one column per recorded state and
 * sweep ({@code V[0], V[1], …, m[0], …}), one row per sample, values in the states' declared units.
 */
final class TraceCsvWriter {

    private TraceCsvWriter() {
    }

    /** Writes {@code result} of {@code model} to {@code file}, replacing it. */
    static void write(CompiledModel model, SimulationResult result, Path file) throws IOException {
        int states = result.recorded().size();
        int lanes = result.spikeSteps().length;
        double[] internalPerDeclared = new double[states];
        StringBuilder header = new StringBuilder("t_ms");
        for (int r = 0; r < states; r++) {
            String name = result.recorded().get(r);
            Unit unit = model.checked().states().get(model.stateIndex(name)).unit();
            internalPerDeclared[r] = unit.toInternalFactor();
            for (int l = 0; l < lanes; l++) {
                header.append(',').append(name).append('[').append(l).append(']');
            }
        }
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            out.write(header.toString());
            out.newLine();
            StringBuilder row = new StringBuilder();
            for (int k = 0; k < result.steps(); k++) {
                row.setLength(0);
                // A sample is the state after its step, hence (k + 1)·dt.
                row.append(time((k + 1) * result.dt()));
                for (int r = 0; r < states; r++) {
                    for (int l = 0; l < lanes; l++) {
                        row.append(',').append(result.traces()[r][l][k] / internalPerDeclared[r]);
                    }
                }
                out.write(row.toString());
                out.newLine();
            }
        } catch (IOException e) {
            throw new IOException(file + ": cannot write the traces (" + e.getMessage() + ")", e);
        }
    }

    /** A time without the round-off of {@code (k + 1)·dt} (0.03, not 0.030000000000000002). */
    private static String time(double t) {
        return BigDecimal.valueOf(Math.round(t * 1e9) / 1e9).stripTrailingZeros().toPlainString();
    }
}
