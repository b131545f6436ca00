"""Brian2 peer measurement for `brainfx bench`: the built-in HH model (Traub-Miles rates,
standard exp in alpha_h) on the reference's five input traces, exponential Euler, dt 0.01 ms,
Cython target. Prints one JSON line: median milliseconds per run() after the first (compiling) run.
Usage: python3 brian2_hh.py INPUT_TRACES_CSV [REPEATS]"""
import json
import sys
import time

import numpy as np
from brian2 import (NeuronGroup, TimedArray, Network, StateMonitor, defaultclock, prefs,
                    ms, mV, nA, uS, nF, run)

prefs.codegen.target = "cython"
prefs.logging.console_log_level = "ERROR"

path = sys.argv[1]
repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 10
data = np.loadtxt(path, delimiter=",", skiprows=1)[:, 1:] * 1e9  # A -> nA
n_traces, n_steps = data.shape
defaultclock.dt = 0.01 * ms
stim = TimedArray(data.T * nA, dt=0.01 * ms)

eqs = """
dv/dt = (-gNa*m**3*h*(v - ENa) - gK*n**4*(v - EK) - gL*(v - EL) + stim(t, i))/C : volt
dm/dt = alpham*(1 - m) - betam*m : 1
dh/dt = alphah*(1 - h) - betah*h : 1
dn/dt = alphan*(1 - n) - betan*n : 1
alpham = 0.32*(mV**-1)*4*mV/exprel((13*mV - v + VT)/(4*mV))/ms : Hz
betam = 0.28*(mV**-1)*5*mV/exprel((v - VT - 40*mV)/(5*mV))/ms : Hz
alphah = 0.128*exp((17*mV - v + VT)/(18*mV))/ms : Hz
betah = 4/(1 + exp((40*mV - v + VT)/(5*mV)))/ms : Hz
alphan = 0.032*(mV**-1)*5*mV/exprel((15*mV - v + VT)/(5*mV))/ms : Hz
betan = 0.5*exp((10*mV - v + VT)/(40*mV))/ms : Hz
"""
ns = dict(C=0.2 * nF, EL=-65 * mV, EK=-90 * mV, ENa=50 * mV, gL=0.008363657201143428 * uS,
          gNa=24.697737655778038 * uS, gK=5.814895041093182 * uS, VT=-55.31094455202257 * mV, stim=stim)
group = NeuronGroup(n_traces, eqs, method="exponential_euler", namespace=ns)
mon = StateMonitor(group, "v", record=True)
net = Network(group, mon)
duration = n_steps * 0.01 * ms


def one_run():
    group.v = -65 * mV
    group.m = 0
    group.h = 0
    group.n = 0
    t0 = time.perf_counter()
    net.run(duration)
    return (time.perf_counter() - t0) * 1e3


first = one_run()
times = sorted(one_run() for _ in range(repeats))
print(json.dumps({"target": "cython", "firstRunMillis": first, "medianMillis": times[len(times) // 2],
                  "runs": repeats, "traces": n_traces, "steps": n_steps}))
