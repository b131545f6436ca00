package org.brainfx.app.charts;

import java.util.List;

/**
 * What the live voltage chart draws at one moment: for each selected sweep the recorded (target)
 * trace and the model's trace, both already decimated for the chart's width, in declared units.
 *
 * @param axisLabel  the voltage axis label with its unit, e.g. "V (mV)"
 * @param modelLabel what the model trace is, e.g. "best candidate" or "fit"
 * @param sweeps     the selected sweeps in display order
 */
public record SweepOverlay(String axisLabel, String modelLabel, List<Sweep> sweeps) {

    /**
     * One sweep's traces as {@code {x[], y[]}} arrays (time in ms, value in the declared unit).
     *
     * @param index  the sweep's number, from 0
     * @param target the recorded trace, or null when the project has no target
     * @param model  the model's trace, or null when it has not been simulated (yet)
     */
    public record Sweep(int index, double[][] target, double[][] model) { }

    /** The sweep numbers shown, in order. */
    public List<Integer> indices() {
        return sweeps.stream().map(Sweep::index).toList();
    }
}
