package org.brainfx.engine.train;

/**
 * A histogram of weight magnitudes: {@code counts[i]} values fell in [i·width, (i+1)·width); the
 * last bin also holds values at the top edge. Masked-out (absent) synapses are not counted.
 *
 * @param width  bin width
 * @param counts counts per bin
 * @param max    the largest magnitude
 * @param mean   the mean magnitude
 */
public record WeightHistogram(double width, long[] counts, double max, double mean) {

    /** The histogram of |raw| over {@code bins} equal bins from 0 to {@code top} (the largest value when top ≤ 0). */
    public static WeightHistogram of(float[] raw, boolean[] mask, int bins, double top) {
        double max = 0;
        double sum = 0;
        long n = 0;
        for (int i = 0; i < raw.length; i++) {
            if (mask == null || mask[i]) {
                double a = Math.abs(raw[i]);
                max = Math.max(max, a);
                sum += a;
                n++;
            }
        }
        double edge = top > 0 ? top : max;
        double width = edge > 0 ? edge / bins : 1.0 / bins;
        long[] counts = new long[bins];
        for (int i = 0; i < raw.length; i++) {
            if (mask == null || mask[i]) {
                int b = (int) (Math.abs(raw[i]) / width);
                counts[Math.min(Math.max(b, 0), bins - 1)]++;
            }
        }
        return new WeightHistogram(width, counts, max, n == 0 ? 0 : sum / n);
    }
}
