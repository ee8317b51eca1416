package io.ticketing.bench;

import java.util.Arrays;

/** Latencies of one kind of operation, in microseconds, kept whole so that percentiles are exact. */
final class Latencies {

    private long[] micros = new long[1024];
    private int count;

    synchronized void record(long nanos) {
        if (count == micros.length) {
            micros = Arrays.copyOf(micros, count * 2);
        }
        micros[count++] = nanos / 1_000;
    }

    synchronized int count() {
        return count;
    }

    /** The latency below which {@code percent} of the operations fall, in milliseconds. */
    synchronized double percentileMillis(double percent) {
        if (count == 0) {
            return Double.NaN;
        }
        long[] sorted = Arrays.copyOf(micros, count);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(percent / 100 * count) - 1;
        return sorted[Math.max(0, Math.min(count - 1, index))] / 1_000.0;
    }
}
