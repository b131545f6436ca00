package org.brainfx.engine.train;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.brainfx.engine.data.connectome.ConnectomeException;
import org.brainfx.engine.data.connectome.NpyFormat;

/**
 * An {@link EiRsnn}'s weights as one {@code .npy} matrix per projection ({@code input.npy},
 * {@code excitatory.npy}, {@code inhibitory.npy}, {@code readout.npy}, presynaptic side as rows): what
 * {@code brainfx train} and the dashboard export, and what a training project's {@code rsnn.weights}
 * starts from instead of a random initialization. The three spiking projections hold the effective
 * magnitudes (masked-out synapses 0, signs implied by Dale's law); the readout holds its signed values.
 */
public final class RsnnWeightFiles {
    /** The file names, in the order of {@link RsnnWeights#NAMES}. */
    public static final List<String> FILES = RsnnWeights.NAMES.stream().map(n -> n + ".npy").toList();

    private RsnnWeightFiles() {
    }

    /** Writes {@code weights} of {@code net} into {@code dir} (created if missing); returns the files written. */
    public static List<Path> write(Path dir, EiRsnn net, RsnnWeights weights) throws IOException {
        Files.createDirectories(dir);
        int n = net.neurons();
        write(dir.resolve(FILES.get(0)), net.inputs(), n, magnitudes(weights.input(), net.inputMask()));
        write(dir.resolve(FILES.get(1)), net.excitatory(), n, magnitudes(weights.excitatory(), net.excitatoryMask()));
        write(dir.resolve(FILES.get(2)), net.inhibitory(), n, magnitudes(weights.inhibitory(), net.inhibitoryMask()));
        write(dir.resolve(FILES.get(3)), n, net.outputs(), widen(weights.readout()));
        return FILES.stream().map(dir::resolve).toList();
    }

    /**
     * Reads the weights of {@code net} from {@code dir}, as {@link #write} wrote them; an exception names
     * the file and what is wrong with it (missing, wrong shape for this network, a negative magnitude,
     * NaN) and how to mend it. Entries outside a projection's connectivity are ignored (they stay 0).
     */
    public static RsnnWeights read(Path dir, EiRsnn net) {
        int n = net.neurons();
        float[] input = magnitudes(dir.resolve(FILES.get(0)), net.inputs(), n, net.inputMask());
        float[] e = magnitudes(dir.resolve(FILES.get(1)), net.excitatory(), n, net.excitatoryMask());
        float[] i = magnitudes(dir.resolve(FILES.get(2)), net.inhibitory(), n, net.inhibitoryMask());
        double[] readout = matrix(dir.resolve(FILES.get(3)), n, net.outputs());
        float[] out = new float[readout.length];
        for (int k = 0; k < out.length; k++) {
            out[k] = finite(dir.resolve(FILES.get(3)), k, net.outputs(), readout[k]);
        }
        return new RsnnWeights(net, input, e, i, out);
    }

    private static float[] magnitudes(Path file, int rows, int cols, boolean[] mask) {
        double[] values = matrix(file, rows, cols);
        float[] raw = new float[values.length];
        for (int k = 0; k < raw.length; k++) {
            float v = finite(file, k, cols, values[k]);
            if (v < 0) {
                throw new IllegalArgumentException(file + ": row " + k / cols + ", column " + k % cols + " is " + v
                        + "; the spiking projections hold weight magnitudes (>= 0, signs follow Dale's law): "
                        + "write |w| there");
            }
            raw[k] = mask == null || mask[k] ? v : 0;
        }
        return raw;
    }

    private static double[] matrix(Path file, int rows, int cols) {
        if (!Files.isRegularFile(file)) {
            throw new IllegalArgumentException("rsnn.weights: " + file + " is missing; the folder needs "
                    + String.join(", ", FILES) + " (as `brainfx train --out` writes them)");
        }
        try {
            return NpyFormat.readDense(file, rows, cols);
        } catch (ConnectomeException e) {
            throw new IllegalArgumentException("rsnn.weights: " + e.getMessage() + " (" + rows + " presynaptic × " + cols
                    + " postsynaptic for this network: were they trained with other sizes or another task?)", e);
        }
    }

    private static float finite(Path file, int k, int cols, double v) {
        if (!Double.isFinite(v)) {
            throw new IllegalArgumentException(file + ": row " + k / cols + ", column " + k % cols + " is " + v
                    + "; weights must be finite numbers");
        }
        return (float) v;
    }

    private static double[] magnitudes(float[] raw, boolean[] mask) {
        double[] a = new double[raw.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = mask == null || mask[i] ? Math.abs(raw[i]) : 0;
        }
        return a;
    }

    private static double[] widen(float[] values) {
        double[] d = new double[values.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = values[i];
        }
        return d;
    }

    private static void write(Path file, int rows, int cols, double[] values) throws IOException {
        try (OutputStream o = Files.newOutputStream(file)) {
            NpyFormat.writeMatrix(o, rows, cols, values);
        }
    }
}
