package org.brainfx.engine.optim;

/**
 * The Moré–Thuente line search (MINPACK-2 {@code dcsrch}/{@code dcstep}, as used by L-BFGS-B) in
 * reverse communication: it proposes a step, is told the function value and directional derivative
 * there, and either asks for another step or stops on the strong Wolfe conditions
 * {@code f(stp) <= f(0) + ftol·stp·f'(0)} and {@code |f'(stp)| <= gtol·|f'(0)|}.
 */
final class MoreThuenteLineSearch {

    /** What the search wants next. */
    enum Status {
        /** Evaluate the function at {@link #step()}. */
        EVALUATE,
        /** The strong Wolfe conditions hold at the last evaluated step. */
        CONVERGED,
        /** No further progress is possible (rounding, interval too small, or a step limit reached); the last step stands. */
        WARNING,
        /** The search cannot start (not a descent direction or an invalid step). */
        ERROR
    }

    private static final double XTRAPL = 1.1;
    private static final double XTRAPU = 4.0;

    private final double ftol;
    private final double gtol;
    private final double xtol;
    private final double stpmin;
    private final double stpmax;
    private final double finit;
    private final double ginit;
    private final double gtest;

    private double stp;
    private boolean brackt;
    private int stage = 1;
    private double width;
    private double width1;
    private double stx;
    private double fx;
    private double gx;
    private double sty;
    private double fy;
    private double gy;
    private double stmin;
    private double stmax;
    private Status status;

    /**
     * A search from a point with value {@code f0} and directional derivative {@code g0} (must be
     * negative), first trying {@code stp} within {@code [stpmin, stpmax]}.
     */
    MoreThuenteLineSearch(double f0, double g0, double stp, double stpmin, double stpmax,
                          double ftol, double gtol, double xtol) {
        this.ftol = ftol;
        this.gtol = gtol;
        this.xtol = xtol;
        this.stpmin = stpmin;
        this.stpmax = stpmax;
        this.finit = f0;
        this.ginit = g0;
        this.gtest = ftol * g0;
        this.stp = stp;
        if (stp < stpmin || stp > stpmax || !(g0 < 0)) {
            status = Status.ERROR;
            return;
        }
        width = stpmax - stpmin;
        width1 = width / 0.5;
        stx = 0;
        fx = f0;
        gx = g0;
        sty = 0;
        fy = f0;
        gy = g0;
        stmin = 0;
        stmax = stp + XTRAPU * stp;
        status = Status.EVALUATE;
    }

    /** The step to evaluate (or, after the search stopped, the step it stopped at). */
    double step() {
        return stp;
    }

    /** The current status. */
    Status status() {
        return status;
    }

    /** Whether {@code f} at step {@code s} satisfies the sufficient-decrease (Armijo) condition. */
    boolean sufficientDecrease(double s, double f) {
        return f <= finit + s * gtest;
    }

    /** Takes the value {@code f} and directional derivative {@code g} at {@link #step()} and decides what comes next. */
    Status next(double f, double g) {
        if (status != Status.EVALUATE) {
            throw new IllegalStateException("line search already stopped with " + status);
        }
        double ftest = finit + stp * gtest;
        if (stage == 1 && f <= ftest && g >= 0) {
            stage = 2;
        }
        Status verdict = Status.EVALUATE;
        if (brackt && (stp <= stmin || stp >= stmax)) {
            verdict = Status.WARNING;
        }
        if (brackt && stmax - stmin <= xtol * stmax) {
            verdict = Status.WARNING;
        }
        if (stp == stpmax && f <= ftest && g <= gtest) {
            verdict = Status.WARNING;
        }
        if (stp == stpmin && (f > ftest || g >= gtest)) {
            verdict = Status.WARNING;
        }
        if (f <= ftest && Math.abs(g) <= gtol * (-ginit)) {
            verdict = Status.CONVERGED;
        }
        if (verdict != Status.EVALUATE) {
            status = verdict;
            return status;
        }
        // Before the first sufficient decrease, step on the modified function psi(t) = f(t) - f(0) - ftol·t·f'(0),
        // whose minimizers satisfy the Armijo condition.
        if (stage == 1 && f <= fx && f > ftest) {
            fx -= stx * gtest;
            fy -= sty * gtest;
            gx -= gtest;
            gy -= gtest;
            takeStep(f - stp * gtest, g - gtest);
            fx += stx * gtest;
            fy += sty * gtest;
            gx += gtest;
            gy += gtest;
        } else {
            takeStep(f, g);
        }
        if (brackt) {
            if (Math.abs(sty - stx) >= 0.66 * width1) {
                stp = stx + 0.5 * (sty - stx);
            }
            width1 = width;
            width = Math.abs(sty - stx);
            stmin = Math.min(stx, sty);
            stmax = Math.max(stx, sty);
        } else {
            stmin = stp + XTRAPL * (stp - stx);
            stmax = stp + XTRAPU * (stp - stx);
        }
        stp = Math.min(Math.max(stp, stpmin), stpmax);
        if (brackt && (stp <= stmin || stp >= stmax) || brackt && stmax - stmin <= xtol * stmax) {
            stp = stx;
        }
        return status;
    }

    // dcstep: the safeguarded cubic/quadratic step. (stx, fx, gx) is the best step so far, (sty, fy, gy)
    // the other end of the interval, (stp, fp, dp) the newest step; updates the interval and stp.
    private void takeStep(double fp, double dp) {
        double sgnd = dp * Math.signum(gx);
        double stpf;
        if (fp > fx) {
            double theta = 3 * (fx - fp) / (stp - stx) + gx + dp;
            double s = Math.max(Math.abs(theta), Math.max(Math.abs(gx), Math.abs(dp)));
            double gamma = s * Math.sqrt((theta / s) * (theta / s) - (gx / s) * (dp / s));
            if (stp < stx) {
                gamma = -gamma;
            }
            double p = (gamma - gx) + theta;
            double q = ((gamma - gx) + gamma) + dp;
            double r = p / q;
            double stpc = stx + r * (stp - stx);
            double stpq = stx + ((gx / ((fx - fp) / (stp - stx) + gx)) / 2) * (stp - stx);
            stpf = Math.abs(stpc - stx) < Math.abs(stpq - stx) ? stpc : stpc + (stpq - stpc) / 2;
            brackt = true;
        } else if (sgnd < 0) {
            double theta = 3 * (fx - fp) / (stp - stx) + gx + dp;
            double s = Math.max(Math.abs(theta), Math.max(Math.abs(gx), Math.abs(dp)));
            double gamma = s * Math.sqrt((theta / s) * (theta / s) - (gx / s) * (dp / s));
            if (stp > stx) {
                gamma = -gamma;
            }
            double p = (gamma - dp) + theta;
            double q = ((gamma - dp) + gamma) + gx;
            double r = p / q;
            double stpc = stp + r * (stx - stp);
            double stpq = stp + (dp / (dp - gx)) * (stx - stp);
            stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
            brackt = true;
        } else if (Math.abs(dp) < Math.abs(gx)) {
            double theta = 3 * (fx - fp) / (stp - stx) + gx + dp;
            double s = Math.max(Math.abs(theta), Math.max(Math.abs(gx), Math.abs(dp)));
            double gamma = s * Math.sqrt(Math.max(0, (theta / s) * (theta / s) - (gx / s) * (dp / s)));
            if (stp > stx) {
                gamma = -gamma;
            }
            double p = (gamma - dp) + theta;
            double q = (gamma + (gx - dp)) + gamma;
            double r = p / q;
            double stpc;
            if (r < 0 && gamma != 0) {
                stpc = stp + r * (stx - stp);
            } else if (stp > stx) {
                stpc = stmax;
            } else {
                stpc = stmin;
            }
            double stpq = stp + (dp / (dp - gx)) * (stx - stp);
            if (brackt) {
                stpf = Math.abs(stpc - stp) < Math.abs(stpq - stp) ? stpc : stpq;
                stpf = stp > stx ? Math.min(stp + 0.66 * (sty - stp), stpf) : Math.max(stp + 0.66 * (sty - stp), stpf);
            } else {
                stpf = Math.abs(stpc - stp) > Math.abs(stpq - stp) ? stpc : stpq;
                stpf = Math.max(stmin, Math.min(stmax, stpf));
            }
        } else {
            if (brackt) {
                double theta = 3 * (fp - fy) / (sty - stp) + gy + dp;
                double s = Math.max(Math.abs(theta), Math.max(Math.abs(gy), Math.abs(dp)));
                double gamma = s * Math.sqrt((theta / s) * (theta / s) - (gy / s) * (dp / s));
                if (stp > sty) {
                    gamma = -gamma;
                }
                double p = (gamma - dp) + theta;
                double q = ((gamma - dp) + gamma) + gy;
                double r = p / q;
                stpf = stp + r * (sty - stp);
            } else {
                stpf = stp > stx ? stmax : stmin;
            }
        }
        if (fp > fx) {
            sty = stp;
            fy = fp;
            gy = dp;
        } else {
            if (sgnd < 0) {
                sty = stx;
                fy = fx;
                gy = gx;
            }
            stx = stp;
            fx = fp;
            gx = dp;
        }
        stp = stpf;
    }
}
