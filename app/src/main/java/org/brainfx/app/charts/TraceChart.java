package org.brainfx.app.charts;

import java.awt.Paint;
import java.awt.Rectangle;
import java.math.BigDecimal;
import java.util.Locale;
import org.brainfx.engine.compile.CompiledModel;
import org.brainfx.engine.model.CheckedModel;
import org.brainfx.engine.model.unit.Unit;
import org.brainfx.engine.sim.SimulationResult;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CombinedDomainXYPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYItemRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.data.xy.DefaultXYDataset;

/**
 * The chart of a simulation: one panel per recorded state and a lower panel with the stimulus,
 * all on one time axis, one line per sweep, values in the model's declared units. The same
 * {@link JFreeChart} draws in a window or renders to PNG ({@link ChartPngWriter}).
 */
public final class TraceChart {
    /** Above this many sweeps a legend would only list colours that repeat. */
    private static final int MAX_LEGEND_SWEEPS = ResultChartStyle.PALETTE.size();
    private static final int STATE_PANEL_WEIGHT = 3;
    private static final int STIMULUS_PANEL_WEIGHT = 1;

    private TraceChart() {
    }

    /**
     * Builds the chart of a simulation.
     *
     * @param model        the simulated model (declared units of its states and inputs)
     * @param result       the simulation; its sweeps are its lanes
     * @param stimulus     {@code [sweep][step]} input values in internal units, one row per lane
     * @param input        index of the model input the stimulus drove
     * @param title        the chart's title, e.g. the project or model name
     * @param pixelColumns width the traces are drawn at; longer traces are decimated to it
     */
    public static JFreeChart create(CompiledModel model, SimulationResult result, double[][] stimulus, int input,
                                    String title, int pixelColumns) {
        double dt = result.dt();
        int sweeps = stimulus.length;
        NumberAxis time = ResultChartStyle.axis("Time (ms)");
        time.setRange(0, result.steps() * dt);
        CombinedDomainXYPlot plot = new CombinedDomainXYPlot(time);
        plot.setGap(14);
        for (int r = 0; r < result.recorded().size(); r++) {
            CheckedModel.Symbol state = model.checked().states().get(model.stateIndex(result.recorded().get(r)));
            // A sample is the state after its step, so sample k belongs at t = (k + 1)·dt.
            DefaultXYDataset data = dataset(result.traces()[r], state.unit(), dt, dt, pixelColumns);
            NumberAxis stateAxis = ResultChartStyle.axis(label(state.name(), state.unit()));
            plot.add(panel(data, stateAxis, new XYLineAndShapeRenderer(true, false)), STATE_PANEL_WEIGHT);
        }
        CheckedModel.Symbol in = model.checked().inputs().get(input);
        // Stimulus sample k is held during step k, from t = k·dt to (k + 1)·dt.
        DefaultXYDataset drive = dataset(stimulus, in.unit(), 0, dt, pixelColumns);
        NumberAxis driveAxis = ResultChartStyle.axis(label(in.name(), in.unit()));
        driveAxis.setAutoRangeIncludesZero(true);
        plot.add(panel(drive, driveAxis, new XYStepRenderer()), STIMULUS_PANEL_WEIGHT);
        LegendItemCollection legend = sweeps > 1 && sweeps <= MAX_LEGEND_SWEEPS ? sweepLegend(sweeps) : null;
        JFreeChart chart = ResultChartStyle.chart(plot, title, subtitle(model, result, sweeps), legend);
        return chart;
    }

    /** An axis label: the name, and the unit in parentheses unless the quantity is a pure number. */
    static String label(String name, Unit unit) {
        return unit.isDimensionless() && unit.scale() == 1 ? name : name + " (" + unit.symbol() + ")";
    }

    private static String subtitle(CompiledModel model, SimulationResult result, int sweeps) {
        String description = model.checked().spec().description();
        return (description == null || description.isBlank() ? model.name() : model.name() + ": " + description)
                + String.format(Locale.ROOT, "   ·   %d %s × %d steps of %s ms (%s ms)", sweeps,
                sweeps == 1 ? "sweep" : "sweeps", result.steps(), number(result.dt()),
                number(result.steps() * result.dt()))
                + "   ·   " + model.checked().spec().integrator();
    }

    private static String number(double v) {
        return new BigDecimal(String.format(Locale.ROOT, "%.6g", v)).stripTrailingZeros().toPlainString();
    }

    private static DefaultXYDataset dataset(double[][] sweeps, Unit unit, double t0, double dt, int columns) {
        DefaultXYDataset data = new DefaultXYDataset();
        double internalPerDeclared = unit.toInternalFactor();
        for (int s = 0; s < sweeps.length; s++) {
            double[] values = new double[sweeps[s].length];
            for (int k = 0; k < values.length; k++) {
                values[k] = sweeps[s][k] / internalPerDeclared;
            }
            data.addSeries("sweep " + (s + 1), MinMaxDecimator.decimate(values, t0, dt, columns));
        }
        return data;
    }

    private static XYPlot panel(DefaultXYDataset data, NumberAxis range, XYItemRenderer renderer) {
        for (int s = 0; s < data.getSeriesCount(); s++) {
            renderer.setSeriesPaint(s, ResultChartStyle.colour(s));
            renderer.setSeriesStroke(s, ResultChartStyle.line(1.3f));
        }
        XYPlot p = new XYPlot(data, null, range, renderer);
        ResultChartStyle.styleTracePanel(p);
        return p;
    }

    private static LegendItemCollection sweepLegend(int sweeps) {
        LegendItemCollection items = new LegendItemCollection();
        for (int s = 0; s < sweeps; s++) {
            Paint paint = ResultChartStyle.colour(s);
            LegendItem item = new LegendItem("sweep " + (s + 1), null, null, null, new Rectangle(14, 3), paint);
            items.add(item);
        }
        return items;
    }

    /** A height in pixels that gives each of {@code recordedStates} panels and the stimulus panel room. */
    public static int preferredHeight(int recordedStates) {
        return 150 + 230 * recordedStates + 110;
    }
}
