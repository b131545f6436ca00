package org.brainfx.engine.compile;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Compiled kernel classes kept on disk between runs, keyed by a hash of their source: the second
 * {@code brainfx} command on the same model loads its kernel's bytecode instead of starting Janino,
 * whose own loading and warm-up is a third of a second of every cold command. The folder is the
 * system property {@value #PROPERTY} ({@code off} turns the cache off), else
 * {@code $XDG_CACHE_HOME/brainfx/kernels} or {@code ~/.cache/brainfx/kernels}. A file that cannot be
 * read or whose class no longer links is ignored (the kernel is compiled again and the file replaced);
 * writes are atomic, so concurrent runs cannot leave half a file.
 */
final class KernelDiskCache {
    /** The system property naming the cache folder, or {@code off}. */
    static final String PROPERTY = "brainfx.kernelCache";
    /** Changes when the file layout or the kernels' base class changes, so old files are not used. */
    private static final int FORMAT = 1;
    private static final int MAGIC = 0x42464b43;
    private final Path dir;

    private KernelDiskCache(Path dir) {
        this.dir = dir;
    }

    /** A cache in the given folder. */
    static KernelDiskCache at(Path dir) {
        return new KernelDiskCache(dir);
    }

    /** The cache the system properties and environment ask for (possibly none). */
    static KernelDiskCache fromEnvironment() {
        String property = System.getProperty(PROPERTY);
        if ("off".equals(property)) {
            return new KernelDiskCache(null);
        }
        if (property != null && !property.isBlank()) {
            return new KernelDiskCache(Path.of(property));
        }
        String xdg = System.getenv("XDG_CACHE_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg) : Path.of(System.getProperty("user.home"), ".cache");
        return new KernelDiskCache(base.resolve("brainfx").resolve("kernels"));
    }

    /** A stored kernel: its class's binary name and bytecode. */
    record Stored(String className, byte[] bytecode) { }

    /** The stored kernel for this source template, or null. */
    Stored read(String template) {
        if (dir == null) {
            return null;
        }
        Path file = dir.resolve(key(template) + ".kernel");
        if (!Files.isRegularFile(file)) {
            return null;
        }
        try (DataInputStream in = new DataInputStream(new ByteArrayInputStream(Files.readAllBytes(file)))) {
            if (in.readInt() != MAGIC || in.readInt() != FORMAT) {
                return null;
            }
            String name = in.readUTF();
            byte[] bytes = new byte[in.readInt()];
            in.readFully(bytes);
            return new Stored(name, bytes);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** Stores a kernel; failing to write (a read-only home, a full disk) only costs the next run a compile. */
    void write(String template, String className, byte[] bytecode) {
        if (dir == null) {
            return;
        }
        try {
            Files.createDirectories(dir);
            ByteArrayOutputStream buffer = new ByteArrayOutputStream(bytecode.length + 64);
            try (DataOutputStream out = new DataOutputStream(buffer)) {
                out.writeInt(MAGIC);
                out.writeInt(FORMAT);
                out.writeUTF(className);
                out.writeInt(bytecode.length);
                out.write(bytecode);
            }
            Path file = dir.resolve(key(template) + ".kernel");
            Path tmp = Files.createTempFile(dir, "kernel", ".tmp");
            try {
                Files.write(tmp, buffer.toByteArray());
                try {
                    Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
                } catch (AtomicMoveNotSupportedException e) {
                    Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (IOException | RuntimeException e) {
            // Best effort: see the method's comment.
        }
    }

    /** Defines a stored kernel's class in a loader of its own, as Janino does for a fresh one. */
    static Class<?> define(Stored stored) {
        return new KernelLoader(StepKernel.class.getClassLoader()).define(stored.className(), stored.bytecode());
    }

    private static String key(String template) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            sha.update(("format " + FORMAT + "\n").getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(sha.digest(template.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** A class loader for one kernel class. */
    private static final class KernelLoader extends ClassLoader {
        KernelLoader(ClassLoader parent) {
            super(parent);
        }

        Class<?> define(String name, byte[] bytes) {
            return defineClass(name, bytes, 0, bytes.length);
        }
    }
}
