package org.brainfx.app.charts;

import java.awt.Color;
import org.brainfx.engine.compile.CompiledModel;
import org.brainfx.engine.model.CheckedModel;
import org.brainfx.engine.model.unit.Unit;
import org.brainfx.engine.project.ResolvedProject;
import org.brainfx.engine.sim.SimulationResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.annotations.XYTitleAnnotation;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.SeriesRenderingOrder;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * The chart of a fit's outcome: one small panel per sweep with the target trace in grey under
 * the fitted model's trace in colour, on one time axis in ms, values in the target state's unit.
 */
public final class FitChart {
    /** Sweeps drawn at most; a taller chart would no longer be read panel by panel. */
    public static final int MAX_PANELS = 12;
    private static final Color TARGET = new Color(0xB4B4B4);
    private static final Color FIT = ResultChartStyle.colour(2);
    private static final float TARGET_WIDTH = 3.2f;
    private static final float FIT_WIDTH = 1.6f;

    private FitChart() {
    }

    /**
     * Builds the chart.
     *
     * @param project      the fitted project: its target traces, target state and time step
     * @param fitted       the best candidate simulated on every sweep (lane = sweep), recording the target state
     * @param title        the chart's title, e.g. the project's name
     * @param subtitle     a line under the title, e.g. the optimizer and the loss
     * @param pixelColumns width the traces are drawn at; longer traces are decimated to it
     */
    public static JFreeChart create(ResolvedProject project, SimulationResult fitted, String title, String subtitle,
                                    int pixelColumns) {
        CompiledModel model = project.model();
        String state = project.targetState();
        CheckedModel.Symbol symbol = model.checked().states().get(model.stateIndex(state));
        Unit unit = symbol.unit();
        double perDeclared = unit.toInternalFactor();
        double dt = fitted.dt();
        int steps = fitted.steps();
        int sweeps = project.sweeps();
        int shown = Math.min(sweeps, MAX_PANELS);

        NumberAxis time = ResultChartStyle.axis("Time (ms)");
        time.setRange(0, steps * dt);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(10);
        for (int s = 0; s < shown; s++) {
            DefaultXYDataset data = new DefaultXYDataset();
            // Both traces hold the state after each step, as the loss compares them: sample k at (k + 1)·dt.
            data.addSeries("target", MinMaxDecimator.decimate(declared(project.target()[s], steps, perDeclared),
                    dt, dt, pixelColumns));
            data.addSeries("fit", MinMaxDecimator.decimate(declared(fitted.trace(state, s), steps, perDeclared),
                    dt, dt, pixelColumns));
            XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
            renderer.setSeriesPaint(0, TARGET);
            renderer.setSeriesStroke(0, ResultChartStyle.line(TARGET_WIDTH));
            renderer.setSeriesPaint(1, FIT);
            renderer.setSeriesStroke(1, ResultChartStyle.line(FIT_WIDTH));
            XYPlot panel = new XYPlot(data, null, ResultChartStyle.axis(TraceChart.label(state, unit)), renderer);
            ResultChartStyle.stylePanel(panel);
            panel.setRangeMinorGridlinesVisible(false);
            // XYPlot draws the last series first by default; the fit must lie on top of the target.
            panel.setSeriesRenderingOrder(SeriesRenderingOrder.FORWARD);
            panel.addAnnotation(sweepLabel(s));
            plot.add(panel, 1);
        }
        LegendItemCollection legend = new LegendItemCollection();
        legend.add(ResultChartStyle.legendItem("target", TARGET, TARGET_WIDTH));
        legend.add(ResultChartStyle.legendItem("fit", FIT, FIT_WIDTH));
        String sub = shown < sweeps
                ? subtitle + "   ·   first " + shown + " of " + sweeps + " sweeps shown" : subtitle;
        return ResultChartStyle.chart(plot, title, sub, legend);
    }

    /** A height in pixels that gives each drawn sweep a readable panel. */
    public static int preferredHeight(int sweeps) {
        return 150 + 170 * Math.min(sweeps, MAX_PANELS);
    }

    private static double[] declared(double[] internal, int steps, double perDeclared) {
        double[] out = new double[steps];
        for (int k = 0; k < steps; k++) {
            out[k] = internal[k] / perDeclared;
        }
        return out;
    }

    private static XYTitleAnnotation sweepLabel(int sweep) {
        return ResultChartStyle.cornerLabel("sweep " + (sweep + 1));
    }
}
