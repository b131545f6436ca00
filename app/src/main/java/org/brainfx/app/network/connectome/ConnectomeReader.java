package org.brainfx.app.network.connectome;

import java.nio.file.Path;
import org.brainfx.engine.data.connectome.Connectome;
import org.brainfx.engine.data.connectome.ConnectomeException;
import org.brainfx.engine.data.connectome.ConnectomeOptions;

/** Reads a connectome file; the engine's {@code Connectomes::read}, or a stand-in in tests. */
@FunctionalInterface
public interface ConnectomeReader {
    /** Reads {@code file} with {@code options}; fails naming the file, the place and the fix. */
    Connectome read(Path file, ConnectomeOptions options) throws ConnectomeException;
}
