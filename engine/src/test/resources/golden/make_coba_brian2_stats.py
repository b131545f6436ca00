"""Writes coba-brian2-stats.json: Brian2's COBA-LIF (Vogels-Abbott, 4 000 neurons, 1 s) mean rates
and mean CVs of ISIs for five seeds, with their mean and sample standard deviation, for the
network statistics test. Runs the engine's bench script once per seed.

Usage (from the repository root):
  /usr/bin/python3 engine/src/test/resources/golden/make_coba_brian2_stats.py [TARGET]
TARGET is cpp_standalone (default) or numpy.
"""
import datetime
import json
import os
import subprocess
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
SCRIPT = os.path.join(HERE, "..", "..", "..", "main", "resources", "org", "brainfx", "engine",
                      "bench", "brian2_networks.py")
SEEDS = [1, 2, 3, 4, 5]


def run(seed, target):
    command = [sys.executable, SCRIPT, "--network", "coba", "--neurons", "4000", "--target", target,
               "--duration-ms", "1000", "--seed", str(seed)]
    out = subprocess.run(command, check=True, capture_output=True, text=True).stdout
    return json.loads(out.strip().splitlines()[-1])


def summary(values):
    values = np.asarray(values, dtype=float)
    return {"mean": float(values.mean()), "sd": float(values.std(ddof=1))}


def main():
    target = sys.argv[1] if len(sys.argv) > 1 else "cpp_standalone"
    runs = [run(seed, target) for seed in SEEDS]
    keys = [("meanRateHz", "E"), ("meanRateHz", "I"), ("cvIsi", "E"), ("cvIsi", "I")]
    result = {
        "network": "COBA-LIF (Vogels-Abbott), Brette et al. 2007 benchmark 1 as brian2_networks.py defines it",
        "neurons": 4000, "excitatory": 3200, "inhibitory": 800, "connectionProbability": 0.02,
        "dtMs": 0.1, "durationMs": 1000.0, "target": target, "brian2": runs[0]["brian2"],
        "made": datetime.date.today().isoformat(),
        "rateDefinition": "spikes of the population in [0, 1000) ms / (population size * 1 s)",
        "cvDefinition": "mean over neurons with >= 3 spikes of sd(ISI)/mean(ISI), sd with ddof 0",
        "seeds": [{"seed": r["seed"], "synapses": r["synapses"], "meanRateHz": r["meanRateHz"],
                   "cvIsi": r["cvIsi"]} for r in runs],
        "summary": {
            "meanRateHz": {p: summary([r["meanRateHz"][p] for r in runs]) for p in ("E", "I")},
            "cvIsi": {p: summary([r["cvIsi"][p] for r in runs]) for p in ("E", "I")},
        },
    }
    assert all(r[a][p] is not None for r in runs for a, p in keys)
    with open(os.path.join(HERE, "coba-brian2-stats.json"), "w") as f:
        json.dump(result, f, indent=2)
        f.write("\n")


if __name__ == "__main__":
    main()
