package org.brainfx.engine.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.brainfx.engine.model.ModelSpec;
import org.brainfx.engine.model.library.ModelLibrary;
import org.brainfx.engine.sim.LaneValues;
import org.codehaus.janino.SimpleCompiler;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compiling the same model again reuses its kernel class (and so the JIT's work on it); other models get
 * their own; a kernel stored on disk by an earlier run loads instead of compiling.
 */
class KernelCacheTest {

    @Test
    void theSameModelReusesItsKernelClassAndOthersDoNot() {
        ModelSpec hh = ModelLibrary.get("hh");
        CompiledModel first = ModelCompiler.compile(hh);
        CompiledModel again = ModelCompiler.compile(ModelLibrary.get("hh"));
        assertSame(first.kernel().getClass(), again.kernel().getClass());
        assertNotSame(first.kernel(), again.kernel(), "each compiled model has its own kernel instance");
        CompiledModel lif = ModelCompiler.compile(ModelLibrary.get("lif"));
        assertNotSame(first.kernel().getClass(), lif.kernel().getClass());

        ModelCompiler.forgetCompiledKernels(true);
        CompiledModel fresh = ModelCompiler.compile(hh);
        assertNotSame(first.kernel().getClass(), fresh.kernel().getClass());
        assertArrayEquals(first.stateNames().toArray(), fresh.stateNames().toArray());
    }

    @Test
    void aKernelStoredOnDiskLoadsAndStepsExactlyAsTheCompiledOne(@TempDir Path dir) throws Exception {
        KernelDiskCache disk = KernelDiskCache.at(dir);
        CompiledModel gif = ModelCompiler.compile(ModelLibrary.get("gif"));
        String name = gif.kernel().getClass().getName();
        String template = gif.source().replace(name, "KernelClassNameSlot");
        assertNull(disk.read(template), "an empty folder holds nothing");
        SimpleCompiler janino = new SimpleCompiler();
        janino.setParentClassLoader(StepKernel.class.getClassLoader());
        janino.cook(gif.source());
        disk.write(template, name, janino.getBytecodes().get(name));
        KernelDiskCache.Stored stored = disk.read(template);
        assertEquals(name, stored.className());
        StepKernel loaded = (StepKernel) KernelDiskCache.define(stored).getDeclaredConstructor().newInstance();
        assertArrayEquals(step(gif, gif.kernel()), step(gif, loaded), "the loaded kernel steps bit for bit alike");

        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                Files.write(f, new byte[] {1, 2, 3});
            }
        }
        assertNull(disk.read(template), "a damaged file is ignored");
    }

    /** Twenty steps of a model's defaults with a current of 1.5, the states after each flattened. */
    private static double[] step(CompiledModel m, StepKernel k) {
        LaneValues lanes = LaneValues.defaults(m, 3);
        double[][] s = lanes.initial();
        double[][] next = new double[m.stateCount()][3];
        double[][] inv = new double[k.invariantCount()][3];
        double[][] in = {{1.5, 1.5, 1.5}};
        double[] spike = new double[3];
        k.prepare(lanes.parameters(), 0.1, inv, 0, 3);
        double[] out = new double[20 * m.stateCount() * 3];
        int o = 0;
        for (int t = 0; t < 20; t++) {
            k.forward(s, lanes.parameters(), inv, in, 0.1, next, spike, 0, 3);
            for (double[] row : next) {
                for (double v : row) {
                    out[o++] = v;
                }
            }
            double[][] swap = s;
            s = next;
            next = swap;
        }
        return out;
    }
}
