package org.brainfx.app.fit;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.ResourceBundle;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.brainfx.app.project.ProjectDocument;
import org.brainfx.app.project.ProjectEdits;
import org.brainfx.app.project.ProjectSession;
import org.brainfx.engine.job.FitConfig;
import org.brainfx.engine.model.ParameterSpec;
import org.brainfx.engine.optim.AdamBoundHandling;
import org.brainfx.engine.optim.StartSampling;
import org.brainfx.engine.project.FitSettings;
import org.brainfx.engine.project.FitSettings.LossTerm;
import org.brainfx.engine.project.Project;
import org.brainfx.engine.project.ResolvedProject;

/**
 * The open project's fit settings as a validated form: the optimizer's settings, the free parameters
 * with their bounds, and the loss terms. A valid change is one undoable edit of the project through
 * {@link ProjectDocument#edit}; text that is not valid stays visible with its message, never reaches
 * the project, and is the form's {@link #settingsProblemProperty() problem} until mended.
 */
public final class FitSettingsForm {
    /** Largest number of starts accepted; more would only exhaust memory (lanes = starts × sweeps). */
    static final int MAX_STARTS = 10_000;

    /** A form field tied to one component of the project's fit settings. */
    private record Setting<T>(SettingField<T> field, Function<FitSettingsDraft, T> read) {
        void show(FitSettingsDraft before, FitSettingsDraft now) {
            T value = read.apply(now);
            if (before == null || !Objects.equals(read.apply(before), value)) {
                field.show(value);
            }
        }
    }

    private final ProjectSession session;
    private final ProjectDocument document;
    private final ResourceBundle messages;
    private final SettingParsers parsers;
    private final List<Setting<?>> settings = new ArrayList<>();
    private final SettingField<String> optimizer;
    private final SettingField<Integer> starts;
    private final SettingField<Integer> maxIterations;
    private final SettingField<Long> maxEvaluations;
    private final SettingField<Double> budgetSeconds;
    private final SettingField<Long> seed;
    private final SettingField<Double> targetLoss;
    private final SettingField<Double> learningRate;
    private final SettingField<Integer> pruneEvery;
    private final SettingField<Integer> keepStarts;
    private final SettingField<String> startSampling;
    private final SettingField<String> adamBounds;
    private final ObservableList<LossTermRow> lossTerms = FXCollections.observableArrayList();
    private final ObservableList<FreeParameterRow> freeParameters = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper settingsProblem = new ReadOnlyStringWrapper(this, "settingsProblem", "");

    /** The form of the session's project; its owner calls {@link #projectChanged} and {@link #resolvedChanged}. */
    FitSettingsForm(ProjectSession session, ResourceBundle messages) {
        this.session = session;
        this.document = session.document();
        this.messages = messages;
        this.parsers = new SettingParsers(messages);
        optimizer = setting("optimizer", FitConfig.DEFAULT_OPTIMIZER, label -> parsers.choice(label, FitConfig.OPTIMIZERS),
                s -> s, d -> d.optimizer == null ? FitConfig.DEFAULT_OPTIMIZER : d.optimizer, (d, v) -> d.optimizer = v);
        starts = setting("starts", "20", label -> parsers.whole(label, 1, MAX_STARTS, true), String::valueOf,
                d -> d.starts, (d, v) -> d.starts = v);
        maxIterations = setting("maxIterations", "200", label -> parsers.whole(label, 1, Integer.MAX_VALUE, true),
                String::valueOf, d -> d.maxIterations, (d, v) -> d.maxIterations = v);
        maxEvaluations = setting("maxEvaluations", text("fit.default.none"), label -> parsers.wholeLong(label, 0, true),
                String::valueOf, d -> d.maxEvaluations, (d, v) -> d.maxEvaluations = v);
        budgetSeconds = setting("budgetSeconds", text("fit.default.none"), label -> parsers.number(label, 0, false, true),
                SettingParsers::plain, d -> d.budgetSeconds, (d, v) -> d.budgetSeconds = v);
        seed = setting("seed", "1", label -> parsers.wholeLong(label, Long.MIN_VALUE, true), String::valueOf,
                d -> d.seed, (d, v) -> d.seed = v);
        targetLoss = setting("targetLoss", text("fit.default.none"), label -> parsers.number(label, 0, false, true),
                SettingParsers::plain, d -> d.targetLoss, (d, v) -> d.targetLoss = v);
        learningRate = setting("learningRate", "0.01", label -> parsers.number(label, 0, true, true),
                SettingParsers::plain, d -> d.learningRate, (d, v) -> d.learningRate = v);
        pruneEvery = setting("pruneEvery", text("fit.default.off"), label -> parsers.whole(label, 0, Integer.MAX_VALUE,
                true), String::valueOf, d -> d.pruneEvery, (d, v) -> d.pruneEvery = v);
        keepStarts = setting("keepStarts", "1", label -> parsers.whole(label, 1, MAX_STARTS, true), String::valueOf,
                d -> d.keepStarts, (d, v) -> d.keepStarts = v);
        startSampling = setting("startSampling", StartSampling.UNIFORM.key(),
                label -> parsers.choice(label, Arrays.stream(StartSampling.values()).map(StartSampling::key).toList()), s -> s,
                d -> d.startSampling == null ? StartSampling.UNIFORM.key() : d.startSampling,
                (d, v) -> d.startSampling = v);
        adamBounds = setting("adamBounds", AdamBoundHandling.PROJECTION.key(),
                label -> parsers.choice(label, Arrays.stream(AdamBoundHandling.values()).map(AdamBoundHandling::key).toList()), s -> s,
                d -> d.adamBounds == null ? AdamBoundHandling.PROJECTION.key() : d.adamBounds,
                (d, v) -> d.adamBounds = v);

        FitSettingsDraft first = FitSettingsDraft.of(document.project().fit());
        for (Setting<?> s : settings) {
            s.show(null, first);
            s.field().errorProperty().addListener((obs, old, now) -> checkSettings());
        }
        rebuildLossRows(effectiveLosses(document.project()));
    }

    private <T> SettingField<T> setting(String id, String defaultText, Function<String, SettingField.Parser<T>> parser,
                                        Function<T, String> format, Function<FitSettingsDraft, T> read,
                                        BiConsumer<FitSettingsDraft, T> write) {
        String label = text("fit." + id);
        SettingField<T> field = new SettingField<>(id, label, defaultText, parser.apply(label), format);
        field.onValid(value -> document.edit(MessageFormat.format(text("fit.edit.setting"), label), p -> {
            FitSettingsDraft d = FitSettingsDraft.of(p.fit());
            write.accept(d, value);
            return ProjectEdits.withFit(p, d.build());
        }));
        settings.add(new Setting<>(field, read));
        return field;
    }

    /** Shows the settings of {@code now} where they differ from {@code before}'s. */
    void projectChanged(Project before, Project now) {
        FitSettingsDraft was = FitSettingsDraft.of(before.fit());
        FitSettingsDraft is = FitSettingsDraft.of(now.fit());
        for (Setting<?> s : settings) {
            s.show(was, is);
        }
        List<LossTerm> oldTerms = effectiveLosses(before);
        List<LossTerm> newTerms = effectiveLosses(now);
        if (oldTerms.size() == newTerms.size() && newTerms.size() == lossTerms.size()) {
            for (int i = 0; i < newTerms.size(); i++) {
                lossTerms.get(i).show(oldTerms.get(i), newTerms.get(i));
            }
        } else {
            rebuildLossRows(newTerms);
        }
        Map<String, List<Double>> free = effectiveFree(now);
        for (FreeParameterRow row : freeParameters) {
            row.show(free.get(row.name()));
        }
        checkSettings();
    }

    /**
     * The parameters the project's fit varies with their bounds, in the model's parameter order:
     * the project's list, or every trainable parameter with its model bounds when it names none.
     */
    private Map<String, List<Double>> effectiveFree(Project p) {
        ResolvedProject r = session.resolved();
        Map<String, List<Double>> out = new LinkedHashMap<>();
        if (r == null) {
            return out;
        }
        Map<String, List<Double>> given = p.fit() == null ? null : p.fit().free();
        if (given == null) {
            // The fit's own default (a trainable parameter without bounds stays fixed here: the fit names it).
            FitConfig.defaultFree(r.spec()).forEach((name, bounds) -> {
                if (bounds != null) {
                    out.put(name, bounds);
                }
            });
            return out;
        }
        for (ParameterSpec ps : r.spec().parameters()) {
            if (given.containsKey(ps.name())) {
                out.put(ps.name(), given.get(ps.name()));
            }
        }
        if (given != null) {
            // Names the model does not have stay, so the project's own error about them is not hidden.
            given.forEach(out::putIfAbsent);
        }
        return out;
    }

    private void rebuildFreeRows() {
        ResolvedProject r = session.resolved();
        List<String> names = r == null ? List.of() : r.spec().parameters().stream().map(ParameterSpec::name).toList();
        if (names.equals(freeParameters.stream().map(FreeParameterRow::name).toList())) {
            return;
        }
        Map<String, List<Double>> free = effectiveFree(document.project());
        List<FreeParameterRow> rows = new ArrayList<>();
        for (ParameterSpec ps : r == null ? List.<ParameterSpec>of() : r.spec().parameters()) {
            FreeParameterRow row = new FreeParameterRow(ps, free.get(ps.name()), parsers, messages, this::editFree);
            row.lower().errorProperty().addListener((obs, old, now) -> checkSettings());
            row.upper().errorProperty().addListener((obs, old, now) -> checkSettings());
            rows.add(row);
        }
        freeParameters.setAll(rows);
    }

    private void editFree(String name, List<Double> bounds) {
        String key = bounds == null ? "fit.edit.fix"
                : effectiveFree(document.project()).containsKey(name) ? "fit.edit.bounds" : "fit.edit.free";
        String description = MessageFormat.format(text(key), name);
        document.edit(description, p -> {
            Map<String, List<Double>> free = effectiveFree(p);
            if (bounds == null) {
                free.remove(name);
            } else {
                free.put(name, List.copyOf(bounds));
            }
            FitSettingsDraft d = FitSettingsDraft.of(p.fit());
            d.free = free;
            return ProjectEdits.withFit(p, d.build());
        });
    }

    /** The project's loss terms, or the one term a fit uses when it names none. */
    private static List<LossTerm> effectiveLosses(Project p) {
        FitSettings fs = p.fit();
        return fs == null || fs.losses() == null || fs.losses().isEmpty()
                ? List.of(new LossTerm("mse", 1.0, null, null, null)) : fs.losses();
    }

    private void rebuildLossRows(List<LossTerm> terms) {
        List<LossTermRow> rows = new ArrayList<>();
        for (int i = 0; i < terms.size(); i++) {
            int index = i;
            LossTermRow row = new LossTermRow(i, terms.get(i), parsers, messages,
                    (description, change) -> editLossTerm(index, description, change));
            for (SettingField<?> f : row.fields()) {
                f.errorProperty().addListener((obs, old, now) -> checkSettings());
            }
            row.problemProperty().addListener((obs, old, now) -> checkSettings());
            rows.add(row);
        }
        lossTerms.setAll(rows);
        checkSettings();
    }

    private void editLossTerm(int index, String description, UnaryOperator<LossTerm> change) {
        document.edit(description, p -> {
            List<LossTerm> terms = new ArrayList<>(effectiveLosses(p));
            terms.set(index, change.apply(terms.get(index)));
            return withLosses(p, terms);
        });
    }

    private static Project withLosses(Project p, List<LossTerm> terms) {
        FitSettingsDraft d = FitSettingsDraft.of(p.fit());
        d.losses = List.copyOf(terms);
        return ProjectEdits.withFit(p, d.build());
    }

    /** Adds a loss term (voltage MSE, weight 1) at the end of the list. */
    public void addLossTerm() {
        document.edit(text("fit.edit.addLoss"), p -> {
            List<LossTerm> terms = new ArrayList<>(effectiveLosses(p));
            terms.add(new LossTerm("mse", 1.0, null, null, null));
            return withLosses(p, terms);
        });
    }

    /** Removes loss term {@code index} (from 0); the last remaining term cannot be removed. */
    public void removeLossTerm(int index) {
        if (lossTerms.size() <= 1 || index < 0 || index >= lossTerms.size()) {
            return;
        }
        document.edit(MessageFormat.format(text("fit.edit.removeLoss"), index + 1), p -> {
            List<LossTerm> terms = new ArrayList<>(effectiveLosses(p));
            terms.remove(index);
            return withLosses(p, terms);
        });
    }

    private void checkSettings() {
        String problem = "";
        for (Setting<?> s : settings) {
            if (!s.field().errorProperty().get().isEmpty()) {
                problem = s.field().errorProperty().get();
                break;
            }
        }
        if (problem.isEmpty()) {
            for (FreeParameterRow row : freeParameters) {
                for (SettingField<?> f : List.of(row.lower(), row.upper())) {
                    if (problem.isEmpty() && !f.errorProperty().get().isEmpty()) {
                        problem = f.errorProperty().get();
                    }
                }
            }
        }
        if (problem.isEmpty()) {
            outer:
            for (LossTermRow row : lossTerms) {
                for (SettingField<?> f : row.fields()) {
                    if (!f.errorProperty().get().isEmpty()) {
                        problem = f.errorProperty().get();
                        break outer;
                    }
                }
                if (!row.problemProperty().get().isEmpty()) {
                    problem = MessageFormat.format(text("fit.loss.term"), row.index() + 1) + ": "
                            + row.problemProperty().get();
                    break;
                }
            }
        }
        settingsProblem.set(problem);
    }

    /** The free-parameter rows follow the model the project resolved to. */
    void resolvedChanged() {
        rebuildFreeRows();
    }

    private String text(String key) {
        return messages.getString(key);
    }

    /** The optimizer, one of {@link FitConfig#OPTIMIZERS}. */
    public SettingField<String> optimizer() {
        return optimizer;
    }
    /** Starts (gradient methods) or population size. */
    public SettingField<Integer> starts() {
        return starts;
    }
    /** The iteration budget. */
    public SettingField<Integer> maxIterations() {
        return maxIterations;
    }
    /** The evaluation budget (empty: none). */
    public SettingField<Long> maxEvaluations() {
        return maxEvaluations;
    }
    /** The wall-time budget in seconds (empty: none). */
    public SettingField<Double> budgetSeconds() {
        return budgetSeconds;
    }
    /** The random seed. */
    public SettingField<Long> seed() {
        return seed;
    }
    /** The loss at which the fit stops early (empty: none). */
    public SettingField<Double> targetLoss() {
        return targetLoss;
    }
    /** Adam's step size in the unit cube of the bounds. */
    public SettingField<Double> learningRate() {
        return learningRate;
    }
    /** Successive halving of gradient starts every this many rounds (empty: off). */
    public SettingField<Integer> pruneEvery() {
        return pruneEvery;
    }
    /** Starts pruning keeps at least. */
    public SettingField<Integer> keepStarts() {
        return keepStarts;
    }
    /** How start points are drawn. */
    public SettingField<String> startSampling() {
        return startSampling;
    }
    /** How Adam keeps inside the bounds. */
    public SettingField<String> adamBounds() {
        return adamBounds;
    }
    /** The loss terms, one row each, replaced when terms are added or removed. */
    public ObservableList<LossTermRow> lossTerms() {
        return lossTerms;
    }
    /** Every model parameter: whether the fit varies it and its bounds (empty until the project resolves). */
    public ObservableList<FreeParameterRow> freeParameters() {
        return freeParameters;
    }
    /** The first problem among the form's fields; empty when every field is valid. */
    public ReadOnlyStringProperty settingsProblemProperty() {
        return settingsProblem.getReadOnlyProperty();
    }
}
