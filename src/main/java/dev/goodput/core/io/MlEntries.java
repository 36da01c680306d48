package dev.goodput.core.io;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A file's ml-goodput entries in read order, held in columns: per entry its line and which {@link MlField}s it has,
 * their values packed one after another (a number, or the index of a text). A step entry costs a few dozen bytes and
 * no object. Held whole because the mapping needs the file read first: its times' units, its order (newest first or
 * oldest first), and no fact taken from a file that turns out to be broken further on.
 * <p>The job name, on every entry, is kept only for the first and the last entry that has one: the run is named after
 * the first in mapping order, and nothing else reads it.
 */
final class MlEntries {
    private static final int NAME = MlField.JOB_NAME.bit();

    private long[] line = new long[1024];
    private int[] present = new int[1024];
    private int[] textual = new int[1024];
    private int[] start = new int[1024];
    private long[] values = new long[2048];
    private int size;
    private int valueCount;
    private final List<String> texts = new ArrayList<>();
    private int firstNamed = -1;
    private int lastNamed = -1;
    private String firstName;
    private String lastName;
    private final String[] lastText = new String[MlField.count()];
    private final int[] lastTextIndex = new int[MlField.count()];

    void add(MlEntry e) {
        if (size == line.length) {
            int n = size * 2;
            line = Arrays.copyOf(line, n);
            present = Arrays.copyOf(present, n);
            textual = Arrays.copyOf(textual, n);
            start = Arrays.copyOf(start, n);
        }
        if ((e.present & NAME) != 0) {
            lastNamed = size;
            lastName = e.text[MlField.JOB_NAME.ordinal()];
            if (firstNamed < 0) {
                firstNamed = size;
                firstName = lastName;
            }
        }
        int fields = Integer.bitCount(e.present & ~NAME);
        if (valueCount + fields > values.length) {
            values = Arrays.copyOf(values, Math.max(values.length * 2, valueCount + fields));
        }
        line[size] = e.line;
        present[size] = e.present;
        textual[size] = e.textual;
        start[size] = valueCount;
        for (int bits = e.present & ~NAME; bits != 0; bits &= bits - 1) {
            int f = Integer.numberOfTrailingZeros(bits);
            values[valueCount++] = (e.textual & (1 << f)) == 0 ? e.number[f] : textIndex(f, e.text[f]);
        }
        size++;
    }

    private int textIndex(int field, String t) {
        if (t != lastText[field]) { // the same string when the entry repeats the field's last value
            texts.add(t);
            lastText[field] = t;
            lastTextIndex[field] = texts.size() - 1;
        }
        return lastTextIndex[field];
    }

    int size() {
        return size;
    }

    long line(int entry) {
        return line[entry];
    }

    /** Whether the entry has the field, with a value that is not blank. */
    boolean has(int entry, MlField f) {
        return (present[entry] & f.bit()) != 0;
    }

    /** Whether the entry's field (present) is held as text, not as a number. */
    boolean isText(int entry, MlField f) {
        return (textual[entry] & f.bit()) != 0;
    }

    /** A present field held as a number: µs of a time, a whole number. */
    long number(int entry, MlField f) {
        return values[slot(entry, f)];
    }

    /** A field's text: null when absent (or blank); a number-held field's value is never asked for as text. */
    String text(int entry, MlField f) {
        if (!has(entry, f)) {
            return null;
        }
        if (f == MlField.JOB_NAME) {
            if (entry != firstNamed && entry != lastNamed) {
                throw new IllegalStateException("the job name is kept for the first and the last entry only");
            }
            return entry == firstNamed ? firstName : lastName;
        }
        if (!isText(entry, f)) {
            throw new IllegalStateException(f.key + " is held as a number");
        }
        return texts.get((int) values[slot(entry, f)]);
    }

    private int slot(int entry, MlField f) {
        return start[entry] + Integer.bitCount(present[entry] & ~NAME & (f.bit() - 1));
    }
}
