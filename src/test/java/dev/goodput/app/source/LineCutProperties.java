package dev.goodput.app.source;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

/** The raw-line viewer splits lines as readLine does, and cuts long ones without holding them. */
class LineCutProperties {
    @Property(tries = 500)
    void splitsAsReadLineDoes(@ForAll("text") String text) throws IOException {
        List<String> expected = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new StringReader(text))) {
            for (String s = r.readLine(); s != null; s = r.readLine()) {
                expected.add(s.length() <= SourceExcerpt.MAX_CHARS ? s
                        : s.substring(0, SourceExcerpt.MAX_CHARS - 1) + "…");
            }
        }
        List<String> actual = new ArrayList<>();
        try (BufferedReader r = new BufferedReader(new StringReader(text), 16)) {
            for (String s = SourceExcerpt.readLineCut(r); s != null; s = SourceExcerpt.readLineCut(r)) {
                actual.add(s);
            }
        }
        assertEquals(expected, actual);
    }

    @Test
    void aLineOfAHundredMillionCharactersIsNeverHeld() throws IOException {
        // A reader that yields 10^8 characters without a line break, then "next": streamed, not in memory.
        Reader endless = new Reader() {
            private long left = 100_000_000L;
            private final char[] tail = "\nnext".toCharArray();
            private int t;

            @Override
            public int read(char[] buf, int off, int len) {
                if (left > 0) {
                    int n = (int) Math.min(len, left);
                    java.util.Arrays.fill(buf, off, off + n, 'x');
                    left -= n;
                    return n;
                }
                if (t == tail.length) {
                    return -1;
                }
                int n = Math.min(len, tail.length - t);
                System.arraycopy(tail, t, buf, off, n);
                t += n;
                return n;
            }

            @Override
            public void close() {
            }
        };
        try (BufferedReader r = new BufferedReader(endless)) {
            String first = SourceExcerpt.readLineCut(r);
            assertEquals(SourceExcerpt.MAX_CHARS, first.length());
            assertEquals("next", SourceExcerpt.readLineCut(r));
            assertNull(SourceExcerpt.readLineCut(r));
        }
    }

    @Provide
    Arbitrary<String> text() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.strings().alpha().ofMaxLength(30),
                Arbitraries.of("\n", "\r", "\r\n", "\n\r", "", "é€"),
                Arbitraries.strings().withChars('a', 'b').ofMinLength(1990).ofMaxLength(2010));
        return piece.list().ofMaxSize(12).map(l -> String.join("", l));
    }
}
