package dev.goodput.core.io;

/**
 * The fast path for the line a run log has a million of: a step record as the writer writes it,
 * {@code {"event":"step","step":N,"start":"ISO","end":"ISO","tokens":N}} (fields in any order, {@code end} and
 * {@code tokens} optional, no white space), read straight from the line's bytes: no String, no JSON parser, no
 * field map. Anything else — another event, another field, white space, an escape, a byte outside ASCII, a number
 * that is not a plain whole number, a time not in the {@code yyyy-MM-ddTHH:mm:ss[.f]Z} form, an end before its
 * start, a repeated field — is declined, and the general path reads the line (and says what is wrong with it), so
 * both give the same facts, warnings and errors.
 */
final class CanonicalStepLine {
    private static final byte[] EVENT = ascii("event");
    private static final byte[] STEP = ascii("step");
    private static final byte[] START = ascii("start");
    private static final byte[] END = ascii("end");
    private static final byte[] TOKENS = ascii("tokens");
    private static final int F_EVENT = 1;
    private static final int F_STEP = 2;
    private static final int F_START = 4;
    private static final int F_END = 8;
    private static final int F_TOKENS = 16;
    /** Whole numbers of up to 18 digits cannot overflow a long. */
    private static final int MAX_DIGITS = 18;
    private static final int HOUR_BYTES = 13;

    private final long maxString;
    private long number;
    private long startUs;
    private long endUs;
    private long tokens;
    private int at;
    /** The {@code yyyy-MM-ddTHH} of the last time read, and the µs it starts at: most times share their hour. */
    private final byte[] hourText = new byte[HOUR_BYTES];
    private long hourUs = Long.MIN_VALUE;

    /** @param maxString the longest string the general path's parser accepts ({@link ReadLimits#maxStringBytes()}) */
    CanonicalStepLine(long maxString) {
        this.maxString = maxString;
    }

    /** Reads {@code b[from, to)} as a canonical step line; false (and nothing read) when it is not one. */
    boolean parse(byte[] b, int from, int to) {
        if (to - from < 2 || b[from] != '{' || b[to - 1] != '}') {
            return false;
        }
        int seen = 0;
        at = from + 1;
        long num = 0;
        long start = 0;
        long end = dev.goodput.core.model.Times.UNKNOWN;
        long tok = -1;
        while (true) {
            if (at >= to || b[at] != '"') {
                return false;
            }
            int keyFrom = at + 1;
            int keyTo = closingQuote(b, keyFrom, to);
            if (keyTo < 0 || keyTo + 1 >= to || b[keyTo + 1] != ':') {
                return false;
            }
            at = keyTo + 2;
            int field = field(b, keyFrom, keyTo);
            if (field == 0 || (seen & field) != 0) {
                return false;
            }
            seen |= field;
            if (field == F_STEP || field == F_TOKENS) {
                long v = wholeNumber(b, to);
                if (v < 0) {
                    return false;
                }
                if (field == F_STEP) {
                    num = v;
                } else {
                    tok = v;
                }
            } else {
                if (at >= to || b[at] != '"') {
                    return false;
                }
                int valueFrom = at + 1;
                if (field == F_EVENT) {
                    int valueTo = closingQuote(b, valueFrom, to);
                    if (valueTo < 0 || !equal(b, valueFrom, valueTo, STEP)) {
                        return false;
                    }
                    at = valueTo + 1;
                } else {
                    long us = isoTime(b, valueFrom, to);
                    if (us == Long.MIN_VALUE) {
                        return false;
                    }
                    if (field == F_START) {
                        start = us;
                    } else {
                        end = us;
                    }
                }
            }
            // after a value: a comma and the next field, or the closing brace that ends the line
            if (at == to - 1) {
                break;
            }
            if (b[at] != ',') {
                return false;
            }
            at++;
        }
        if ((seen & (F_EVENT | F_STEP | F_START)) != (F_EVENT | F_STEP | F_START)
                || (seen & F_END) != 0 && end < start) {
            return false;
        }
        number = num;
        startUs = start;
        endUs = end;
        tokens = tok;
        return true;
    }

    /** The index of the quote closing a string from {@code from}, or -1 when it has an escape or a non-ASCII byte. */
    private int closingQuote(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            byte c = b[i];
            if (c == '"') {
                return i - from > maxString ? -1 : i;
            }
            if (c == '\\' || c < 0x20) { // also every byte ≥ 0x80 (negative)
                return -1;
            }
        }
        return -1;
    }

    /**
     * The string from {@code from} (after its opening quote) as a time in the form {@link Timestamps#parseUtcFast}
     * reads, with {@link #at} after its closing quote; {@code Long.MIN_VALUE} otherwise. The form's fixed bytes are
     * checked by the parser, so only the fraction's end is looked for here (no scan for quotes and escapes).
     */
    private long isoTime(byte[] b, int from, int to) {
        int z = from + 19;
        if (z >= to) {
            return Long.MIN_VALUE;
        }
        if (b[z] == '.') {
            z++;
            while (z < to && b[z] >= '0' && b[z] <= '9') {
                z++;
            }
        }
        if (z + 1 >= to || b[z] != 'Z' || b[z + 1] != '"' || z + 1 - from > maxString) {
            return Long.MIN_VALUE;
        }
        at = z + 2;
        long withinHour = Timestamps.withinHourOfUtcFast(b, from, z + 1);
        if (withinHour == Long.MIN_VALUE) {
            return Long.MIN_VALUE;
        }
        if (!sameHour(b, from)) {
            long hour = Timestamps.hourOfUtcFast(b, from);
            if (hour == Long.MIN_VALUE) {
                return Long.MIN_VALUE;
            }
            System.arraycopy(b, from, hourText, 0, HOUR_BYTES);
            hourUs = hour;
        }
        return hourUs + withinHour;
    }

    private boolean sameHour(byte[] b, int from) {
        if (hourUs == Long.MIN_VALUE) {
            return false;
        }
        for (int i = HOUR_BYTES - 1; i >= 0; i--) { // the hour's digits differ first
            if (b[from + i] != hourText[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * A plain whole number from {@link #at} (no sign, no leading zero, no fraction or exponent, at most 18 digits),
     * followed by a comma or the closing brace; -1 otherwise.
     */
    private long wholeNumber(byte[] b, int to) {
        int i = at;
        long v = 0;
        while (i < to) {
            int d = b[i] - '0';
            if (d < 0 || d > 9) {
                break;
            }
            v = v * 10 + d;
            i++;
        }
        int n = i - at;
        if (n == 0 || n > MAX_DIGITS || n > 1 && b[at] == '0' || i >= to || b[i] != ',' && b[i] != '}') {
            return -1;
        }
        at = i;
        return v;
    }

    private static int field(byte[] b, int from, int to) {
        int n = to - from;
        if (n == 5) {
            if (equal(b, from, to, EVENT)) {
                return F_EVENT;
            }
            return equal(b, from, to, START) ? F_START : 0;
        }
        if (n == 4) {
            return equal(b, from, to, STEP) ? F_STEP : 0;
        }
        if (n == 3) {
            return equal(b, from, to, END) ? F_END : 0;
        }
        return n == 6 && equal(b, from, to, TOKENS) ? F_TOKENS : 0;
    }

    private static boolean equal(byte[] b, int from, int to, byte[] word) {
        if (to - from != word.length) {
            return false;
        }
        for (int i = 0; i < word.length; i++) {
            if (b[from + i] != word[i]) {
                return false;
            }
        }
        return true;
    }

    private static byte[] ascii(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    }

    long number() {
        return number;
    }

    long startUs() {
        return startUs;
    }

    /** The end, or {@link dev.goodput.core.model.Times#UNKNOWN} when the line gives none. */
    long endUs() {
        return endUs;
    }

    /** The tokens, or -1 when the line gives none. */
    long tokens() {
        return tokens;
    }
}
