package org.brainfx.app.workbench;

import java.util.List;

/** A span of {@code System.nanoTime()} time, such as a collection pause or a safepoint, for matching with pulse gaps. */
record TimeSpan(long startNanos, long endNanos) {

    /** Milliseconds of {@code spans} that fall between {@code fromNanos} and {@code toNanos}. */
    static double millisWithin(List<TimeSpan> spans, long fromNanos, long toNanos) {
        long sum = 0;
        for (TimeSpan p : spans) {
            long a = Math.max(fromNanos, p.startNanos());
            long b = Math.min(toNanos, p.endNanos());
            if (b > a) {
                sum += b - a;
            }
        }
        return sum / 1e6;
    }
}
