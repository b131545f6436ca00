"""Writes net20-brian2.json: a small deterministic LIF network (20 neurons, explicit connectivity
with per-synapse weights and integer-step delays, exponential current synapses) simulated by
Brian2's numpy target in float64, with every spike as [neuron, step], for the network
exactness test. See PROVENANCE.md (net20-brian2.json) for the semantics a matching engine needs.

Usage (from the repository root):
  /usr/bin/python3 engine/src/test/resources/golden/make_net20_brian2.py
The definition is drawn from a fixed NumPy seed below, so the file is reproducible; the script
refuses to write it when a neuron's v comes within MARGIN_VOLT of the threshold at any step.
"""
import datetime
import json
import os

import numpy as np
import brian2 as b2

HERE = os.path.dirname(os.path.abspath(__file__))
N = 20
N_SYNAPSES = 60
DEFINITION_SEED = 4  # the first seed from 1 at which every neuron fires and v keeps > 1e-8 V from threshold
DT_MS = 0.1
DURATION_MS = 200.0
TAU_MS, TAU_SYN_MS = 10.0, 5.0
E_L_MV, THRESHOLD_MV, RESET_MV, REFRACTORY_MS = -65.0, -50.0, -65.0, 2.0
MAX_DELAY_STEPS = 30
MARGIN_VOLT = 1e-9  # 1e-6 mV


def definition(rng):
    """Per-neuron bias and v(0), and ~60 distinct (i, j) synapses, i != j, with weights and delays."""
    # 16 neurons driven above threshold alone (steady state E_L + bias > -50 mV: 15.5 .. 21 mV,
    # i.e. ~25 .. 70 Hz alone) and 4 below it (14.5 .. 14.9 mV) that fire only with synaptic input.
    bias = np.concatenate([rng.uniform(15.5, 21.0, 16), rng.uniform(14.5, 14.9, 4)])
    bias = np.round(rng.permutation(bias), 3)
    v0 = np.round(rng.uniform(-65.0, -52.0, N), 3)
    pairs = set()
    # Every neuron sends and receives at least one synapse, so every synapse kind is exercised.
    for k in range(N):
        other = int(rng.integers(0, N - 1))
        pairs.add((k, other + (other >= k)))
        other = int(rng.integers(0, N - 1))
        pairs.add((other + (other >= k), k))
    while len(pairs) < N_SYNAPSES:
        i, j = (int(x) for x in rng.integers(0, N, 2))
        if i != j:
            pairs.add((i, j))
    pairs = sorted(pairs)
    # Neurons 0..14 excite (w > 0), 15..19 inhibit (w < 0); weights in mV, rounded to 0.01 mV.
    weights = [round(float(rng.uniform(1.0, 3.5)), 2) if i < 15 else round(float(-rng.uniform(1.0, 4.0)), 2)
               for i, _ in pairs]
    delay_steps = [int(d) for d in rng.integers(0, MAX_DELAY_STEPS + 1, len(pairs))]
    delay_steps[0], delay_steps[-1] = 0, MAX_DELAY_STEPS  # both ends of 0 .. 3 ms occur
    return bias, v0, pairs, weights, delay_steps


def simulate(bias, v0, pairs, weights, delay_steps):
    b2.prefs.codegen.target = "numpy"
    b2.prefs.core.default_float_dtype = np.float64
    b2.prefs.logging.console_log_level = "ERROR"
    b2.defaultclock.dt = DT_MS * b2.ms
    ms, mV = b2.ms, b2.mV
    ns = dict(tau=TAU_MS * ms, tau_syn=TAU_SYN_MS * ms, E_L=E_L_MV * mV, V_th=THRESHOLD_MV * mV,
              V_reset=RESET_MV * mV)
    eqs = """
    dv/dt = (E_L - v + I_bias + g)/tau : volt (unless refractory)
    dg/dt = -g/tau_syn : volt
    I_bias : volt (constant)
    """
    group = b2.NeuronGroup(N, eqs, threshold="v > V_th", reset="v = V_reset",
                           refractory=REFRACTORY_MS * ms, method="exponential_euler", namespace=ns)
    group.I_bias = bias * mV
    group.v = v0 * mV
    group.g = 0 * mV
    syn = b2.Synapses(group, group, model="w : volt (constant)", on_pre="g_post += w", namespace=ns)
    syn.connect(i=np.array([p[0] for p in pairs]), j=np.array([p[1] for p in pairs]))
    syn.w = np.array(weights) * mV
    syn.delay = np.array(delay_steps) * DT_MS * ms
    spikes = b2.SpikeMonitor(group)
    # v and g as the threshold sees them (after the state update of each step), and g at the
    # end of each step (after the synapses' on_pre), to check the timing semantics below.
    trace = b2.StateMonitor(group, ["v", "g"], record=True, when="thresholds", order=-1)
    trace_end = b2.StateMonitor(group, "g", record=True, when="end")
    net = b2.Network(group, syn, spikes, trace, trace_end)
    net.run(DURATION_MS * ms)
    assert np.allclose(np.asarray(syn.delay / ms), np.array(delay_steps) * DT_MS)
    steps = np.round(np.asarray(spikes.t / ms) / DT_MS).astype(int)
    order = np.lexsort((np.asarray(spikes.i), steps))
    spike_list = [[int(spikes.i[k]), int(steps[k])] for k in order]
    v = np.asarray(trace.v / b2.volt)  # (neuron, step)
    check_refractoriness(spike_list, v)
    check_synaptic_timing(spike_list, pairs, weights, delay_steps,
                          np.asarray(trace.g / b2.volt), np.asarray(trace_end.g / b2.volt))
    return spike_list, v


def check_refractoriness(spike_list, v):
    """A spike at step s holds v at the reset in steps s+1 .. s+R-1; step s+R integrates again."""
    refractory_steps = int(round(REFRACTORY_MS / DT_MS))
    steps = v.shape[1]
    for neuron, s in spike_list:
        held = v[neuron, s + 1:min(s + refractory_steps, steps)]
        assert np.all(held == RESET_MV * 1e-3), (neuron, s)
        if s + refractory_steps < steps:
            assert v[neuron, s + refractory_steps] != RESET_MV * 1e-3, (neuron, s)


def check_synaptic_timing(spike_list, pairs, weights, delay_steps, g_threshold, g_end):
    """A spike at step s through delay d adds w to g_post in step s+d, after that step's update."""
    expected = np.zeros_like(g_end)
    by_step = {}
    for neuron, s in spike_list:
        by_step.setdefault(neuron, []).append(s)
    for (i, j), w, d in zip(pairs, weights, delay_steps):
        for s in by_step.get(i, []):
            if s + d < expected.shape[1]:
                expected[j, s + d] += w * 1e-3
    assert np.allclose(g_end - g_threshold, expected, rtol=0, atol=1e-15)


def reference_loop(bias, v0, pairs, weights, delay_steps):
    """The semantics of PROVENANCE.md written out as a plain loop (SI units), to cross-check Brian2."""
    dt, tau, tau_syn = DT_MS * 1e-3, TAU_MS * 1e-3, TAU_SYN_MS * 1e-3
    e_l, v_th, v_reset = E_L_MV * 1e-3, THRESHOLD_MV * 1e-3, RESET_MV * 1e-3
    refractory_steps = int(round(REFRACTORY_MS / DT_MS))
    steps = int(round(DURATION_MS / DT_MS))
    v, g = v0 * 1e-3, np.zeros(N)
    last_spike = np.full(N, -10 ** 9)
    arrivals = np.zeros((steps + MAX_DELAY_STEPS + 1, N))
    spike_list = []
    for s in range(steps):
        active = s - last_spike >= refractory_steps
        target = e_l + bias * 1e-3 + g  # uses g before this step's decay
        v = np.where(active, target + (v - target) * np.exp(-dt / tau), v)
        g = g * np.exp(-dt / tau_syn)
        fired = np.nonzero((v > v_th) & active)[0]
        for neuron in fired:
            spike_list.append([int(neuron), s])
            for (i, j), w, d in zip(pairs, weights, delay_steps):
                if i == neuron:
                    arrivals[s + d, j] += w * 1e-3
        last_spike[fired] = s
        g = g + arrivals[s]  # this step's arrivals, delay 0 included, after the threshold
        v[fired] = v_reset
    return spike_list


def main():
    rng = np.random.default_rng(DEFINITION_SEED)
    bias, v0, pairs, weights, delay_steps = definition(rng)
    spike_list, v = simulate(bias, v0, pairs, weights, delay_steps)
    if reference_loop(bias, v0, pairs, weights, delay_steps) != spike_list:
        raise SystemExit("Brian2 and the plain reference loop disagree; the documented semantics are wrong")
    margin = float(np.abs(v - THRESHOLD_MV * 1e-3).min())
    if margin <= MARGIN_VOLT:
        raise SystemExit("v comes within %.3g V of the threshold; change DEFINITION_SEED" % margin)
    counts = np.bincount([s[0] for s in spike_list], minlength=N)
    rates = counts / (DURATION_MS / 1000.0)
    result = {
        "description": "20 LIF neurons, exponential current synapses, explicit connectivity; "
                       "Brian2 numpy target, float64. Units: mV, ms.",
        "brian2": b2.__version__, "made": datetime.date.today().isoformat(),
        "generator": "make_net20_brian2.py (definition seed %d)" % DEFINITION_SEED,
        "method": "exponential_euler",
        "dtMs": DT_MS, "durationMs": DURATION_MS, "steps": int(round(DURATION_MS / DT_MS)),
        "neurons": N,
        "equations": "dv/dt = (E_L - v + bias + g)/tau (unless refractory); dg/dt = -g/tauSyn; "
                     "spike when v > threshold and not refractory; then v = reset; on_pre g_post += w",
        "tauMs": TAU_MS, "tauSynMs": TAU_SYN_MS, "eLMv": E_L_MV, "thresholdMv": THRESHOLD_MV,
        "resetMv": RESET_MV, "refractoryMs": REFRACTORY_MS,
        "refractorySteps": int(round(REFRACTORY_MS / DT_MS)),
        "biasMv": [float(x) for x in bias], "v0Mv": [float(x) for x in v0], "g0Mv": 0.0,
        "synapses": [{"i": i, "j": j, "wMv": w, "delayMs": round(d * DT_MS, 10), "delaySteps": d}
                     for (i, j), w, d in zip(pairs, weights, delay_steps)],
        "minDistanceToThresholdMv": margin * 1e3,
        "spikeCount": len(spike_list),
        "spikeCountsPerNeuron": [int(c) for c in counts],
        "spikes": spike_list,
    }
    with open(os.path.join(HERE, "net20-brian2.json"), "w") as f:
        json.dump(result, f, indent=1)
        f.write("\n")
    print("spikes %d, rates Hz %s, min |v - threshold| %.3g mV"
          % (len(spike_list), np.round(rates, 1).tolist(), margin * 1e3))


if __name__ == "__main__":
    main()
