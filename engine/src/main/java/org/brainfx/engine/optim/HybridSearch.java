package org.brainfx.engine.optim;

import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;

/**
 * Population search, then gradient polish: differential evolution over the whole box (forward passes
 * only) until its population has closed in on one basin, then L-BFGS-B with exact gradients from
 * its best members. DE is good at crossing the flat steps and false minima of spiking losses, where
 * a gradient from a random start points nowhere useful; once every member sits in one basin, its
 * geometric convergence wastes generations that a gradient method finishes in a few iterations.
 *
 * <p>The search hands over when DE has converged by its own test, or when every coordinate of the
 * population spans less than {@link #LOCALIZED_SPREAD} of its range (the box mapped onto the unit
 * cube). The polish runs from the best fifth of the population (at least one member), with the
 * settings' pruning; {@link #iteration()} counts DE generations plus the polish's iterations.
 */
final class HybridSearch implements Optimizer {

    /** Population spread, in the unit cube, below which DE has found its basin. */
    static final double LOCALIZED_SPREAD = 1e-3;

    private static final String NAME = "hybrid";

    private final Bounds bounds;
    private final OptimizerSettings settings;
    private final SplittableRandom rng;
    private final DifferentialEvolution search;
    private Optimizer polish;

    HybridSearch(Bounds bounds, OptimizerSettings settings, SplittableRandom rng) {
        this.bounds = bounds;
        this.settings = settings;
        this.rng = rng;
        this.search = new DifferentialEvolution(NAME, bounds, settings, rng);
    }

    /** Whether the gradient polish has started. */
    boolean polishing() {
        return polish != null;
    }

    private Optimizer active() {
        return polish == null ? search : polish;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public boolean needsGradient() {
        return polish != null;
    }

    @Override
    public double[][] ask() {
        return active().ask();
    }

    @Override
    public void tell(double[] loss, double[][] gradient) {
        tell(loss, gradient, null);
    }

    @Override
    public void tell(double[] loss, double[][] gradient, boolean[] partialGradient) {
        if (polish != null) {
            polish.tell(loss, gradient, partialGradient);
            return;
        }
        search.tell(loss, gradient);
        if (search.finished() || localized(search.currentPoints())) {
            double[][] starts = bestMembers(search.currentPoints(), search.currentLosses());
            // The polish starts from DE's members; screening random points would only cost forward passes.
            polish = Optimizers.lbfgsb(NAME, bounds, settings.withStarts(1).withInitialPoints(starts).withScreening(1),
                    rng);
        }
    }

    private boolean localized(double[][] members) {
        for (int d = 0; d < bounds.dimension(); d++) {
            double lo = Double.POSITIVE_INFINITY;
            double hi = Double.NEGATIVE_INFINITY;
            for (double[] m : members) {
                double u = bounds.toUnit(m)[d];
                lo = Math.min(lo, u);
                hi = Math.max(hi, u);
            }
            if (!(hi - lo < LOCALIZED_SPREAD)) {
                return false;
            }
        }
        return true;
    }

    /** The best fifth of {@code members} (at least one) by loss, diverged ones (NaN or infinite) ranked last. */
    static double[][] bestMembers(double[][] members, double[] losses) {
        int count = Math.max(1, members.length / 5);
        return IntStream.range(0, members.length).boxed()
                .sorted(Comparator.comparingDouble(i -> Double.isFinite(losses[i]) ? losses[i] : Double.POSITIVE_INFINITY))
                .limit(count).map(i -> members[i]).toArray(double[][]::new);
    }

    @Override
    public boolean finished() {
        return polish != null && polish.finished();
    }

    @Override
    public boolean converged() {
        return polish != null && polish.converged();
    }

    @Override
    public int iteration() {
        return search.iteration() + (polish == null ? 0 : polish.iteration());
    }

    @Override
    public long evaluations() {
        return search.evaluations() + (polish == null ? 0 : polish.evaluations());
    }

    @Override
    public long divergedEvaluations() {
        return search.divergedEvaluations() + (polish == null ? 0 : polish.divergedEvaluations());
    }

    @Override
    public double[] bestPoint() {
        return polish != null && polish.bestLoss() < search.bestLoss() ? polish.bestPoint() : search.bestPoint();
    }

    @Override
    public double bestLoss() {
        return polish == null ? search.bestLoss() : Math.min(search.bestLoss(), polish.bestLoss());
    }

    @Override
    public double[] currentLosses() {
        return active().currentLosses();
    }

    @Override
    public double[][] currentPoints() {
        return active().currentPoints();
    }
}
