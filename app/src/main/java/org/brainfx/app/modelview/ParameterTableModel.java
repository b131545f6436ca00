package org.brainfx.app.modelview;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.function.BiConsumer;
import java.util.function.UnaryOperator;
import java.util.regex.Pattern;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.brainfx.app.project.ProjectDocument;
import org.brainfx.engine.model.ModelSpec;
import org.brainfx.engine.model.ParameterSpec;
import org.brainfx.engine.model.expr.ExprPrinter;
import org.brainfx.engine.project.Project;

/**
 * The parameter table's state: one row per model parameter with the project's value and fit
 * bounds, and the validation of typed values, bounds and the free/fixed choice. A rejected edit
 * leaves the project as it was and puts the reason on the parameter's row.
 */
public final class ParameterTableModel {

    /** Plain decimal numbers only (no hexadecimal, NaN or infinity, which Java would also read). */
    private static final Pattern NUMBER = Pattern.compile("[+-]?(\\d+\\.?\\d*|\\.\\d+)([eE][+-]?\\d+)?");

    private final ProjectDocument document;
    private final ResourceBundle messages;
    private final BiConsumer<String, UnaryOperator<Project>> editor;
    private final ObservableList<ModelParameterRow> rows = FXCollections.observableArrayList();
    private final Map<String, String> problems = new HashMap<>();
    private ModelSpec spec;

    /**
     * A table of {@code document}'s parameters.
     *
     * @param editor applies an undoable edit (description, change) to the document
     */
    ParameterTableModel(ProjectDocument document, ResourceBundle messages, BiConsumer<String, UnaryOperator<Project>> editor) {
        this.document = document;
        this.messages = messages;
        this.editor = editor;
    }

    /** Shows the parameters of {@code modelSpec} (null: none, the model does not parse), forgetting old problems. */
    void show(ModelSpec modelSpec) {
        spec = modelSpec;
        problems.clear();
        refresh();
    }

    /** The model's parameters with the project's values and fit settings. */
    public ObservableList<ModelParameterRow> rows() {
        return rows;
    }

    /** Sets a parameter's value from typed text, or leaves it and says why on its row. */
    public void editValue(String name, String typed) {
        ModelParameterRow row = row(name);
        Double value = number(row, typed);
        if (value == null) {
            return;
        }
        ParameterSpec parameter = spec.parameter(name);
        if (!ProjectModelEdits.insideModelBounds(parameter, value)) {
            reject(row, format("modelview.param.outsideModel", name, bound(parameter.lower(), "-inf"),
                    bound(parameter.upper(), "inf"), unit(row)));
            return;
        }
        if (row.free() && !inside(value, row.lower(), row.upper())) {
            reject(row, format("modelview.param.outsideFree", name, bound(row.lower(), "-inf"), bound(row.upper(), "inf"),
                    unit(row)));
            return;
        }
        problems.remove(name);
        edit(format("modelview.edit.value", name), p -> ProjectModelEdits.withParameterValue(p, name, value));
    }

    /** Sets a free parameter's lower bound from typed text, or leaves it and says why. */
    public void editLower(String name, String typed) {
        editBound(name, typed, true);
    }

    /** Sets a free parameter's upper bound from typed text, or leaves it and says why. */
    public void editUpper(String name, String typed) {
        editBound(name, typed, false);
    }

    private void editBound(String name, String typed, boolean lower) {
        ModelParameterRow row = row(name);
        if (!row.free()) {
            reject(row, format("modelview.param.fixedBounds", name));
            return;
        }
        Double bound = number(row, typed);
        if (bound == null) {
            return;
        }
        double lo = lower ? bound : row.lower();
        double hi = lower ? row.upper() : bound;
        ParameterSpec parameter = spec.parameter(name);
        if (!(lo < hi)) {
            reject(row, format("modelview.param.order", name, ExprPrinter.number(lo), ExprPrinter.number(hi), unit(row)));
        } else if (!ProjectModelEdits.insideModelBounds(parameter, bound)) {
            // Only the bound being edited: a project may carry wider fit bounds, and each can be fixed in turn.
            reject(row, format("modelview.param.boundsOutsideModel", name, bound(parameter.lower(), "-inf"),
                    bound(parameter.upper(), "inf"), unit(row)));
        } else if (!inside(row.value(), lo, hi)) {
            reject(row, format("modelview.param.valueOutsideBounds", name, ExprPrinter.number(row.value()),
                    ExprPrinter.number(lo), ExprPrinter.number(hi), unit(row)));
        } else {
            problems.remove(name);
            List<Double> bounds = List.of(lo, hi);
            edit(format("modelview.edit.bounds", name), p -> ProjectModelEdits.withFree(p, spec, name, bounds));
        }
    }

    /**
     * Makes a parameter free (the fit varies it within the model's bounds, or, when the model has
     * none, a decade either side of its value) or fixed.
     */
    public void setFree(String name, boolean free) {
        ModelParameterRow row = row(name);
        if (row.free() == free) {
            return;
        }
        problems.remove(name);
        if (!free) {
            edit(format("modelview.edit.fix", name), p -> ProjectModelEdits.withFree(p, spec, name, null));
            return;
        }
        List<Double> bounds = defaultBounds(spec.parameter(name), row.value());
        edit(format("modelview.edit.free", name), p -> ProjectModelEdits.withFree(p, spec, name, bounds));
        if (spec.parameter(name).lower() == null || spec.parameter(name).upper() == null) {
            problems.put(name, format("modelview.param.guessedBounds", name,
                    ExprPrinter.number(bounds.get(0)), ExprPrinter.number(bounds.get(1)), unit(row)));
            refresh();
        }
    }

    /** The model's bounds, or (when it has none) a decade either side of the value, inside any one bound it has. */
    static List<Double> defaultBounds(ParameterSpec parameter, double value) {
        if (parameter.lower() != null && parameter.upper() != null) {
            return List.of(parameter.lower(), parameter.upper());
        }
        double lo;
        double hi;
        if (value == 0) {
            lo = -1;
            hi = 1;
        } else {
            lo = Math.min(value / 10, value * 10);
            hi = Math.max(value / 10, value * 10);
        }
        if (parameter.lower() != null) {
            lo = Math.max(lo, parameter.lower());
        }
        if (parameter.upper() != null) {
            hi = Math.min(hi, parameter.upper());
        }
        return List.of(lo, hi);
    }

    private ModelParameterRow row(String name) {
        return rows.stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no parameter '" + name + "' in the table"));
    }

    private Double number(ModelParameterRow row, String typed) {
        String t = typed == null ? "" : typed.strip();
        if (NUMBER.matcher(t).matches()) {
            return Double.parseDouble(t);
        }
        reject(row, format("modelview.param.notANumber", t, row.name()));
        return null;
    }

    private void reject(ModelParameterRow row, String problem) {
        problems.put(row.name(), problem);
        refresh();
    }

    private static boolean inside(double value, Double lower, Double upper) {
        return (lower == null || value >= lower) && (upper == null || value <= upper);
    }

    private String unit(ModelParameterRow row) {
        return row.unit() == null || row.unit().equals("1") ? "" : row.unit();
    }

    private static String bound(Double b, String none) {
        return b == null ? none : ExprPrinter.number(b);
    }

    /** Rebuilds the rows from the project (after an edit, undo or redo). */
    public void refresh() {
        if (spec == null) {
            rows.clear();
            return;
        }
        Project p = document.project();
        Map<String, List<Double>> free = ProjectModelEdits.effectiveFree(p, spec);
        List<ModelParameterRow> next = new ArrayList<>();
        for (ParameterSpec parameter : spec.parameters()) {
            String name = parameter.name();
            Double value = p.parameters() == null ? null : p.parameters().get(name);
            List<Double> bounds = free.get(name);
            boolean isFree = bounds != null && bounds.size() == 2;
            next.add(new ModelParameterRow(name, value == null ? parameter.value() : value, parameter.unit(),
                    isFree ? bounds.get(0) : parameter.lower(), isFree ? bounds.get(1) : parameter.upper(), isFree,
                    problems.getOrDefault(name, "")));
        }
        if (!next.equals(rows)) {
            rows.setAll(next);
        }
    }

    private void edit(String description, UnaryOperator<Project> change) {
        editor.accept(description, change);
        refresh();
    }

    private String format(String key, Object... args) {
        return MessageFormat.format(messages.getString(key), args);
    }
}
