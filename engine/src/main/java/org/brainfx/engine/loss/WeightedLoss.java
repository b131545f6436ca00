package org.brainfx.engine.loss;

import java.util.List;
import org.brainfx.engine.grad.TrajectoryLoss;

/** The sum of several loss terms (each already carrying its weight), evaluated in one pass. */
public final class WeightedLoss implements TrajectoryLoss {
    private final List<TrajectoryLoss> terms;

    /** A sum of terms. */
    public WeightedLoss(List<TrajectoryLoss> terms) {
        if (terms.isEmpty()) {
            throw new IllegalArgumentException("a loss needs at least one term");
        }
        this.terms = List.copyOf(terms);
    }

    @Override
    public void begin(int lanes, int steps) {
        for (TrajectoryLoss t : terms) {
            t.begin(lanes, steps);
        }
    }

    @Override
    public void forward(int step, double[][] state, double[] spike, double[] lossOut, int count, int firstLane) {
        for (TrajectoryLoss t : terms) {
            t.forward(step, state, spike, lossOut, count, firstLane);
        }
    }

    @Override
    public void backward(int step, double[][] state, double[] spike, double[][] adjState, double[] adjSpike, int count,
                         int firstLane) {
        for (TrajectoryLoss t : terms) {
            t.backward(step, state, spike, adjState, adjSpike, count, firstLane);
        }
    }
}
