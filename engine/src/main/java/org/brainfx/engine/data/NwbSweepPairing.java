package org.brainfx.engine.data;

import io.jhdf.api.Dataset;
import io.jhdf.api.Group;
import io.jhdf.api.Node;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pairs each response series of an NWB file with its stimulus series and puts the sweeps in
 * order, trusting in turn the icephys {@code intracellular_recordings} table (NWB ≥ 2.4), the
 * older {@code sweep_table}, a {@code sweep_number} attribute, and the numbers in the names
 * ({@code ic__Step__3} ↔ {@code ics__Step__3}, {@code data_00003_AD0} ↔ {@code data_00003_DA0}).
 */
final class NwbSweepPairing {
    private static final String ICEPHYS = "/general/intracellular_ephys/";
    private static final Pattern DIGITS = Pattern.compile("\\d+");
    private static final Pattern RUNS = Pattern.compile("\\d+|\\D+");

    /** Samples {@code [start, start + count)} of a series; a negative count means all of it. */
    record Segment(NwbSeries series, int start, int count) {
        static Segment whole(NwbSeries series) {
            return new Segment(series, 0, -1);
        }
    }

    /** A response with its stimulus (null when none was found) and how the two were matched. */
    record Pair(Segment response, Segment stimulus, String pairedBy) { }

    /** The pairs in sweep order, and the ways that were used to pair them. */
    record Result(List<Pair> pairs, Set<String> methods) { }

    private final Group root;
    private final Map<Long, NwbSeries> byAddress = new HashMap<>();
    private final Map<NwbSeries, Long> sweepNumbers = new HashMap<>();
    private final Map<NwbSeries, Integer> tableRows = new HashMap<>();

    private NwbSweepPairing(Group root, List<NwbSeries> responses, List<NwbSeries> stimuli) {
        this.root = root;
        for (NwbSeries s : responses) {
            byAddress.put(s.address(), s);
        }
        for (NwbSeries s : stimuli) {
            byAddress.put(s.address(), s);
        }
        for (NwbSeries s : byAddress.values()) {
            if (s.sweepNumber() != null) {
                sweepNumbers.put(s, s.sweepNumber());
            }
        }
    }

    /** Pairs {@code responses} with {@code stimuli} (both of one clamp mode) and orders the sweeps. */
    static Result pair(Group root, List<NwbSeries> responses, List<NwbSeries> stimuli) {
        return new NwbSweepPairing(root, responses, stimuli).run(responses, stimuli);
    }

    private Result run(List<NwbSeries> responses, List<NwbSeries> stimuli) {
        readSweepTable();
        Map<NwbSeries, Pair> pairs = new HashMap<>(recordingsTable());
        Set<NwbSeries> used = new HashSet<>();
        pairs.values().stream().filter(p -> p.stimulus() != null).forEach(p -> used.add(p.stimulus().series()));
        for (NwbSeries response : responses) {
            Pair known = pairs.get(response);
            if (known == null || known.stimulus() == null) {
                Segment segment = known != null ? known.response() : Segment.whole(response);
                Pair found = bySweepNumberOrName(segment, stimuli, used);
                pairs.put(response, found != null ? found
                        : known != null ? known : new Pair(segment, null, "none"));
            }
        }
        List<NwbSeries> ordered = new ArrayList<>(responses);
        ordered.sort(Comparator.comparing((NwbSeries s) -> sweepNumbers.getOrDefault(s, Long.MAX_VALUE))
                .thenComparing(s -> tableRows.getOrDefault(s, Integer.MAX_VALUE))
                .thenComparing(NwbSeries::name, NwbSweepPairing::compareNatural));
        List<Pair> result = new ArrayList<>();
        Set<String> methods = new LinkedHashSet<>();
        for (NwbSeries s : ordered) {
            Pair p = pairs.get(s);
            result.add(p);
            methods.add(p.pairedBy());
        }
        return new Result(result, methods);
    }

    private Pair bySweepNumberOrName(Segment response, List<NwbSeries> stimuli, Set<NwbSeries> used) {
        Long number = sweepNumbers.get(response.series());
        if (number != null) {
            List<NwbSeries> same = stimuli.stream()
                    .filter(s -> !used.contains(s) && number.equals(sweepNumbers.get(s))).toList();
            if (same.size() == 1) {
                used.add(same.get(0));
                return new Pair(response, Segment.whole(same.get(0)), "sweep number");
            }
        }
        List<String> key = digits(response.series().name());
        List<NwbSeries> named = stimuli.stream().filter(s -> !used.contains(s) && digits(s.name()).equals(key)).toList();
        if (named.size() == 1 && !key.isEmpty()) {
            used.add(named.get(0));
            return new Pair(response, Segment.whole(named.get(0)), "series names");
        }
        return null;
    }

    /**
     * Rows of the NWB ≥ 2.4 {@code intracellular_recordings} table whose response is one of ours;
     * its {@code response}/{@code stimulus} columns are compounds of (idx_start, count, reference).
     */
    private Map<NwbSeries, Pair> recordingsTable() {
        Map<NwbSeries, Pair> pairs = new HashMap<>();
        List<Segment> responses = segments(ICEPHYS + "intracellular_recordings/responses/response");
        List<Segment> stimuli = segments(ICEPHYS + "intracellular_recordings/stimuli/stimulus");
        for (int row = 0; row < responses.size(); row++) {
            Segment r = responses.get(row);
            if (r == null || pairs.containsKey(r.series())) {
                continue;
            }
            Segment s = row < stimuli.size() ? stimuli.get(row) : null;
            tableRows.put(r.series(), row);
            pairs.put(r.series(), new Pair(r, s, "intracellular_recordings table"));
        }
        return pairs;
    }

    /** One segment per row of a TimeSeriesReferenceVectorData column; null where the row is empty or not ours. */
    private List<Segment> segments(String path) {
        Object data = dataAt(path);
        List<Segment> out = new ArrayList<>();
        if (!(data instanceof Map<?, ?> columns)) {
            return out;
        }
        long[] start = NwbValues.integers(columns.get("idx_start"));
        long[] count = NwbValues.integers(columns.get("count"));
        long[] refs = NwbValues.integers(columns.get("timeseries"));
        if (start == null || count == null || refs == null) {
            return out;
        }
        for (int i = 0; i < Math.min(refs.length, Math.min(start.length, count.length)); i++) {
            NwbSeries s = byAddress.get(refs[i]);
            // NWB marks a row without a stimulus with idx_start = count = -1.
            boolean usable = s != null && count[i] >= 0 && start[i] >= 0 && count[i] <= Integer.MAX_VALUE
                    && start[i] <= Integer.MAX_VALUE;
            out.add(usable ? new Segment(s, (int) start[i], (int) count[i]) : null);
        }
        return out;
    }

    /**
     * Sweep numbers from the pre-2.4 {@code sweep_table}: a ragged column of series references
     * ({@code series}, ended per row by {@code series_index}; one per row when the index is absent)
     * and one {@code sweep_number} per row.
     */
    private void readSweepTable() {
        Object series = dataAt(ICEPHYS + "sweep_table/series");
        Object numbers = dataAt(ICEPHYS + "sweep_table/sweep_number");
        Object index = dataAt(ICEPHYS + "sweep_table/series_index");
        long[] refs = NwbValues.integers(series);
        long[] sweep = NwbValues.integers(numbers);
        long[] ends = NwbValues.integers(index);
        if (refs == null || sweep == null) {
            return;
        }
        int row = 0;
        for (int i = 0; i < refs.length; i++) {
            while (ends != null && row < ends.length && i >= ends[row]) {
                row++;
            }
            int r = ends == null ? i : row;
            NwbSeries s = byAddress.get(refs[i]);
            if (s != null && r < sweep.length) {
                sweepNumbers.putIfAbsent(s, sweep[r]);
            }
        }
    }

    private Object dataAt(String path) {
        Node node = root;
        for (String part : path.substring(1).split("/")) {
            if (!(node instanceof Group g) || (node = g.getChild(part)) == null) {
                return null;
            }
        }
        return node instanceof Dataset d ? d.getData() : null;
    }

    private static List<String> digits(String name) {
        List<String> out = new ArrayList<>();
        Matcher m = DIGITS.matcher(name);
        while (m.find()) {
            out.add(m.group().replaceFirst("^0+(?=\\d)", ""));
        }
        return out;
    }

    /** Orders names with their numbers compared as numbers, so {@code Step__2} comes before {@code Step__10}. */
    static int compareNatural(String a, String b) {
        Matcher ma = RUNS.matcher(a);
        Matcher mb = RUNS.matcher(b);
        while (ma.find() && mb.find()) {
            String x = ma.group();
            String y = mb.group();
            int c = Character.isDigit(x.charAt(0)) && Character.isDigit(y.charAt(0))
                    ? new BigInteger(x).compareTo(new BigInteger(y))
                    : x.compareTo(y);
            if (c != 0) {
                return c;
            }
        }
        return Integer.compare(a.length(), b.length());
    }
}
