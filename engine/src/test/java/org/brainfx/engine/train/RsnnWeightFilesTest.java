package org.brainfx.engine.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.brainfx.engine.data.connectome.NpyFormat;
import org.brainfx.engine.net.ConnectivitySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RsnnWeightFilesTest {
    @TempDir
    Path dir;

    @Test
    void weightsWrittenAreReadBackAsTheSameEffectiveWeights() throws Exception {
        TrainingSetup setup = TrainingSetup.of(TrainJobTest.shortProject(ConnectivitySpec.fixedProbability(0.5)),
                TrainJobTest.settings(1, 0), dir);
        EiRsnn net = setup.network();
        RsnnWeights w = setup.initial();
        RsnnWeightFiles.write(dir.resolve("w"), net, w);
        RsnnWeights back = RsnnWeightFiles.read(dir.resolve("w"), net);
        assertArrayEquals(effective(w.excitatory(), net.excitatoryMask()), back.excitatory());
        assertArrayEquals(effective(w.inhibitory(), net.inhibitoryMask()), back.inhibitory());
        assertArrayEquals(effective(w.input(), net.inputMask()), back.input());
        assertArrayEquals(w.readout(), back.readout());
    }

    @Test
    void aProjectNamingAWeightFolderStartsFromIt() throws Exception {
        TrainingProject project = TrainJobTest.shortProject(null);
        TrainingSetup random = TrainingSetup.of(project, TrainJobTest.settings(1, 0), dir);
        RsnnWeights trained = random.initial().copy();
        trained.readout()[0] = 42;
        RsnnWeightFiles.write(dir.resolve("trained"), random.network(), trained);
        TrainingProject applied = new TrainingProject(1, project.name(), project.description(), project.task(),
                project.rsnn().withWeights("trained"), project.training());
        TrainingSetup from = TrainingSetup.of(applied, TrainJobTest.settings(1, 0), dir);
        assertEquals(42f, from.initial().readout()[0]);
        assertArrayEquals(effective(random.initial().excitatory(), null), from.initial().excitatory());
    }

    @Test
    void aFileOfAnotherShapeIsRefusedWithItsNameAndBothShapes() throws Exception {
        TrainingSetup setup = TrainingSetup.of(TrainJobTest.shortProject(null), TrainJobTest.settings(1, 0), dir);
        Path w = dir.resolve("w");
        RsnnWeightFiles.write(w, setup.network(), setup.initial());
        try (OutputStream o = Files.newOutputStream(w.resolve("excitatory.npy"))) {
            NpyFormat.writeMatrix(o, 3, 2, new double[6]);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RsnnWeightFiles.read(w, setup.network()));
        assertTrue(e.getMessage().contains("excitatory.npy") && e.getMessage().contains("[3, 2]")
                && e.getMessage().contains("[16, 20]"), e.getMessage());
    }

    @Test
    void aNegativeMagnitudeOrAMissingFileIsRefused() throws Exception {
        TrainingSetup setup = TrainingSetup.of(TrainJobTest.shortProject(null), TrainJobTest.settings(1, 0), dir);
        EiRsnn net = setup.network();
        Path w = dir.resolve("w");
        RsnnWeightFiles.write(w, net, setup.initial());
        double[] negative = new double[net.inhibitory() * net.neurons()];
        negative[5] = -0.1;
        try (OutputStream o = Files.newOutputStream(w.resolve("inhibitory.npy"))) {
            NpyFormat.writeMatrix(o, net.inhibitory(), net.neurons(), negative);
        }
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> RsnnWeightFiles.read(w, net));
        assertTrue(e.getMessage().contains("inhibitory.npy: row 0, column 5") && e.getMessage().contains("|w|"), e.getMessage());
        Files.delete(w.resolve("readout.npy"));
        Files.delete(w.resolve("inhibitory.npy"));
        e = assertThrows(IllegalArgumentException.class, () -> RsnnWeightFiles.read(w, net));
        assertTrue(e.getMessage().contains("inhibitory.npy is missing"), e.getMessage());
    }

    private static float[] effective(float[] raw, boolean[] mask) {
        float[] a = new float[raw.length];
        for (int i = 0; i < a.length; i++) {
            a[i] = mask == null || mask[i] ? Math.abs(raw[i]) : 0;
        }
        return a;
    }
}
