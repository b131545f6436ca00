package org.brainfx.engine.net;

import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * Text files of numbers that populations and projections read their values from: numbers separated by
 * commas, semicolons, whitespace or line breaks; blank lines and lines starting with {@code #} are skipped.
 * Every problem names the file and the line.
 */
final class NumberFile {
    private NumberFile() {
    }

    /** {@code file} resolved against the project directory {@code baseDir} (when given and the path is relative). */
    static Path resolve(String file, Path baseDir) {
        Path path = Path.of(file);
        return baseDir == null || path.isAbsolute() ? path : baseDir.resolve(path);
    }

    /** Exactly {@code count} finite numbers from {@code path}; {@code what} names one of them ("neuron", "synapse"). */
    static double[] read(Path path, int count, String what, String where) {
        double[] values = new double[Math.max(count, 16)];
        int n = 0;
        try (BufferedReader in = Files.newBufferedReader(path, StandardCharsets.UTF_8)) {
            String line;
            int lineNumber = 0;
            while ((line = in.readLine()) != null) {
                lineNumber++;
                if (lineNumber == 1) {
                    line = NumberFile.withoutByteOrderMark(line);
                }
                int end = line.length();
                int i = 0;
                while (true) {
                    while (i < end && separator(line.charAt(i))) {
                        i++;
                    }
                    if (i >= end || line.charAt(i) == '#') {
                        break;
                    }
                    int start = i;
                    while (i < end && !separator(line.charAt(i))) {
                        i++;
                    }
                    double x = number(line.substring(start, i), path, lineNumber, where);
                    if (n == values.length) {
                        values = Arrays.copyOf(values, values.length * 2);
                    }
                    values[n++] = x;
                }
            }
        } catch (NoSuchFileException e) {
            throw new NetworkException(where + ": file " + path + " does not exist; give a path relative to the "
                    + "project folder", e);
        } catch (IOException e) {
            throw new NetworkException(where + ": cannot read " + path + ": " + e.getMessage(), e);
        }
        if (n != count) {
            throw new NetworkException(where + ": " + path + " holds " + n + " values but there "
                    + (count == 1 ? "is 1 " + what : "are " + count + " " + what + "s") + "; give one value per "
                    + what);
        }
        return n == values.length ? values : Arrays.copyOf(values, n);
    }

    /** Spreadsheets save UTF-8 with a byte-order mark, which is not part of the first value. */
    static String withoutByteOrderMark(String firstLine) {
        return firstLine.startsWith("\uFEFF") ? firstLine.substring(1) : firstLine;
    }

    static boolean separator(char c) {
        return c == ',' || c == ';' || Character.isWhitespace(c);
    }

    private static double number(String token, Path path, int line, String where) {
        double x;
        try {
            x = Double.parseDouble(token);
        } catch (NumberFormatException e) {
            throw new NetworkException(where + ": " + path + " line " + line + ": '" + token
                    + "' is not a number; write one number per value, separated by commas, spaces or lines", e);
        }
        if (!Double.isFinite(x)) {
            throw new NetworkException(where + ": " + path + " line " + line + ": " + token
                    + " is not a finite number; give a finite value");
        }
        return x;
    }
}
