"""Brian2 peer for `brainfx bench --networks`: the network benchmarks of Brette et al. (2007) --
COBA-LIF (Vogels-Abbott), CUBA-LIF (Brian2's CUBA example) and COBA-HH (benchmark 3) -- built
and run by Brian2, timed with build and run apart. Prints one JSON line:
{"name", "target", "neurons", "synapses", "buildSeconds", "runSeconds",
 "meanRateHz": {"E", "I"}, "cvIsi": {"E", "I"}, ...}.

Usage: python3 brian2_networks.py --network coba|cuba|cobahh --neurons N
           --target cpp_standalone|cython|numpy [--duration-ms 1000] [--seed S] [--cython-cache DIR]

All randomness (connectivity, initial values) is drawn here with NumPy from --seed, so every
target simulates the same network for a seed; nothing is random while the network runs.
Neurons 0 .. 0.8N-1 are excitatory (E), the rest inhibitory (I). At 4 000 neurons or fewer each
pair (i, j), i != j, is connected with probability 0.02; above, every neuron receives exactly
64 E and 16 I inputs (0.02 of the 3 200 / 800 at 4 000, so rates stay), drawn without
replacement and without self-connections.

Timing:
- buildSeconds: wall time from the start of network construction (connectivity included) until
  the simulation loop can start. cpp_standalone: construction + code generation + compilation
  (device.build with run=False; Brian2's defaults: g++ -O3 -ffast-math -march=native, and
  `make -j` without a job limit, so compilation uses every core). cython/numpy:
  construction + everything Network.run does before its loop (code generation, Cython
  compilation unless cached, initial values), i.e. the wall time of construction and run()
  minus the loop time below.
- runSeconds: the simulation loop alone, as Brian2 itself measures it (`device._last_run_time`).
  cpp_standalone writes it to results/last_run_info.txt from network.cpp's Network::run: without
  OpenMP (openmp_threads 0, one thread) it is std::clock() processor time around the time loop,
  excluding the binary's start-up (reading arrays, creating synapses) and writing of results;
  runtime targets set it to time.time() around the loop in Network.run.
- binarySeconds (cpp_standalone only): wall time of the whole binary, start-up and result
  writing included (`device.timers['run_binary']`).
The Cython cache: by default a fresh temporary cache directory per run, so buildSeconds is a cold
build; pass --cython-cache DIR (reused across runs) for a warm build.
"""
import argparse
import json
import os
import shutil
import sys
import tempfile
import time

import numpy as np

P_CONNECT = 0.02
IN_DEGREE_E = 64   # 0.02 * 3 200 excitatory neurons at 4 000
IN_DEGREE_I = 16   # 0.02 * 800 inhibitory neurons at 4 000
FIXED_IN_DEGREE_ABOVE = 4000


def parse_args(argv):
    parser = argparse.ArgumentParser(description="Brian2 network benchmarks (Brette et al. 2007)")
    parser.add_argument("--network", required=True, choices=["coba", "cuba", "cobahh"])
    parser.add_argument("--neurons", required=True, type=int)
    parser.add_argument("--target", required=True, choices=["cpp_standalone", "cython", "numpy"])
    parser.add_argument("--duration-ms", type=float, default=1000.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--cython-cache", default=None,
                        help="Cython cache directory to reuse (default: a fresh one, cold build)")
    args = parser.parse_args(argv)
    if args.neurons < 5:
        parser.error("--neurons must be at least 5 (it is %d)" % args.neurons)
    if args.duration_ms <= 0:
        parser.error("--duration-ms must be positive (it is %g)" % args.duration_ms)
    return args


def fixed_probability(rng, pre_start, pre_stop, n, p):
    """(i, j) of every pair pre in [pre_start, pre_stop) -> post in [0, n), pre != post, kept with p."""
    pre_list, post_list = [], []
    # Row blocks keep the random matrix small at any size.
    for start in range(pre_start, pre_stop, 1000):
        stop = min(start + 1000, pre_stop)
        mask = rng.random((stop - start, n)) < p
        rows = np.arange(start, stop)
        mask[rows - start, rows] = False
        i, j = np.nonzero(mask)
        pre_list.append(i + start)
        post_list.append(j)
    return np.concatenate(pre_list), np.concatenate(post_list)


def fixed_in_degree(rng, pre_start, pre_stop, n, k):
    """(i, j) with exactly k distinct presynaptic partners in [pre_start, pre_stop) for each post, none itself."""
    size = pre_stop - pre_start
    pre = np.empty((n, k), dtype=np.int64)
    for j in range(n):
        own = j - pre_start
        if 0 <= own < size:
            draw = rng.choice(size - 1, k, replace=False)
            draw[draw >= own] += 1  # skip the neuron itself
        else:
            draw = rng.choice(size, k, replace=False)
        pre[j] = draw + pre_start
    return pre.ravel(), np.repeat(np.arange(n), k)


def connectivity(rng, n, n_e):
    """Excitatory and inhibitory (i, j) arrays, presynaptic indices relative to their population."""
    if n <= FIXED_IN_DEGREE_ABOVE:
        ie, je = fixed_probability(rng, 0, n_e, n, P_CONNECT)
        ii, ji = fixed_probability(rng, n_e, n, n, P_CONNECT)
    else:
        ie, je = fixed_in_degree(rng, 0, n_e, n, IN_DEGREE_E)
        ii, ji = fixed_in_degree(rng, n_e, n, n, IN_DEGREE_I)
    return (ie, je), (ii - n_e, ji)


def build(b2, network, n, rng):
    """The neuron group and the two projections of one benchmark, with its initial values."""
    ms, mV, nS = b2.ms, b2.mV, b2.nS
    if network == "coba":
        eqs = """
        dv/dt = (ge*(Ee - v) + gi*(Ei - v) - (v - El) + I)/taum : volt (unless refractory)
        dge/dt = -ge/taue : 1
        dgi/dt = -gi/taui : 1
        """
        ns = dict(taum=20 * ms, taue=5 * ms, taui=10 * ms, Ee=0 * mV, Ei=-80 * mV, El=-60 * mV,
                  I=20 * mV, Vt=-50 * mV, Vr=-60 * mV, we=0.6, wi=6.7)
        group = b2.NeuronGroup(n, eqs, threshold="v > Vt", reset="v = Vr", refractory=5 * ms,
                               method="exponential_euler", namespace=ns)
        group.v = (-55.0 + 5.0 * rng.standard_normal(n)) * mV
        group.ge = 0
        group.gi = 0
    elif network == "cuba":
        eqs = """
        dv/dt = (ge + gi - (v - El))/taum : volt (unless refractory)
        dge/dt = -ge/taue : volt
        dgi/dt = -gi/taui : volt
        """
        ns = dict(taum=20 * ms, taue=5 * ms, taui=10 * ms, El=-49 * mV, Vt=-50 * mV, Vr=-60 * mV,
                  we=1.62 * mV, wi=-9 * mV)
        group = b2.NeuronGroup(n, eqs, threshold="v > Vt", reset="v = Vr", refractory=5 * ms,
                               method="exponential_euler", namespace=ns)
        group.v = (-60.0 + 10.0 * rng.random(n)) * mV
        group.ge = 0 * mV
        group.gi = 0 * mV
    else:
        # Brian2's examples/COBAHH.py (Traub-Miles HH, benchmark 3); exprel(x) = (exp(x) - 1)/x
        # is the example's rate expressions, written so x -> 0 is not 0/0.
        um2 = b2.umetre ** 2
        area = 20000 * um2
        eqs = """
        dv/dt = (gl*(El - v) + ge*(Ee - v) + gi*(Ei - v)
                 - g_na*(m*m*m)*h*(v - ENa) - g_kd*(n*n*n*n)*(v - EK))/Cm : volt
        dm/dt = alpha_m*(1 - m) - beta_m*m : 1
        dn/dt = alpha_n*(1 - n) - beta_n*n : 1
        dh/dt = alpha_h*(1 - h) - beta_h*h : 1
        dge/dt = -ge/taue : siemens
        dgi/dt = -gi/taui : siemens
        alpha_m = 0.32*(mV**-1)*4*mV/exprel((13*mV - v + VT)/(4*mV))/ms : Hz
        beta_m = 0.28*(mV**-1)*5*mV/exprel((v - VT - 40*mV)/(5*mV))/ms : Hz
        alpha_h = 0.128*exp((17*mV - v + VT)/(18*mV))/ms : Hz
        beta_h = 4./(1 + exp((40*mV - v + VT)/(5*mV)))/ms : Hz
        alpha_n = 0.032*(mV**-1)*5*mV/exprel((15*mV - v + VT)/(5*mV))/ms : Hz
        beta_n = .5*exp((10*mV - v + VT)/(40*mV))/ms : Hz
        """
        cm2 = b2.cm ** 2
        ns = dict(Cm=(1 * b2.ufarad / cm2) * area, gl=(5e-5 * b2.siemens / cm2) * area,
                  El=-60 * mV, EK=-90 * mV, ENa=50 * mV, g_na=(100 * b2.msiemens / cm2) * area,
                  g_kd=(30 * b2.msiemens / cm2) * area, VT=-63 * mV, taue=5 * ms, taui=10 * ms,
                  Ee=0 * mV, Ei=-80 * mV, we=6 * nS, wi=67 * nS, mV=mV, ms=ms)
        group = b2.NeuronGroup(n, eqs, threshold="v > -20*mV", refractory=3 * ms,
                               method="exponential_euler", namespace=ns)
        # The example's initial values: v = El + (randn*5 - 5) mV, ge = (randn*1.5 + 4)*10 nS,
        # gi = (randn*12 + 20)*10 nS; m, h, n start at 0.
        group.v = (-60.0 + rng.standard_normal(n) * 5.0 - 5.0) * mV
        group.ge = (rng.standard_normal(n) * 1.5 + 4.0) * 10.0 * nS
        group.gi = (rng.standard_normal(n) * 12.0 + 20.0) * 10.0 * nS
    n_e = int(round(0.8 * n))
    (ie, je), (ii, ji) = connectivity(rng, n, n_e)
    exc = b2.Synapses(group[:n_e], group, on_pre="ge += we", namespace=ns)
    exc.connect(i=ie, j=je)
    inh = b2.Synapses(group[n_e:], group, on_pre="gi += wi", namespace=ns)
    inh.connect(i=ii, j=ji)
    return group, exc, inh, n_e, len(ie) + len(ii)


def statistics(spike_i, spike_t, n, n_e, duration):
    """Mean rate (Hz) and mean CV of ISIs (over neurons with >= 3 spikes) of E and I."""
    order = np.lexsort((spike_t, spike_i))
    spike_i, spike_t = spike_i[order], spike_t[order]
    counts = np.bincount(spike_i, minlength=n)
    starts = np.concatenate(([0], np.cumsum(counts)))
    cv = np.full(n, np.nan)
    for k in np.nonzero(counts >= 3)[0]:
        isi = np.diff(spike_t[starts[k]:starts[k + 1]])
        cv[k] = isi.std() / isi.mean()  # population sd (ddof 0)
    rates, cvs = {}, {}
    for name, sl in (("E", slice(0, n_e)), ("I", slice(n_e, n))):
        rates[name] = float(counts[sl].sum() / ((sl.stop - sl.start) * duration))
        values = cv[sl][~np.isnan(cv[sl])]
        cvs[name] = float(values.mean()) if len(values) else None
    return rates, cvs


def main(argv):
    args = parse_args(argv)
    workdir = tempfile.mkdtemp(prefix="brainfx-brian2-net-")
    try:
        import brian2 as b2
        b2.prefs.logging.console_log_level = "ERROR"
        b2.prefs.codegen.target = "numpy" if args.target == "numpy" else "cython"
        if args.target == "cpp_standalone":
            b2.set_device("cpp_standalone", directory=os.path.join(workdir, "standalone"),
                          build_on_run=False)
            b2.prefs.devices.cpp_standalone.openmp_threads = 0
        elif args.target == "cython":
            b2.prefs.codegen.runtime.cython.cache_dir = (
                args.cython_cache or os.path.join(workdir, "cython-cache"))
        b2.seed(args.seed)
        b2.defaultclock.dt = 0.1 * b2.ms
        duration = args.duration_ms * b2.ms
        rng = np.random.default_rng(args.seed)

        t0 = time.perf_counter()
        group, exc, inh, n_e, synapses = build(b2, args.network, args.neurons, rng)
        spikes = b2.SpikeMonitor(group)
        net = b2.Network(group, exc, inh, spikes)
        extra = {}
        if args.target == "cpp_standalone":
            net.run(duration)
            device = b2.get_device()
            device.build(directory=os.path.join(workdir, "standalone"), compile=True, run=False,
                         with_output=False)
            build_seconds = time.perf_counter() - t0
            device.run(os.path.join(workdir, "standalone"), with_output=False, run_args=[])
            run_seconds = device._last_run_time
            extra["binarySeconds"] = device.timers["run_binary"]
        else:
            net.run(duration)
            run_seconds = b2.get_device()._last_run_time
            build_seconds = time.perf_counter() - t0 - run_seconds
        spike_i = np.asarray(spikes.i[:], dtype=np.int64)
        spike_t = np.asarray(spikes.t[:] / b2.second, dtype=np.float64)
        rates, cvs = statistics(spike_i, spike_t, args.neurons, n_e, args.duration_ms / 1000.0)
        result = {"name": args.network, "target": args.target, "neurons": args.neurons,
                  "synapses": int(synapses), "buildSeconds": build_seconds,
                  "runSeconds": float(run_seconds), "meanRateHz": rates, "cvIsi": cvs,
                  "seed": args.seed, "durationMs": args.duration_ms,
                  "spikes": int(len(spike_i)), "brian2": b2.__version__}
        result.update(extra)
        print(json.dumps(result))
    finally:
        shutil.rmtree(workdir, ignore_errors=True)


if __name__ == "__main__":
    main(sys.argv[1:])
