package org.brainfx.app.workbench;

import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.ResourceBundle;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.value.ChangeListener;
import javafx.beans.value.ObservableValue;
import javafx.scene.Node;
import javafx.scene.control.Tab;
import javafx.stage.Window;
import org.brainfx.app.compare.CompareRunner;
import org.brainfx.app.compare.CompareRunningJob;
import org.brainfx.app.compare.CompareView;
import org.brainfx.app.compare.CompareViewModel;
import org.brainfx.app.fit.FitDashboardView;
import org.brainfx.app.fit.FitDashboardViewModel;
import org.brainfx.app.jobs.BackgroundTasks;
import org.brainfx.app.jobs.FitJobRunner;
import org.brainfx.app.jobs.FitRunningJob;
import org.brainfx.app.jobs.RunningJob;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.app.modelview.ModelView;
import org.brainfx.app.modelview.ModelViewModel;
import org.brainfx.app.playground.PlaygroundView;
import org.brainfx.app.playground.PlaygroundViewModel;
import org.brainfx.app.project.ProjectSession;
import org.brainfx.engine.job.FitConfig;
import org.brainfx.engine.job.FitJob;
import org.brainfx.engine.project.ResolvedProject;
import org.brainfx.app.recording.RecordingView;
import org.brainfx.app.recording.RecordingViewModel;

/**
 * The views of one open project, one tab each, and the jobs they run; built when the project
 * opens and dropped when another replaces it.
 */
final class ProjectTabs {

    private final ResourceBundle messages;
    private final Map<ExplorerItem.Kind, Tab> byKind = new EnumMap<>(ExplorerItem.Kind.class);
    private final Tab fitTab;
    private final Tab compareTab;
    private final CompareViewModel compare;
    private final Tab recordingTab;
    private final List<Tab> ordered = new ArrayList<>();
    // Held here: the jobs' bindings listen to their runners only weakly and would be collected otherwise.
    private final List<RunningJob> jobs = new ArrayList<>();
    private final FitJobRunner fitRunner = new FitJobRunner(UiExecutor.fx());
    private final FitDashboardViewModel fitModel;
    private final ReadOnlyBooleanWrapper warmedUp = new ReadOnlyBooleanWrapper();

    ProjectTabs(ProjectSession session, ResourceBundle messages, Window owner, WorkbenchModel workbench) {
        this.messages = messages;
        fitTab = tab("tab-fit", "tab.fit", null);
        compare = new CompareViewModel(session,
                new CompareRunner(BackgroundTasks.computeExecutor(), UiExecutor.fx()), messages);
        compareTab = tab("tab-compare", "tab.compare", new CompareView(compare, messages).root());
        jobs.add(new CompareRunningJob(MessageFormat.format(messages.getString("jobs.compare.title"),
                session.document().project().name()), compare));
        recordingTab = tab("tab-recording", "tab.recording", new RecordingView(new RecordingViewModel(session, messages,
                UiExecutor.fx(), BackgroundTasks.executor()), messages).root());
        byKind.put(ExplorerItem.Kind.RECORDING, recordingTab);
        byKind.put(ExplorerItem.Kind.RECORDINGS, recordingTab);
        ordered.add(recordingTab);
        Tab modelTab = tab("tab-model", "tab.model", new ModelView(new ModelViewModel(session, messages,
                UiExecutor.fx(), BackgroundTasks.executor()), messages).root());
        byKind.put(ExplorerItem.Kind.MODEL, modelTab);
        byKind.put(ExplorerItem.Kind.MODELS, modelTab);
        ordered.add(modelTab);
        ordered.add(tab("tab-playground", "tab.playground", new PlaygroundView(new PlaygroundViewModel(session, messages,
                BackgroundTasks.executor(), UiExecutor.fx()), messages).root()));
        ordered.add(fitTab);
        ordered.add(compareTab);
        byKind.put(ExplorerItem.Kind.FIT, fitTab);
        byKind.put(ExplorerItem.Kind.FITS, fitTab);
        byKind.put(ExplorerItem.Kind.RESULT, fitTab);
        byKind.put(ExplorerItem.Kind.RESULTS, fitTab);
        jobs.add(new FitRunningJob(MessageFormat.format(messages.getString("jobs.fit.title"),
                session.document().project().name()), fitRunner, messages));
        fitRunner.resultProperty().addListener((obs, old, now) -> {
            if (now != null) {
                workbench.info("log.fit.done", now.optimizer(), String.format(Locale.ROOT, "%.4g", now.loss()),
                        now.iterations(), String.format(Locale.ROOT, "%.2f", now.wallSeconds()));
            }
        });
        fitModel = new FitDashboardViewModel(session, fitRunner, messages, BackgroundTasks.displayExecutor(),
                UiExecutor.fx());
        if (session.resolved() != null) {
            warmUp(session.resolved());
        } else {
            session.resolvedProperty().addListener(new ChangeListener<>() {
                @Override
                public void changed(ObservableValue<? extends ResolvedProject> obs, ResolvedProject old,
                                    ResolvedProject now) {
                    if (now != null) {
                        session.resolvedProperty().removeListener(this);
                        warmUp(now);
                    }
                }
            });
        }
        fitTab.setContent(new FitDashboardView(fitModel, messages, owner).root());
        jobs.forEach(workbench::track);
    }

    /** The tabs in display order. */
    List<Tab> tabs() {
        return List.copyOf(ordered);
    }

    /** The tab to show first when the project opens. */
    Tab first() {
        return fitTab;
    }

    /** The tab that shows the explorer's {@code kind} of item, if any. */
    Optional<Tab> tabFor(ExplorerItem.Kind kind) {
        return Optional.ofNullable(byKind.get(kind));
    }

    /**
     * Runs a tiny fit of the project (two starts, three iterations) in the background once it has
     * resolved, so the JIT has compiled the model's kernels and the optimizer before the user's
     * first fit: compiling them during that fit took a core from the window (pulse gaps of
     * 100–160 ms in a fresh JVM's first second of fitting).
     */
    private void warmUp(ResolvedProject resolved) {
        BackgroundTasks.computeExecutor().execute(() -> {
            try {
                FitConfig config = FitConfig.of(resolved);
                new FitJob(config.with(null, Math.min(2, config.starts()), 3, null, 2.0, null, null)).run(p -> { });
            } catch (RuntimeException e) {
                // Nothing to warm: a project that cannot fit says why when Fit is pressed.
            }
            UiExecutor.fx().execute(() -> warmedUp.set(true));
        });
    }

    /** True once the background warm-up fit has ended. */
    ReadOnlyBooleanProperty warmedUpProperty() {
        return warmedUp.getReadOnlyProperty();
    }

    /** Starts a fit with the dashboard's settings, if it can start. */
    void startFit() {
        if (fitModel.canStartProperty().get()) {
            fitModel.start();
        }
    }

    /** Stops the running fit, keeping its best point. */
    void stopFit() {
        fitModel.stop();
    }

    /** The fit runner (the snapshot command waits on it). */
    FitJobRunner fitRunner() {
        return fitRunner;
    }

    /** The compare view's model (the snapshot command races on it). */
    CompareViewModel compareModel() {
        return compare;
    }

    /** The fit dashboard's model. */
    FitDashboardViewModel fitModel() {
        return fitModel;
    }

    private Tab tab(String id, String key, Node content) {
        Tab t = new Tab(messages.getString(key), content);
        t.setId(id);
        t.setClosable(false);
        return t;
    }
}
