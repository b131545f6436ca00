package org.brainfx.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.brainfx.app.workbench.Snapshots;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code brainfx snapshot}: renders a workbench view off-screen to a PNG, for documentation and
 * checks on machines without a display.
 */
@Command(name = "snapshot",
        description = {
                "Render a workbench view to a PNG without a display (headless JavaFX): the whole window as a user sees it.",
                "With --view fit and --fit-iterations N a fit runs first; the largest gap between JavaFX pulses during"
                        + " the fit and the 0.3 s after it, as its results appear, is printed (how long the window"
                        + " could not repaint).",
        })
public final class SnapshotCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Parameters(paramLabel = "PROJECT", arity = "0..1",
            description = "The project file or folder (not needed for --view welcome).")
    private Path project;

    @Option(names = "--view", paramLabel = "VIEW", defaultValue = "fit",
            description = "welcome, recording, model, playground, fit, compare, training, network (a network project's"
                    + " editor), raster (a network project's simulation view after a run; prints raster pictures per"
                    + " second and the largest pulse gap) or connectome (PROJECT is then a connectome file, shown in"
                    + " File > Import connectome…) (default: ${DEFAULT-VALUE}).")
    private String view;

    @Option(names = "--fit-iterations", paramLabel = "N", defaultValue = "0",
            description = "With --view fit: run a fit of N iterations before the picture (default: none).")
    private int fitIterations;

    @Option(names = "--race-seconds", paramLabel = "S", defaultValue = "0",
            description = "With --view compare: race the default optimizers once each for S seconds before the picture.")
    private double raceSeconds;

    @Option(names = "--training-batches", paramLabel = "N", defaultValue = "0",
            description = "With --view training: train N batches before the picture (default: none).")
    private int trainingBatches;

    @Option(names = "--out", paramLabel = "FILE.png", required = true, description = "The PNG to write.")
    private Path out;

    @Option(names = "--size", paramLabel = "WxH", defaultValue = "1280x800", description = "Window size in pixels (default: ${DEFAULT-VALUE}).")
    private String size;

    @Option(names = "--dark", description = "Use the dark theme.")
    private boolean dark;

    @Override
    public Integer call() throws IOException {
        String[] wh = size.toLowerCase(Locale.ROOT).split("x");
        int width;
        int height;
        try {
            width = Integer.parseInt(wh[0]);
            height = Integer.parseInt(wh[1]);
        } catch (RuntimeException e) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--size: expected WIDTHxHEIGHT in pixels, e.g. 1280x800 (got '" + size + "')");
        }
        if (width < 320 || height < 240 || width > 8000 || height > 8000) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--size: " + size + " is outside 320x240 … 8000x8000");
        }
        if (trainingBatches < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--training-batches must be ≥ 0");
        }
        if (fitIterations < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--fit-iterations must be ≥ 0");
        }
        if (!(raceSeconds >= 0) || raceSeconds > 600) {
            throw new CommandLine.ParameterException(spec.commandLine(), "--race-seconds must be from 0 to 600");
        }
        if (!Snapshots.VIEWS.contains(view)) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--view: unknown view '" + view + "'; choose one of " + Snapshots.VIEWS);
        }
        if (!"welcome".equals(view) && project == null) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "the " + view + " view shows a project: name its file or folder (PROJECT)");
        }
        Snapshots.Report report = Snapshots.render(new Snapshots.Request(project, view, fitIterations, raceSeconds, trainingBatches, out, width,
                height, dark));
        PrintWriter o = spec.commandLine().getOut();
        o.printf(Locale.ROOT, "wrote %s (%d x %d)%n", report.out(), report.width(), report.height());
        if (!Double.isNaN(report.picturesPerSecond())) {
            o.printf(Locale.ROOT, "simulation ran %.2f s; raster pictures painted while it ran: %.1f per second;"
                    + " largest gap between JavaFX pulses during it and the 0.3 s after: %.1f ms%n", report.fitSeconds(),
                    report.picturesPerSecond(), report.largestPulseGapMillis());
            if (!report.longGaps().isEmpty()) {
                o.printf(Locale.ROOT, "pulse gaps over 50 ms: %s%n", report.longGaps());
            }
        } else if (!Double.isNaN(report.largestPulseGapMillis())) {
            o.printf(Locale.ROOT, "%s ran %.2f s; largest gap between JavaFX pulses during it and the 0.3 s after: %.1f ms%n",
                    switch (view) {
                        case "training" -> "training";
                        case "connectome" -> "reading the connectome";
                        default -> "fit";
                    }, report.fitSeconds(), report.largestPulseGapMillis());
            if (!report.longGaps().isEmpty()) {
                o.printf(Locale.ROOT, "pulse gaps over 50 ms: %s%n", report.longGaps());
            }
        }
        o.flush();
        return 0;
    }
}
