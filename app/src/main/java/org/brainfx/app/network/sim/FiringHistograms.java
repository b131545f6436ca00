package org.brainfx.app.network.sim;

import java.util.ArrayList;
import java.util.List;
import org.brainfx.engine.net.NetworkResult;

/**
 * What a finished run shows per population: the histograms of its neurons' firing rates and of their
 * coefficients of variation of the inter-spike intervals (neurons with at least three spikes), on bins
 * shared by all populations so their bars compare, with the means.
 *
 * @param rateMaxHz the right edge of the rate bins
 * @param cvMax     the right edge of the CV bins
 */
public record FiringHistograms(List<Population> populations, double rateMaxHz, double cvMax) {
    /** Bins of each histogram. */
    public static final int BINS = 30;

    /**
     * One population's numbers.
     *
     * @param rates    neurons per rate bin
     * @param cvs      neurons per CV bin
     * @param cvNeurons neurons with a CV (at least three spikes)
     */
    public record Population(String name, String type, double meanRateHz, double meanCv, int[] rates, int[] cvs,
                             int cvNeurons) { }

    /** The histograms of a run's populations. */
    public static FiringHistograms of(NetworkResult r, List<String> types) {
        List<double[]> rates = new ArrayList<>();
        List<double[]> cvs = new ArrayList<>();
        double rateMax = 0;
        double cvMax = 0;
        for (String name : r.populations()) {
            double[] rate = r.neuronRatesHz(name);
            double[] cv = r.neuronCvIsi(name);
            for (double v : rate) {
                rateMax = Math.max(rateMax, v);
            }
            for (double v : cv) {
                if (!Double.isNaN(v)) {
                    cvMax = Math.max(cvMax, v);
                }
            }
            rates.add(rate);
            cvs.add(cv);
        }
        rateMax = niceCeiling(rateMax);
        cvMax = Math.max(1, niceCeiling(cvMax));
        List<Population> out = new ArrayList<>();
        for (int p = 0; p < r.populations().size(); p++) {
            int[] cvBins = bin(cvs.get(p), cvMax);
            int counted = 0;
            for (int c : cvBins) {
                counted += c;
            }
            out.add(new Population(r.populations().get(p), types.get(p), r.meanRateHz(r.populations().get(p)),
                    r.meanCvIsi(r.populations().get(p)), bin(rates.get(p), rateMax), cvBins, counted));
        }
        return new FiringHistograms(List.copyOf(out), rateMax, cvMax);
    }

    /** Counts of the values (NaN skipped) in {@link #BINS} bins over [0, max]; max itself in the last bin. */
    static int[] bin(double[] values, double max) {
        int[] counts = new int[BINS];
        for (double v : values) {
            if (Double.isNaN(v)) {
                continue;
            }
            int b = (int) (v / max * BINS);
            counts[Math.max(0, Math.min(BINS - 1, b))]++;
        }
        return counts;
    }

    /** The smallest 1, 2 or 5 × 10^k at or above {@code v} (1 for 0). */
    static double niceCeiling(double v) {
        if (!(v > 0)) {
            return 1;
        }
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
