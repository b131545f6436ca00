package org.brainfx.app.training;

import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.value.ObservableValue;
import org.brainfx.engine.train.TrainingSettings;

/**
 * The training settings as a form: the algorithm, batch size, batches, wall-clock budget, target
 * held-out accuracy, learning rate and threads, starting from the project's values. Each row is
 * checked by the engine's own rules ({@link TrainingSettings#resolved()}) with only that row changed,
 * so a refusal appears on the row that caused it; the settings to train with exist only while every
 * row is valid.
 */
public final class TrainingForm {
    private final TrainingSettings base;
    private final ResourceBundle messages;
    private final SettingRow algorithm;
    private final SettingRow batchSize;
    private final SettingRow batches;
    private final SettingRow budgetSeconds;
    private final SettingRow targetAccuracy;
    private final SettingRow learningRate;
    private final SettingRow threads;
    private final List<SettingRow> rows;
    private final ReadOnlyObjectWrapper<TrainingSettings> settings = new ReadOnlyObjectWrapper<>(this, "settings");
    private final BooleanBinding valid;

    /** A form starting at {@code project} (the project's training section, null for all defaults). */
    public TrainingForm(TrainingSettings project, ResourceBundle messages) {
        this.base = project == null ? new TrainingSettings(null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null) : project;
        this.messages = messages;
        TrainingSettings d = TrainingSettings.defaults();
        algorithm = new SettingRow("algorithm", text("training.form.algorithm"), d.algorithm(),
                base.algorithm() == null ? d.algorithm() : base.algorithm());
        batchSize = new SettingRow("batchSize", text("training.form.batchSize"), number(d.batchSize()), number(base.batchSize()));
        batches = new SettingRow("batches", text("training.form.batches"), number(d.batches()), number(base.batches()));
        budgetSeconds = new SettingRow("budgetSeconds", text("training.form.budgetSeconds"), text("training.form.none"),
                number(base.budgetSeconds()));
        targetAccuracy = new SettingRow("targetAccuracy", text("training.form.targetAccuracy"), text("training.form.none"),
                number(base.targetAccuracy()));
        learningRate = new SettingRow("learningRate", text("training.form.learningRate"), number(d.learningRate()),
                number(base.learningRate()));
        threads = new SettingRow("threads", text("training.form.threads"), number(d.threads()), number(base.threads()));
        rows = List.of(algorithm, batchSize, batches, budgetSeconds, targetAccuracy, learningRate, threads);
        for (SettingRow r : rows) {
            r.textProperty().addListener((obs, old, now) -> check());
        }
        valid = Bindings.createBooleanBinding(() -> settings.get() != null, settings);
        check();
    }

    /** The rows, in the order shown. */
    public List<SettingRow> rows() {
        return rows;
    }

    /** The row with {@code id}. */
    public SettingRow row(String id) {
        return rows.stream().filter(r -> r.id().equals(id)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no training setting '" + id + "'"));
    }

    /** The resolved settings of the form, or null while a row is invalid. */
    public ReadOnlyObjectProperty<TrainingSettings> settingsProperty() {
        return settings.getReadOnlyProperty();
    }

    /** True while every row is valid. */
    public ObservableValue<Boolean> validProperty() {
        return valid;
    }

    private void check() {
        Overrides all = new Overrides();
        boolean ok = true;
        for (SettingRow r : rows) {
            Overrides one = new Overrides();
            String error;
            try {
                one.set(r, r.textProperty().get().strip());
                all.set(r, r.textProperty().get().strip());
                one.apply(base).resolved();
                error = "";
            } catch (IllegalArgumentException e) {
                error = e.getMessage();
            }
            r.setError(error);
            ok &= error.isEmpty();
        }
        TrainingSettings s = null;
        if (ok) {
            try {
                s = all.apply(base).resolved();
            } catch (IllegalArgumentException e) {
                // Rows valid alone but not together: the engine's message names the fields.
                rows.get(0).setError(e.getMessage());
            }
        }
        settings.set(s);
    }

    /** The values typed in the form; null where a row is empty (the default). */
    private final class Overrides {
        private String algorithmValue;
        private Integer batchSizeValue;
        private Integer batchesValue;
        private Double budgetValue;
        private Double targetValue;
        private Double learningRateValue;
        private Integer threadsValue;

        void set(SettingRow r, String t) {
            if (r == algorithm) {
                algorithmValue = t.isEmpty() ? null : t;
            } else if (r == batchSize) {
                batchSizeValue = whole(t);
            } else if (r == batches) {
                batchesValue = whole(t);
            } else if (r == budgetSeconds) {
                budgetValue = real(t);
            } else if (r == targetAccuracy) {
                targetValue = real(t);
            } else if (r == learningRate) {
                learningRateValue = real(t);
            } else if (r == threads) {
                threadsValue = whole(t);
            }
        }

        TrainingSettings apply(TrainingSettings b) {
            // Rows not typed take the defaults (an empty row means "default"); the rest of the project's settings stay.
            return new TrainingSettings(algorithmValue, batchSizeValue, learningRateValue, b.clipNorm(), batchesValue,
                    budgetValue, targetValue, b.stopOnBatchAccuracy(), b.evaluationTrials(), b.evaluateEvery(),
                    b.checkpointEvery(), b.seed(), b.rateTargetHz(), b.rateRegularizer(), b.esAlpha(), threadsValue,
                    b.curriculum());
        }
    }

    private Integer whole(String t) {
        if (t.isEmpty()) {
            return null;
        }
        try {
            return Integer.valueOf(t.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(MessageFormat.format(text("training.form.notWhole"), t));
        }
    }

    private Double real(String t) {
        if (t.isEmpty()) {
            return null;
        }
        try {
            return Double.valueOf(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(MessageFormat.format(text("training.form.notNumber"), t));
        }
    }

    private static String number(Number n) {
        if (n == null) {
            return "";
        }
        if (n instanceof Double d && d == Math.rint(d) && Math.abs(d) < 1e15) {
            return Long.toString(d.longValue());
        }
        return n instanceof Double d ? String.format(Locale.ROOT, "%s", d) : n.toString();
    }

    private String text(String key) {
        return messages.getString(key);
    }
}
