package org.brainfx.app.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code brainfx snapshot} renders views headless (the surefire JVM runs JavaFX on Monocle). */
class SnapshotCommandTest {

    @TempDir
    Path dir;

    /** The toolkit is started the TestFX way first, as the other GUI tests in this JVM expect. */
    @org.junit.jupiter.api.BeforeAll
    static void startToolkit() throws Exception {
        org.testfx.api.FxToolkit.registerPrimaryStage();
    }

    @Test
    void rendersTheFitViewAfterAShortFitAndReportsThePulseGap() throws Exception {
        Path out = dir.resolve("fit.png");
        CommandRun run = CommandRun.of("snapshot", "../sample-projects/hh-synthetic", "--view", "fit",
                "--fit-iterations", "3", "--size", "900x600", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("largest gap between JavaFX pulses"), run.out());
        BufferedImage image = ImageIO.read(out.toFile());
        assertEquals(900, image.getWidth());
        assertEquals(600, image.getHeight());
        assertTrue(distinctColours(image) > 20, "a rendered window, not a blank image");
    }

    @Test
    void rendersTheTrainingViewAfterAShortTraining() throws Exception {
        Path project = dir.resolve("small.brainfx.json");
        java.nio.file.Files.writeString(project, """
                {"schemaVersion": 1, "name": "small-training",
                 "task": {"name": "evidence_accumulation", "settings": {"cues": 3, "delayMs": 100}},
                 "rsnn": {"excitatory": 12, "inhibitory": 4},
                 "training": {"batchSize": 8, "batches": 100, "evaluationTrials": 16, "evaluateEvery": 2, "checkpointEvery": 0}}
                """);
        Path out = dir.resolve("training.png");
        CommandRun run = CommandRun.of("snapshot", project.toString(), "--view", "training", "--training-batches", "2",
                "--size", "1000x700", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("training ran") && run.out().contains("largest gap between JavaFX pulses"), run.out());
        BufferedImage image = ImageIO.read(out.toFile());
        assertEquals(1000, image.getWidth());
        assertTrue(distinctColours(image) > 20, "a rendered window, not a blank image");
        CommandRun negative = CommandRun.of("snapshot", project.toString(), "--view", "training", "--training-batches", "-1",
                "--out", out.toString());
        assertEquals(2, negative.exitCode());
        assertTrue(negative.err().contains("--training-batches must be"), negative.err());
    }

    @Test
    void rendersTheNetworkEditorWithItsEAndINodes() throws Exception {
        Path out = dir.resolve("network.png");
        CommandRun run = CommandRun.of("snapshot", "../sample-projects/ei-network", "--view", "network", "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        BufferedImage image = ImageIO.read(out.toFile());
        assertEquals(1280, image.getWidth());
        assertTrue(pixelsNear(image, 0x1f5fbf) > 200, "the excitatory population's blue outline and arrows");
        assertTrue(pixelsNear(image, 0xc83228) > 200, "the inhibitory population's red outline and arrows");
        CommandRun neuron = CommandRun.of("snapshot", "../sample-projects/hh-synthetic", "--view", "network",
                "--out", out.toString());
        assertEquals(1, neuron.exitCode());
        assertTrue(neuron.err().contains("not a network project"), neuron.err());
    }

    private static int pixelsNear(BufferedImage image, int rgb) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                int d = Math.abs((p >> 16 & 255) - (rgb >> 16 & 255)) + Math.abs((p >> 8 & 255) - (rgb >> 8 & 255))
                        + Math.abs((p & 255) - (rgb & 255));
                if (d < 30) {
                    n++;
                }
            }
        }
        return n;
    }

    @Test
    void rendersTheRasterOfANetworkProjectAfterARunAndReportsPicturesAndPulses() throws Exception {
        Path out = dir.resolve("raster.png");
        CommandRun run = CommandRun.of("snapshot", "../sample-projects/ei-network", "--view", "raster", "--size", "1000x700",
                "--out", out.toString());
        assertEquals(0, run.exitCode(), run.err());
        assertTrue(run.out().contains("raster pictures painted while it ran") && run.out().contains("largest gap"), run.out());
        BufferedImage image = ImageIO.read(out.toFile());
        assertEquals(1000, image.getWidth());
        int excitatory = 0;
        int inhibitory = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y) & 0xffffff;
                excitatory += rgb == (org.brainfx.app.charts.NetworkPictures.EXCITATORY.getRGB() & 0xffffff) ? 1 : 0;
                inhibitory += rgb == (org.brainfx.app.charts.NetworkPictures.INHIBITORY.getRGB() & 0xffffff) ? 1 : 0;
            }
        }
        assertTrue(excitatory > 100 && inhibitory > 20, "spikes of both colours: E " + excitatory + ", I " + inhibitory);
        CommandRun neuronProject = CommandRun.of("snapshot", "../sample-projects/hh-synthetic", "--view", "raster",
                "--out", out.toString());
        assertEquals(1, neuronProject.exitCode());
        assertTrue(neuronProject.err().contains("hh-synthetic"), neuronProject.err());
    }

    @Test
    void refusesAnUnknownViewAndAMissingProject() {
        CommandRun unknown = CommandRun.of("snapshot", "--view", "spectrogram", "--out", dir.resolve("x.png").toString());
        assertEquals(2, unknown.exitCode());
        assertTrue(unknown.err().contains("unknown view 'spectrogram'"), unknown.err());
        CommandRun missing = CommandRun.of("snapshot", "--view", "fit", "--out", dir.resolve("x.png").toString());
        assertEquals(2, missing.exitCode());
        assertTrue(missing.err().contains("name its file or folder"), missing.err());
        CommandRun absent = CommandRun.of("snapshot", dir.resolve("nothing-here").toString(), "--view", "fit",
                "--out", dir.resolve("x.png").toString());
        assertEquals(1, absent.exitCode());
        assertTrue(absent.err().contains("no such project file or folder"), absent.err());
    }

    private static int distinctColours(BufferedImage image) {
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        for (int y = 0; y < image.getHeight(); y += 7) {
            for (int x = 0; x < image.getWidth(); x += 7) {
                seen.add(image.getRGB(x, y));
            }
        }
        return seen.size();
    }
}
