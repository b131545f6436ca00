package org.brainfx.engine.compile;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;

import org.brainfx.engine.model.ModelSpec;
import org.brainfx.engine.model.library.ModelLibrary;
import org.junit.jupiter.api.Test;

/** Compiling the same model again reuses its kernel class (and so the JIT's work on it); other models get their own. */
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

        ModelCompiler.forgetCompiledKernels();
        CompiledModel fresh = ModelCompiler.compile(hh);
        assertNotSame(first.kernel().getClass(), fresh.kernel().getClass());
        assertArrayEquals(first.stateNames().toArray(), fresh.stateNames().toArray());
    }
}
