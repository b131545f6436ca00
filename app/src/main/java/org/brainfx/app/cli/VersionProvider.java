package org.brainfx.app.cli;

import org.brainfx.app.BrainfxVersion;
import picocli.CommandLine.IVersionProvider;

/** Supplies the text of {@code brainfx --version}: BrainFX's build version and the Java runtime. */
public final class VersionProvider implements IVersionProvider {

    @Override
    public String[] getVersion() {
        return new String[] {
                "brainfx " + BrainfxVersion.version(),
                "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")",
        };
    }
}
