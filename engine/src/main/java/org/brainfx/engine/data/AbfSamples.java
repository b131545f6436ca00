package org.brainfx.engine.data;

import java.nio.ByteBuffer;
import java.nio.FloatBuffer;
import java.nio.ShortBuffer;

/** De-interleaves an ABF data section into per-channel, per-sweep arrays in the channels' own units. */
final class AbfSamples {
    private AbfSamples() {
    }

    /**
     * Decodes sweeps of {@code lengths[s]} samples per channel, stored one after the other from the start of
     * the data: {@code [channel][sweep][sample]}. Float32 files already hold user units; int16 files are scaled
     * with each channel's gain and offset. The header's check has made sure the sweeps fit in the file.
     */
    static double[][][] decode(AbfHeader header, AbfBytes bytes, int[] lengths) throws RecordingException {
        int channels = header.channels().size();
        double[][][] out = new double[channels][lengths.length][];
        for (int c = 0; c < channels; c++) {
            for (int s = 0; s < lengths.length; s++) {
                out[c][s] = new double[lengths[s]];
            }
        }
        ByteBuffer data = bytes.buffer().position((int) header.dataOffset()).slice().order(bytes.buffer().order());
        if (header.floatData()) {
            decodeFloats(header, bytes, data.asFloatBuffer(), out);
        } else {
            decodeShorts(header, data.asShortBuffer(), out);
        }
        return out;
    }

    private static void decodeShorts(AbfHeader header, ShortBuffer data, double[][][] out) {
        int channels = out.length;
        short[] episode = new short[0];
        for (int s = 0; s < out[0].length; s++) {
            int n = out[0][s].length;
            if (episode.length != n * channels) {
                episode = new short[n * channels];
            }
            data.get(episode);
            for (int c = 0; c < channels; c++) {
                double gain = header.channels().get(c).gain();
                double offset = header.channels().get(c).offset();
                double[] trace = out[c][s];
                for (int i = 0, k = c; i < n; i++, k += channels) {
                    trace[i] = episode[k] * gain + offset;
                }
            }
        }
    }

    private static void decodeFloats(AbfHeader header, AbfBytes bytes, FloatBuffer data, double[][][] out)
            throws RecordingException {
        int channels = out.length;
        float[] episode = new float[0];
        for (int s = 0; s < out[0].length; s++) {
            int n = out[0][s].length;
            if (episode.length != n * channels) {
                episode = new float[n * channels];
            }
            data.get(episode);
            for (int c = 0; c < channels; c++) {
                double[] trace = out[c][s];
                for (int i = 0, k = c; i < n; i++, k += channels) {
                    if (!Float.isFinite(episode[k])) {
                        throw bytes.error("sample " + i + " of sweep " + (s + 1) + " in channel " + c + " ('"
                                        + header.channels().get(c).name() + "') is " + episode[k],
                                "Float32 ABF data must be finite; repair or blank the sample in Clampfit and save again");
                    }
                    trace[i] = episode[k];
                }
            }
        }
    }
}
