package dev.goodput.core.io;

import java.util.Locale;

/** A number of bytes as people write it: {@code 16 MiB}, {@code 16M}, {@code 2GiB}, {@code 65536}. */
public final class ByteSize {
    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB"};

    private ByteSize() {
    }

    /** Whole KiB/MiB/GiB/TiB when it divides evenly, else bytes: the form messages and dialogs show. */
    public static String format(long bytes) {
        long v = bytes;
        int unit = -1;
        while (unit < UNITS.length - 1 && v != 0 && v % 1024 == 0) {
            v /= 1024;
            unit++;
        }
        return unit < 0 ? bytes + " bytes" : v + " " + UNITS[unit];
    }

    /**
     * Parses {@code N}, {@code N bytes}, {@code NK}, {@code NKiB}, {@code NKB} (all binary: 1024), up to T.
     *
     * @throws IllegalArgumentException when it is not a positive size
     */
    public static long parse(String text) {
        String t = text == null ? "" : text.strip().toUpperCase(Locale.ROOT).replace(" ", "");
        if (t.endsWith("BYTES")) {
            t = t.substring(0, t.length() - 5);
        } else if (t.endsWith("IB")) {
            t = t.substring(0, t.length() - 2);
        } else if (t.endsWith("B")) {
            t = t.substring(0, t.length() - 1);
        }
        int shift = 0;
        if (!t.isEmpty()) {
            int u = "KMGT".indexOf(t.charAt(t.length() - 1));
            if (u >= 0) {
                shift = 10 * (u + 1);
                t = t.substring(0, t.length() - 1);
            }
        }
        long n;
        try {
            n = Long.parseLong(t);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("expected a size such as 16M, 16MiB or 65536, found \"" + text + "\"");
        }
        if (n <= 0 || n > (Long.MAX_VALUE >> shift)) {
            throw new IllegalArgumentException("expected a size above 0 and below 8 EiB, found \"" + text + "\"");
        }
        return n << shift;
    }
}
