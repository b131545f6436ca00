package org.brainfx.engine.bench;

import java.util.List;
import java.util.Map;

/**
 * Measured speeds of one benchmark run, in the JSON shape {@code brainfx bench --json} writes.
 *
 * @param hhFiveTraceSimulationMillis median time to simulate the reference's five HH traces (1 497 steps each)
 * @param brian2FiveTraceMillis       the same simulation in Brian2 (cython target) measured in this run, or null
 */
public record BenchReport(List<Result> results, List<HandWritten> handWrittenHH, Map<String, Double> compileMillis,
                          double hhFiveTraceSimulationMillis, Double brian2FiveTraceMillis, String brian2Note) {

    /** Speed of one model at one lane count. */
    public record Result(String model, int lanes, double forwardLaneStepsPerSec, double forwardBackwardLaneStepsPerSec) { }

    /**
     * The hand-written HH loop against the compiled HH kernel at one lane count, both on one
     * thread with the same loop around them (the simulator's split across cores left out).
     */
    public record HandWritten(int lanes, double forwardLaneStepsPerSec, double compiledForwardLaneStepsPerSec) { }
}
