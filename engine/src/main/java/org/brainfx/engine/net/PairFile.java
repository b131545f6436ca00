package org.brainfx.engine.net;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * An explicit projection's synapse list read from a CSV file: one synapse per line, {@code pre,post} or
 * {@code pre,post,weight} (0-based neuron indices, weight magnitudes ≥ 0), an optional header line, blank
 * lines and {@code #} comments skipped; fields separated by commas, semicolons or whitespace.
 *
 * @param weight the third column, or null when the file has two
 */
record PairFile(int[] pre, int[] post, double[] weight) {

    /** The pairs in {@code path}, checked against the populations' sizes; problems name the file and line. */
    static PairFile read(Path path, int preCount, int postCount, String where) {
        int[] pre = new int[1024];
        int[] post = new int[1024];
        double[] weight = new double[1024];
        int n = 0;
        int columns = 0;
        String[] fields = new String[4];
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String line;
            int lineNumber = 0;
            boolean first = true;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (lineNumber == 1) {
                    line = NumberFile.withoutByteOrderMark(line);
                }
                int count = split(line, fields);
                if (count == 0) {
                    continue;
                }
                if (first && isHeader(fields[0])) {
                    first = false;
                    continue;
                }
                first = false;
                if (count < 2 || count > 3) {
                    throw new NetworkException(where + ": " + path + " line " + lineNumber + " has " + count
                            + " fields; write pre,post or pre,post,weight");
                }
                if (columns == 0) {
                    columns = count;
                } else if (count != columns) {
                    throw new NetworkException(where + ": " + path + " line " + lineNumber + " has " + count
                            + " fields but the lines before have " + columns + "; give every line the same columns");
                }
                if (n == pre.length) {
                    pre = Arrays.copyOf(pre, 2 * n);
                    post = Arrays.copyOf(post, 2 * n);
                    weight = Arrays.copyOf(weight, 2 * n);
                }
                pre[n] = index(fields[0], preCount, "pre", path, lineNumber, where);
                post[n] = index(fields[1], postCount, "post", path, lineNumber, where);
                if (count == 3) {
                    weight[n] = magnitude(fields[2], path, lineNumber, where);
                }
                n++;
            }
        } catch (NoSuchFileException e) {
            throw new NetworkException(where + ": file " + path + " does not exist; give a path relative to the "
                    + "project folder", e);
        } catch (IOException e) {
            throw new NetworkException(where + ": cannot read " + path + ": " + e.getMessage(), e);
        }
        return new PairFile(Arrays.copyOf(pre, n), Arrays.copyOf(post, n),
                columns == 3 ? Arrays.copyOf(weight, n) : null);
    }

    /** Splits {@code line} into at most {@code fields.length} fields (the count says if there were more). */
    private static int split(String line, String[] fields) {
        int end = line.length();
        int i = 0;
        int count = 0;
        while (true) {
            while (i < end && NumberFile.separator(line.charAt(i))) {
                i++;
            }
            if (i >= end || line.charAt(i) == '#') {
                return count;
            }
            int start = i;
            while (i < end && !NumberFile.separator(line.charAt(i))) {
                i++;
            }
            if (count < fields.length) {
                fields[count] = line.substring(start, i);
            }
            count++;
        }
    }

    /** A header names its columns; a number-like first field (even a malformed one) is data. */
    private static boolean isHeader(String token) {
        for (int i = 0; i < token.length(); i++) {
            if (Character.isLetter(token.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static int index(String token, int count, String side, Path path, int line, String where) {
        int index;
        try {
            index = Integer.parseInt(token);
        } catch (NumberFormatException e) {
            throw new NetworkException(where + ": " + path + " line " + line + ": " + side + " '" + token
                    + "' is not a neuron index; write 0-based integers", e);
        }
        if (index < 0 || index >= count) {
            throw new NetworkException(where + ": " + path + " line " + line + ": " + side + " index " + index
                    + " is outside 0.." + (count - 1) + "; indices are 0-based and below the population's size");
        }
        return index;
    }

    private static double magnitude(String token, Path path, int line, String where) {
        double w;
        try {
            w = Double.parseDouble(token);
        } catch (NumberFormatException e) {
            throw new NetworkException(where + ": " + path + " line " + line + ": weight '" + token
                    + "' is not a number", e);
        }
        if (!(w >= 0) || Double.isInfinite(w)) {
            throw new NetworkException(where + ": " + path + " line " + line + ": weight " + token
                    + " is not a finite magnitude ≥ 0; " + Wiring.MAGNITUDES);
        }
        return w;
    }
}
