package org.brainfx.engine.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Reads every recording of the shared ABF conformance corpus ({@code shared/data/abf-corpus}, see its
 * PROVENANCE.md) and compares it with pyABF's dump of the same file: sweep count, sample rate, channel names
 * and units, acquisition mode, the first and last samples of sweep 0 of channel 0 and the last samples of the
 * last channel, the command waveform of sweep 0 ({@code sweepC}) and its epoch table ({@code sweepEpochs}).
 * Where pyABF and the format disagree, {@link #PYABF_DIFFERS} says why and the format wins.
 */
class AbfConformanceTest {
    private static final Pattern FIELD = Pattern.compile("^\\* (\\w+) = `(.*)`$", Pattern.MULTILINE);
    private static final Pattern QUOTED = Pattern.compile("'([^']*)'");
    private static final Pattern EPOCH = Pattern.compile("(\\w+) (\\S+) \\[(-?\\d+):(-?\\d+)\\]");

    /**
     * Checks where pyABF's reading is not the format's, by file and check name. Every entry was looked at in
     * the file itself.
     */
    private static final Map<String, String> PYABF_DIFFERS = Map.ofEntries(
            // Mode 1 (variable-length events): the synch array gives each event's length (3540, 70040 and 16040
            // samples); pyABF cuts the data into sweeps of equal length instead.
            Map.entry("2020_06_16_0000.abf:sweepY-last", "pyABF splits variable-length events evenly"),
            Map.entry("2020_06_16_0000.abf:sweepC", "pyABF splits variable-length events evenly"),
            Map.entry("2020_06_16_0001.abf:sweepY-last", "pyABF splits variable-length events evenly"),
            Map.entry("2020_06_16_0001.abf:sweepC", "pyABF splits variable-length events evenly"),
            // ABF 1.3 files (before 1.6) keep DAC holding levels at fDACHoldingLevel (byte 1394), which pyABF
            // does not read (it gives NaN); their ADC names are empty, which pyABF shows as '?' or NULs and we
            // as "ADC n".
            Map.entry("130618-1-12.abf:sweepC", "pyABF does not read ABF1 holding levels"),
            Map.entry("130618-1-12.abf:adcNames", "unnamed ADC"),
            Map.entry("f1_saved.abf:sweepC", "pyABF does not read ABF1 holding levels"),
            Map.entry("f1_saved.abf:adcNames", "unnamed ADC"),
            Map.entry("invalidDate-abf1.abf:sweepC", "pyABF does not read ABF1 holding levels"),
            Map.entry("invalidDate-abf1.abf:adcNames", "unnamed ADC"),
            // ABF 1.8 files: pyABF's holding level is not fDACHoldingLevel. pclamp11_4ch_abf1.abf is the ABF1
            // save of pclamp11_4ch.abf, whose ABF2 header (read alike by pyABF and us) holds -10 mV on DAC 0,
            // as our reading of the ABF1 file does; pyABF reads +10 there.
            Map.entry("pclamp11_4ch_abf1.abf:sweepC", "pyABF's ABF1 holding level"),
            Map.entry("pclamp11_4ch_abf1.abf:sweepEpochs", "pyABF's ABF1 holding level"),
            Map.entry("multichannelAbf1WithTags.abf:sweepC", "pyABF's ABF1 holding level"),
            // The unit is stored as Latin-1 0xB5 'm': micrometres, which pyABF prints as "um".
            Map.entry("2015_09_10_0001.abf:adcUnits", "µm is written um by pyABF"),
            // fADCSequenceInterval is 2480 µs: 403.2258 Hz; pyABF rounds the rate to a whole number of Hz.
            Map.entry("File_axon_7.abf:sampleRate", "pyABF rounds the rate"));

    @Test
    void everyCorpusFileIsReadAsPyAbfReadsItOrRefusedWithAReason() throws IOException {
        Path corpus = SharedData.require("abf-corpus");
        List<Path> files;
        try (Stream<Path> s = Files.list(corpus)) {
            files = s.filter(p -> p.getFileName().toString().endsWith(".abf")).sorted().toList();
        }
        assertEquals(51, files.size(), "recordings in " + corpus);
        List<String> problems = new ArrayList<>();
        List<String> refusals = new ArrayList<>();
        for (Path file : files) {
            String name = file.getFileName().toString();
            Path dump = corpus.resolve("headers").resolve(name.replace(".abf", ".md"));
            String md = Files.readString(dump, StandardCharsets.ISO_8859_1);
            try {
                compare(name, file, md, problems);
                checkRecording(AbfReader.read(file), problems);
            } catch (RecordingException e) {
                refusals.add(e.getMessage());
            }
        }
        refusals.forEach(r -> System.out.println("refused: " + r));
        assertTrue(problems.isEmpty(), problems.size() + " differences from pyABF:\n" + String.join("\n", problems));
        assertTrue(refusals.isEmpty(), refusals.size() + " refusals:\n" + String.join("\n", refusals));
    }

    /** What every read recording must satisfy, whatever its channels. */
    private static void checkRecording(Recording r, List<String> problems) {
        String name = r.file().getFileName().toString();
        int response = Integer.parseInt(r.metadata().get("responseChannel").split(" ")[0]);
        if (r.channels().get(response).units().equals("V")) {
            problems.add(name + ": the response is channel " + response + " in V, a monitor, not a membrane potential");
        }
        String expected = r.clampMode() == Recording.ClampMode.CURRENT ? "mV"
                : r.clampMode() == Recording.ClampMode.VOLTAGE ? "nA" : r.channels().get(response).units();
        for (Recording.Sweep s : r.sweeps()) {
            if (!expected.equals(s.responseUnit()) || s.samples() == 0
                    || s.stimulus() != null && s.stimulus().length != s.samples()) {
                problems.add(name + ": sweep " + s.index() + " has " + s.samples() + " samples in " + s.responseUnit()
                        + " and a stimulus of " + (s.stimulus() == null ? 0 : s.stimulus().length));
                return;
            }
        }
        if (r.clampMode() == Recording.ClampMode.UNKNOWN || r.stimulusSource() == Recording.StimulusSource.NONE) {
            String note = r.metadata().get("stimulusNote");
            if (note == null || note.isBlank()) {
                problems.add(name + ": " + r.clampMode() + " clamp with " + r.stimulusSource() + " stimulus but no note why");
            }
        }
    }

    @Test
    void clampModeResponseAndStimulusComeFromTheUnitsOfAllChannels() throws IOException {
        Path corpus = SharedData.require("abf-corpus");
        // mV potential and pA command current on channel 1, DAC in pA: current clamp, recorded command preferred.
        Recording r = AbfReader.read(corpus.resolve("2020_03_02_0000.abf"));
        assertEquals(Recording.ClampMode.CURRENT, r.clampMode());
        assertEquals(Recording.StimulusSource.RECORDED, r.stimulusSource());
        assertEquals("1 (I_Com, pA)", r.metadata().get("stimulusChannel"));
        assertTrue(r.metadata().get("stimulusNote").contains("rather than the waveform rebuilt"));
        // pA response with a mV command monitor on channel 1: voltage clamp, stimulus from the monitor.
        r = AbfReader.read(corpus.resolve("2015_09_10_0001.abf"));
        assertEquals(Recording.ClampMode.VOLTAGE, r.clampMode());
        assertEquals("1 (V command, mV)", r.metadata().get("stimulusChannel"));
        // 16 channels, seven in V (monitors, triggers): the response is the first mV channel, the command nA.
        r = AbfReader.read(corpus.resolve("test_0001.abf"));
        assertEquals(Recording.ClampMode.CURRENT, r.clampMode());
        assertEquals("0 (V1, mV)", r.metadata().get("responseChannel"));
        assertEquals("3 (I2, nA)", r.metadata().get("stimulusChannel"));
        // A command in pA but the only channel in pA with a current-clamp telegraph: mislabelled units.
        r = AbfReader.read(corpus.resolve("opto_aps_bad_units.abf"));
        assertEquals(Recording.ClampMode.UNKNOWN, r.clampMode());
        assertTrue(r.metadata().get("stimulusNote").contains("mislabelled"));
        // The same recording with its units right, a flat command (light stimulation): current clamp.
        r = AbfReader.read(corpus.resolve("opto_aps_good_units.abf"));
        assertEquals(Recording.ClampMode.CURRENT, r.clampMode());
        for (Recording.Sweep s : r.sweeps()) {
            assertTrue(Arrays.stream(s.stimulus()).allMatch(x -> x == s.stimulus()[0]), "a flat command, read as such");
        }
        // Gap-free, 1 kHz, the DAC holding only: current clamp with a flat stimulus, and a note saying why.
        r = AbfReader.read(corpus.resolve("File_axon_2.abf"));
        assertEquals(Recording.ClampMode.CURRENT, r.clampMode());
        assertEquals(1, r.sweeps().size());
        assertTrue(r.metadata().get("stimulusNote").startsWith("flat stimulus"), r.metadata().get("stimulusNote"));
        // dB and mV channels with a mV command: unknown, but the response is the potential, not the dB channel.
        r = AbfReader.read(corpus.resolve("16d22006_kim_gapfree.abf"));
        assertEquals(Recording.ClampMode.UNKNOWN, r.clampMode());
        assertEquals("1 (IN 3, mV)", r.metadata().get("responseChannel"));
        // The user's choice wins over the units.
        r = AbfReader.read(corpus.resolve("2020_03_02_0000.abf"), 1);
        assertEquals(Recording.ClampMode.VOLTAGE, r.clampMode());
        // Variable-length events are sweeps as long as the synch array says, not equal parts.
        r = AbfReader.read(corpus.resolve("2020_06_16_0000.abf"));
        assertEquals(List.of(3540, 70040, 16040), r.sweeps().stream().map(Recording.Sweep::samples).toList());
    }

    private static void compare(String name, Path file, String md, List<String> problems) throws IOException {
        AbfBytes bytes = new AbfBytes(file, Files.readAllBytes(file));
        AbfHeader header = AbfHeader.read(bytes);
        int[] lengths = header.sweepLengths(0);
        double[][][] samples = AbfSamples.decode(header, bytes, lengths);
        Check check = new Check(name, problems);
        check.equal("sweepCount", Integer.parseInt(field(md, "sweepCount")), lengths.length);
        check.near("sampleRate", Double.parseDouble(field(md, "dataRate")), header.sampleRateHz(), 1e-6);
        check.equal("nOperationMode", Integer.parseInt(field(md, "nOperationMode")), header.operationMode());
        check.equal("adcUnits", quoted(field(md, "adcUnits")), header.channels().stream().map(AbfChannel::units).toList());
        check.equal("adcNames", quoted(field(md, "adcNames")), header.channels().stream().map(AbfChannel::name).toList());

        double[] sweepY = samples[0][0];
        double[][] y = values(field(md, "sweepY"));
        check.samples("sweepY-first", y[0], sweepY, 0);
        check.samples("sweepY-last", y[1], sweepY, sweepY.length - y[1].length);
        double[][] data = values(field(md, "data"));
        double[] lastChannel = samples[samples.length - 1][lengths.length - 1];
        check.samples("data-last", data[1], lastChannel, lastChannel.length - data[1].length);

        AbfDac dac = header.dacs().isEmpty() ? null : header.dacs().get(0);
        if (dac == null) {
            return;
        }
        boolean episodic = header.operationMode() == AbfHeader.EPISODIC;
        String unsupported = episodic ? AbfEpochs.unsupportedReason(dac) : null;
        if (unsupported != null) {
            return;
        }
        double[] sweepC = episodic ? AbfEpochs.waveform(dac, 0, lengths[0]) : flat(lengths[0], dac.holding());
        double[][] c = values(field(md, "sweepC"));
        check.samples("sweepC", c[0], sweepC, 0);
        check.samples("sweepC", c[1], sweepC, sweepC.length - c[1].length);
        if (episodic && dac.waveform() == AbfDac.Waveform.EPOCHS) {
            check.equal("sweepEpochs", field(md, "sweepEpochs").replaceFirst("^Sweep epoch waveform: ", ""),
                    epochTable(dac, lengths[0]));
        }
    }

    /** Our epoch table of sweep 0 in pyABF's words: the holding period, each played epoch, then the rest. */
    private static String epochTable(AbfDac dac, int samples) {
        List<String> parts = new ArrayList<>();
        int at = AbfEpochs.holdingSamples(samples);
        parts.add(segment("Step", dac.holding(), 0, at));
        double level = dac.holding();
        for (AbfEpoch e : dac.epochs()) {
            if (e.type() == AbfEpoch.OFF) {
                continue;
            }
            int end = at + e.duration(0);
            parts.add(segment(e.type() == AbfEpoch.RAMP ? "Ramp" : "Step", e.level(0), at, end));
            at = end;
            level = e.level(0);
        }
        parts.add(segment("Step", dac.keepsLastLevel() ? level : dac.holding(), at, samples));
        return String.join(", ", parts);
    }

    private static String segment(String type, double level, int from, int to) {
        return String.format(Locale.ROOT, "%s %.2f [%d:%d]", type, level, from, to);
    }

    private static double[] flat(int n, double level) {
        double[] out = new double[n];
        Arrays.fill(out, level);
        return out;
    }

    private static String field(String md, String name) {
        Matcher m = FIELD.matcher(md);
        while (m.find()) {
            if (m.group(1).equals(name)) {
                return m.group(2);
            }
        }
        throw new AssertionError("the dump has no field " + name);
    }

    private static List<String> quoted(String list) {
        List<String> out = new ArrayList<>();
        Matcher m = QUOTED.matcher(list);
        while (m.find()) {
            out.add(m.group(1).trim());
        }
        return out;
    }

    /** pyABF's "array (…) with values like: a, b, c, ..., x, y, z" as {first, last}. */
    private static double[][] values(String text) {
        String list = text.substring(text.indexOf(':') + 1);
        String[] halves = list.split("\\.\\.\\.,?");
        return new double[][] {numbers(halves[0]), halves.length > 1 ? numbers(halves[1]) : new double[0]};
    }

    private static double[] numbers(String csv) {
        return Stream.of(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).mapToDouble(s -> s.equals("nan") ? Double.NaN : Double.parseDouble(s))
                .toArray();
    }

    /** Collects differences instead of stopping at the first, so one run lists them all. */
    private record Check(String file, List<String> problems) {
        void equal(String what, Object expected, Object actual) {
            if (!expected.equals(actual) && !PYABF_DIFFERS.containsKey(file + ":" + what)) {
                problems.add(file + ": " + what + ": pyABF " + expected + ", ours " + actual);
            }
        }

        void near(String what, double expected, double actual, double tolerance) {
            if (!(Math.abs(expected - actual) <= tolerance) && !PYABF_DIFFERS.containsKey(file + ":" + what)) {
                problems.add(file + ": " + what + ": pyABF " + expected + ", ours " + actual);
            }
        }

        /** pyABF prints five decimals; float32 data adds a relative 1e-7. */
        void samples(String what, double[] expected, double[] actual, int from) {
            for (int i = 0; i < expected.length; i++) {
                double a = from + i >= 0 && from + i < actual.length ? actual[from + i] : Double.NaN;
                if (Double.isNaN(expected[i]) && Double.isNaN(a)) {
                    continue;
                }
                if (!(Math.abs(expected[i] - a) <= 0.51e-5 + 1e-6 * Math.abs(expected[i]))) {
                    near(what, expected[i], a, 0);
                    return;
                }
            }
        }
    }
}
