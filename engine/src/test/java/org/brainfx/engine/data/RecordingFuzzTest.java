package org.brainfx.engine.data;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.management.ThreadMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Truncates and corrupts every shared ABF, NWB and CSV recording in many ways, the same ways on every run
 * (seeded by the file's name): each read must either give sane sweeps or fail with a
 * {@link RecordingException} — never another exception, a read longer than 2 s, or an allocation out of
 * proportion to the file.
 */
class RecordingFuzzTest {
    private static final long TIMEOUT_MS = 2000;
    /** A read may allocate this many times the file's size (doubles, copies, decompression) plus a constant. */
    private static final long ALLOCATION_FACTOR = 64;
    private static final long ALLOCATION_SLACK = 64L << 20;

    private static ExecutorService reader;
    private static ThreadMXBean threads;

    @TempDir
    Path dir;

    @BeforeAll
    static void startReader() {
        reader = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "fuzz-reader");
            t.setDaemon(true);
            return t;
        });
        threads = (ThreadMXBean) ManagementFactory.getThreadMXBean();
    }

    @AfterAll
    static void stopReader() {
        reader.shutdownNow();
    }

    @Test
    void abfFiles() throws Exception {
        List<Path> files = new ArrayList<>(list("abf", ".abf"));
        files.addAll(list("abf-corpus", ".abf"));
        fuzz(files, 30, ".abf", f -> AbfReader.read(f));
    }

    @Test
    void nwbFiles() throws Exception {
        fuzz(list("nwb", ".nwb"), 80, ".nwb", f -> NwbReader.read(f));
    }

    @Test
    void csvFiles() throws Exception {
        CsvOptions options = CsvOptions.DEFAULT.withSampleIntervalMs(0.01).withResponseUnit("mV");
        List<Path> files = new ArrayList<>(list("hh-traces", ".csv"));
        files.addAll(list("golden", ".csv"));
        fuzz(files, 150, ".csv", f -> CsvReader.read(f, options));
    }

    private interface Read {
        Recording read(Path file) throws RecordingException;
    }

    private void fuzz(List<Path> files, int variantsPerFile, String extension, Read read) throws Exception {
        assertTrue(!files.isEmpty(), "no shared files to fuzz");
        List<String> failures = new ArrayList<>();
        int read1 = 0;
        int refused = 0;
        long slowest = 0;
        for (Path original : files) {
            byte[] bytes = Files.readAllBytes(original);
            Random random = new Random(original.getFileName().toString().hashCode());
            for (int v = 0; v < variantsPerFile; v++) {
                byte[] variant = mutate(bytes, random, v);
                Path file = dir.resolve("variant" + extension);
                Files.write(file, variant);
                String what = original.getFileName() + " variant " + v + " (" + variant.length + " bytes)";
                long t0 = System.nanoTime();
                Future<Object> f = reader.submit(() -> {
                    long before = threads.getCurrentThreadAllocatedBytes();
                    Object outcome;
                    try {
                        outcome = read.read(file);
                    } catch (RecordingException e) {
                        outcome = e;
                    } catch (Throwable e) {
                        outcome = new AssertionError(what + ": " + e, e);
                    }
                    long allocated = threads.getCurrentThreadAllocatedBytes() - before;
                    if (allocated > ALLOCATION_FACTOR * variant.length + ALLOCATION_SLACK) {
                        return new AssertionError(what + ": allocated " + (allocated >> 20) + " MB");
                    }
                    return outcome;
                });
                Object outcome;
                try {
                    outcome = f.get(TIMEOUT_MS, TimeUnit.MILLISECONDS);
                } catch (TimeoutException e) {
                    f.cancel(true);
                    failures.add(what + ": no answer within " + TIMEOUT_MS + " ms");
                    reader.shutdownNow();
                    startReader();
                    continue;
                } catch (ExecutionException e) {
                    outcome = new AssertionError(what + ": " + e.getCause());
                }
                slowest = Math.max(slowest, System.nanoTime() - t0);
                if (outcome instanceof AssertionError e) {
                    failures.add(e.getMessage());
                } else if (outcome instanceof RecordingException e) {
                    refused++;
                    if (!e.getMessage().contains(file.toString())) {
                        failures.add(what + ": the message does not name the file: " + e.getMessage());
                    }
                } else {
                    read1++;
                    String insane = insanity((Recording) outcome);
                    if (insane != null) {
                        failures.add(what + ": read, but " + insane);
                    }
                }
            }
        }
        System.out.printf("fuzzed %d %s variants of %d files: %d read, %d refused, slowest %.0f ms%n",
                files.size() * variantsPerFile, extension, files.size(), read1, refused, slowest / 1e6);
        assertTrue(failures.isEmpty(), failures.size() + " failures:\n" + String.join("\n",
                failures.subList(0, Math.min(30, failures.size()))));
    }

    /** Why a recording read from a damaged file is not sane, or null. */
    private static String insanity(Recording r) {
        if (r.sweeps().isEmpty() || !(r.sampleRateHz() > 0) || Double.isInfinite(r.sampleRateHz())) {
            return r.sweeps().size() + " sweeps at " + r.sampleRateHz() + " Hz";
        }
        for (Recording.Sweep s : r.sweeps()) {
            if (s.samples() == 0 || !(s.dtMs() > 0) || s.stimulus() != null && s.stimulus().length != s.samples()) {
                return "sweep " + s.index() + " has " + s.samples() + " samples, dt " + s.dtMs();
            }
            for (double x : s.response()) {
                if (!Double.isFinite(x)) {
                    return "sweep " + s.index() + " holds " + x;
                }
            }
        }
        return null;
    }

    /**
     * One damaged copy: cut short, bytes flipped (mostly in the header, where offsets and counts live),
     * 32-bit fields overwritten with huge, negative or zero counts and offsets, or a run of bytes zeroed.
     */
    private static byte[] mutate(byte[] original, Random random, int variant) {
        int header = Math.min(original.length, 8192);
        switch (variant % 5) {
            case 0 -> {
                return Arrays.copyOf(original, random.nextInt(original.length));
            }
            case 1 -> {
                byte[] b = original.clone();
                int flips = 1 + random.nextInt(16);
                for (int i = 0; i < flips; i++) {
                    int at = random.nextInt(4) == 0 ? random.nextInt(b.length) : random.nextInt(header);
                    b[at] ^= (byte) (1 << random.nextInt(8));
                }
                return b;
            }
            case 2 -> {
                byte[] b = original.clone();
                ByteBuffer buffer = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
                int[] values = {Integer.MAX_VALUE, -1, Integer.MIN_VALUE, 0, 0x10000, 1 << 28, b.length, b.length / 512};
                int fields = 1 + random.nextInt(4);
                for (int i = 0; i < fields; i++) {
                    int at = random.nextInt(Math.max(1, header - 4)) & ~1;
                    buffer.putInt(at, values[random.nextInt(values.length)]);
                }
                return b;
            }
            case 3 -> {
                byte[] b = original.clone();
                int at = random.nextInt(header);
                Arrays.fill(b, at, Math.min(b.length, at + 1 + random.nextInt(256)), (byte) 0);
                return b;
            }
            default -> {
                byte[] b = original.clone();
                ByteBuffer buffer = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
                int at = random.nextInt(Math.max(1, header - 8)) & ~1;
                buffer.putLong(at, random.nextBoolean() ? Long.MAX_VALUE : random.nextLong());
                return b;
            }
        }
    }

    private static List<Path> list(String folder, String extension) throws IOException {
        try (Stream<Path> s = Files.list(SharedData.require(folder))) {
            return s.filter(p -> p.getFileName().toString().endsWith(extension)).sorted().toList();
        }
    }
}
