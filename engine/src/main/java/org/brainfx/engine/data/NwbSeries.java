package org.brainfx.engine.data;

import io.jhdf.api.Attribute;
import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Link;
import io.jhdf.api.Node;
import io.jhdf.exceptions.HdfException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.brainfx.engine.model.unit.Unit;

/**
 * One patch-clamp time series group of an NWB file (a {@code CurrentClampSeries},
 * {@code VoltageClampStimulusSeries} …): its kind, sweep number and electrode, and how to read
 * its samples into internal units.
 */
final class NwbSeries {
    static final String CURRENT_CLAMP = "CurrentClampSeries";
    static final String I_ZERO_CLAMP = "IZeroClampSeries";
    static final String CURRENT_STIMULUS = "CurrentClampStimulusSeries";
    static final String VOLTAGE_CLAMP = "VoltageClampSeries";
    static final String VOLTAGE_STIMULUS = "VoltageClampStimulusSeries";

    /** The most a deflate-compressed byte can expand to. */
    private static final long MAX_INFLATION = 1032;

    private final Path file;
    private final Group group;
    private final String type;
    private final Long sweepNumber;

    private NwbSeries(Path file, Group group, String type, Long sweepNumber) {
        this.file = file;
        this.group = group;
        this.type = type;
        this.sweepNumber = sweepNumber;
    }

    /** The series in a group's children that have a neurodata type, in the file's order. */
    static List<NwbSeries> children(Path file, Group parent) {
        return parent.getChildren().values().stream()
                .filter(Node::isGroup)
                .map(n -> new NwbSeries(file, (Group) n, typeOf(n), sweepNumberOf(n)))
                .filter(s -> s.type != null)
                .toList();
    }

    /**
     * The NWB 2 {@code neurodata_type}; NWB 1 writes only {@code TimeSeries} there and puts the
     * real type last in {@code ancestry}.
     */
    private static String typeOf(Node node) {
        String type = NwbValues.text(attribute(node, "neurodata_type"));
        Object ancestry = attribute(node, "ancestry");
        if (ancestry instanceof String[] names && names.length > 0) {
            return names[names.length - 1];
        }
        return type;
    }

    private static Long sweepNumberOf(Node node) {
        Number n = NwbValues.number(attribute(node, "sweep_number"));
        return n == null ? null : n.longValue();
    }

    /**
     * An attribute's value, or null when it is missing or of a type jHDF cannot turn into Java values (an
     * enum or opaque type where a number or text was expected is as good as absent).
     */
    private static Object attribute(Node node, String name) {
        try {
            Attribute a = node.getAttribute(name);
            return a == null ? null : a.getData();
        } catch (HdfException e) {
            return null;
        }
    }

    String type() {
        return type;
    }

    String name() {
        return group.getName();
    }

    /** The group's HDF5 path without jHDF's trailing slash, e.g. {@code /acquisition/ic__Step__1}. */
    String path() {
        String p = group.getPath();
        return p.endsWith("/") ? p.substring(0, p.length() - 1) : p;
    }

    /** The HDF5 address, which object references in the sweep and recordings tables point to. */
    long address() {
        return group.getAddress();
    }

    /** The sweep number the writer stored on the group (MIES does), or null. */
    Long sweepNumber() {
        return sweepNumber;
    }

    boolean isCurrentClamp() {
        return CURRENT_CLAMP.equals(type) || I_ZERO_CLAMP.equals(type);
    }

    boolean isVoltageClamp() {
        return VOLTAGE_CLAMP.equals(type);
    }

    /** The electrode's name: the target of the {@code electrode} link (NWB 2) or {@code electrode_name} (NWB 1). */
    String electrode() {
        Node link = group.getChild("electrode");
        if (link instanceof Link l && !l.isBrokenLink()) {
            return l.getTarget().getName();
        }
        if (link != null) {
            return link.getName();
        }
        Node name = group.getChild("electrode_name");
        return name instanceof Dataset d ? NwbValues.text(d.getData()) : null;
    }

    /** A free-text attribute of the group, or null. */
    String text(String attributeName) {
        Object value = attribute(group, attributeName);
        if (value == null) {
            Node child = group.getChild(attributeName);
            value = child instanceof Dataset d ? d.getData() : null;
        }
        return NwbValues.text(value);
    }

    /** The {@code unit} attribute of {@code data}, exactly as stored, or null. */
    String unitText() {
        Node data = group.getChild("data");
        return data == null ? null : NwbValues.text(attribute(data, "unit"));
    }

    /** Samples per second, from {@code starting_time}'s {@code rate} or from regular {@code timestamps}. */
    double rateHz() throws RecordingException {
        Node start = group.getChild("starting_time");
        if (start != null) {
            Number rate = NwbValues.number(attribute(start, "rate"));
            if (rate == null || !(rate.doubleValue() > 0) || Double.isInfinite(rate.doubleValue())) {
                throw fail("starting_time has no positive 'rate' attribute (" + rate + ")",
                        "the writer must store the sampling rate in Hz");
            }
            return rate.doubleValue();
        }
        Node stamps = group.getChild("timestamps");
        if (stamps instanceof Dataset d) {
            return NwbValues.regularRate(d.getDataFlat(), this::fail);
        }
        throw fail("has neither starting_time (with rate) nor timestamps",
                "every TimeSeries must say when its samples were taken");
    }

    /** Number of samples in {@code data}. */
    int length() throws RecordingException {
        return (int) data().getSize();
    }

    /**
     * Reads {@code data[start, start + count)} as {@code (data × conversion + offset) × unit}, in the
     * internal unit of {@code dimension} (mV or nA).
     *
     * @param expected  {@code "voltage"} or {@code "current"}, for the check and the message
     * @param sweep     the sweep's position, named in the NaN message
     */
    double[] read(String expected, int start, int count, int sweep) throws RecordingException {
        Dataset data = data();
        Unit unit = unit(data);
        boolean ok = "voltage".equals(expected) ? NwbUnits.isVoltage(unit) : NwbUnits.isCurrent(unit);
        if (!ok) {
            throw fail("data is in '" + unit.symbol() + "' but a " + type + " holds a " + expected,
                    "fix the 'unit' attribute of " + data.getPath());
        }
        double conversion = scalarAttribute(data, "conversion", 1);
        double offset = scalarAttribute(data, "offset", 0);
        double factor = NwbUnits.toInternal(unit, conversion);
        double shift = NwbUnits.toInternal(unit, 1) * offset;
        Object stored;
        try {
            stored = data.getDataFlat();
        } catch (HdfException e) {
            throw fail("data cannot be read (" + e.getMessage() + ")", "the file is corrupt: copy it again from its source");
        }
        double[] out = NwbValues.samples(stored, start, count, factor, shift);
        for (int i = 0; i < out.length; i++) {
            if (!Double.isFinite(out[i])) {
                throw fail("sweep " + sweep + ": sample " + (start + i) + " is " + out[i],
                        "the recording is damaged there; re-export it or leave this sweep out");
            }
        }
        return out;
    }

    private Dataset data() throws RecordingException {
        Node node = group.getChild("data");
        if (!(node instanceof Dataset d)) {
            throw fail("has no 'data' dataset", "every TimeSeries must store its samples in 'data'");
        }
        int[] dims = d.getDimensions();
        long longest = 1;
        for (int dim : dims) {
            longest = Math.max(longest, dim);
        }
        if (dims.length == 0 || longest != d.getSize()) {
            throw fail("data has shape " + Arrays.toString(dims) + ", not one trace",
                    "BrainFX reads one-dimensional patch-clamp series");
        }
        // Deflate cannot shrink data more than about 1032:1, so a larger claim is a damaged header, and
        // believing it would allocate more memory than the file can justify.
        long fileBytes = file.toFile().length();
        if (d.getSize() > MAX_INFLATION * Math.max(1, fileBytes)) {
            throw fail("data claims " + d.getSize() + " samples, more than a " + fileBytes + "-byte file can hold even"
                    + " compressed", "the file is damaged: copy it again from its source");
        }
        return d;
    }

    private Unit unit(Dataset data) throws RecordingException {
        String text = NwbValues.text(attribute(data, "unit"));
        return NwbUnits.lookup(text).orElseThrow(() -> fail("data has unit '" + text + "', which BrainFX does not know",
                "use an SI unit such as 'volts' or 'amperes' with 'conversion'"));
    }

    private double scalarAttribute(Dataset data, String name, double fallback) throws RecordingException {
        Object value = attribute(data, name);
        if (value == null) {
            return fallback;
        }
        Number n = NwbValues.number(value);
        if (n == null || !Double.isFinite(n.doubleValue())) {
            throw fail("data attribute '" + name + "' is " + NwbValues.describe(value) + ", not a finite number",
                    "fix the attribute in the writer");
        }
        return n.doubleValue();
    }

    /** An error naming the file, this series' path, the problem and the fix. */
    RecordingException fail(String problem, String fix) {
        return new RecordingException(String.format(Locale.ROOT, "%s: %s %s: %s; %s", file, type,
                path(), problem, fix));
    }
}
