package org.brainfx.engine.data;

import io.jhdf.HdfFile;
import io.jhdf.Superblock;
import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.io.IOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.brainfx.engine.data.NwbSweepPairing.Pair;
import org.brainfx.engine.data.NwbSweepPairing.Segment;
import org.brainfx.engine.data.Recording.Channel;
import org.brainfx.engine.data.Recording.ClampMode;
import org.brainfx.engine.data.Recording.StimulusSource;
import org.brainfx.engine.data.Recording.Sweep;

/**
 * Reads the intracellular patch-clamp sweeps of an NWB file (HDF5, NWB 2.x and the NWB 1.x
 * layout) into a {@link Recording}: current-clamp series with their stimuli when the file has
 * any, otherwise voltage-clamp series.
 */
public final class NwbReader {
    private static final byte[] HDF5_SIGNATURE = {(byte) 0x89, 'H', 'D', 'F', '\r', '\n', 0x1a, '\n'};
    private static final Pattern VERSION = Pattern.compile("[12]\\.\\d+(\\.\\d+)?.*");
    private static final String NWB1_ACQUISITION = "timeseries";

    private final Path file;
    private final HdfFile hdf;
    private final Map<String, String> metadata = new LinkedHashMap<>();
    private final List<String> notes = new ArrayList<>();

    private NwbReader(Path file, HdfFile hdf) {
        this.file = file;
        this.hdf = hdf;
    }

    /** Reads the current-clamp sweeps, or the voltage-clamp sweeps of a file without any. */
    public static Recording read(Path file) throws RecordingException {
        return read(file, false);
    }

    /**
     * Reads the current-clamp sweeps; with {@code currentClampOnly} a file without any fails,
     * naming what it holds instead, otherwise its voltage-clamp sweeps are read.
     */
    public static Recording read(Path file, boolean currentClampOnly) throws RecordingException {
        return read(file, currentClampOnly, 0);
    }

    /**
     * Reads as {@link #read(Path, boolean)} the series of one electrode: {@code electrode} counts the
     * file's electrodes in name order from 0 (a file may hold several cells; a recording is one).
     */
    public static Recording read(Path file, boolean currentClampOnly, int electrode) throws RecordingException {
        checkHdf5(file);
        try (HdfFile hdf = new HdfFile(file)) {
            return new NwbReader(file, hdf).recording(currentClampOnly, electrode);
        } catch (HdfException | BufferUnderflowException | IndexOutOfBoundsException | ClassCastException
                 | NegativeArraySizeException | ArithmeticException | IllegalArgumentException | IllegalStateException e) {
            // jHDF reports damaged structures (a dangling heap index, a short buffer) with these.
            throw new RecordingException(file + ": the HDF5 structure cannot be read (" + e.getMessage()
                    + "); the file is corrupt or was not copied completely: copy it again from its source", e);
        }
    }

    /**
     * Fails early and clearly on a missing, non-HDF5 or truncated file, which jHDF would report
     * only as a low-level failure somewhere inside.
     */
    private static void checkHdf5(Path file) throws RecordingException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            long at = signatureOffset(channel, size);
            if (at < 0) {
                throw new RecordingException(file + ": not an HDF5 file (no HDF5 signature); an NWB file is HDF5"
                        + " — check that it was exported as NWB and not renamed from another format");
            }
            Superblock superblock = Superblock.readSuperblock(channel, at);
            long end = superblock.getBaseAddressByte() + superblock.getEndOfFileAddress();
            if (size < end) {
                throw new RecordingException(file + ": truncated: the file has " + size + " bytes but its HDF5"
                        + " superblock says " + end + "; copy it again completely");
            }
        } catch (NoSuchFileException e) {
            throw new RecordingException(file + ": no such file", e);
        } catch (RecordingException e) {
            throw e;
        } catch (HdfException | BufferUnderflowException e) {
            throw new RecordingException(file + ": the HDF5 superblock cannot be read (" + e.getMessage()
                    + "); the file is corrupt: copy it again from its source", e);
        } catch (IOException e) {
            throw new RecordingException(file + ": cannot be read: " + e.getMessage(), e);
        }
    }

    /** HDF5 allows a user block before the superblock, so the signature may sit at 0, 512, 1024, … */
    private static long signatureOffset(FileChannel channel, long size) throws IOException {
        ByteBuffer buffer = ByteBuffer.allocate(HDF5_SIGNATURE.length);
        for (long at = 0; at + HDF5_SIGNATURE.length <= size; at = at == 0 ? 512 : at * 2) {
            buffer.clear();
            channel.read(buffer, at);
            if (Arrays.equals(buffer.array(), HDF5_SIGNATURE)) {
                return at;
            }
        }
        return -1;
    }

    private Recording recording(boolean currentClampOnly, int electrode) throws RecordingException {
        String version = version();
        boolean nwb1 = version.startsWith("1.");
        Group acquisition = group(hdf, "acquisition");
        if (nwb1 && acquisition != null) {
            acquisition = group(acquisition, NWB1_ACQUISITION);
        }
        Group presentation = group(group(hdf, "stimulus"), "presentation");
        List<NwbSeries> acquired = acquisition == null ? List.of() : NwbSeries.children(file, acquisition);
        List<NwbSeries> presented = presentation == null ? List.of() : NwbSeries.children(file, presentation);

        List<NwbSeries> currentClamp = acquired.stream().filter(NwbSeries::isCurrentClamp).toList();
        List<NwbSeries> voltageClamp = acquired.stream().filter(NwbSeries::isVoltageClamp).toList();
        ClampMode mode;
        List<NwbSeries> responses;
        if (!currentClamp.isEmpty()) {
            mode = ClampMode.CURRENT;
            responses = currentClamp;
            if (!voltageClamp.isEmpty()) {
                notes.add("left out " + voltageClamp.size() + " VoltageClampSeries");
            }
        } else if (!voltageClamp.isEmpty() && !currentClampOnly) {
            mode = ClampMode.VOLTAGE;
            responses = voltageClamp;
        } else {
            throw noCurrentClamp(acquisition, acquired);
        }
        responses = oneElectrode(responses, electrode);
        String stimulusType = mode == ClampMode.CURRENT ? NwbSeries.CURRENT_STIMULUS : NwbSeries.VOLTAGE_STIMULUS;
        List<NwbSeries> stimuli = presented.stream().filter(s -> s.type().equals(stimulusType)).toList();

        NwbSweepPairing.Result paired = NwbSweepPairing.pair(hdf, responses, stimuli);
        List<Sweep> sweeps = new ArrayList<>();
        List<Integer> withoutStimulus = new ArrayList<>();
        for (Pair pair : paired.pairs()) {
            Sweep sweep = sweep(sweeps.size(), pair, mode);
            if (sweep.stimulus() == null) {
                withoutStimulus.add(sweep.index());
            }
            sweeps.add(sweep);
        }
        StimulusSource source = withoutStimulus.size() == sweeps.size() ? StimulusSource.NONE : StimulusSource.RECORDED;
        if (source == StimulusSource.NONE) {
            notes.add("no " + stimulusType + " under /stimulus/presentation matches the sweeps: they have no stimulus");
        } else if (!withoutStimulus.isEmpty()) {
            notes.add("no stimulus found for sweeps " + withoutStimulus);
        }
        describe(paired, responses.get(0), sweeps);
        NwbSeries first = paired.pairs().get(0).response().series();
        List<Channel> channels = new ArrayList<>();
        channels.add(new Channel(first.type(), first.unitText()));
        paired.pairs().stream().filter(p -> p.stimulus() != null).findFirst().ifPresent(p ->
                channels.add(new Channel(stimulusType, p.stimulus().series().unitText())));
        return new Recording("NWB", version, file, mode, channels, sweeps, 1000 / sweeps.get(0).dtMs(), source, metadata);
    }

    /**
     * The version from the root attribute (NWB 2, {@code 2.4.0} or {@code NWB-2.2.0}) or the
     * {@code /nwb_version} dataset (NWB 1); a file with neither is HDF5 but not NWB.
     */
    private String version() throws RecordingException {
        Attribute attribute = hdf.getAttribute("nwb_version");
        String text = attribute != null ? NwbValues.text(attribute.getData()) : null;
        if (text == null && hdf.getChild("nwb_version") instanceof Dataset d) {
            text = NwbValues.text(d.getData());
        }
        if (text == null) {
            String top = hdf.getChildren().keySet().stream().sorted().collect(Collectors.joining(", "));
            throw new RecordingException(file + ": an HDF5 file but not NWB: the root has no 'nwb_version' attribute"
                    + " or dataset (it holds: " + (top.isEmpty() ? "nothing" : top) + "); export the recording as NWB");
        }
        String version = text.strip().replaceFirst("(?i)^NWB-", "");
        if (!VERSION.matcher(version).matches()) {
            throw new RecordingException(file + ": NWB version '" + text + "' is not supported; BrainFX reads NWB 1.x"
                    + " and 2.x");
        }
        return version;
    }

    private RecordingException noCurrentClamp(Group acquisition, List<NwbSeries> acquired) {
        Map<String, List<String>> byType = new TreeMap<>();
        for (NwbSeries s : acquired) {
            byType.computeIfAbsent(s.type(), t -> new ArrayList<>()).add(s.name());
        }
        if (acquisition != null) {
            for (Node n : acquisition) {
                if (acquired.stream().noneMatch(s -> s.name().equals(n.getName()))) {
                    byType.computeIfAbsent(n.isGroup() ? "group without neurodata_type" : "dataset",
                            t -> new ArrayList<>()).add(n.getName());
                }
            }
        }
        String holds = byType.isEmpty() ? "nothing"
                : byType.entrySet().stream().map(e -> e.getValue().size() + " " + e.getKey() + " ("
                        + abbreviate(e.getValue()) + ")").collect(Collectors.joining(", "));
        boolean voltage = byType.containsKey(NwbSeries.VOLTAGE_CLAMP);
        String where = acquisition == null ? "/acquisition" : acquisition.getPath().replaceFirst("/$", "");
        return new RecordingException(file + ": no CurrentClampSeries under " + where + "; it holds " + holds
                + (voltage ? "; voltage-clamp sweeps cannot be fitted with a neuron model: choose a current-clamp recording"
                        : "; BrainFX reads intracellular current- or voltage-clamp series"));
    }

    private static String abbreviate(List<String> names) {
        List<String> sorted = names.stream().sorted(NwbSweepPairing::compareNatural).toList();
        return sorted.size() <= 3 ? String.join(", ", sorted)
                : sorted.get(0) + " … " + sorted.get(sorted.size() - 1);
    }

    /** A file may hold several cells; a recording is one cell, so keep the chosen electrode's series. */
    private List<NwbSeries> oneElectrode(List<NwbSeries> responses, int electrode) throws RecordingException {
        Map<String, List<NwbSeries>> byElectrode = new TreeMap<>(NwbSweepPairing::compareNatural);
        for (NwbSeries s : responses) {
            String name = s.electrode();
            byElectrode.computeIfAbsent(name == null ? "" : name, e -> new ArrayList<>()).add(s);
        }
        List<String> names = new ArrayList<>(byElectrode.keySet());
        if (electrode >= names.size()) {
            throw new RecordingException(file + ": there is no electrode " + electrode + "; the file's series come from "
                    + names.size() + " (0.." + (names.size() - 1) + ": " + names + ")");
        }
        String chosen = names.get(electrode);
        if (!chosen.isEmpty()) {
            metadata.put("electrode", chosen);
        }
        if (names.size() > 1) {
            TreeSet<String> others = new TreeSet<>(names);
            others.remove(chosen);
            notes.add("read electrode '" + chosen + "' only; left out electrodes " + others
                    + " (choose another with the channel option, counting electrodes from 0)");
        }
        return byElectrode.get(chosen);
    }

    private Sweep sweep(int index, Pair pair, ClampMode mode) throws RecordingException {
        boolean current = mode == ClampMode.CURRENT;
        Segment r = pair.response();
        NwbSeries response = r.series();
        double rate = response.rateHz();
        int count = r.count() < 0 ? response.length() : r.count();
        checkRange(r, count);
        double[] v = response.read(current ? "voltage" : "current", r.start(), count, index);
        double[] stimulus = null;
        Segment s = pair.stimulus();
        if (s != null) {
            NwbSeries series = s.series();
            int stimulusCount = s.count() < 0 ? series.length() : s.count();
            checkRange(s, stimulusCount);
            double stimulusRate = series.rateHz();
            if (Math.abs(stimulusRate - rate) > 1e-9 * rate || stimulusCount != count) {
                throw new RecordingException(String.format(Locale.ROOT,
                        "%s: sweep %d: stimulus %s has %d samples at %s Hz but response %s has %d at %s Hz; a sweep's"
                                + " stimulus and response must match sample for sample", file, index, series.path(),
                        stimulusCount, stimulusRate, response.path(), count, rate));
            }
            stimulus = series.read(current ? "current" : "voltage", s.start(), stimulusCount, index);
        }
        return new Sweep(index, 1000 / rate, v, current ? "mV" : "nA", stimulus,
                stimulus == null ? null : current ? "nA" : "mV");
    }

    private static void checkRange(Segment segment, int count) throws RecordingException {
        int length = segment.series().length();
        if (segment.start() < 0 || count <= 0 || segment.start() + count > length) {
            throw segment.series().fail("the recordings table asks for samples " + segment.start() + " to "
                    + (segment.start() + count) + " of " + length, "fix idx_start/count in intracellular_recordings");
        }
    }

    private void describe(NwbSweepPairing.Result paired, NwbSeries first, List<Sweep> sweeps) {
        putText("identifier", hdf.getChild("identifier"));
        putText("session_start_time", hdf.getChild("session_start_time"));
        putText("session_description", hdf.getChild("session_description"));
        String protocol = first.text("stimulus_description");
        if (protocol != null) {
            metadata.put("stimulus_description", protocol);
        }
        metadata.put("series", paired.pairs().stream().map(p -> p.response().series().name())
                .collect(Collectors.joining(", ")));
        metadata.put("paired by", String.join(", ", paired.methods()));
        if (sweeps.stream().mapToDouble(Sweep::dtMs).distinct().count() > 1) {
            notes.add("sweeps differ in sampling rate; each sweep keeps its own dt");
        }
        if (!notes.isEmpty()) {
            metadata.put("notes", String.join("; ", notes));
        }
    }

    private void putText(String key, Node node) {
        String text = node instanceof Dataset d ? NwbValues.text(d.getData()) : null;
        if (text != null && !text.isBlank()) {
            metadata.put(key, text);
        }
    }

    private static Group group(Group parent, String name) {
        return parent != null && parent.getChild(name) instanceof Group g ? g : null;
    }
}
