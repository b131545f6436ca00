package org.brainfx.engine.sim;

import java.util.ArrayList;
import java.util.List;
import org.brainfx.engine.compile.CompiledModel;
import org.brainfx.engine.compile.StepKernel;

/** Runs a compiled model forward in time over many lanes, recording chosen states and spikes. */
public final class Simulator {
    private final CompiledModel model;

    /** A simulator of one compiled model (cheap; holds no per-run state). */
    public Simulator(CompiledModel model) {
        this.model = model;
    }

    /**
     * Simulates {@code steps} steps of {@code dt} ms.
     *
     * @param record names of the states to record at every step (empty: record none)
     * @throws NonFiniteStateException when a state becomes NaN or infinite
     */
    public SimulationResult run(LaneValues lanes, InputSource input, int steps, double dt, List<String> record) {
        long t0 = System.nanoTime();
        int n = lanes.lanes();
        int[] recIdx = record.stream().mapToInt(model::stateIndex).toArray();
        double[][][] traces = new double[recIdx.length][n][steps];
        int[][] spikeSteps = new int[n][];
        double[][] finalState = new double[model.stateCount()][n];
        List<String> names = model.stateNames();
        LaneChunks.run(n, steps, (from, to) -> {
            StepKernel k = model.kernel();
            double[][] p = lanes.parameters();
            double[][] s = new double[model.stateCount()][n];
            double[][] next = new double[model.stateCount()][n];
            for (int i = 0; i < s.length; i++) {
                System.arraycopy(lanes.initial()[i], from, s[i], from, to - from);
            }
            double[][] in = new double[model.inputCount()][n];
            double[][] inv = new double[k.invariantCount()][n];
            k.prepare(p, dt, inv, from, to);
            double[] spike = new double[n];
            double[] previousSpike = new double[n];
            IntList[] spikes = new IntList[n];
            for (int l = from; l < to; l++) {
                spikes[l] = new IntList();
            }
            for (int t = 0; t < steps; t++) {
                input.fill(t, in, from, to);
                k.forward(s, p, inv, in, dt, next, spike, from, to);
                FiniteCheck.check(model, next, names, "", t, p, from, to);
                for (int r = 0; r < recIdx.length; r++) {
                    double[] src = next[recIdx[r]];
                    double[][] dst = traces[r];
                    for (int l = from; l < to; l++) {
                        dst[l][t] = src[l];
                    }
                }
                for (int l = from; l < to; l++) {
                    // A spike is an event: only its first step counts (a model without a reset,
                    // like HH, stays above threshold for a whole action potential).
                    if (spike[l] != 0 && previousSpike[l] == 0) {
                        spikes[l].add(t);
                    }
                    previousSpike[l] = spike[l];
                }
                double[][] swap = s;
                s = next;
                next = swap;
            }
            for (int l = from; l < to; l++) {
                spikeSteps[l] = spikes[l].toArray();
                for (int i = 0; i < s.length; i++) {
                    finalState[i][l] = s[i][l];
                }
            }
        });
        return new SimulationResult(steps, dt, new ArrayList<>(record), traces, spikeSteps, finalState,
                (System.nanoTime() - t0) / 1e6);
    }

    /** A growable list of ints without boxing. */
    static final class IntList {
        private int[] data = new int[8];
        private int size;

        void add(int v) {
            if (size == data.length) {
                data = java.util.Arrays.copyOf(data, size * 2);
            }
            data[size++] = v;
        }

        int[] toArray() {
            return java.util.Arrays.copyOf(data, size);
        }
    }
}
