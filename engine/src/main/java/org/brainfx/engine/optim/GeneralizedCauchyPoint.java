package org.brainfx.engine.optim;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;

/**
 * The generalized Cauchy point of L-BFGS-B (Byrd, Lu, Nocedal, Zhu 1995, algorithm CP): the first
 * local minimizer of the quadratic model along the projected steepest-descent path
 * {@code P(x − t·g)} on the unit cube, found by walking the path's breakpoints in order.
 *
 * @param point the Cauchy point
 * @param c     {@code Wᵀ(point − x)}, reused by the subspace minimization
 * @param free  the variables not fixed at a bound at the Cauchy point
 */
record GeneralizedCauchyPoint(double[] point, double[] c, boolean[] free) {

    /** The Cauchy point from {@code x} with gradient {@code g} (both in the unit cube) under {@code b}. */
    static GeneralizedCauchyPoint of(double[] x, double[] g, CompactLbfgsMatrix b) {
        int n = x.length;
        double theta = b.theta();
        double[] breakpoint = new double[n];
        double[] d = new double[n];
        double[] xcp = x.clone();
        boolean[] free = new boolean[n];
        for (int i = 0; i < n; i++) {
            if (g[i] < 0) {
                breakpoint[i] = (x[i] - 1) / g[i];
            } else if (g[i] > 0) {
                breakpoint[i] = x[i] / g[i];
            } else {
                breakpoint[i] = Double.POSITIVE_INFINITY;
            }
            d[i] = breakpoint[i] == 0 ? 0 : -g[i];
            free[i] = breakpoint[i] > 0;
        }
        double[] p = b.wTransposeTimes(d);
        double[] c = new double[p.length];
        double f1 = -CompactLbfgsMatrix.dot(d, d);
        if (f1 >= 0) {
            return new GeneralizedCauchyPoint(xcp, c, free);
        }
        double f2 = -theta * f1 - CompactLbfgsMatrix.dot(p, b.mTimes(p));
        double f2Original = f2;
        double dtMin = -f1 / f2;
        Integer[] order = IntStream.range(0, n).filter(i -> breakpoint[i] > 0 && breakpoint[i] < Double.POSITIVE_INFINITY)
                .boxed().sorted(Comparator.comparingDouble((Integer i) -> breakpoint[i]).thenComparingInt(i -> i))
                .toArray(Integer[]::new);
        double tOld = 0;
        boolean allPassed = true;
        for (int bi : order) {
            double dt = breakpoint[bi] - tOld;
            if (dtMin < dt) {
                allPassed = false;
                break;
            }
            // Move to breakpoint bi, fix variable bi at its bound, and update the slope f1 and curvature f2
            // of the model along the next segment (Byrd et al. 1995, eqs. 4.9–4.10).
            xcp[bi] = d[bi] > 0 ? 1 : 0;
            double zb = xcp[bi] - x[bi];
            for (int j = 0; j < c.length; j++) {
                c[j] += dt * p[j];
            }
            double gb = g[bi];
            double[] wb = b.wRow(bi);
            double[] mwb = b.mTimes(wb);
            f1 += dt * f2 + gb * gb + theta * gb * zb - gb * CompactLbfgsMatrix.dot(mwb, c);
            f2 -= theta * gb * gb + 2 * gb * CompactLbfgsMatrix.dot(mwb, p) + gb * gb * CompactLbfgsMatrix.dot(wb, mwb);
            f2 = Math.max(1e-16 * f2Original, f2);
            for (int j = 0; j < p.length; j++) {
                p[j] += gb * wb[j];
            }
            d[bi] = 0;
            free[bi] = false;
            dtMin = -f1 / f2;
            tOld = breakpoint[bi];
        }
        if (allPassed && Arrays.stream(d).allMatch(v -> v == 0)) {
            dtMin = 0;
        }
        dtMin = Math.max(0, dtMin);
        tOld += dtMin;
        for (int i = 0; i < n; i++) {
            if (d[i] != 0) {
                xcp[i] = Math.min(1, Math.max(0, x[i] + tOld * d[i]));
            }
        }
        for (int j = 0; j < c.length; j++) {
            c[j] += dtMin * p[j];
        }
        return new GeneralizedCauchyPoint(xcp, c, free);
    }
}
