package org.brainfx.app.network.connectome;

/**
 * How many nodes have each degree, in bins of equal integer width starting at 0: bin {@code k}
 * counts the nodes whose degree lies in {@code [k·binWidth, (k + 1)·binWidth)}.
 *
 * @param binWidth degrees per bin (at least 1)
 * @param counts   nodes per bin; the last bin holds the largest degree
 * @param max      the largest degree
 */
public record DegreeHistogram(int binWidth, int[] counts, int max) {

    /** The histogram of {@code degrees} in at most {@code maxBins} bins (the fewest widths that fit). */
    public static DegreeHistogram of(int[] degrees, int maxBins) {
        if (maxBins < 1) {
            throw new IllegalArgumentException("a histogram needs at least one bin, got " + maxBins);
        }
        int max = 0;
        for (int d : degrees) {
            if (d < 0) {
                throw new IllegalArgumentException("degree " + d + " is negative");
            }
            max = Math.max(max, d);
        }
        int width = Math.max(1, (max + maxBins) / maxBins);
        int[] counts = new int[max / width + 1];
        for (int d : degrees) {
            counts[d / width]++;
        }
        return new DegreeHistogram(width, counts, max);
    }

    /** The number of nodes counted. */
    public int total() {
        int sum = 0;
        for (int c : counts) {
            sum += c;
        }
        return sum;
    }

    /** The largest bin count (0 without nodes). */
    public int peak() {
        int peak = 0;
        for (int c : counts) {
            peak = Math.max(peak, c);
        }
        return peak;
    }
}
