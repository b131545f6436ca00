package org.brainfx.engine.train;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/**
 * Everything a training run needs to continue exactly where it stopped: batches done, the weights,
 * Adam's moments and step, the best weights and their held-out accuracy, the initial weights and the
 * history. Written atomically (a temporary file moved over the old one), read back with checks that
 * it belongs to a network of the same shape.
 *
 * @param batches       batches done
 * @param weights       current weights
 * @param adam          the optimizer's state
 * @param best          best weights so far
 * @param bestHeldOut   their held-out accuracy (NaN before any evaluation)
 * @param bestLoss      their held-out loss
 * @param initial       the weights before training
 * @param history       records so far
 */
public record Checkpoint(long batches, RsnnWeights weights, Adam adam, RsnnWeights best, double bestHeldOut, double bestLoss,
                         RsnnWeights initial, List<TrainRecord> history) {
    private static final String MAGIC = "BrainFX training checkpoint 1";

    /** The checkpoint file in an output folder. */
    public static Path file(Path dir) {
        return dir.resolve("checkpoint.bin");
    }

    /** Writes this checkpoint to {@code file} atomically. */
    public void write(Path file) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        try (DataOutputStream out = new DataOutputStream(new BufferedOutputStream(Files.newOutputStream(tmp)))) {
            out.writeUTF(MAGIC);
            out.writeLong(batches);
            out.writeDouble(adam.learningRate());
            out.writeLong(adam.step());
            out.writeDouble(bestHeldOut);
            out.writeDouble(bestLoss);
            for (RsnnWeights w : List.of(weights, adam.first(), adam.second(), best, initial)) {
                for (float[] a : w.arrays()) {
                    out.writeInt(a.length);
                    for (float x : a) {
                        out.writeFloat(x);
                    }
                }
            }
            out.writeInt(history.size());
            for (TrainRecord r : history) {
                out.writeLong(r.batch());
                for (double x : new double[] {r.wallSeconds(), r.loss(), r.accuracy(), r.heldOutAccuracy(), r.heldOutLoss(),
                        r.rateE(), r.rateI()}) {
                    out.writeDouble(x);
                }
            }
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    /**
     * Reads a checkpoint of a network shaped like {@code net}.
     *
     * @throws IOException naming the file and what does not fit
     */
    public static Checkpoint read(Path file, EiRsnn net) throws IOException {
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(file)))) {
            String magic = in.readUTF();
            if (!MAGIC.equals(magic)) {
                throw new IOException(file + " is not a BrainFX training checkpoint (it starts with '" + magic + "')");
            }
            long batches = in.readLong();
            double lr = in.readDouble();
            long step = in.readLong();
            double bestHeldOut = in.readDouble();
            double bestLoss = in.readDouble();
            List<RsnnWeights> ws = new ArrayList<>();
            for (int k = 0; k < 5; k++) {
                RsnnWeights w = RsnnWeights.zeros(net);
                for (int a = 0; a < 4; a++) {
                    float[] target = w.arrays().get(a);
                    int length = in.readInt();
                    if (length != target.length) {
                        throw new IOException(file + ": its " + RsnnWeights.NAMES.get(a) + " weights have " + length
                                + " values but this project's network needs " + target.length
                                + "; the checkpoint belongs to another network — delete it or train into another folder");
                    }
                    for (int i = 0; i < length; i++) {
                        target[i] = in.readFloat();
                    }
                }
                ws.add(w);
            }
            int records = in.readInt();
            List<TrainRecord> history = new ArrayList<>(records);
            for (int i = 0; i < records; i++) {
                long b = in.readLong();
                double[] x = new double[7];
                for (int j = 0; j < x.length; j++) {
                    x[j] = in.readDouble();
                }
                history.add(new TrainRecord(b, x[0], x[1], x[2], x[3], x[4], x[5], x[6]));
            }
            return new Checkpoint(batches, ws.get(0), new Adam(lr, ws.get(1), ws.get(2), step), ws.get(3), bestHeldOut,
                    bestLoss, ws.get(4), history);
        } catch (EOFException e) {
            throw new IOException(file + " ends early: the checkpoint is truncated (a run stopped while writing?); delete it"
                    + " to start over", e);
        }
    }
}
