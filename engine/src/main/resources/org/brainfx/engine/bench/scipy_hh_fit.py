"""SciPy peer for `brainfx compare`: fits the built-in HH model (the hh-synthetic problem) with
SciPy's own optimizers, so BrainFX's optimizers can be timed against what a user would run instead.

The model is BrainFX's `hh` exactly: Traub-Miles rates with the standard exp in alpha_h, every
state advanced by BrainPy's exponential Euler x' = x + dt*exprel(dt*a)*f with a = df/dx of the
state's own right-hand side, gates and V all taken from the previous step; C 0.2 nF, EL -65,
EK -90, ENa 50 mV, dt 0.01 ms, V0 -65 mV, m = h = n = 0. Simulations are vectorized over the
five traces and over many parameter sets at once. Input: the reference's input traces CSV
(header row, index column, amperes; x1e9 -> nA). Target: the model's own output at the truth.
Loss: MSE of V at steps 0, T//10, 2*(T//10), ... (V after each step, as BrainFX records it),
averaged over the sampled steps and the traces.

Modes:
  de         scipy.optimize.differential_evolution, SciPy defaults (popsize 15 -> 60 members;
             --popsize changes it)
             except vectorized=True, updating='deferred', tol=0, polish=False (a polish would
             run past the budget), the given seed; stops at the budget or the target loss.
  lbfgsb-fd  scipy.optimize.minimize(method='L-BFGS-B') with finite-difference gradients (SciPy
             defaults) from --starts uniform random points (seeded), one after another; the best
             loss is kept; stops at the budget or the target loss, or when every start is done.

Usage: python3 scipy_hh_fit.py MODE INPUT_CSV [--budget S] [--target L] [--seed K] [--starts N]
           [--truth gL,gNa,gK,Vth] [--bounds lo,hi,lo,hi,lo,hi,lo,hi]
Prints one JSON line: {"peer":"scipy","method":...,"finalLoss":...,"wallSeconds":...,
"secondsToTarget":...|null,"history":[[seconds,bestLoss],...],"params":{...}, ...}.
"""
import argparse
import json
import math
import sys
import time

import numpy as np
from scipy.optimize import differential_evolution, minimize
from scipy.special import exprel

NAMES = ("gL", "gNa", "gK", "Vth")
TRUTH = (0.008363657201143428, 24.697737655778038, 5.814895041093182, -55.31094455202257)
BOUNDS = ((1e-4, 0.1), (0.01, 40.0), (0.01, 20.0), (-65.0, -50.0))
C, EL, EK, ENA = 0.2, -65.0, -90.0, 50.0
DT = 0.01
DIVISIONS = 10


def load_input(path):
    """[trace, step] input currents in nA from the reference CSV (header row, index column, A)."""
    return np.loadtxt(path, delimiter=",", skiprows=1)[:, 1:] * 1e9


def simulate(params, current, record_every=1):
    """V after each recorded step for parameter sets `params` ([4] or [4, P]).

    Returns [P, traces, samples]: V after steps 0, record_every, 2*record_every, ... (< T).
    """
    p = np.asarray(params, dtype=float)
    if p.ndim == 1:
        p = p[:, None]
    g_l, g_na, g_k, vth = (p[i][:, None] for i in range(4))  # [P, 1], broadcast over traces
    n_sets, (n_traces, steps) = p.shape[1], current.shape
    shape = (n_sets, n_traces)
    v = np.full(shape, -65.0)
    m = np.zeros(shape)
    h = np.zeros(shape)
    n = np.zeros(shape)
    out = np.empty((n_sets, n_traces, (steps + record_every - 1) // record_every))
    for t in range(steps):
        u = vth - v
        am = 0.32 * 4 / exprel((13 + u) / 4)
        bm = 0.28 * 5 / exprel((-u - 40) / 5)
        ah = 0.128 * np.exp((17 + u) / 18)
        bh = 4 / (1 + np.exp((40 + u) / 5))
        an = 0.032 * 5 / exprel((15 + u) / 5)
        bn = 0.5 * np.exp((10 + u) / 40)
        m3h = m ** 3 * h
        n4 = n ** 4
        f_v = (-g_na * m3h * (v - ENA) - g_k * n4 * (v - EK) - g_l * (v - EL) + current[:, t]) / C
        a_v = (-g_na * m3h - g_k * n4 - g_l) / C
        v_next = v + DT * exprel(DT * a_v) * f_v
        m = m + DT * exprel(-DT * (am + bm)) * (am * (1 - m) - bm * m)
        h = h + DT * exprel(-DT * (ah + bh)) * (ah * (1 - h) - bh * h)
        n = n + DT * exprel(-DT * (an + bn)) * (an * (1 - n) - bn * n)
        v = v_next
        if t % record_every == 0:
            out[:, :, t // record_every] = v
    return out


class Stop(Exception):
    """Raised inside the objective when the budget or the target is reached."""


class Recorder:
    """The objective: loss of parameter sets, with the best loss so far against wall time."""

    def __init__(self, current, target, every, budget, target_loss):
        self.current, self.target, self.every = current, target, every
        self.budget, self.target_loss = budget, target_loss
        self.start = time.perf_counter()
        self.best, self.best_x = math.inf, None
        self.history, self.seconds_to_target, self.evaluations = [], None, 0
        self.stop_reason = None

    def elapsed(self):
        return time.perf_counter() - self.start

    def losses(self, x):
        """x: [4] or [4, P] -> losses [P] (NaN/inf from diverged sets count as inf)."""
        with np.errstate(all="ignore"):
            v = simulate(x, self.current, self.every)
            loss = np.mean((v - self.target[None]) ** 2, axis=(1, 2))
        loss = np.where(np.isfinite(loss), loss, np.inf)
        x = np.asarray(x, dtype=float).reshape(4, -1)
        self.evaluations += loss.size
        k = int(np.argmin(loss))
        now = self.elapsed()
        if loss[k] < self.best:
            self.best, self.best_x = float(loss[k]), x[:, k].copy()
            self.history.append([now, self.best])
            if self.seconds_to_target is None and self.target_loss > 0 and self.best <= self.target_loss:
                self.seconds_to_target = now
        return loss

    def should_stop(self):
        if self.target_loss > 0 and self.best <= self.target_loss:
            self.stop_reason = "target"
        elif self.elapsed() >= self.budget:
            self.stop_reason = "budget"
        return self.stop_reason is not None


def run_de(rec, bounds, seed, popsize):
    def func(x):  # vectorized: x is [4, S]
        return rec.losses(x)

    def callback(xk, convergence=None):
        return rec.should_stop()

    res = differential_evolution(func, bounds, seed=seed, popsize=popsize, tol=0, polish=False, vectorized=True,
                                 updating="deferred", callback=callback)
    if rec.stop_reason is None:
        rec.stop_reason = "maxiter" if res.nit >= 1000 else "converged"
    return {"generations": int(res.nit), "population": popsize * len(bounds)}


def run_lbfgsb_fd(rec, bounds, seed, starts):
    rng = np.random.default_rng(seed)
    lo = np.array([b[0] for b in bounds])
    hi = np.array([b[1] for b in bounds])
    x0s = lo + rng.random((starts, len(bounds))) * (hi - lo)

    def func(x):
        if rec.should_stop():
            raise Stop()
        return float(rec.losses(x)[0])

    done = 0
    try:
        for x0 in x0s:
            minimize(func, x0, method="L-BFGS-B", bounds=bounds)
            done += 1
            if rec.should_stop():
                break
    except Stop:
        pass
    if rec.stop_reason is None:
        rec.stop_reason = "starts done"
    return {"starts": starts, "startsFinished": done}


def main(argv):
    ap = argparse.ArgumentParser(description="SciPy peer: fit the built-in HH model (hh-synthetic problem).")
    ap.add_argument("mode", choices=("de", "lbfgsb-fd"))
    ap.add_argument("input", help="input traces CSV (header row, index column, amperes)")
    ap.add_argument("--budget", type=float, default=60.0, help="wall-time budget, seconds")
    ap.add_argument("--target", type=float, default=0.0, help="stop at this loss (0: none)")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--starts", type=int, default=20, help="lbfgsb-fd: random starts")
    ap.add_argument("--popsize", type=int, default=15,
                    help="de: population = popsize x 4 parameters (SciPy's default 15 -> 60)")
    ap.add_argument("--truth", default=",".join(repr(v) for v in TRUTH), help="gL,gNa,gK,Vth of the target")
    ap.add_argument("--bounds", default=",".join(repr(v) for b in BOUNDS for v in b),
                    help="lo,hi for gL, gNa, gK, Vth")
    a = ap.parse_args(argv)
    truth = [float(s) for s in a.truth.split(",")]
    flat = [float(s) for s in a.bounds.split(",")]
    if len(truth) != 4 or len(flat) != 8:
        ap.error("--truth needs 4 values and --bounds 8")
    bounds = [(flat[2 * i], flat[2 * i + 1]) for i in range(4)]

    current = load_input(a.input)
    steps = current.shape[1]
    every = max(1, steps // DIVISIONS)
    target = simulate(truth, current, every)[0]
    rec = Recorder(current, target, every, a.budget, a.target)
    if a.mode == "de":
        extra = run_de(rec, bounds, a.seed, a.popsize)
    else:
        extra = run_lbfgsb_fd(rec, bounds, a.seed, a.starts)
    wall = rec.elapsed()
    if rec.history and rec.history[-1][0] < wall:
        rec.history.append([wall, rec.best])  # the curve runs to the end of the run
    out = {"peer": "scipy", "method": a.mode, "finalLoss": rec.best if math.isfinite(rec.best) else None, "wallSeconds": wall,
           "secondsToTarget": rec.seconds_to_target, "history": rec.history,
           "params": None if rec.best_x is None else dict(zip(NAMES, map(float, rec.best_x))),
           "evaluations": rec.evaluations, "stopReason": rec.stop_reason, "seed": a.seed,
           "budgetSeconds": a.budget, "targetLoss": a.target, "samplesPerTrace": target.shape[1]}
    out.update(extra)
    print(json.dumps(out))


if __name__ == "__main__":
    main(sys.argv[1:])
