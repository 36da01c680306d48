package dev.goodput.core.io;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;

import java.io.IOException;
import java.util.Arrays;

/**
 * The entry being read, filled field by field off the token stream and reused for the next: the values of the
 * {@link MlField}s (the last one given wins; a blank one reads as absent, a null is no value), and every field named
 * like a time in the order first given a value, which tells the entry's time as the library takes it. Plain numbers
 * of times and step numbers are held as numbers, so a step entry makes no text at all.
 */
final class MlEntry {
    private static final int FIELDS = MlField.count();
    private static final long[] POW10 = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000};
    /** How a timed field's value is held. */
    private static final byte BLANK = 0;
    private static final byte NUMBER = 1;
    private static final byte TEXT = 2;

    /** 1-based line of the entry's opening brace. */
    long line;
    /** A bit per {@link MlField} with a value. */
    int present;
    /** A bit per present field held as text. */
    int textual;
    final long[] number = new long[FIELDS];
    final String[] text = new String[FIELDS];
    /** The last text read per field: repeated values (the job name on every entry) share one string. */
    private final String[] recent = new String[FIELDS];

    /** Timed fields in first-given order: a field's ordinal, or -1 - its index among the others. */
    private int[] timed = new int[4];
    private int timedCount;
    private String[] otherKey = new String[2];
    private byte[] otherHeld = new byte[2];
    private long[] otherNumber = new long[2];
    private String[] otherText = new String[2];
    private int otherCount;

    void clear(long atLine) {
        line = atLine;
        present = 0;
        textual = 0;
        timedCount = 0;
        otherCount = 0;
    }

    /** Takes the scalar value {@code v} (not null, not a structure) the parser is on as field {@code key}'s. */
    void put(String key, JsonToken v, JsonParser p) throws IOException {
        MlField f = MlField.of(key);
        if (f != null) {
            if (f.timed && (present & f.bit()) == 0 && !isTimed(f.ordinal())) {
                addTimed(f.ordinal());
            }
            put(f, v, p);
        } else if (MlField.isTimed(key)) {
            putOther(key, v, p);
        }
    }

    private void put(MlField f, JsonToken v, JsonParser p) throws IOException {
        int i = f.ordinal();
        int bit = f.bit();
        long n = f.kind == MlField.Kind.TIME ? secondsMicros(v, p)
                : f.kind == MlField.Kind.WHOLE ? wholeNumber(v, p) : Long.MIN_VALUE;
        if (n != Long.MIN_VALUE) {
            number[i] = n;
            present |= bit;
            textual &= ~bit;
            return;
        }
        String t = text(i, p);
        if (t.isBlank()) {
            present &= ~bit;
        } else {
            text[i] = t;
            present |= bit;
            textual |= bit;
        }
    }

    private void putOther(String key, JsonToken v, JsonParser p) throws IOException {
        int k = 0;
        while (k < otherCount && !otherKey[k].equals(key)) {
            k++;
        }
        if (k == otherCount) {
            if (k == otherKey.length) {
                otherKey = Arrays.copyOf(otherKey, k * 2);
                otherHeld = Arrays.copyOf(otherHeld, k * 2);
                otherNumber = Arrays.copyOf(otherNumber, k * 2);
                otherText = Arrays.copyOf(otherText, k * 2);
            }
            otherKey[k] = key;
            otherCount++;
            addTimed(-1 - k);
        }
        long n = secondsMicros(v, p);
        if (n != Long.MIN_VALUE) {
            otherHeld[k] = NUMBER;
            otherNumber[k] = n;
        } else {
            otherText[k] = p.getText();
            otherHeld[k] = otherText[k].isBlank() ? BLANK : TEXT;
        }
    }

    private boolean isTimed(int code) {
        for (int k = 0; k < timedCount; k++) {
            if (timed[k] == code) {
                return true;
            }
        }
        return false;
    }

    private void addTimed(int code) {
        if (timedCount == timed.length) {
            timed = Arrays.copyOf(timed, timedCount * 2);
        }
        timed[timedCount++] = code;
    }

    /**
     * Counts every time of the entry towards the file's units and returns the entry's time as the library takes it:
     * that of the first field named like a time that reads as one, in µs, or {@link Long#MIN_VALUE}.
     */
    long observeTimes(TimeUnitSlip slip) {
        long first = Long.MIN_VALUE;
        for (int k = 0; k < timedCount; k++) {
            int code = timed[k];
            long t;
            if (code >= 0) {
                int bit = 1 << code;
                if ((present & bit) == 0) {
                    continue;
                }
                if ((textual & bit) == 0) {
                    slip.observeSeconds(number[code]);
                    t = number[code];
                } else {
                    t = slip.observe(text[code]);
                }
            } else {
                int o = -1 - code;
                if (otherHeld[o] == BLANK) {
                    continue;
                }
                if (otherHeld[o] == NUMBER) {
                    slip.observeSeconds(otherNumber[o]);
                    t = otherNumber[o];
                } else {
                    t = slip.observe(otherText[o]);
                }
            }
            first = first == Long.MIN_VALUE ? t : first;
        }
        return first;
    }

    /** The value's text, the same string as the field's last one when it repeats it. */
    private String text(int field, JsonParser p) throws IOException {
        char[] c = p.getTextCharacters();
        int off = p.getTextOffset();
        int len = p.getTextLength();
        String last = recent[field];
        if (last != null && last.length() == len) {
            int j = 0;
            while (j < len && last.charAt(j) == c[off + j]) {
                j++;
            }
            if (j == len) {
                return last;
            }
        }
        String t = new String(c, off, len);
        recent[field] = t;
        return t;
    }

    /**
     * A JSON number of plain digits (at most 10 whole, as seconds of a date before 2286, and 6 fraction digits) in
     * µs, exactly as the text would read as epoch seconds; else {@link Long#MIN_VALUE} (the text then decides).
     */
    private static long secondsMicros(JsonToken v, JsonParser p) throws IOException {
        if (v != JsonToken.VALUE_NUMBER_INT && v != JsonToken.VALUE_NUMBER_FLOAT) {
            return Long.MIN_VALUE;
        }
        char[] c = p.getTextCharacters();
        int i = p.getTextOffset();
        int end = i + p.getTextLength();
        long whole = 0;
        int digits = 0;
        for (; i < end && c[i] >= '0' && c[i] <= '9'; i++) {
            whole = whole * 10 + (c[i] - '0');
            digits += whole > 0 ? 1 : 0;
        }
        if (digits > 10 || i == p.getTextOffset()) {
            return Long.MIN_VALUE;
        }
        long fraction = 0;
        int fractionDigits = 0;
        if (i < end && c[i] == '.') {
            for (i++; i < end && c[i] >= '0' && c[i] <= '9'; i++) {
                fraction = fraction * 10 + (c[i] - '0');
                fractionDigits++;
            }
            if (fractionDigits == 0 || fractionDigits > 6) {
                return Long.MIN_VALUE;
            }
        }
        if (i != end) {
            return Long.MIN_VALUE; // an exponent, a sign: the text decides
        }
        return whole * 1_000_000L + fraction * POW10[6 - fractionDigits];
    }

    /** A JSON integer of at most 18 digits; else {@link Long#MIN_VALUE} (the text then decides). */
    private static long wholeNumber(JsonToken v, JsonParser p) throws IOException {
        if (v != JsonToken.VALUE_NUMBER_INT) {
            return Long.MIN_VALUE;
        }
        char[] c = p.getTextCharacters();
        int i = p.getTextOffset();
        int end = i + p.getTextLength();
        boolean negative = i < end && c[i] == '-';
        i += negative ? 1 : 0;
        if (end - i < 1 || end - i > 18) {
            return Long.MIN_VALUE;
        }
        long n = 0;
        for (; i < end; i++) {
            if (c[i] < '0' || c[i] > '9') {
                return Long.MIN_VALUE;
            }
            n = n * 10 + (c[i] - '0');
        }
        return negative ? -n : n;
    }
}
