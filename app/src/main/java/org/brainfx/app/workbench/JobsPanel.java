package org.brainfx.app.workbench;

import java.util.ResourceBundle;
import javafx.beans.binding.Bindings;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.Parent;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.brainfx.app.jobs.RunningJob;

/** The bottom panel's job list: each job's title, progress, latest numbers, and pause, resume and stop buttons. */
final class JobsPanel {

    private final ListView<RunningJob> list;
    private final ResourceBundle messages;

    JobsPanel(ObservableList<RunningJob> jobs, ResourceBundle messages) {
        this.messages = messages;
        list = new ListView<>(jobs);
        list.setId("jobs-list");
        list.setPlaceholder(new Label(messages.getString("jobs.none")));
        list.setCellFactory(v -> new JobCell());
    }

    Parent root() {
        return list;
    }

    /** One job's row; its controls follow the job's own observable state. */
    private final class JobCell extends ListCell<RunningJob> {
        @Override
        protected void updateItem(RunningJob job, boolean empty) {
            super.updateItem(job, empty);
            setText(null);
            if (empty || job == null) {
                setGraphic(null);
                return;
            }
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
            row.setAlignment(Pos.CENTER_LEFT);
            setGraphic(row);
        }
    }
}
