package org.brainfx.engine.optim;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The (μ/μ_w, λ)-CMA-ES of Hansen's tutorial ("The CMA Evolution Strategy: A Tutorial", 2016):
 * default λ = 4 + ⌊3 ln n⌋, μ = ⌊λ/2⌋ log-weights, cumulative step-size adaptation, rank-one and
 * rank-μ covariance updates with the h_σ stall, in the unit cube with σ0 = 0.3 and the mean
 * starting at the box centre (or the first explicit initial point).
 *
 * <p>Samples outside the box are evaluated at their clipped point and ranked by that loss plus
 * {@code γ·‖x − clip(x)‖²}, where γ = (interquartile range of the generation's losses) /
 * (σ²·mean(diag C)) makes one typical step outside cost one typical loss difference; the
 * distribution itself is updated with the unclipped samples. Stops when σ·√max(diag C) falls
 * below 1e-12, when the condition number of C exceeds 1e14, or when the losses of the generation
 * and the best losses of the last 10 + ⌈30n/λ⌉ generations agree to the relative loss tolerance.
 */
final class CmaEs extends PopulationOptimizer {

    private static final double TOL_X = 1e-12;
    private static final double MAX_CONDITION = 1e14;

    private final SplittableRandom rng;
    private final double lossTolerance;
    private final int n;
    private final int lambda;
    private final double[] weights;
    private final double mueff;
    private final double cs;
    private final double ds;
    private final double cc;
    private final double c1;
    private final double cmu;
    private final double chiN;
    private final double[] bestHistory;

    private double[] mean;
    private double sigma;
    private double[][] c;
    private double[][] b;
    private double[] d;
    private double[] ps;
    private double[] pc;
    private double[][] samples;
    private double[][] steps;
    private int generation;

    CmaEs(Bounds bounds, OptimizerSettings settings, SplittableRandom rng) {
        super("cmaes", bounds);
        this.rng = rng;
        this.lossTolerance = settings.lossTolerance();
        this.n = bounds.dimension();
        this.lambda = settings.populationOr(4 + (int) Math.floor(3 * Math.log(n)));
        if (lambda < 2) {
            throw new IllegalArgumentException("CMA-ES needs a population of at least 2, got " + lambda);
        }
        int mu = lambda / 2;
        weights = new double[mu];
        double sum = 0;
        for (int i = 0; i < mu; i++) {
            weights[i] = Math.log((lambda + 1) / 2.0) - Math.log(i + 1);
            sum += weights[i];
        }
        double sumSquares = 0;
        for (int i = 0; i < mu; i++) {
            weights[i] /= sum;
            sumSquares += weights[i] * weights[i];
        }
        mueff = 1 / sumSquares;
        cs = (mueff + 2) / (n + mueff + 5);
        ds = 1 + 2 * Math.max(0, Math.sqrt((mueff - 1) / (n + 1)) - 1) + cs;
        cc = (4 + mueff / n) / (n + 4 + 2 * mueff / n);
        c1 = 2 / ((n + 1.3) * (n + 1.3) + mueff);
        cmu = Math.min(1 - c1, 2 * (mueff - 2 + 1 / mueff) / ((n + 2) * (n + 2) + mueff));
        chiN = Math.sqrt(n) * (1 - 1.0 / (4 * n) + 1.0 / (21.0 * n * n));
        bestHistory = new double[10 + (int) Math.ceil(30.0 * n / lambda)];

        double[][] initial = settings.initialPoints();
        if (initial.length > 0 && !bounds.contains(initial[0])) {
            throw new IllegalArgumentException("initial point " + Arrays.toString(initial[0]) + " lies outside " + bounds);
        }
        mean = initial.length > 0 ? bounds.toUnit(initial[0]) : filled(0.5);
        sigma = settings.sigma0();
        c = new double[n][n];
        b = new double[n][n];
        for (int i = 0; i < n; i++) {
            c[i][i] = 1;
            b[i][i] = 1;
        }
        d = filled(1);
        ps = new double[n];
        pc = new double[n];
    }

    @Override
    protected double[][] propose() {
        samples = new double[lambda][n];
        steps = new double[lambda][n];
        double[][] clipped = new double[lambda][n];
        for (int k = 0; k < lambda; k++) {
            double[] z = new double[n];
            for (int j = 0; j < n; j++) {
                z[j] = d[j] * rng.nextGaussian();
            }
            for (int i = 0; i < n; i++) {
                double yi = 0;
                for (int j = 0; j < n; j++) {
                    yi += b[i][j] * z[j];
                }
                steps[k][i] = yi;
                samples[k][i] = mean[i] + sigma * yi;
                clipped[k][i] = Math.min(1, Math.max(0, samples[k][i]));
            }
        }
        return clipped;
    }

    @Override
    protected boolean absorb(double[][] candidates, double[] losses) {
        double[] ranked = penalized(candidates, losses);
        int[] order = IntStream.range(0, lambda).boxed()
                .sorted(Comparator.comparingDouble((Integer k) -> ranked[k]).thenComparingInt(k -> k))
                .mapToInt(Integer::intValue).toArray();

        double[] yw = new double[n];
        for (int r = 0; r < weights.length; r++) {
            double[] y = steps[order[r]];
            for (int i = 0; i < n; i++) {
                yw[i] += weights[r] * y[i];
            }
        }
        for (int i = 0; i < n; i++) {
            mean[i] += sigma * yw[i];
        }
        // C^(-1/2)·y_w = B·D⁻¹·Bᵀ·y_w
        double[] bty = new double[n];
        for (int j = 0; j < n; j++) {
            for (int i = 0; i < n; i++) {
                bty[j] += b[i][j] * yw[i];
            }
            bty[j] /= d[j];
        }
        double psNorm2 = 0;
        for (int i = 0; i < n; i++) {
            double whitened = 0;
            for (int j = 0; j < n; j++) {
                whitened += b[i][j] * bty[j];
            }
            ps[i] = (1 - cs) * ps[i] + Math.sqrt(cs * (2 - cs) * mueff) * whitened;
            psNorm2 += ps[i] * ps[i];
        }
        double psNorm = Math.sqrt(psNorm2);
        generation++;
        boolean hsig = psNorm / Math.sqrt(1 - Math.pow(1 - cs, 2.0 * generation)) / chiN < 1.4 + 2.0 / (n + 1);
        for (int i = 0; i < n; i++) {
            pc[i] = (1 - cc) * pc[i] + (hsig ? Math.sqrt(cc * (2 - cc) * mueff) * yw[i] : 0);
        }
        double stallCorrection = hsig ? 0 : cc * (2 - cc);
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double rankMu = 0;
                for (int r = 0; r < weights.length; r++) {
                    double[] y = steps[order[r]];
                    rankMu += weights[r] * y[i] * y[j];
                }
                double cij = (1 - c1 - cmu) * c[i][j] + c1 * (pc[i] * pc[j] + stallCorrection * c[i][j]) + cmu * rankMu;
                c[i][j] = cij;
                c[j][i] = cij;
            }
        }
        sigma *= Math.exp((cs / ds) * (psNorm / chiN - 1));
        decompose();
        return converged(losses);
    }

    @Override
    protected boolean stopsAtOnce() {
        return true;
    }

    private double[] penalized(double[][] candidates, double[] losses) {
        double[] finite = Arrays.stream(losses).filter(Double::isFinite).sorted().toArray();
        double scale = 1;
        if (finite.length > 0) {
            double iqr = finite[(3 * finite.length) / 4] - finite[finite.length / 4];
            scale = iqr > 0 ? iqr : Math.max(Math.abs(finite[finite.length / 2]), Double.MIN_NORMAL);
        }
        double meanDiagonal = 0;
        for (int i = 0; i < n; i++) {
            meanDiagonal += c[i][i] / n;
        }
        double gamma = scale / (sigma * sigma * meanDiagonal);
        double[] ranked = new double[lambda];
        for (int k = 0; k < lambda; k++) {
            double outside = 0;
            for (int i = 0; i < n; i++) {
                double e = samples[k][i] - candidates[k][i];
                outside += e * e;
            }
            ranked[k] = losses[k] + gamma * outside;
        }
        return ranked;
    }

    private void decompose() {
        RealMatrix matrix = new Array2DRowRealMatrix(c, true);
        EigenDecomposition eigen = new EigenDecomposition(matrix);
        double[] values = eigen.getRealEigenvalues();
        RealMatrix v = eigen.getV();
        for (int j = 0; j < n; j++) {
            d[j] = Math.sqrt(Math.max(values[j], 0));
            for (int i = 0; i < n; i++) {
                b[i][j] = v.getEntry(i, j);
            }
        }
    }

    private boolean converged(double[] losses) {
        double maxDiagonal = 0;
        for (int i = 0; i < n; i++) {
            maxDiagonal = Math.max(maxDiagonal, c[i][i]);
        }
        if (sigma * Math.sqrt(maxDiagonal) < TOL_X) {
            return true;
        }
        double maxD = Arrays.stream(d).max().orElse(1);
        double minD = Arrays.stream(d).min().orElse(1);
        if (minD <= 0 || (maxD / minD) * (maxD / minD) > MAX_CONDITION) {
            return true;
        }
        bestHistory[(generation - 1) % bestHistory.length] = Arrays.stream(losses).min().orElse(Double.POSITIVE_INFINITY);
        if (generation < bestHistory.length) {
            return false;
        }
        double[] window = Arrays.copyOf(losses, losses.length + bestHistory.length);
        System.arraycopy(bestHistory, 0, window, losses.length, bestHistory.length);
        return collapsed(window, lossTolerance);
    }

    private double[] filled(double value) {
        double[] a = new double[n];
        Arrays.fill(a, value);
        return a;
    }
}
