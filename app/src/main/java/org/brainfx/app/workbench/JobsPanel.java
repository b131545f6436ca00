package org.brainfx.app.workbench;

import java.util.IdentityHashMap;
import java.util.Map;
import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import org.brainfx.app.jobs.RunningJob;

/**
 * The bottom panel's job list: each job's title, progress, latest numbers, and pause, resume and
 * stop buttons, one row per job in the order they started.
 *
 * <p>Rows in a plain box rather than a list view: a session has a handful of jobs, and a list
 * view's first row (cells, their skins, the switch from its placeholder) cost the window
 * 40–60 ms of layout and a full repaint in the very pulse a fit started.
 */
final class JobsPanel {

    private final ResourceBundle messages;
    private final VBox rows = new VBox();
    private final Map<RunningJob, Node> rowOf = new IdentityHashMap<>();
    private final StackPane root;

    JobsPanel(ObservableList<RunningJob> jobs, ResourceBundle messages) {
        this.messages = messages;
        rows.setId("jobs-list");
        rows.getStyleClass().add("jobs-list");
        rows.setFillWidth(true);
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("jobs-scroll");
        Label none = new Label(messages.getString("jobs.none"));
        none.getStyleClass().add("jobs-none");
        none.visibleProperty().bind(Bindings.isEmpty(jobs));
        none.setMouseTransparent(true);
        root = new StackPane(scroll, none);
        jobs.addListener((ListChangeListener<RunningJob>) c -> show(jobs));
        show(jobs);
        if (jobs.isEmpty()) {
            rows.getChildren().add(warmUpRow());
        }
    }

    /**
     * A job's row, hidden, in the panel until the first job replaces it: its controls get their skins, and its style
     * classes their matched styles, while the window opens rather than in the pulse a fit or training starts (inserting
     * the first job's row took that pulse 10–22 ms, nearly all of it matching the rows' styles, which the stylesheet
     * engine then caches; with this row 0.5 ms).
     */
    private Node warmUpRow() {
        ProgressBar bar = new ProgressBar(0);
        bar.setPrefWidth(160);
        Label title = new Label();
        title.getStyleClass().add("job-title");
        Button pause = new Button(messages.getString("jobs.pause"));
        pause.getStyleClass().add("job-pause");
        Button stop = new Button(messages.getString("jobs.stop"));
        stop.getStyleClass().add("job-stop");
        Region spacer = new Region();
        HBox row = new HBox(10, title, bar, new Label(), spacer, pause, stop);
        row.getStyleClass().add("job-row");
        row.setId("jobs-warm-up");
        row.setVisible(false);
        row.setManaged(false);
        return row;
    }

    Parent root() {
        return root;
    }

    private void show(ObservableList<RunningJob> jobs) {
        rowOf.keySet().retainAll(jobs);
        rows.getChildren().setAll(jobs.stream().map(j -> rowOf.computeIfAbsent(j, this::row)).toList());
    }

    /** One job's row; its controls follow the job's own observable state. */
    private Node row(RunningJob job) {
        Label title = new Label(job.title());
        title.getStyleClass().add("job-title");
        ProgressBar bar = new ProgressBar();
        bar.progressProperty().bind(job.progress());
        bar.setPrefWidth(160);
        Label message = new Label();
        message.textProperty().bind(job.message());
        Region spacer = new Region();
        HBox.setHgrow(spacer, Priority.ALWAYS);
        Button pause = new Button();
        pause.getStyleClass().add("job-pause");
        pause.textProperty().bind(Bindings.when(job.paused())
                .then(messages.getString("jobs.resume")).otherwise(messages.getString("jobs.pause")));
        pause.setOnAction(e -> {
            if (job.paused().get()) {
                job.resume();
            } else {
                job.pause();
            }
        });
        pause.setVisible(job.pausable());
        pause.disableProperty().bind(Bindings.not(job.active()));
        Button stop = new Button(messages.getString("jobs.stop"));
        stop.getStyleClass().add("job-stop");
        stop.disableProperty().bind(Bindings.not(job.active()));
        stop.setOnAction(e -> job.cancel());
        HBox row = new HBox(10, title, bar, message, spacer, pause, stop);
        row.getStyleClass().add("job-row");
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }
}
