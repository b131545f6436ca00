package org.brainfx.engine.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.brainfx.engine.task.TrialBatch;
import org.junit.jupiter.api.Test;

/** Every bundled training sample opens, builds its task and network, and runs a trial forward. */
class TrainingSamplesTest {
    private static final Path SAMPLES = Path.of("../sample-projects");
    private static final List<String> EXPECTED = List.of("context-dm-training", "dms-training", "ea-training", "pdm-training",
            "random-dots-training");

    private static double density(boolean[] mask) {
        int n = 0;
        for (boolean b : mask) {
            n += b ? 1 : 0;
        }
        return (double) n / mask.length;
    }

    @Test
    void everyTrainingSampleRuns() throws IOException {
        List<Path> found;
        try (Stream<Path> dirs = Files.list(SAMPLES)) {
            found = dirs.filter(TrainingProjectFiles::isTrainingProject).sorted().toList();
        }
        assertEquals(EXPECTED, found.stream().map(p -> p.getFileName().toString()).toList());
        for (Path dir : found) {
            TrainingProject p = TrainingProjectFiles.read(dir);
            TrainingSetup setup = TrainingSetup.of(p, p.training(), TrainingProjectFiles.baseDir(dir));
            TrialBatch batch = setup.task().batch(1, 0, 2);
            try (RsnnBptt bptt = new RsnnBptt(setup.network(), 2, 1)) {
                BatchOutcome out = bptt.evaluate(batch, setup.initial());
                assertTrue(Double.isFinite(out.loss()) && out.loss() > 0, dir + ": loss " + out.loss());
            }
            assertEquals(200, setup.network().neurons(), dir.toString());
        }
        for (String variant : List.of("sparse", "gaussian")) {
            Path file = SAMPLES.resolve("ea-training/variants/ea-training-" + variant + ".brainfx.json");
            TrainingProject p = TrainingProjectFiles.read(file);
            EiRsnn net = TrainingSetup.of(p, p.training(), TrainingProjectFiles.baseDir(file)).network();
            double density = density(net.excitatoryMask());
            assertTrue(density > 0.02 && density < 0.3, variant + ": E → all density " + density);
        }
        Path online = SAMPLES.resolve("ea-training/variants/ea-training-online.brainfx.json");
        TrainingProject p = TrainingProjectFiles.read(online);
        TrainingSetup paper = TrainingSetup.of(p, p.training(), TrainingProjectFiles.baseDir(online));
        assertEquals(EiRsnn.Readout.POTENTIAL, paper.network().readout(), "the online variant reads the potentials");
        assertTrue(!paper.network().detachReset(), "the online variant keeps the resets' gradient");
        assertEquals("d-rtrl", paper.settings().algorithm());
        assertEquals(0.98, paper.settings().esAlpha());
        Path es = SAMPLES.resolve("ea-training/variants/ea-training-online-es.brainfx.json");
        TrainingProject esProject = TrainingProjectFiles.read(es);
        TrainingSetup esSetup = TrainingSetup.of(esProject, esProject.training(), TrainingProjectFiles.baseDir(es));
        assertEquals("es-d-rtrl", esSetup.settings().algorithm());
        assertTrue(esSetup.network().detachReset(), "the ES variant detaches the resets, as the paper's runs do");
        assertEquals(EiRsnn.Readout.POTENTIAL, esSetup.network().readout());
        TrainingProject dots = TrainingProjectFiles.read(SAMPLES.resolve("random-dots-training"));
        TrainingSetup setup = TrainingSetup.of(dots, dots.training(), SAMPLES.resolve("random-dots-training"));
        assertNotNull(setup.behavior(), "the random-dot sample carries the monkey's behaviour");
        assertEquals(List.of(0.0, 3.2, 6.4, 12.8, 25.6, 51.2), setup.behavior().coherences());
    }
}
