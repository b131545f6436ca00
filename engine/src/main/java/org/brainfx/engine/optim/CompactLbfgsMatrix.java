package org.brainfx.engine.optim;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;

/**
 * The limited-memory BFGS Hessian approximation {@code B = θI − W·M·Wᵀ} in the compact form of
 * Byrd, Nocedal and Schnabel (1994), with {@code W = [Y, θS]} and
 * {@code M = [[−D, Lᵀ], [L, θ·SᵀS]]⁻¹} built from the last {@code capacity} correction pairs.
 */
final class CompactLbfgsMatrix {

    // Skip pairs with sᵀy this small against yᵀy: they would make B nearly singular or indefinite.
    private static final double CURVATURE_EPSILON = 2.2e-16;

    private final int capacity;
    private final List<double[]> s = new ArrayList<>();
    private final List<double[]> y = new ArrayList<>();
    private double theta = 1;
    private double[][] m = new double[0][0];

    CompactLbfgsMatrix(int capacity) {
        this.capacity = capacity;
    }

    /** Number of stored correction pairs. */
    int pairs() {
        return s.size();
    }

    /** The scaling θ = yᵀy / sᵀy of the newest pair (1 with no pairs). */
    double theta() {
        return theta;
    }

    /** Number of columns of W (twice the number of pairs). */
    int width() {
        return 2 * s.size();
    }

    /** Forgets every pair: B becomes the identity. */
    void clear() {
        s.clear();
        y.clear();
        theta = 1;
        m = new double[0][0];
    }

    /** Adds the step {@code sk} and gradient change {@code yk}; returns false (and changes nothing) without positive curvature. */
    boolean add(double[] sk, double[] yk) {
        double sy = dot(sk, yk);
        double yy = dot(yk, yk);
        if (!(sy > CURVATURE_EPSILON * yy)) {
            return false;
        }
        if (s.size() == capacity) {
            s.remove(0);
            y.remove(0);
        }
        s.add(sk.clone());
        y.add(yk.clone());
        theta = yy / sy;
        if (!rebuildMiddle()) {
            clear();
        }
        return true;
    }

    /** Row {@code i} of W: {@code (y_0[i] … y_{k−1}[i], θ·s_0[i] … θ·s_{k−1}[i])}. */
    double[] wRow(int i) {
        int k = s.size();
        double[] row = new double[2 * k];
        for (int j = 0; j < k; j++) {
            row[j] = y.get(j)[i];
            row[k + j] = theta * s.get(j)[i];
        }
        return row;
    }

    /** {@code Wᵀ·v}. */
    double[] wTransposeTimes(double[] v) {
        int k = s.size();
        double[] r = new double[2 * k];
        for (int j = 0; j < k; j++) {
            r[j] = dot(y.get(j), v);
            r[k + j] = theta * dot(s.get(j), v);
        }
        return r;
    }

    /** {@code M·v} for a vector of length {@link #width()}. */
    double[] mTimes(double[] v) {
        double[] r = new double[m.length];
        for (int i = 0; i < m.length; i++) {
            double acc = 0;
            for (int j = 0; j < m.length; j++) {
                acc += m[i][j] * v[j];
            }
            r[i] = acc;
        }
        return r;
    }

    /** {@code M·A} for a square matrix A of size {@link #width()}. */
    double[][] mTimes(double[][] a) {
        int w = m.length;
        double[][] r = new double[w][w];
        for (int i = 0; i < w; i++) {
            for (int j = 0; j < w; j++) {
                double acc = 0;
                for (int l = 0; l < w; l++) {
                    acc += m[i][l] * a[l][j];
                }
                r[i][j] = acc;
            }
        }
        return r;
    }

    private boolean rebuildMiddle() {
        int k = s.size();
        double[][] k2 = new double[2 * k][2 * k];
        for (int i = 0; i < k; i++) {
            k2[i][i] = -dot(s.get(i), y.get(i));
            for (int j = 0; j < k; j++) {
                if (i > j) {
                    double lij = dot(s.get(i), y.get(j));
                    k2[k + i][j] = lij;
                    k2[j][k + i] = lij;
                }
                k2[k + i][k + j] = theta * dot(s.get(i), s.get(j));
            }
        }
        // Near a minimum the pairs are tiny, so a pivot test must not be absolute (Commons Math's default is 1e-11).
        DecompositionSolver solver = new LUDecomposition(new Array2DRowRealMatrix(k2, false), Double.MIN_NORMAL).getSolver();
        if (!solver.isNonSingular()) {
            return false;
        }
        double[][] inverse = solver.getInverse().getData();
        for (double[] row : inverse) {
            if (!EvaluationTally.allFinite(row)) {
                return false;
            }
        }
        m = inverse;
        return true;
    }

    static double dot(double[] a, double[] b) {
        double acc = 0;
        for (int i = 0; i < a.length; i++) {
            acc += a[i] * b[i];
        }
        return acc;
    }
}
