package org.brainfx.engine.optim;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.DecompositionSolver;
import org.apache.commons.math3.linear.LUDecomposition;

/**
 * The subspace step of L-BFGS-B: from the generalized Cauchy point, minimize the quadratic model
 * over the variables it left free (direct primal method, Byrd et al. 1995 §5.1, inverting the
 * reduced matrix with the Sherman–Morrison–Woodbury formula), then project the result onto the
 * box as L-BFGS-B 3.0 does (Morales and Nocedal 2011), falling back to the 1995 rule — backtrack
 * along the subspace step until it stays feasible — when the projected point is not a descent
 * direction from {@code x}.
 */
final class SubspaceMinimization {

    private SubspaceMinimization() {
    }

    /** The point {@code x̄} whose direction {@code x̄ − x} the line search explores. */
    static double[] target(double[] x, double[] g, GeneralizedCauchyPoint cauchy, CompactLbfgsMatrix b) {
        double[] xcp = cauchy.point();
        int n = x.length;
        int nFree = 0;
        for (boolean f : cauchy.free()) {
            nFree += f ? 1 : 0;
        }
        if (nFree == 0 || b.pairs() == 0) {
            return xcp.clone();
        }
        double theta = b.theta();
        int w = b.width();
        double[] mc = b.mTimes(cauchy.c());
        int[] index = new int[nFree];
        double[][] rows = new double[nFree][];
        double[] reducedGradient = new double[nFree];
        for (int i = 0, k = 0; i < n; i++) {
            if (cauchy.free()[i]) {
                index[k] = i;
                rows[k] = b.wRow(i);
                reducedGradient[k] = g[i] + theta * (xcp[i] - x[i]) - CompactLbfgsMatrix.dot(rows[k], mc);
                k++;
            }
        }
        // d = −(1/θ)·r − (1/θ²)·A·N⁻¹·M·Aᵀ·r with A = ZᵀW and N = I − (1/θ)·M·AᵀA.
        double[][] ata = new double[w][w];
        double[] atr = new double[w];
        for (int k = 0; k < nFree; k++) {
            for (int a = 0; a < w; a++) {
                atr[a] += rows[k][a] * reducedGradient[k];
                for (int c = 0; c < w; c++) {
                    ata[a][c] += rows[k][a] * rows[k][c];
                }
            }
        }
        double[][] n2 = b.mTimes(ata);
        for (int a = 0; a < w; a++) {
            for (int c = 0; c < w; c++) {
                n2[a][c] = (a == c ? 1 : 0) - n2[a][c] / theta;
            }
        }
        DecompositionSolver solver = new LUDecomposition(new Array2DRowRealMatrix(n2, false), Double.MIN_NORMAL).getSolver();
        if (!solver.isNonSingular()) {
            return xcp.clone();
        }
        double[] v = solver.solve(new ArrayRealVector(b.mTimes(atr), false)).toArray();
        if (!EvaluationTally.allFinite(v)) {
            return xcp.clone();
        }
        double[] du = new double[nFree];
        for (int k = 0; k < nFree; k++) {
            du[k] = -reducedGradient[k] / theta - CompactLbfgsMatrix.dot(rows[k], v) / (theta * theta);
        }

        double[] projected = xcp.clone();
        for (int k = 0; k < nFree; k++) {
            int i = index[k];
            projected[i] = Math.min(1, Math.max(0, xcp[i] + du[k]));
        }
        double slope = 0;
        for (int i = 0; i < n; i++) {
            slope += (projected[i] - x[i]) * g[i];
        }
        if (slope < 0) {
            return projected;
        }
        double alpha = 1;
        for (int k = 0; k < nFree; k++) {
            int i = index[k];
            if (du[k] > 0) {
                alpha = Math.min(alpha, (1 - xcp[i]) / du[k]);
            } else if (du[k] < 0) {
                alpha = Math.min(alpha, -xcp[i] / du[k]);
            }
        }
        double[] backtracked = xcp.clone();
        for (int k = 0; k < nFree; k++) {
            int i = index[k];
            backtracked[i] = Math.min(1, Math.max(0, xcp[i] + alpha * du[k]));
        }
        return backtracked;
    }
}
