package org.brainfx.engine.task;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeMap;

/**
 * A monkey's behaviour in the random-dot reaction-time task of Roitman &amp; Shadlen (2002,
 * J Neurosci 22:9475): per motion coherence the psychometric point (fraction of choices in the
 * direction of motion) and the chronometric point (mean reaction time of correct trials), with
 * counts; and per signed coherence the fraction of rightward choices. Read from the behaviour CSV
 * of {@code shared/data/cognitive-task} ({@code trial_index, signed_coherence, choice, rt_s, …};
 * signed coherence a fraction, positive = rightward; choice 0 = left, 1 = right; reaction time in s).
 *
 * <p>At 0 % coherence the motion has no direction: its psychometric point is the fraction of
 * rightward choices and its chronometric point the mean reaction time of all its trials.
 *
 * @param source  where the data came from (the file, as given)
 * @param trials  number of trials read
 * @param points  per absolute coherence, ascending
 * @param signed  per signed coherence, ascending
 */
public record RoitmanShadlenBehavior(String source, int trials, List<CoherencePoint> points, List<SignedPoint> signed) {

    /**
     * One absolute coherence.
     *
     * @param coherence                 percent (0, 3.2, …, 51.2)
     * @param trials                    trials at this coherence (both directions)
     * @param choicesInMotionDirection  choices toward the motion (at 0 %: rightward choices)
     * @param fractionInMotionDirection their fraction
     * @param correctTrials             trials whose reaction times are averaged (at 0 %: all)
     * @param meanCorrectRtMs           mean reaction time of those trials, ms
     */
    public record CoherencePoint(double coherence, int trials, int choicesInMotionDirection,
                                 double fractionInMotionDirection, int correctTrials, double meanCorrectRtMs) {
    }

    /**
     * One signed coherence.
     *
     * @param coherence     percent, positive = rightward motion
     * @param trials        trials at this coherence
     * @param rightChoices  rightward choices
     * @param fractionRight their fraction
     * @param meanRtMs      mean reaction time of all these trials, ms
     */
    public record SignedPoint(double coherence, int trials, int rightChoices, double fractionRight, double meanRtMs) {
    }

    /** Copies the lists. */
    public RoitmanShadlenBehavior {
        points = List.copyOf(points);
        signed = List.copyOf(signed);
    }

    /** Reads a behaviour CSV; errors name the file, the line and the column. */
    public static RoitmanShadlenBehavior read(Path csv) {
        try (Reader r = Files.newBufferedReader(csv, StandardCharsets.UTF_8)) {
            return parse(r, csv.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the Roitman–Shadlen behaviour file " + csv + ": " + e.getMessage(), e);
        }
    }

    /** Parses a behaviour CSV read from {@code in}; {@code source} names it in errors. */
    public static RoitmanShadlenBehavior parse(Reader in, String source) throws IOException {
        BufferedReader lines = new BufferedReader(in);
        String header = lines.readLine();
        if (header == null) {
            throw new IllegalArgumentException(source + ": the file is empty; expected a header with signed_coherence,"
                    + " choice and rt_s");
        }
        List<String> names = Arrays.asList(header.strip().split(",", -1));
        int cohCol = column(names, "signed_coherence", source);
        int choiceCol = column(names, "choice", source);
        int rtCol = column(names, "rt_s", source);
        // Keys in units of 0.1 % coherence, so 0.032 and 0.0320000001 meet.
        TreeMap<Integer, double[]> bySigned = new TreeMap<>();
        int count = 0;
        int lineNo = 1;
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
            lineNo++;
            if (line.isBlank()) {
                continue;
            }
            String[] f = line.split(",", -1);
            if (f.length != names.size()) {
                throw new IllegalArgumentException(source + ":" + lineNo + ": " + f.length + " fields, the header has "
                        + names.size());
            }
            double coh = number(f[cohCol], "signed_coherence", source, lineNo);
            if (!(Math.abs(coh) <= 1)) {
                throw new IllegalArgumentException(source + ":" + lineNo + ": signed_coherence = " + f[cohCol]
                        + " is not a fraction in [-1, 1]");
            }
            String choice = f[choiceCol].strip();
            if (!choice.equals("0") && !choice.equals("1")) {
                throw new IllegalArgumentException(source + ":" + lineNo + ": choice = '" + f[choiceCol]
                        + "' is not 0 (left) or 1 (right)");
            }
            double rt = number(f[rtCol], "rt_s", source, lineNo);
            if (!(rt > 0)) {
                throw new IllegalArgumentException(source + ":" + lineNo + ": rt_s = " + f[rtCol]
                        + " is not a reaction time > 0 s");
            }
            // Per signed coherence: trials, right choices, RT sum, correct trials, correct RT sum.
            double[] acc = bySigned.computeIfAbsent((int) Math.round(coh * 1000), k -> new double[5]);
            boolean right = choice.equals("1");
            boolean correct = coh == 0 || (coh > 0) == right;
            acc[0]++;
            acc[1] += right ? 1 : 0;
            acc[2] += rt * 1000;
            acc[3] += correct ? 1 : 0;
            acc[4] += correct ? rt * 1000 : 0;
            count++;
        }
        if (count == 0) {
            throw new IllegalArgumentException(source + ": no trials after the header");
        }
        List<SignedPoint> signed = new ArrayList<>();
        TreeMap<Integer, double[]> byAbs = new TreeMap<>();
        for (var e : bySigned.entrySet()) {
            double[] a = e.getValue();
            int key = e.getKey();
            signed.add(new SignedPoint(key / 10.0, (int) a[0], (int) a[1], a[1] / a[0], a[2] / a[0]));
            double[] abs = byAbs.computeIfAbsent(Math.abs(key), k -> new double[4]);
            abs[0] += a[0];
            abs[1] += key > 0 ? a[1] : key < 0 ? a[0] - a[1] : a[1];
            abs[2] += a[3];
            abs[3] += a[4];
        }
        List<CoherencePoint> points = new ArrayList<>();
        for (var e : byAbs.entrySet()) {
            double[] a = e.getValue();
            points.add(new CoherencePoint(e.getKey() / 10.0, (int) a[0], (int) a[1], a[1] / a[0], (int) a[2],
                    a[2] > 0 ? a[3] / a[2] : Double.NaN));
        }
        return new RoitmanShadlenBehavior(source, count, points, signed);
    }

    private static int column(List<String> names, String name, String source) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException(source + ": no column '" + name + "' in the header " + names
                    + "; expected the Roitman–Shadlen behaviour columns signed_coherence, choice, rt_s");
        }
        return i;
    }

    private static double number(String text, String column, String source, int line) {
        try {
            double v = Double.parseDouble(text.strip());
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // reported below with the line
        }
        throw new IllegalArgumentException(source + ":" + line + ": " + column + " = '" + text + "' is not a number");
    }

    /** The coherences of the experiment, percent, ascending (0, 3.2, 6.4, 12.8, 25.6, 51.2 for monkey B). */
    public List<Double> coherences() {
        return points.stream().map(CoherencePoint::coherence).toList();
    }

    /**
     * The random-dot task over the monkey's coherences: {@code base} (e.g.
     * {@link PerceptualDecisionSettings#defaults()}) with its coherence set replaced. The monkey saw
     * each absolute coherence about equally often, as the task draws them.
     */
    public PerceptualDecisionSettings taskSettings(PerceptualDecisionSettings base) {
        return base.withCoherences(coherences());
    }

    /** The random-dot task with NeuroGym's other defaults over the monkey's coherences. */
    public PerceptualDecisionMaking randomDotTask() {
        return new PerceptualDecisionMaking(taskSettings(PerceptualDecisionSettings.defaults()));
    }
}
