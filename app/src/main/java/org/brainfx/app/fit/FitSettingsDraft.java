package org.brainfx.app.fit;

import java.util.List;
import java.util.Map;
import org.brainfx.engine.project.FitSettings;

/**
 * A mutable copy of a project's {@link FitSettings}, so a form field can change one setting and
 * build the new immutable value without spelling out the other fourteen.
 */
final class FitSettingsDraft {
    Map<String, List<Double>> free;
    List<FitSettings.LossTerm> losses;
    String optimizer;
    Integer starts;
    Integer maxIterations;
    Long maxEvaluations;
    Double budgetSeconds;
    Long seed;
    Double targetLoss;
    Double learningRate;
    Integer pruneEvery;
    Integer keepStarts;
    String startSampling;
    String adamBounds;
    Integer screen;

    /** A draft of {@code fs}; a project without fit settings gives an all-defaults draft. */
    static FitSettingsDraft of(FitSettings fs) {
        FitSettingsDraft d = new FitSettingsDraft();
        if (fs != null) {
            d.free = fs.free();
            d.losses = fs.losses();
            d.optimizer = fs.optimizer();
            d.starts = fs.starts();
            d.maxIterations = fs.maxIterations();
            d.maxEvaluations = fs.maxEvaluations();
            d.budgetSeconds = fs.budgetSeconds();
            d.seed = fs.seed();
            d.targetLoss = fs.targetLoss();
            d.learningRate = fs.learningRate();
            d.pruneEvery = fs.pruneEvery();
            d.keepStarts = fs.keepStarts();
            d.startSampling = fs.startSampling();
            d.adamBounds = fs.adamBounds();
            d.screen = fs.screen();
        }
        return d;
    }

    /** The settings this draft holds. */
    FitSettings build() {
        return new FitSettings(free, losses, optimizer, starts, maxIterations, maxEvaluations, budgetSeconds, seed,
                targetLoss, learningRate, pruneEvery, keepStarts, startSampling, adamBounds, screen);
    }
}
