package org.brainfx.app.workbench;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.Function;
import org.brainfx.app.project.ProjectDocument;
import org.brainfx.app.project.ProjectEdits;
import org.brainfx.engine.job.FitConfig;
import org.brainfx.app.report.Numbers;
import org.brainfx.engine.project.FitSettings;
import org.brainfx.engine.project.Project;
import org.brainfx.engine.project.SavedFit;
import org.controlsfx.control.PropertySheet;

/** The property-sheet rows for the explorer's selection: what the project says about that part, editable where safe. */
final class ProjectProperties {

    private final ProjectDocument document;
    private final ResourceBundle messages;
    private final Consumer<String> refused;

    ProjectProperties(ProjectDocument document, ResourceBundle messages, Consumer<String> refused) {
        this.document = document;
        this.messages = messages;
        this.refused = refused;
    }

    /** Rows for {@code item}; an empty list for headings. */
    List<PropertySheet.Item> itemsFor(ExplorerItem item) {
        return switch (item.kind()) {
            case PROJECT -> project();
            case RECORDING -> recording();
            case MODEL -> model();
            case FIT -> fit();
            case RESULT -> item.result() == null ? List.of() : result(item.result());
            default -> List.of();
        };
    }

    private List<PropertySheet.Item> project() {
        String c = text("props.category.project");
        return List.of(
                editable(c, "props.name", String.class, Project::name,
                        (p, v) -> ProjectEdits.withNameAndDescription(p, nonBlank((String) v), p.description())),
                editable(c, "props.description", String.class, Project::description,
                        (p, v) -> ProjectEdits.withNameAndDescription(p, p.name(), (String) v)),
                readOnly(c, "props.file", p -> document.file().toString()),
                readOnly(c, "props.schema", Project::schemaVersion));
    }

    private List<PropertySheet.Item> recording() {
        String c = text("props.category.recording");
        List<PropertySheet.Item> items = new ArrayList<>();
        Project p0 = document.project();
        if (p0.recording() != null) {
            items.add(readOnly(c, "props.recording.file", p -> p.recording().file()));
            items.add(readOnly(c, "props.recording.sweeps", p -> p.recording().sweeps() == null
                    ? text("props.all") : p.recording().sweeps().toString()));
            items.add(readOnly(c, "props.recording.window", p -> p.recording().window() == null
                    ? text("props.whole") : p.recording().window().toString()));
            items.add(readOnly(c, "props.recording.dt", p -> p.recording().dt() == null
                    ? text("props.fromFile") : p.recording().dt().toString()));
            items.add(editable(c, "props.recording.offset", Double.class,
                    p -> p.recording().offsetMv() == null ? 0.0 : p.recording().offsetMv(),
                    (p, v) -> ProjectEdits.withRecording(p, ProjectEdits.withOffset(p.recording(), finite((Double) v)))));
        } else if (p0.stimulus() != null) {
            items.add(readOnly(c, "props.stimulus.dt", p -> p.stimulus().dt()));
            items.add(readOnly(c, "props.stimulus.source", p -> p.stimulus().traces() != null
                    ? p.stimulus().traces().file() : text("props.stimulus.steps")));
        }
        return items;
    }

    private List<PropertySheet.Item> model() {
        String c = text("props.category.model");
        List<PropertySheet.Item> items = new ArrayList<>(List.of(
                readOnly(c, "props.model.source", p -> p.model().builtin() != null ? "built-in " + p.model().builtin()
                        : p.model().file() != null ? p.model().file() : text("props.model.inline")),
                editable(c, "props.model.detachReset", Boolean.class,
                        p -> Boolean.TRUE.equals(p.model().detachReset()),
                        (p, v) -> ProjectEdits.withModel(p, ProjectEdits.withDetachReset(p.model(), (Boolean) v)))));
        // One row per parameter the project sets, in their own category: a table, not a map's text.
        String values = text("props.category.parameters");
        Map<String, Double> set = document.project().parameters();
        if (set != null) {
            set.forEach((name, value) -> items.add(value(values, name, () -> Numbers.significant(value))));
        }
        return items;
    }

    private List<PropertySheet.Item> fit() {
        String c = text("props.category.fit");
        return List.of(
                editable(c, "props.fit.optimizer", String.class, p -> fitOf(p).optimizer() == null ? FitConfig.DEFAULT_OPTIMIZER
                        : fitOf(p).optimizer(), (p, v) -> runEdit(p, optimizer((String) v), null, null, null, null)),
                editable(c, "props.fit.starts", Integer.class, p -> orDefault(fitOf(p).starts(), 20),
                        (p, v) -> runEdit(p, null, positive((Integer) v), null, null, null)),
                editable(c, "props.fit.maxIterations", Integer.class, p -> orDefault(fitOf(p).maxIterations(), 200),
                        (p, v) -> runEdit(p, null, null, positive((Integer) v), null, null)),
                editable(c, "props.fit.budgetSeconds", Double.class, p -> orDefault(fitOf(p).budgetSeconds(), 0.0),
                        (p, v) -> runEdit(p, null, null, null, nonNegative((Double) v), null)),
                editable(c, "props.fit.seed", Long.class, p -> orDefault(fitOf(p).seed(), 1L),
                        (p, v) -> runEdit(p, null, null, null, null, (Long) v)));
    }

    private List<PropertySheet.Item> result(SavedFit r) {
        String c = text("props.category.result");
        List<PropertySheet.Item> items = new ArrayList<>();
        items.add(readOnly(c, "props.result.date", p -> Numbers.shortDate(r.date())));
        items.add(readOnly(c, "props.result.version", p -> r.version()));
        items.add(readOnly(c, "props.result.optimizer", p -> r.optimizer()));
        items.add(readOnly(c, "props.result.loss", p -> Numbers.significant(r.loss())));
        items.add(readOnly(c, "props.result.stop", p -> r.stopReason()));
        items.add(readOnly(c, "props.result.iterations", p -> r.iterations()));
        items.add(readOnly(c, "props.result.evaluations", p -> r.evaluations()));
        items.add(readOnly(c, "props.result.wall", p -> String.format(Locale.ROOT, "%.2f", r.wallSeconds())));
        items.add(readOnly(c, "props.result.seed", p -> r.seed()));
        String values = text("props.category.fitted");
        r.params().forEach((name, value) -> items.add(value(values, name, () -> Numbers.significant(value))));
        String sweeps = text("props.category.sweeps");
        for (int s = 0; s < r.sweeps(); s++) {
            double loss = r.perSweepLoss().get(s);
            // Spike counts and RMSE are in the fit view's per-sweep table, which has the width for them.
            items.add(value(sweeps, MessageFormat.format(text("props.result.sweep"), s + 1),
                    () -> Numbers.significant(loss)));
        }
        return items;
    }

    /** A read-only row named {@code name} in {@code category}. */
    private PropertySheet.Item value(String category, String name, java.util.function.Supplier<String> shown) {
        return new ProjectPropertyItem(document, category, name, name, String.class, p -> shown.get(), null, refused);
    }

    /** The value FitConfig uses when the project leaves a setting out, so the sheet shows what a fit will do. */
    private static Object orDefault(Object value, Object fitConfigDefault) {
        return value == null ? fitConfigDefault : value;
    }

    private static FitSettings fitOf(Project p) {
        return ProjectEdits.orDefault(p.fit());
    }

    /** Replaces only the given run settings (null: keep the current one). */
    private static Project runEdit(Project p, String optimizer, Integer starts, Integer maxIterations,
                                   Double budgetSeconds, Long seed) {
        FitSettings f = fitOf(p);
        return ProjectEdits.withFit(p, ProjectEdits.withRun(f, optimizer != null ? optimizer : f.optimizer(),
                starts != null ? starts : f.starts(), maxIterations != null ? maxIterations : f.maxIterations(),
                budgetSeconds != null ? budgetSeconds : f.budgetSeconds(), seed != null ? seed : f.seed()));
    }

    private String optimizer(String v) {
        String o = v == null ? "" : v.trim().toLowerCase(Locale.ROOT);
        if (!FitConfig.OPTIMIZERS.contains(o)) {
            throw new IllegalArgumentException("unknown optimizer '" + v + "'; choose one of " + FitConfig.OPTIMIZERS);
        }
        return o;
    }

    private static Integer positive(Integer v) {
        if (v == null || v < 1) {
            throw new IllegalArgumentException("must be a whole number of at least 1 (got " + v + ")");
        }
        return v;
    }

    private static Double nonNegative(Double v) {
        if (v == null || !(v >= 0) || v.isInfinite()) {
            throw new IllegalArgumentException("must be a number of seconds ≥ 0, 0 for no limit (got " + v + ")");
        }
        return v;
    }

    private static Double finite(Double v) {
        if (v == null || !Double.isFinite(v)) {
            throw new IllegalArgumentException("must be a finite number of millivolts (got " + v + ")");
        }
        return v;
    }

    private static String nonBlank(String v) {
        if (v == null || v.isBlank()) {
            throw new IllegalArgumentException("must not be empty");
        }
        return v.trim();
    }

    private PropertySheet.Item readOnly(String category, String key, Function<Project, Object> getter) {
        return new ProjectPropertyItem(document, category, text(key), text(key + ".help"), String.class,
                p -> String.valueOf(getter.apply(p)), null, refused);
    }

    private PropertySheet.Item editable(String category, String key, Class<?> type,
                                        Function<Project, Object> getter,
                                        BiFunction<Project, Object, Project> setter) {
        return new ProjectPropertyItem(document, category, text(key), text(key + ".help"), type, getter, setter, refused);
    }

    private String text(String key) {
        return messages.getString(key);
    }
}
