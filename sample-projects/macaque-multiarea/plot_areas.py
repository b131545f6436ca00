"""Plots the excitatory rate of selected areas from a `brainfx simulate` run of the macaque
multi-area sample, as Joglekar et al. (2018) show it: the 1 ms population histogram summed over a
sliding 10 ms window (here averaged, in Hz), one panel per area, in hierarchy order; prints each
area's peak rate during and after the V1 pulse.

usage: python3 plot_areas.py OUT_DIR/rates.csv PICTURE.png [TITLE]
"""
import csv
import sys

import matplotlib

matplotlib.use("Agg")
import matplotlib.pyplot as plt  # noqa: E402
import numpy as np  # noqa: E402

AREAS = ["V1", "V2", "V4", "MT", "TEO", "TEpd", "8l", "46d", "9/46d", "24c"]


def main():
    rates_file, picture = sys.argv[1], sys.argv[2]
    title = sys.argv[3] if len(sys.argv) > 3 else ""
    with open(rates_file, newline="") as f:
        rows = list(csv.reader(f))
    header, data = rows[0], np.array(rows[1:], dtype=float)
    t = data[:, 0]
    fig, axes = plt.subplots(len(AREAS), 1, figsize=(6, 9), sharex=True)
    for ax, area in zip(axes, AREAS):
        rate = data[:, header.index(area + "_E")]
        smooth = np.convolve(rate, np.ones(10) / 10, mode="same")
        ax.plot(t, smooth, color="tab:green", lw=1)
        ax.set_ylabel(area, rotation=0, ha="right", va="center")
        ax.spines[["top", "right"]].set_visible(False)
        after = t >= 300
        print(f"{area:6s} peak E rate after 300 ms: {smooth[after].max():6.1f} Hz")
    axes[0].set_title(title)
    axes[-1].set_xlabel("time (ms)")
    fig.tight_layout()
    fig.savefig(picture, dpi=80)


if __name__ == "__main__":
    main()
