package org.brainfx.engine.data.connectome;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * NumPy reads what the writer writes: the C. elegans connectome as .npz and .npy, loaded by
 * {@code numpy.load} and compared with chemical and electrical matrices NumPy builds itself from
 * the raw Varshney rows. Runs where Debian's {@code /usr/bin/python3} has NumPy; skipped elsewhere.
 */
class NumpyPeerTest {
    private static final Path PYTHON = Path.of("/usr/bin/python3");
    private static final String SCRIPT = String.join("\n",
            "import csv, sys",
            "import numpy as np",
            "z = np.load(sys.argv[1])",
            "single = np.load(sys.argv[2])",
            "names = [str(n) for n in z['nodes']]",
            "index = {n: i for i, n in enumerate(names)}",
            "chemical = np.zeros((len(names), len(names)))",
            "electrical = np.zeros_like(chemical)",
            "for row in list(csv.reader(open(sys.argv[3])))[1:]:",
            "    a, b, kind, count = row[0].strip(), row[1].strip(), row[2], float(row[3])",
            "    if kind in ('S', 'Sp'):",
            "        chemical[index[a], index[b]] += count",
            "    elif kind == 'EJ':",
            "        electrical[index[a], index[b]] = count",
            "print(len(names), z['chemical'].dtype, bool((z['chemical'] == chemical).all()),",
            "      bool((z['electrical'] == electrical).all()), bool((single == chemical).all()))",
            "");

    @TempDir
    Path dir;

    @Test
    void numpyLoadsTheWrittenFilesEqualToItsOwnReadingOfTheTable() throws Exception {
        assumeTrue(Files.isExecutable(PYTHON) && numpyImports(), "no /usr/bin/python3 with NumPy here");
        Path table = TestFiles.resource("celegans_varshney2011_NeuronConnect.csv");
        Connectome c = Connectomes.read(table);
        Path npz = dir.resolve("celegans.npz");
        Path npy = dir.resolve("chemical.npy");
        ConnectomeWriter.writeNpz(c, npz);
        ConnectomeWriter.writeNpy(c.layer("chemical"), npy);
        Path script = dir.resolve("check.py");
        Files.writeString(script, SCRIPT);
        assertEquals("279 float64 True True True", run(List.of(PYTHON.toString(), script.toString(), npz.toString(),
                npy.toString(), table.toString())));
    }

    private static boolean numpyImports() throws IOException, InterruptedException {
        return run(List.of(PYTHON.toString(), "-c", "import numpy; print('ok')")).equals("ok");
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (!p.waitFor(60, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return "timed out";
        }
        return out;
    }
}
