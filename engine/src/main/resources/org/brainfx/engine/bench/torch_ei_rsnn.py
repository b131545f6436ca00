#!/usr/bin/env python3
"""PyTorch peer of BrainFX's spiking-network trainer (REFERENCE.md sections 2-3).

The E/I adaptive-LIF network with conductance synapses, Dale's law through |W| and a leaky
readout, trained by BPTT (autograd over the time loop, surrogate spikes) on the
evidence-accumulation task. Written from the reference's description, step for step:

    z    = H(V - v_th)                              (state at the start of the step)
    g_e  = d_syn (g_e + x_t |W_in| + z_E |W_E|)     (input arrives before the decay)
    g_i  = d_syn (g_i + z_I |W_I|)
    V_r  = V - v_th z ;  I_a = d_a (I_a - beta z)   (soft resets, not detached)
    V    = V_r + (1 - exp(-dt G / tau)) ((v_rest + I_a + e_exc g_e + e_inh g_i) / G - V_r),
           G = 1 + g_e + g_i
    z'   = H(V - v_th) ;  r = d_out r + z' W_out    (readout weights signed, no bias)

Sub-commands (run with Debian's /usr/bin/python3, which has python3-torch):

    time --batches N --trials B --threads T --seed S [--clip C] [--lr LR]
        trains N batches of B generated trials and prints one JSON line of timings on stdout.
    check [--threads T] DIR [DIR ...]
        reads one fixed network and batch per DIR (see check_one), writes the loss, accuracy,
        spikes and the weight gradients back into DIR.

Diagnostics go to stderr. Exit codes: 0 done, 2 bad arguments or input files, 3 torch or numpy
missing.
"""
import argparse
import json
import math
import os
import resource
import sys
import time


def _threads(argv):
    """The --threads value, read before torch loads: OpenBLAS (Debian's BLAS, which torch's matrix
    products call) and OpenMP size their thread pools from the environment when they load, and
    torch.set_num_threads does not reach OpenBLAS's."""
    for i, a in enumerate(argv):
        if a == "--threads" and i + 1 < len(argv) and argv[i + 1].isdigit():
            return argv[i + 1]
        if a.startswith("--threads=") and a[10:].isdigit():
            return a[10:]
    return "1"


for _variable in ("OMP_NUM_THREADS", "MKL_NUM_THREADS", "OPENBLAS_NUM_THREADS"):
    os.environ[_variable] = _threads(sys.argv[1:])

try:
    import numpy as np
    import torch
except ImportError as missing:
    print(f"{missing}: install Debian's python3-torch (apt install python3-torch) for {sys.executable}",
          file=sys.stderr)
    sys.exit(3)


class InputError(Exception):
    """A bad argument or input file; the message names it and says what was expected."""


# The reference network (REFERENCE.md "The E/I network step exactly as the reference code does it").
DEFAULTS = {
    "dt": 1.0, "tau": 100.0, "tau_syn": 10.0, "tau_out": 10.0, "v_th": 1.0, "v_rest": 0.0,
    "beta": 1.0, "e_exc": 3.0, "e_inh": -3.0, "n_e": 160, "n_i": 40,
    "surrogate": "relu", "alpha": 0.3, "width": 1.0, "sharpness": 10.0, "dtype": "float32",
}

# The evidence-accumulation task (REFERENCE.md section 2-3), dt = 1 ms.
CHANNELS_PER_GROUP = 25
CUES = 7
GAP_MS, CUE_MS, DELAY_MS, RECALL_MS = 50, 100, 1000, 150
CUE_HZ, RECALL_HZ, NOISE_HZ = 40.0, 40.0, 10.0
MAJORITY_P = 0.7


class ReluSpike(torch.autograd.Function):
    """z = H(x >= 0) with x = (V - v_th) / v_th forward; dz/dV = alpha * max(width - |x|, 0) / v_th
    backward (brainstate's ReluGrad). One node per step instead of three for the scaling."""

    @staticmethod
    def forward(ctx, v, v_th, alpha, width):
        ctx.save_for_backward(v)
        ctx.constants = (v_th, alpha, width)
        return (v >= v_th).to(v.dtype)

    @staticmethod
    def backward(ctx, grad):
        (v,) = ctx.saved_tensors
        v_th, alpha, width = ctx.constants
        x = (v - v_th) / v_th
        return grad * (alpha / v_th) * torch.clamp(width - x.abs(), min=0), None, None, None


def spike_function(p):
    """z(V) for the surrogate the parameters name."""
    v_th = float(p["v_th"])
    if p["surrogate"] == "relu":
        alpha, width = float(p["alpha"]), float(p["width"])
        return lambda v: ReluSpike.apply(v, v_th, alpha, width)
    k = float(p["sharpness"])
    # A smooth forward whose exact derivative autograd takes: for finite-difference checks.
    return lambda v: torch.sigmoid(k * (v - v_th) / v_th)


def forward(x, mask_steps, labels, w_in, w_e, w_i, w_out, tau_a, p, keep_spikes=False):
    """Runs a batch through the network.

    x is time-major (steps x trials x channels); returns (loss, accuracy, total spikes, spikes or None).
    """
    steps, trials, _ = x.shape
    n_e, n_i = int(p["n_e"]), int(p["n_i"])
    n = n_e + n_i
    dt, tau = float(p["dt"]), float(p["tau"])
    v_th, v_rest, beta = float(p["v_th"]), float(p["v_rest"]), float(p["beta"])
    e_exc, e_inh = float(p["e_exc"]), float(p["e_inh"])
    d_syn = math.exp(-dt / float(p["tau_syn"]))
    d_out = math.exp(-dt / float(p["tau_out"]))
    d_a = torch.exp(-dt / tau_a)
    spike = spike_function(p)
    a_in, a_e, a_i = w_in.abs(), w_e.abs(), w_i.abs()
    # Every step's input conductance in one product (the input does not depend on the state);
    # unbind, unlike drive[t], gives all steps one backward node instead of a full-size zero
    # gradient per step.
    drive = (x.reshape(steps * trials, -1) @ a_in).reshape(steps, trials, n).unbind(0)
    zeros = torch.zeros(trials, n, dtype=x.dtype)
    v, i_a, g_e, g_i = zeros, zeros, zeros, zeros
    r = torch.zeros(trials, w_out.shape[1], dtype=x.dtype)
    z = spike(v)
    recall = set(mask_steps)
    outputs = []
    spikes = torch.zeros(steps, trials, n, dtype=torch.int8) if keep_spikes else None
    total = torch.zeros((), dtype=torch.int64)
    for t in range(steps):
        # The reference step, with fused and in-place operations where autograd needs no copy:
        # half the temporaries of the plain expressions, which keeps the heap from fragmenting.
        z_e, z_i = z[:, :n_e], z[:, n_e:]
        g_e = torch.add(g_e, drive[t]).addmm_(z_e, a_e) * d_syn
        g_i = torch.addmm(g_i, z_i, a_i) * d_syn
        v_r = torch.sub(v, z, alpha=v_th)
        i_a = d_a * torch.sub(i_a, z, alpha=beta)
        g = torch.add(g_e, 1.0).add_(g_i)
        decay = torch.exp(g * (-dt / tau))
        target = torch.add(i_a, v_rest).add_(g_e, alpha=e_exc).add_(g_i, alpha=e_inh) / g
        v = torch.addcmul(v_r, 1 - decay, target - v_r)
        z = spike(v)
        r = d_out * r + z @ w_out
        if t in recall:
            outputs.append(r)
        with torch.no_grad():
            fired = z.detach() >= 0.5
            total += fired.sum()
            if keep_spikes:
                spikes[t] = fired.to(torch.int8)
    out = torch.stack(outputs)  # recall steps x trials x outputs
    loss = torch.nn.functional.cross_entropy(out.reshape(-1, out.shape[2]), labels.repeat(out.shape[0]))
    with torch.no_grad():
        accuracy = float((out.sum(0).argmax(1) == labels).to(torch.float64).mean())
    return loss, accuracy, int(total), spikes


# ---------------------------------------------------------------------------------------------- time

def kaiming(generator, fan_in, fan_out, scale):
    """REFERENCE.md's Kaiming normal: N(0, 1) truncated at +-2 sd, sd = sqrt(scale / fan_in) / 0.8796."""
    sd = math.sqrt(scale / fan_in) / 0.87962566103423978
    w = torch.empty(fan_in * fan_out)
    filled = 0
    while filled < w.numel():
        draw = torch.randn(2 * (w.numel() - filled) + 16, generator=generator)
        draw = draw[draw.abs() <= 2][: w.numel() - filled]
        w[filled:filled + draw.numel()] = draw
        filled += draw.numel()
    return (w * sd).reshape(fan_in, fan_out)


def trials_batch(generator, trials):
    """One batch of evidence-accumulation trials: (steps x trials x 100 spikes, labels, recall steps)."""
    cue_steps = CUES * (GAP_MS + CUE_MS)
    steps = cue_steps + DELAY_MS + RECALL_MS
    g = CHANNELS_PER_GROUP
    rate = torch.zeros(steps, trials, 4 * g)
    rate[:, :, 3 * g:] = NOISE_HZ
    rate[steps - RECALL_MS:, :, 2 * g:3 * g] = RECALL_HZ
    majority_left = torch.rand(trials, generator=generator) < 0.5
    to_majority = torch.rand(trials, CUES, generator=generator) < MAJORITY_P
    left = to_majority == majority_left[:, None]
    for k in range(CUES):
        start = k * (GAP_MS + CUE_MS) + GAP_MS
        for side, on in ((0, left[:, k]), (1, ~left[:, k])):
            rate[start:start + CUE_MS, on, side * g:(side + 1) * g] = CUE_HZ
    x = (torch.rand(steps, trials, 4 * g, generator=generator) < rate * (1.0 / 1000.0)).to(torch.float32)
    labels = (left.sum(1) * 2 > CUES).to(torch.int64)
    return x, labels, list(range(steps - RECALL_MS, steps))


def peak_mb():
    # Linux reports ru_maxrss in kilobytes.
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def time_command(args):
    if args.batches < 1 or args.trials < 1 or args.threads < 1:
        raise InputError("--batches, --trials and --threads must be at least 1")
    torch.set_num_threads(args.threads)
    generator = torch.Generator().manual_seed(args.seed)
    p = dict(DEFAULTS)
    n_e, n_i = p["n_e"], p["n_i"]
    n = n_e + n_i
    channels = 4 * CHANNELS_PER_GROUP
    weights = [
        kaiming(generator, channels, n, 1.0),
        kaiming(generator, n_e, n, 0.5),
        kaiming(generator, n_i, n, 0.5 * 4),
        kaiming(generator, n, 2, 2.0),
    ]
    for w in weights:
        w.requires_grad_(True)
    tau_a = 500.0 + 1000.0 * torch.rand(n, generator=generator)
    optimizer = torch.optim.Adam(weights, lr=args.lr, betas=(0.9, 0.999), eps=1e-8)
    batch_s, forward_s, backward_s, losses, accuracies = [], [], [], [], []
    for b in range(args.batches):
        x, labels, recall = trials_batch(generator, args.trials)
        start = time.perf_counter()
        optimizer.zero_grad(set_to_none=True)
        loss, accuracy, spikes, _ = forward(x, recall, labels, *weights, tau_a, p)
        mid = time.perf_counter()
        loss.backward()
        back = time.perf_counter()
        if args.clip is not None:
            torch.nn.utils.clip_grad_norm_(weights, args.clip)
        optimizer.step()
        end = time.perf_counter()
        batch_s.append(end - start)
        forward_s.append(mid - start)
        backward_s.append(back - mid)
        losses.append(float(loss))
        accuracies.append(accuracy)
        # The loss holds the batch's graph, and with it gigabytes the next forward pass would
        # otherwise take fresh from the kernel (one page fault per 4 KB) instead of reusing.
        del loss
        rate_hz = spikes / (args.trials * x.shape[0] * n) * 1000.0
        print(f"batch {b + 1}/{args.batches}: {end - start:.3f} s (forward {mid - start:.3f}, backward "
              f"{back - mid:.3f}), loss {losses[-1]:.4f}, accuracy {accuracy:.3f}, rate {rate_hz:.2f} Hz",
              file=sys.stderr, flush=True)
    timed = slice(1, None) if len(batch_s) > 1 else slice(None)
    print(json.dumps({
        "name": "torch", "version": torch.__version__, "threads": args.threads, "trials": args.trials,
        "steps": int(x.shape[0]), "secondsPerBatch": float(np.median(batch_s[timed])),
        "batchSeconds": batch_s, "forwardSeconds": float(np.median(forward_s[timed])),
        "backwardSeconds": float(np.median(backward_s[timed])), "peakMB": peak_mb(),
        "loss": losses, "accuracy": accuracies,
    }), flush=True)


# --------------------------------------------------------------------------------------------- check

def load(directory, name):
    path = os.path.join(directory, name)
    if not os.path.isfile(path):
        raise InputError(f"{path} is missing (check reads x.npy, labels.npy, mask.npy, w_in.npy, w_e.npy, "
                         f"w_i.npy, w_out.npy, tau_a.npy and params.json)")
    try:
        a = np.load(path, allow_pickle=False)
    except Exception as e:  # numpy raises ValueError, OSError or others for a damaged file
        raise InputError(f"{path}: not a readable .npy array ({e})")
    if a.dtype.kind not in "biuf":
        raise InputError(f"{path}: dtype {a.dtype} is not numeric; save a bool, integer or float array")
    return a


def expect_shape(directory, name, a, shape, meaning):
    if a.shape != tuple(shape):
        raise InputError(f"{os.path.join(directory, name)}: shape {a.shape}, expected {tuple(shape)} ({meaning})")


def parameters(directory):
    path = os.path.join(directory, "params.json")
    if not os.path.isfile(path):
        raise InputError(f"{path} is missing; write the network's parameters there (keys: {', '.join(DEFAULTS)})")
    try:
        with open(path, encoding="utf-8") as f:
            given = json.load(f)
    except ValueError as e:
        raise InputError(f"{path}: not valid JSON ({e})")
    if not isinstance(given, dict):
        raise InputError(f"{path}: expected a JSON object of parameters")
    unknown = sorted(set(given) - set(DEFAULTS))
    if unknown:
        raise InputError(f"{path}: unknown parameter(s) {', '.join(unknown)}; known: {', '.join(DEFAULTS)}")
    p = dict(DEFAULTS)
    p.update(given)
    if p["surrogate"] not in ("relu", "sigmoid"):
        raise InputError(f"{path}: surrogate {p['surrogate']!r} is neither \"relu\" nor \"sigmoid\"")
    if p["dtype"] not in ("float32", "float64"):
        raise InputError(f"{path}: dtype {p['dtype']!r} is neither \"float32\" nor \"float64\"")
    for key in given:
        if key not in ("surrogate", "dtype"):
            value = p[key]
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not math.isfinite(value):
                raise InputError(f"{path}: {key} = {value!r} is not a finite number")
    for key in ("dt", "tau", "tau_syn", "tau_out", "v_th", "width", "sharpness"):
        if p[key] <= 0:
            raise InputError(f"{path}: {key} = {p[key]} must be positive")
    for key in ("n_e", "n_i"):
        if key not in given:
            p[key] = None  # the rows of w_e.npy / w_i.npy
        elif p[key] != int(p[key]) or p[key] < 1:
            raise InputError(f"{path}: {key} = {p[key]} must be a whole number of at least 1")
    return p


def check_one(directory):
    """Reads DIR/{x,labels,mask,w_in,w_e,w_i,w_out,tau_a}.npy and params.json; writes torch_out.json,
    grad_w_{in,e,i,out}.npy (in the run's dtype) and spikes.npy (int8, trials x steps x N)."""
    p = parameters(directory)
    dtype = torch.float64 if p["dtype"] == "float64" else torch.float32
    np_dtype = np.float64 if dtype == torch.float64 else np.float32
    x = load(directory, "x.npy")
    if x.ndim != 3:
        raise InputError(f"{os.path.join(directory, 'x.npy')}: shape {x.shape}, expected 3 dimensions "
                         f"(trials x steps x channels)")
    trials, steps, channels = x.shape
    labels = load(directory, "labels.npy")
    mask = load(directory, "mask.npy")
    w_in = load(directory, "w_in.npy")
    w_e = load(directory, "w_e.npy")
    w_i = load(directory, "w_i.npy")
    w_out = load(directory, "w_out.npy")
    tau_a = load(directory, "tau_a.npy")
    for key, name, a in (("n_e", "w_e.npy", w_e), ("n_i", "w_i.npy", w_i)):
        if p[key] is None:
            if a.ndim != 2 or a.shape[0] < 1:
                raise InputError(f"{os.path.join(directory, name)}: shape {a.shape}, expected 2 dimensions "
                                 f"(presynaptic neurons x all neurons)")
            p[key] = a.shape[0]
    n_e, n_i = int(p["n_e"]), int(p["n_i"])
    n = n_e + n_i
    expect_shape(directory, "labels.npy", labels, (trials,), "one label per trial of x.npy")
    expect_shape(directory, "mask.npy", mask, (steps,), "one flag per step of x.npy")
    expect_shape(directory, "w_in.npy", w_in, (channels, n), "channels of x.npy x (n_e + n_i)")
    expect_shape(directory, "w_e.npy", w_e, (n_e, n), "n_e x (n_e + n_i)")
    expect_shape(directory, "w_i.npy", w_i, (n_i, n), "n_i x (n_e + n_i)")
    if w_out.ndim != 2 or w_out.shape[0] != n or w_out.shape[1] < 2:
        raise InputError(f"{os.path.join(directory, 'w_out.npy')}: shape {w_out.shape}, expected ({n}, outputs) "
                         f"with at least 2 outputs")
    expect_shape(directory, "tau_a.npy", tau_a, (n,), "one adaptation time constant (ms) per neuron")
    outputs = w_out.shape[1]
    if not np.all(np.isin(x, (0, 1))):
        raise InputError(f"{os.path.join(directory, 'x.npy')}: input spikes must be 0 or 1")
    if labels.dtype.kind == "f" and not np.all(labels == np.round(labels)):
        raise InputError(f"{os.path.join(directory, 'labels.npy')}: labels must be whole numbers")
    if labels.size and (labels.min() < 0 or labels.max() >= outputs):
        raise InputError(f"{os.path.join(directory, 'labels.npy')}: labels must lie in 0..{outputs - 1} "
                         f"(one per readout output of w_out.npy)")
    if not np.all(np.isin(mask, (0, 1))) or not mask.any():
        raise InputError(f"{os.path.join(directory, 'mask.npy')}: must be 0/1 with at least one step set")
    if not np.all(tau_a > 0):
        raise InputError(f"{os.path.join(directory, 'tau_a.npy')}: time constants must be positive (ms)")
    for name, a in (("w_in.npy", w_in), ("w_e.npy", w_e), ("w_i.npy", w_i), ("w_out.npy", w_out)):
        if not np.all(np.isfinite(a)):
            raise InputError(f"{os.path.join(directory, name)}: weights must be finite")

    def tensor(a, grad=False):
        return torch.tensor(np.ascontiguousarray(a), dtype=dtype, requires_grad=grad)

    weights = [tensor(w, True) for w in (w_in, w_e, w_i, w_out)]
    x_t = tensor(np.transpose(x, (1, 0, 2)))
    loss, accuracy, spikes, raster = forward(x_t, list(np.flatnonzero(mask)), torch.tensor(labels.astype(np.int64)),
                                             *weights, tensor(tau_a), p, keep_spikes=True)
    loss.backward()
    for name, w in zip(("w_in", "w_e", "w_i", "w_out"), weights):
        np.save(os.path.join(directory, f"grad_{name}.npy"), w.grad.numpy().astype(np_dtype))
    np.save(os.path.join(directory, "spikes.npy"), np.ascontiguousarray(raster.numpy().transpose(1, 0, 2)))
    with open(os.path.join(directory, "torch_out.json"), "w", encoding="utf-8") as f:
        json.dump({"loss": float(loss), "accuracy": accuracy, "spikes": int(spikes)}, f)
    print(f"{directory}: loss {float(loss):.6g}, accuracy {accuracy:.3f}, {int(spikes)} spikes", file=sys.stderr)


def check_command(args):
    if args.threads < 1:
        raise InputError("--threads must be at least 1")
    torch.set_num_threads(args.threads)
    for directory in args.dirs:
        check_one(directory)


def main(argv):
    parser = argparse.ArgumentParser(prog="torch_ei_rsnn.py", description=__doc__.split("\n")[0])
    commands = parser.add_subparsers(dest="command", required=True)
    timing = commands.add_parser("time", help="time training batches of the evidence-accumulation task")
    timing.add_argument("--batches", type=int, required=True)
    timing.add_argument("--trials", type=int, required=True)
    timing.add_argument("--threads", type=int, default=1)
    timing.add_argument("--seed", type=int, default=0)
    timing.add_argument("--clip", type=float, default=None, help="gradient-norm clipping (e.g. 1.0)")
    timing.add_argument("--lr", type=float, default=1e-3)
    check = commands.add_parser("check", help="loss, spikes and gradients of fixed weights and inputs")
    check.add_argument("--threads", type=int, default=1)
    check.add_argument("dirs", nargs="+", metavar="DIR")
    args = parser.parse_args(argv)
    try:
        (time_command if args.command == "time" else check_command)(args)
    except InputError as e:
        print(f"torch_ei_rsnn.py: {e}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
