package org.brainfx.app.playground;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.Test;

class LatestWinsWorkerTest {

    /** An executor that runs nothing until told to, so a test decides when background work happens. */
    static final class ManualExecutor implements Executor {
        private final Deque<Runnable> queue = new ArrayDeque<>();

        @Override
        public void execute(Runnable command) {
            queue.add(command);
        }

        int waiting() {
            return queue.size();
        }

        void runAll() {
            while (!queue.isEmpty()) {
                queue.poll().run();
            }
        }
    }

    private final ManualExecutor background = new ManualExecutor();
    private final ManualExecutor ui = new ManualExecutor();
    private final LatestWinsWorker<Integer> worker = new LatestWinsWorker<>(background, ui::execute);
    private final List<Integer> ran = new ArrayList<>();
    private final List<Integer> shown = new ArrayList<>();

    private void submit(int value, Runnable whileRunning) {
        worker.submit(() -> {
            ran.add(value);
            whileRunning.run();
            return value;
        }, shown::add, e -> shown.add(-1));
    }

    @Test
    void requestsWaitingTogetherCollapseToTheNewest() {
        for (int i = 1; i <= 5; i++) {
            submit(i, () -> { });
        }
        assertEquals(1, background.waiting(), "one worker task, not one per request");
        background.runAll();
        ui.runAll();
        assertEquals(List.of(5), ran);
        assertEquals(List.of(5), shown);
        assertEquals(4, worker.dropped());
    }

    @Test
    void requestsArrivingWhileOneRunsDoNotQueueBehindIt() {
        submit(1, () -> {
            // The slider keeps moving while the first simulation runs.
            submit(2, () -> { });
            submit(3, () -> { });
            submit(4, () -> { });
        });
        background.runAll();
        ui.runAll();
        assertEquals(List.of(1, 4), ran);
        assertEquals(List.of(4), shown, "only the newest result waits for the UI thread");
        assertEquals(2, worker.dropped());
    }

    @Test
    void aFailureReachesTheUiAndTheWorkerCarriesOn() {
        worker.submit(() -> {
            throw new IllegalStateException("diverged");
        }, shown::add, e -> shown.add(-1));
        background.runAll();
        ui.runAll();
        submit(7, () -> { });
        background.runAll();
        ui.runAll();
        assertEquals(List.of(-1, 7), shown);
    }
}
