package org.brainfx.app.fit;

import java.text.MessageFormat;
import java.util.List;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.BiConsumer;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.SimpleBooleanProperty;
import org.brainfx.engine.model.ParameterSpec;

/**
 * One model parameter in the fit form: whether the fit varies it, and its bounds in the
 * parameter's unit. Bounds are checked against each other, so a lower bound at or above the
 * upper one stays in the field with its message instead of reaching the project.
 */
public final class FreeParameterRow {

    private final ParameterSpec parameter;
    private final BooleanProperty free = new SimpleBooleanProperty(this, "free");
    private final SettingField<Double> lower;
    private final SettingField<Double> upper;
    private List<Double> bounds;
    private boolean showing;

    /**
     * A row for {@code parameter}, showing {@code bounds} ([lower, upper]) or null when it is fixed;
     * valid changes go to {@code edit} as (parameter name, new bounds or null to fix it).
     */
    FreeParameterRow(ParameterSpec parameter, List<Double> bounds, SettingParsers parsers, ResourceBundle messages,
                     BiConsumer<String, List<Double>> edit) {
        this.parameter = parameter;
        String unit = unitOf(parameter).isEmpty() ? "" : " (" + unitOf(parameter) + ")";
        String lowerLabel = MessageFormat.format(messages.getString("fit.free.lower"), parameter.name()) + unit;
        String upperLabel = MessageFormat.format(messages.getString("fit.free.upper"), parameter.name()) + unit;
        SettingField.Parser<Double> lowerNumber = parsers.anyNumber(lowerLabel);
        SettingField.Parser<Double> upperNumber = parsers.anyNumber(upperLabel);
        lower = new SettingField<>("lower", lowerLabel, defaultText(parameter.lower()), s -> {
            double v = lowerNumber.parse(s);
            if (this.bounds != null && !(v < this.bounds.get(1))) {
                throw new SettingField.InvalidSettingException(MessageFormat.format(
                        messages.getString("fit.free.order"), parameter.name(), SettingParsers.plain(v),
                        SettingParsers.plain(this.bounds.get(1))));
            }
            return v;
        }, SettingParsers::plain);
        upper = new SettingField<>("upper", upperLabel, defaultText(parameter.upper()), s -> {
            double v = upperNumber.parse(s);
            if (this.bounds != null && !(this.bounds.get(0) < v)) {
                throw new SettingField.InvalidSettingException(MessageFormat.format(
                        messages.getString("fit.free.order"), parameter.name(), SettingParsers.plain(this.bounds.get(0)),
                        SettingParsers.plain(v)));
            }
            return v;
        }, SettingParsers::plain);
        show(bounds);
        lower.onValid(v -> edit.accept(parameter.name(), List.of(v, this.bounds.get(1))));
        upper.onValid(v -> edit.accept(parameter.name(), List.of(this.bounds.get(0), v)));
        free.addListener((obs, old, now) -> {
            if (!showing) {
                edit.accept(parameter.name(), now ? startingBounds() : null);
            }
        });
    }

    private static String defaultText(Double bound) {
        return bound == null ? "" : SettingParsers.plain(bound);
    }

    /** Bounds for a parameter made free: the model's, else a decade either side of its value. */
    private List<Double> startingBounds() {
        if (parameter.lower() != null && parameter.upper() != null && parameter.lower() < parameter.upper()) {
            return List.of(parameter.lower(), parameter.upper());
        }
        double v = parameter.value();
        if (v > 0) {
            return List.of(v / 10, v * 10);
        }
        if (v < 0) {
            return List.of(v * 10, v / 10);
        }
        return List.of(-1.0, 1.0);
    }

    /** Shows the project's bounds for this parameter (null: fixed); unchanged values keep their text. */
    void show(List<Double> now) {
        showing = true;
        try {
            List<Double> before = bounds;
            bounds = now;
            free.set(now != null);
            if (now == null) {
                lower.show(null);
                upper.show(null);
            } else {
                if (before == null || !Objects.equals(before.get(0), now.get(0))) {
                    lower.show(now.get(0));
                }
                if (before == null || !Objects.equals(before.get(1), now.get(1))) {
                    upper.show(now.get(1));
                }
            }
        } finally {
            showing = false;
        }
    }

    /** The parameter's name in the model. */
    public String name() {
        return parameter.name();
    }

    /** The parameter's declared unit ("" when it is a pure number). */
    public String unit() {
        return unitOf(parameter);
    }

    private static String unitOf(ParameterSpec p) {
        return p.unit() == null || p.unit().isBlank() || "1".equals(p.unit().trim()) ? "" : p.unit();
    }

    /** True when the fit varies this parameter. */
    public BooleanProperty freeProperty() {
        return free;
    }

    /** The lower bound, in the parameter's unit. */
    public SettingField<Double> lower() {
        return lower;
    }

    /** The upper bound, in the parameter's unit. */
    public SettingField<Double> upper() {
        return upper;
    }
}
