package org.brainfx.app.ui;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** Work put off with {@link Pulses} runs once, on the FX thread, after a whole pulse has passed. */
@ExtendWith(ApplicationExtension.class)
class PulsesTest {

    @Start
    void start(Stage stage) {
        stage.setScene(new Scene(new StackPane(), 200, 100));
        stage.show();
    }

    @Test
    void theActionRunsOnceAtTheSecondPulseFromTheCall() throws Exception {
        List<String> events = new ArrayList<>();
        AnimationTimer counter = new AnimationTimer() {
            @Override
            public void handle(long now) {
                events.add("pulse");
            }
        };
        WaitForAsyncUtils.asyncFx(() -> {
            counter.start();
            Pulses.afterNextPulse(() -> events.add(Platform.isFxApplicationThread() ? "ran" : "ran elsewhere"));
        }).get(10, TimeUnit.SECONDS);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> events.size() >= 6).get());
        List<String> seen = WaitForAsyncUtils.asyncFx(() -> {
            counter.stop();
            return List.copyOf(events);
        }).get(10, TimeUnit.SECONDS);

        assertEquals(1, seen.stream().filter(e -> e.startsWith("ran")).count(), "runs once: " + seen);
        int ran = seen.indexOf("ran");
        assertTrue(ran >= 0, "runs on the FX thread: " + seen);
        assertEquals(2, seen.subList(0, ran).stream().filter("pulse"::equals).count(),
                "a whole pulse passes before it, and it runs in the second: " + seen);
    }
}
