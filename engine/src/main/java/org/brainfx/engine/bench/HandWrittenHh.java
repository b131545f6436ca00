package org.brainfx.engine.bench;

import org.brainfx.engine.compile.KernelMath;

/**
 * The built-in Hodgkin–Huxley step (Traub–Miles rates, exponential Euler, gates and V from the
 * previous state) written by hand as a plain Java loop: the practical speed floor the compiled
 * kernel is measured against. Parameters are shared by all lanes, as a hand-written loop would.
 */
public final class HandWrittenHh {
    private static final double C = 0.2;
    private static final double EL = -65;
    private static final double EK = -90;
    private static final double ENA = 50;
    private final double gL;
    private final double gNa;
    private final double gK;
    private final double vth;

    /** A step with the given conductances (µS) and threshold (mV). */
    public HandWrittenHh(double gL, double gNa, double gK, double vth) {
        this.gL = gL;
        this.gNa = gNa;
        this.gK = gK;
        this.vth = vth;
    }

    /** Advances lanes {@code from..to-1} by one step of {@code dt} ms with input current {@code in} (nA). */
    public void step(double[] v, double[] m, double[] h, double[] n, double[] in, double dt, int from, int to) {
        for (int l = from; l < to; l++) {
            double vv = v[l];
            double mm = m[l];
            double hh = h[l];
            double nn = n[l];
            double am = 0.32 * 4 / KernelMath.exprel((13 - vv + vth) / 4);
            double bm = 0.28 * 5 / KernelMath.exprel((vv - vth - 40) / 5);
            double ah = 0.128 * Math.exp((17 - vv + vth) / 18);
            double bh = 4 / (1 + Math.exp((40 - vv + vth) / 5));
            double an = 0.032 * 5 / KernelMath.exprel((15 - vv + vth) / 5);
            double bn = 0.5 * Math.exp((10 - vv + vth) / 40);
            double km = -(am + bm);
            double kh = -(ah + bh);
            double kn = -(an + bn);
            m[l] = mm + dt * KernelMath.exprel(dt * km) * (am * (1 - mm) - bm * mm);
            h[l] = hh + dt * KernelMath.exprel(dt * kh) * (ah * (1 - hh) - bh * hh);
            n[l] = nn + dt * KernelMath.exprel(dt * kn) * (an * (1 - nn) - bn * nn);
            double gna = gNa * mm * mm * mm * hh;
            double n2 = nn * nn;
            double gk = gK * n2 * n2;
            double fv = (-gna * (vv - ENA) - gk * (vv - EK) - gL * (vv - EL) + in[l]) / C;
            double kv = -(gna + gk + gL) / C;
            v[l] = vv + dt * KernelMath.exprel(dt * kv) * fv;
        }
    }
}
