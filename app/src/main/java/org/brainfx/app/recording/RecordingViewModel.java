package org.brainfx.app.recording;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntPredicate;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.brainfx.app.jobs.UiExecutor;
import org.brainfx.app.project.ProjectDocument;
import org.brainfx.app.project.ProjectSession;
import org.brainfx.engine.data.Recording;
import org.brainfx.engine.data.Recordings;
import org.brainfx.engine.data.SpikeDetector;
import org.brainfx.engine.project.Project;
import org.brainfx.engine.project.ResolvedProject;

/**
 * The Recording view's state: every sweep of the project's recording with whether the fit uses
 * it, the traces of the selected sweeps, what the file says about itself, and the fit window.
 *
 * <p>Sweep selection and the fit window live in the project, so every change is a
 * {@link ProjectDocument#edit} (undoable) and undo shows here at once. A project without a
 * recording shows its resolved stimulus and target; its check boxes only hide sweeps.
 */
public final class RecordingViewModel {

    /** Longest metadata value shown whole; longer ones (lists of series names) are cut. */
    static final int METADATA_WIDTH = 100;

    /** A fact about the recording or the project's data, as the metadata table shows it. */
    public record MetadataRow(String name, String value) { }

    /**
     * A fit window on the chart's time axis (ms from the start of the recorded sweep).
     *
     * @param terms the loss kinds that look at it, comma-separated
     */
    public record FitWindow(double fromMs, double toMs, String terms) { }

    /** What identifies a read recording: reading again is needed only when one of these changes. */
    private record Source(Path file, int channel, double offsetMv, SpikeDetector.Settings spikes) { }

    private final ProjectSession session;
    private final ProjectDocument document;
    private final ResourceBundle messages;
    private final UiExecutor ui;
    private final Executor background;
    private final AtomicLong generation = new AtomicLong();
    private final Set<Integer> hidden = new HashSet<>();
    private Source source;
    private SweepTraces all;
    // What the chart shows now, so that an edit that changes neither draws nothing again.
    private SweepTraces shownFrom;
    private Set<Integer> shownSweeps = Set.of();
    // The resolved project whose traces are shown (projects without a recording file).
    private ResolvedProject traced;

    private final ObservableList<SweepRow> sweeps = FXCollections.observableArrayList();
    private final ObservableList<MetadataRow> metadata = FXCollections.observableArrayList();
    // One read-only wrapper each: a wrapper only holds its listeners while it is itself referenced.
    private final ObservableList<SweepRow> sweepsView = FXCollections.unmodifiableObservableList(sweeps);
    private final ObservableList<MetadataRow> metadataView = FXCollections.unmodifiableObservableList(metadata);
    private final ReadOnlyObjectWrapper<SweepTraces> shown = new ReadOnlyObjectWrapper<>(this, "shown");
    private final ReadOnlyObjectWrapper<List<FitWindow>> fitWindows =
            new ReadOnlyObjectWrapper<>(this, "fitWindows", List.of());
    private final ReadOnlyStringWrapper windowSummary = new ReadOnlyStringWrapper(this, "windowSummary", "");
    private final ReadOnlyStringWrapper title = new ReadOnlyStringWrapper(this, "title", "");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyStringWrapper notice = new ReadOnlyStringWrapper(this, "notice", "");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper(this, "note", "");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyBooleanWrapper recordingBacked = new ReadOnlyBooleanWrapper(this, "recordingBacked");
    private final ReadOnlyBooleanWrapper canEditWindow = new ReadOnlyBooleanWrapper(this, "canEditWindow");
    private final ReadOnlyBooleanWrapper hasWindow = new ReadOnlyBooleanWrapper(this, "hasWindow");

    /**
     * A view-model of {@code session}'s project.
     *
     * @param session    the open project; edits go through its document
     * @param messages   the workbench's strings
     * @param ui         where state changes (tests: {@link UiExecutor#direct()})
     * @param background where recordings are read (tests: {@code Runnable::run})
     */
    public RecordingViewModel(ProjectSession session, ResourceBundle messages, UiExecutor ui, Executor background) {
        this.session = session;
        this.document = session.document();
        this.messages = messages;
        this.ui = ui;
        this.background = background;
        document.projectProperty().addListener((obs, old, now) -> refresh(now));
        session.resolvedProperty().addListener((obs, old, now) -> showResolved(now));
        session.errorProperty().addListener((obs, old, now) -> showProblem());
        refresh(document.project());
        showProblem();
    }

    /**
     * Selects or deselects a sweep. With a recording this edits the project's {@code recording.sweeps}
     * (undoable; the last selected sweep cannot be deselected, a fit needs one); without one it only
     * shows or hides the sweep.
     */
    public void setSweepSelected(int index, boolean selected) {
        SweepRow row = row(index);
        if (row == null || all == null) {
            return;
        }
        notice.set("");
        if (!recordingBacked.get()) {
            if (selected) {
                hidden.remove(index);
            } else {
                hidden.add(index);
            }
            row.setSelected(selected);
            updateShown();
            return;
        }
        int count = all.sweeps().size();
        List<Integer> chosen = new ArrayList<>(RecordingEdits.selectedSweeps(document.project(), count));
        // Indices the file does not have (the problem line names them) are dropped by this edit.
        chosen.removeIf(i -> i < 0 || i >= count);
        if (selected && !chosen.contains(index)) {
            chosen.add(index);
        } else if (!selected) {
            chosen.remove(Integer.valueOf(index));
        }
        if (chosen.isEmpty()) {
            notice.set(text("recording.notice.lastSweep"));
            return;
        }
        String description = MessageFormat.format(text(selected ? "recording.edit.include" : "recording.edit.exclude"),
                index + 1);
        document.edit(description, p -> RecordingEdits.withSweeps(p, chosen, count));
    }

    /** Selects every sweep (with a recording: {@code recording.sweeps} becomes "all", undoable). */
    public void selectAllSweeps() {
        if (all == null) {
            return;
        }
        notice.set("");
        if (recordingBacked.get()) {
            int count = all.sweeps().size();
            List<Integer> every = IntStream.range(0, count).boxed().toList();
            document.edit(text("recording.edit.all"), p -> RecordingEdits.withSweeps(p, every, count));
        } else {
            hidden.clear();
            sweeps.forEach(r -> r.setSelected(true));
            updateShown();
        }
    }

    /**
     * Makes [{@code fromMs}, {@code toMs}] (chart time, either order) the window of the project's
     * loss terms that use one, clamped to the fitted part of the sweeps and rounded to a step
     * finer than a pixel; one undoable edit.
     */
    public void setFitWindow(double fromMs, double toMs) {
        if (!canEditWindow.get() || all == null) {
            return;
        }
        Project p = document.project();
        double origin = origin(p);
        double end = fittedEnd(p);
        double step = roundingStep(all.durationMs());
        double lo = Math.rint(Math.max(origin, Math.min(fromMs, toMs)) / step) * step;
        double hi = Math.rint(Math.min(end, Math.max(fromMs, toMs)) / step) * step;
        if (!(hi - lo >= step)) {
            notice.set(text("recording.notice.narrowWindow"));
            return;
        }
        notice.set("");
        List<Double> window = List.of(clean(lo - origin), clean(hi - origin));
        document.edit(text("recording.edit.window"), q -> RecordingEdits.withFitWindow(q, window));
    }

    /** Lets every loss term look at whole sweeps again; one undoable edit. */
    public void clearFitWindow() {
        notice.set("");
        document.edit(text("recording.edit.clearWindow"), q -> RecordingEdits.withFitWindow(q, null));
    }

    private void refresh(Project p) {
        title.set(p.name() == null || p.name().isBlank() ? document.file().getFileName().toString() : p.name());
        canEditWindow.set(p.recording() != null || p.target() != null);
        if (p.recording() != null) {
            recordingBacked.set(true);
            traced = null;
            note.set("");
            Source wanted;
            try {
                wanted = source(p);
            } catch (IllegalArgumentException e) {
                generation.incrementAndGet();
                source = null;
                showFailure(e.getMessage());
                updateWindows(p);
                return;
            }
            if (!wanted.equals(source)) {
                load(wanted);
            } else {
                applySelection(p);
            }
        } else {
            boolean wasRecording = recordingBacked.get() || source != null;
            recordingBacked.set(false);
            // A recording still being read belongs to a project value that no longer has one.
            generation.incrementAndGet();
            source = null;
            note.set(text("recording.note.noRecording"));
            if (wasRecording) {
                all = null;
                traced = null;
            }
            showResolved(session.resolved());
        }
        updateWindows(p);
    }

    private Source source(Project p) {
        Project.RecordingRef ref = p.recording();
        if (ref.file() == null || ref.file().isBlank()) {
            throw new IllegalArgumentException(text("recording.error.noFile"));
        }
        return new Source(document.folder().resolve(ref.file()).normalize(), ref.channel() == null
                ? Recordings.Options.AUTO_CHANNEL : ref.channel(),
                ref.offsetMv() == null ? 0 : ref.offsetMv(), ref.spikeSettings());
    }

    private void load(Source wanted) {
        source = wanted;
        long mine = generation.incrementAndGet();
        loading.set(true);
        message.set(MessageFormat.format(text("recording.loading"), wanted.file().getFileName()));
        clearData();
        background.execute(() -> {
            Recording recording = null;
            SweepTraces traces = null;
            String failure = null;
            try {
                if (!Files.isRegularFile(wanted.file())) {
                    failure = MessageFormat.format(text("recording.error.missing"), wanted.file());
                } else {
                    recording = Recordings.read(wanted.file(), new Recordings.Options(false, null, wanted.channel()));
                    traces = SweepTraces.of(recording, wanted.offsetMv(), wanted.spikes());
                }
            } catch (IOException | RuntimeException e) {
                failure = MessageFormat.format(text("recording.error.unreadable"), wanted.file().getFileName(),
                        e.getMessage() == null ? e.toString() : e.getMessage());
            }
            Recording r = recording;
            SweepTraces t = traces;
            String f = failure;
            ui.execute(() -> {
                if (generation.get() != mine) {
                    return;
                }
                loading.set(false);
                if (f != null) {
                    showFailure(f);
                } else {
                    showRecording(r, t);
                }
            });
        });
    }

    private void showFailure(String why) {
        loading.set(false);
        clearData();
        message.set(why);
    }

    private void clearData() {
        all = null;
        sweeps.clear();
        metadata.clear();
        shown.set(null);
    }

    private void showRecording(Recording recording, SweepTraces traces) {
        all = traces;
        message.set(traces.sweeps().isEmpty() ? text("recording.empty.noSweeps") : "");
        sweeps.setAll(rows(traces, i -> false));
        metadata.setAll(recordingMetadata(recording, document.project().recording()));
        applySelection(document.project());
    }

    private void applySelection(Project p) {
        if (all == null) {
            return;
        }
        List<Integer> chosen = RecordingEdits.selectedSweeps(p, all.sweeps().size());
        for (SweepRow r : sweeps) {
            r.setSelected(chosen.contains(r.index()));
        }
        updateShown();
    }

    private void showResolved(ResolvedProject resolved) {
        if (recordingBacked.get()) {
            return;
        }
        if (resolved != null && (resolved == traced || ProjectSession.onlyFitSettingsChanged(traced, resolved))) {
            // The same model and data, e.g. a fit setting typed elsewhere: the traces stay as drawn
            // (the fit window follows the document on its own).
            return;
        }
        traced = resolved;
        if (resolved == null || resolved.project().recording() != null) {
            clearData();
            String error = session.errorProperty().get();
            message.set(error == null || error.isEmpty() ? text("recording.resolving")
                    : MessageFormat.format(text("recording.error.unresolved"), error));
            return;
        }
        SweepTraces traces = SweepTraces.of(resolved);
        if (all == null || all.sweeps().size() != traces.sweeps().size()) {
            hidden.clear();
        }
        all = traces;
        message.set(resolved.target() == null ? text("recording.empty.noTarget") : "");
        sweeps.setAll(rows(traces, hidden::contains));
        metadata.setAll(projectMetadata(resolved));
        updateShown();
    }

    private void showProblem() {
        String error = session.errorProperty().get();
        problem.set(error == null || error.isEmpty() ? "" : MessageFormat.format(text("recording.problem"), error));
        if (error != null && !error.isEmpty() && text("recording.resolving").equals(message.get())) {
            // Resolving ended in this error: nothing is being read any more.
            message.set("");
        }
    }

    private List<SweepRow> rows(SweepTraces traces, IntPredicate isHidden) {
        List<SweepRow> out = new ArrayList<>();
        for (SweepTraces.Sweep s : traces.sweeps()) {
            String amplitude = Double.isNaN(s.amplitude()) ? "\u2014"
                    : signed(s.amplitude()) + " " + traces.stimulus().unit();
            String text = MessageFormat.format(text("recording.sweep"), String.valueOf(s.index() + 1), amplitude,
                    s.response() == null ? -1 : s.spikePeaks().length);
            out.add(new SweepRow(s.index(), text, !isHidden.test(s.index())));
        }
        return out;
    }

    private void updateShown() {
        if (all == null) {
            shown.set(null);
            shownFrom = null;
            return;
        }
        Set<Integer> on = sweeps.stream().filter(SweepRow::isSelected).map(SweepRow::index).collect(Collectors.toSet());
        if (all == shownFrom && on.equals(shownSweeps)) {
            return; // the chart already shows these traces
        }
        shownFrom = all;
        shownSweeps = on;
        shown.set(all.only(on::contains));
    }

    private void updateWindows(Project p) {
        double origin = origin(p);
        Map<List<Double>, List<String>> byWindow = new LinkedHashMap<>();
        for (RecordingEdits.TermWindow w : RecordingEdits.fitWindows(p)) {
            byWindow.computeIfAbsent(w.window(), k -> new ArrayList<>()).add(w.kind());
        }
        List<FitWindow> windows = new ArrayList<>();
        List<String> parts = new ArrayList<>();
        for (Map.Entry<List<Double>, List<String>> e : byWindow.entrySet()) {
            String kinds = String.join(", ", e.getValue());
            if (e.getKey() == null) {
                parts.add(MessageFormat.format(text("recording.window.whole"), kinds));
            } else {
                double from = e.getKey().get(0) + origin;
                double to = e.getKey().get(1) + origin;
                windows.add(new FitWindow(from, to, kinds));
                parts.add(MessageFormat.format(text("recording.window.part"), number(from), number(to), kinds));
            }
        }
        fitWindows.set(List.copyOf(windows));
        hasWindow.set(!windows.isEmpty());
        windowSummary.set(!canEditWindow.get() ? text("recording.window.noTarget") : parts.isEmpty()
                ? text("recording.window.noTerms")
                : MessageFormat.format(text("recording.window.summary"), String.join("; ", parts)));
    }

    /** Where the fitted sweeps start on the chart: the start of the recording's crop window, if any. */
    private static double origin(Project p) {
        Project.RecordingRef r = p.recording();
        return r == null || r.window() == null || r.window().size() != 2 ? 0 : r.window().get(0);
    }

    private double fittedEnd(Project p) {
        Project.RecordingRef r = p.recording();
        double end = r == null || r.window() == null || r.window().size() != 2 ? all.durationMs() : r.window().get(1);
        return Math.min(end, all.durationMs());
    }

    /** A power of ten at most half a pixel of a 1000-pixel-wide chart of the whole sweep. */
    static double roundingStep(double durationMs) {
        return Math.pow(10, Math.floor(Math.log10(Math.max(durationMs, 1e-6) / 2000)));
    }

    private static double clean(double v) {
        return Double.parseDouble(String.format(Locale.ROOT, "%.6g", v));
    }

    private List<MetadataRow> recordingMetadata(Recording r, Project.RecordingRef ref) {
        List<MetadataRow> rows = new ArrayList<>();
        int samples = r.sweeps().stream().mapToInt(Recording.Sweep::samples).max().orElse(0);
        rows.add(row("recording.meta.file", String.valueOf(r.file().getFileName())));
        rows.add(row("recording.meta.format", r.format() + (r.version().isBlank() ? "" : " " + r.version())));
        rows.add(row("recording.meta.clamp", text("recording.clamp." + r.clampMode().name().toLowerCase(Locale.ROOT))));
        rows.add(row("recording.meta.channels", r.channels().stream()
                .map(c -> c.name() + " (" + (c.units() == null || c.units().isBlank() ? "\u2014" : c.units()) + ")")
                .collect(Collectors.joining(", "))));
        rows.add(row("recording.meta.sweeps", MessageFormat.format(text("recording.meta.sweepsValue"),
                r.sweeps().size(), samples)));
        rows.add(row("recording.meta.sampling", MessageFormat.format(text("recording.meta.samplingValue"),
                number(r.sampleRateHz()), number(1000 / r.sampleRateHz()))));
        rows.add(row("recording.meta.duration", number(r.durationMs()) + " ms"));
        rows.add(row("recording.meta.stimulus",
                text("recording.source." + r.stimulusSource().name().toLowerCase(Locale.ROOT))));
        for (Map.Entry<String, String> e : new TreeMap<>(r.metadata()).entrySet()) {
            String value = e.getValue().replaceAll("\\s+", " ").strip();
            rows.add(new MetadataRow(e.getKey(), value.length() > METADATA_WIDTH
                    ? value.substring(0, METADATA_WIDTH) + " \u2026" : value));
        }
        if (ref.channel() != null && ref.channel() != 0) {
            rows.add(row("recording.meta.channel", String.valueOf(ref.channel())));
        }
        if (ref.dt() != null) {
            rows.add(row("recording.meta.resampled", number(ref.dt()) + " ms"));
        }
        if (ref.offsetMv() != null && ref.offsetMv() != 0) {
            rows.add(row("recording.meta.offset", MessageFormat.format(text("recording.meta.offsetValue"),
                    number(ref.offsetMv()))));
        }
        if (ref.window() != null) {
            rows.add(row("recording.meta.crop", ref.window().stream().map(RecordingViewModel::number)
                    .collect(Collectors.joining("\u2013")) + " ms"));
        }
        if (ref.baseline() != null) {
            rows.add(row("recording.meta.baseline", ref.baseline().stream().map(RecordingViewModel::number)
                    .collect(Collectors.joining("\u2013")) + " ms"));
        }
        return rows;
    }

    private List<MetadataRow> projectMetadata(ResolvedProject r) {
        Project p = r.project();
        List<MetadataRow> rows = new ArrayList<>();
        rows.add(row("recording.meta.model", r.spec().name()));
        Project.Stimulus st = p.stimulus();
        rows.add(row("recording.meta.stimulus", st.traces() != null
                ? MessageFormat.format(text("recording.meta.traceFile"), Path.of(st.traces().file()).getFileName())
                : text("recording.meta.steps")));
        rows.add(row("recording.meta.sweeps", MessageFormat.format(text("recording.meta.sweepsValue"),
                r.sweeps(), r.steps())));
        rows.add(row("recording.meta.dt", number(r.dt()) + " ms"));
        rows.add(row("recording.meta.duration", number(r.steps() * r.dt()) + " ms"));
        Project.Target t = p.target();
        String target = t == null ? text("recording.meta.targetNone")
                : t.traces() != null ? MessageFormat.format(text("recording.meta.traceFile"),
                        Path.of(t.traces().file()).getFileName())
                : text("recording.meta.targetSynthetic");
        rows.add(row("recording.meta.target", target));
        if (r.targetState() != null) {
            rows.add(row("recording.meta.targetState", r.targetState()));
        }
        return rows;
    }

    private MetadataRow row(String key, String value) {
        return new MetadataRow(text(key), value);
    }

    private SweepRow row(int index) {
        return sweeps.stream().filter(r -> r.index() == index).findFirst().orElse(null);
    }

    private static String signed(double v) {
        return (v > 0 ? "+" : "") + number(v);
    }

    /** A number with up to four significant digits, no exponent, no trailing zeros. */
    static String number(double v) {
        if (!Double.isFinite(v)) {
            return String.valueOf(v);
        }
        double rounded = Math.abs(v) < 1e-9 ? 0 : v;
        String s = new BigDecimal(String.format(Locale.ROOT, "%.4g", rounded)).stripTrailingZeros().toPlainString();
        return "-0".equals(s) ? "0" : s;
    }

    private String text(String key) {
        return messages.getString(key);
    }

    /** The project's name, for the view's heading. */
    public ReadOnlyStringProperty titleProperty() {
        return title.getReadOnlyProperty();
    }

    /** Every sweep, in order; empty while nothing is loaded. */
    public ObservableList<SweepRow> sweeps() {
        return sweepsView;
    }

    /** What the file (or the project's data) says about itself. */
    public ObservableList<MetadataRow> metadata() {
        return metadataView;
    }

    /** The selected sweeps' traces; null while nothing can be shown. */
    public ReadOnlyObjectProperty<SweepTraces> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    /** Every sweep's traces, selected or not; null while nothing can be shown. */
    public SweepTraces allTraces() {
        return all;
    }

    /** The fit windows of the loss terms, on the chart's time axis; empty when all look at whole sweeps. */
    public ReadOnlyObjectProperty<List<FitWindow>> fitWindowsProperty() {
        return fitWindows.getReadOnlyProperty();
    }

    /** "Fit window: 216–716 ms (first_spike_latency); whole sweep (mse)". */
    public ReadOnlyStringProperty windowSummaryProperty() {
        return windowSummary.getReadOnlyProperty();
    }

    /** Why nothing is shown (loading, an unreadable file, no target), or "" when traces are shown. */
    public ReadOnlyStringProperty messageProperty() {
        return message.getReadOnlyProperty();
    }

    /** Why the last action did nothing (e.g. deselecting the last sweep), "" otherwise. */
    public ReadOnlyStringProperty noticeProperty() {
        return notice.getReadOnlyProperty();
    }

    /** A standing remark about the project (e.g. that sweep selection applies to recordings), or "". */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** Why the project as edited cannot be resolved (and so not fitted), or "". */
    public ReadOnlyStringProperty problemProperty() {
        return problem.getReadOnlyProperty();
    }

    /** True while the recording file is being read. */
    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }

    /** True when the project's sweeps come from a recording (check boxes choose what is fitted). */
    public ReadOnlyBooleanProperty recordingBackedProperty() {
        return recordingBacked.getReadOnlyProperty();
    }

    /** True when the project has a target, so a fit window means something. */
    public ReadOnlyBooleanProperty canEditWindowProperty() {
        return canEditWindow.getReadOnlyProperty();
    }

    /** True when some loss term looks at less than the whole sweep. */
    public ReadOnlyBooleanProperty hasWindowProperty() {
        return hasWindow.getReadOnlyProperty();
    }

    /** The document this view edits. */
    public ProjectDocument document() {
        return document;
    }
}
