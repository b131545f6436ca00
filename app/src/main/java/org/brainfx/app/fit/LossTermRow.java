package org.brainfx.app.fit;

import java.text.MessageFormat;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.StringBinding;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import org.brainfx.engine.job.FitConfig;
import org.brainfx.engine.loss.Feature;
import org.brainfx.engine.project.FitSettings.LossTerm;

/**
 * One weighted loss term of the fit form: its kind, weight and the parameters its kind uses
 * (sampling of the voltage MSE, van Rossum's τ, the windows of features), each a validated
 * {@link SettingField}. Valid changes go to the project as a replacement of this term.
 */
public final class LossTermRow {

    /** Loss kinds a term may have, in the order the form lists them (the engine's list). */
    public static final List<String> KINDS = FitConfig.LOSS_KINDS;

    /** A parameter a loss term may take. */
    public enum Parameter {
        /** Sample every k-th step (mse). */
        EVERY,
        /** Sample every T / n steps (mse). */
        DIVISIONS,
        /** Time constant of the van Rossum kernel. */
        TAU,
        /** The [start, end] the term looks at (mse, features). */
        WINDOW,
        /** The baseline [start, end] of input resistance. */
        BASELINE,
        /** One weight per sweep (mse). */
        SWEEP_WEIGHTS;

        /** True when a term of {@code kind} reads this parameter. */
        public boolean appliesTo(String kind) {
            return switch (this) {
                case EVERY, DIVISIONS, SWEEP_WEIGHTS -> "mse".equals(kind);
                case TAU -> "van_rossum".equals(kind);
                case WINDOW -> "mse".equals(kind) || Feature.of(kind) != null;
                case BASELINE -> "input_resistance".equals(kind);
            };
        }
    }

    private final int index;
    private final StringProperty kind = new SimpleStringProperty(this, "kind");
    private final SettingField<Double> weight;
    private final SettingField<Integer> every;
    private final SettingField<Integer> divisions;
    private final SettingField<Double> tau;
    private final SettingField<List<Double>> window;
    private final SettingField<List<Double>> baseline;
    private final SettingField<List<Double>> sweepWeights;
    private final StringBinding problem;
    private boolean showing;

    /**
     * A row for term number {@code index} (0-based) showing {@code term}; valid edits are passed to
     * {@code edit} as a function from the project's current term to the new one.
     */
    LossTermRow(int index, LossTerm term, SettingParsers parsers, ResourceBundle messages,
                BiConsumer<String, UnaryOperator<LossTerm>> edit) {
        this.index = index;
        String what = MessageFormat.format(messages.getString("fit.loss.term"), index + 1);
        weight = field("weight", messages.getString("fit.loss.weight"), "1", what,
                parsers.number(messages.getString("fit.loss.weight"), 0, false, true), SettingParsers::plain);
        every = field("every", messages.getString("fit.loss.every"), "1", what,
                parsers.whole(messages.getString("fit.loss.every"), 1, Integer.MAX_VALUE, true), String::valueOf);
        divisions = field("divisions", messages.getString("fit.loss.divisions"), "\u2014", what,
                parsers.whole(messages.getString("fit.loss.divisions"), 1, Integer.MAX_VALUE, true), String::valueOf);
        tau = field("tau", messages.getString("fit.loss.tau"), "10", what,
                parsers.number(messages.getString("fit.loss.tau"), 0, true, true), SettingParsers::plain);
        window = field("window", messages.getString("fit.loss.window"), messages.getString("fit.loss.window.all"),
                what, parsers.window(messages.getString("fit.loss.window")), SettingParsers::window);
        baseline = field("baseline", messages.getString("fit.loss.baseline"), "\u2014", what,
                parsers.window(messages.getString("fit.loss.baseline")), SettingParsers::window);
        sweepWeights = field("sweepWeights", messages.getString("fit.loss.sweepWeights"),
                messages.getString("fit.loss.sweepWeights.all"), what,
                parsers.weights(messages.getString("fit.loss.sweepWeights")), SettingParsers::weights);
        show(null, term);
        weight.onValid(v -> edit.accept(what, t -> new LossTerm(t.kind(), v, t.every(), t.divisions(), t.tau(),
                t.window(), t.baseline(), t.sweepWeights())));
        every.onValid(v -> edit.accept(what, t -> new LossTerm(t.kind(), t.weight(), v, t.divisions(), t.tau(),
                t.window(), t.baseline(), t.sweepWeights())));
        divisions.onValid(v -> edit.accept(what, t -> new LossTerm(t.kind(), t.weight(), t.every(), v, t.tau(),
                t.window(), t.baseline(), t.sweepWeights())));
        tau.onValid(v -> edit.accept(what, t -> new LossTerm(t.kind(), t.weight(), t.every(), t.divisions(), v,
                t.window(), t.baseline(), t.sweepWeights())));
        window.onValid(v -> edit.accept(what, t -> new LossTerm(t.kind(), t.weight(), t.every(), t.divisions(),
                t.tau(), v, t.baseline(), t.sweepWeights())));
        baseline.onValid(v -> edit.accept(what, t -> new LossTerm(t.kind(), t.weight(), t.every(), t.divisions(),
                t.tau(), t.window(), v, t.sweepWeights())));
        sweepWeights.onValid(v -> edit.accept(what, t -> new LossTerm(t.kind(), t.weight(), t.every(), t.divisions(),
                t.tau(), t.window(), t.baseline(), v)));
        kind.addListener((obs, old, now) -> {
            if (!showing && now != null && KINDS.contains(now)) {
                edit.accept(what, t -> retyped(t, now));
            }
        });
        problem = Bindings.createStringBinding(() -> {
            if ("input_resistance".equals(kind.get())
                    && (window.textProperty().get().isBlank() || baseline.textProperty().get().isBlank())) {
                return messages.getString("fit.loss.inputResistance");
            }
            return "";
        }, kind, window.textProperty(), baseline.textProperty());
    }

    private static <T> SettingField<T> field(String id, String label, String defaultText, String what,
                                             SettingField.Parser<T> parser, Function<T, String> format) {
        return new SettingField<>(id, what + " " + label, defaultText, parser, format);
    }

    /** Shows the project's term; only the parts that changed since {@code before} (null: all) are replaced. */
    void show(LossTerm before, LossTerm now) {
        showing = true;
        try {
            kind.set(now.kind());
            showIfChanged(weight, before == null ? null : before.weight(), now.weight(), before == null);
            showIfChanged(every, before == null ? null : before.every(), now.every(), before == null);
            showIfChanged(divisions, before == null ? null : before.divisions(), now.divisions(), before == null);
            showIfChanged(tau, before == null ? null : before.tau(), now.tau(), before == null);
            showIfChanged(window, before == null ? null : before.window(), now.window(), before == null);
            showIfChanged(baseline, before == null ? null : before.baseline(), now.baseline(), before == null);
            showIfChanged(sweepWeights, before == null ? null : before.sweepWeights(), now.sweepWeights(), before == null);
        } finally {
            showing = false;
        }
    }

    private static <T> void showIfChanged(SettingField<T> field, T before, T now, boolean always) {
        if (always || !Objects.equals(before, now)) {
            field.show(now);
        }
    }

    /** The term as another kind: the weight stays, parameters the new kind does not read are dropped. */
    private static LossTerm retyped(LossTerm t, String kind) {
        return new LossTerm(kind, t.weight(),
                Parameter.EVERY.appliesTo(kind) ? t.every() : null,
                Parameter.DIVISIONS.appliesTo(kind) ? t.divisions() : null,
                Parameter.TAU.appliesTo(kind) ? t.tau() : null,
                Parameter.WINDOW.appliesTo(kind) ? t.window() : null,
                Parameter.BASELINE.appliesTo(kind) ? t.baseline() : null,
                Parameter.SWEEP_WEIGHTS.appliesTo(kind) ? t.sweepWeights() : null);
    }

    /** True when this row's kind reads {@code p}. */
    public BooleanBinding applies(Parameter p) {
        return Bindings.createBooleanBinding(() -> p.appliesTo(kind.get()), kind);
    }

    /** The term's number in the list, from 0. */
    public int index() {
        return index;
    }

    /** The loss kind, one of {@link #KINDS}. */
    public StringProperty kindProperty() {
        return kind;
    }

    /** The term's weight. */
    public SettingField<Double> weight() {
        return weight;
    }

    /** Sample every k-th step (mse). */
    public SettingField<Integer> every() {
        return every;
    }

    /** Sample T / n steps apart (mse). */
    public SettingField<Integer> divisions() {
        return divisions;
    }

    /** van Rossum time constant, ms. */
    public SettingField<Double> tau() {
        return tau;
    }

    /** The window the term looks at, ms. */
    public SettingField<List<Double>> window() {
        return window;
    }

    /** The baseline window of input resistance, ms. */
    public SettingField<List<Double>> baseline() {
        return baseline;
    }

    /** One weight per sweep (mse); empty for all 1. */
    public SettingField<List<Double>> sweepWeights() {
        return sweepWeights;
    }

    /** Every field of the row, in form order. */
    public List<SettingField<?>> fields() {
        return List.of(weight, every, divisions, tau, window, baseline, sweepWeights);
    }

    /** A problem of the term as a whole (e.g. a missing window), empty when none. */
    public StringBinding problemProperty() {
        return problem;
    }
}
