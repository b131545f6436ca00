package org.brainfx.engine.task;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class BatchSourceTest {
    private static final EvidenceAccumulation TASK = EvidenceAccumulation.reference();

    private static void assertSameBatch(TrialBatch expected, TrialBatch actual) {
        assertEquals(expected.batchIndex(), actual.batchIndex());
        assertArrayEquals(expected.labels(), actual.labels());
        assertArrayEquals(expected.spikeStart(), actual.spikeStart());
        assertArrayEquals(expected.spikeChannel(), actual.spikeChannel());
        assertArrayEquals(expected.info("leftCues"), actual.info("leftCues"));
    }

    @Test
    void batchesFromBackgroundThreadsEqualDirectGenerationWhateverTheThreadCount() throws Exception {
        for (int threads : new int[]{1, 2, 3}) {
            try (BatchSource source = new BatchSource(TASK, 42, 0, 16, 3, threads)) {
                for (long i = 0; i < 6; i++) {
                    assertEquals(i, source.nextIndex());
                    assertSameBatch(TASK.batch(42, i, 16), source.next());
                }
            }
        }
    }

    @Test
    void aResumedRunSeesTheBatchesItWouldHaveSeen() throws Exception {
        TrialBatch fourth;
        try (BatchSource run = BatchSource.of(TASK, 9, 0, 8)) {
            for (int i = 0; i < 4; i++) {
                run.next();
            }
            fourth = run.next();
        }
        try (BatchSource resumed = BatchSource.of(TASK, 9, 4, 8)) {
            assertSameBatch(fourth, resumed.next());
        }
    }

    @Test
    void threadsAreDaemonsAndCloseStopsThem() throws Exception {
        BatchSource source = new BatchSource(TASK, 1, 0, 4, 2, 2);
        source.next();
        List<Thread> mine = Thread.getAllStackTraces().keySet().stream()
                .filter(t -> t.getName().startsWith("brainfx-task-batches-")).toList();
        assertTrue(!mine.isEmpty() && mine.stream().allMatch(Thread::isDaemon));
        source.close();
        IllegalStateException e = assertThrows(IllegalStateException.class, source::next);
        assertTrue(e.getMessage().contains("closed"), e.getMessage());
    }

    @Test
    void aFailingTaskIsReportedWithItsBatchIndex() throws Exception {
        CognitiveTask failing = new CognitiveTask() {
            @Override
            public String name() {
                return "broken";
            }

            @Override
            public double dtMs() {
                return 1;
            }

            @Override
            public List<InputGroup> groups() {
                return List.of(new InputGroup("x", 0, 1));
            }

            @Override
            public List<String> classNames() {
                return List.of("a", "b");
            }

            @Override
            public TrialBatch batch(long seed, long batchIndex, int trials) {
                if (batchIndex == 1) {
                    throw new IllegalArgumentException("no batch 1 here");
                }
                return TASK.batch(seed, batchIndex, trials);
            }
        };
        try (BatchSource source = new BatchSource(failing, 3, 0, 2, 2, 1)) {
            source.next();
            IllegalStateException e = assertThrows(IllegalStateException.class, source::next);
            assertTrue(e.getMessage().contains("batch 1") && e.getMessage().contains("broken")
                    && e.getMessage().contains("no batch 1 here"), e.getMessage());
        }
        assertThrows(IllegalArgumentException.class, () -> new BatchSource(TASK, 1, 0, 4, 0, 1));
        assertThrows(IllegalArgumentException.class, () -> new BatchSource(TASK, 1, 0, 4, 1, 0));
        assertThrows(IllegalArgumentException.class, () -> new BatchSource(TASK, 1, -1, 4, 1, 1));
    }
}
