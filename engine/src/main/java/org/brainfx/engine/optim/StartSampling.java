package org.brainfx.engine.optim;

import java.util.SplittableRandom;

/** How start points and initial populations are spread over the unit cube. */
public enum StartSampling {
    /** Independent uniform draws. */
    UNIFORM("uniform") {
        @Override
        double[][] sample(int count, int dimension, SplittableRandom rng) {
            double[][] points = new double[count][dimension];
            for (double[] p : points) {
                for (int j = 0; j < dimension; j++) {
                    p[j] = rng.nextDouble();
                }
            }
            return points;
        }
    },
    /** Latin hypercube: every dimension's range is cut into {@code count} strata and each stratum is used once. */
    LATIN_HYPERCUBE("lhs") {
        @Override
        double[][] sample(int count, int dimension, SplittableRandom rng) {
            double[][] points = new double[count][dimension];
            int[] strata = new int[count];
            for (int j = 0; j < dimension; j++) {
                for (int i = 0; i < count; i++) {
                    strata[i] = i;
                }
                for (int i = count - 1; i > 0; i--) {
                    int k = rng.nextInt(i + 1);
                    int t = strata[i];
                    strata[i] = strata[k];
                    strata[k] = t;
                }
                for (int i = 0; i < count; i++) {
                    points[i][j] = (strata[i] + rng.nextDouble()) / count;
                }
            }
            return points;
        }
    };

    private final String key;

    StartSampling(String key) {
        this.key = key;
    }

    /** The name used in project files and on the command line ({@code uniform}, {@code lhs}). */
    public String key() {
        return key;
    }

    /** The sampling called {@code key} ({@code uniform} or {@code lhs}, case-insensitive). */
    public static StartSampling fromKey(String key) {
        for (StartSampling s : values()) {
            if (s.key.equalsIgnoreCase(key) || s.name().equalsIgnoreCase(key)) {
                return s;
            }
        }
        throw new IllegalArgumentException("unknown start sampling '" + key + "'; use 'uniform' or 'lhs'");
    }

    /** {@code count} points of the unit cube, {@code [point][dimension]}. */
    abstract double[][] sample(int count, int dimension, SplittableRandom rng);

    @Override
    public String toString() {
        return key;
    }
}
