package dev.goodput.core.io;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.io.BufferedReader;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * Lines split from bytes as {@code BufferedReader.readLine} splits the decoded text, however few bytes each read of
 * the stream gives and however long the lines (past the 64 KiB buffer, so it shifts and grows while the other slot's
 * line is kept); a byte-order mark at the start is skipped even when it arrives a byte at a time.
 */
class ByteLinesProperties {
    @Property(tries = 200)
    void splitsAsReadLineDoesOverShortReads(@ForAll("text") byte[] bytes,
                                            @ForAll @IntRange(min = 1, max = 9000) int mostPerRead) throws IOException {
        List<String> expected = new ArrayList<>();
        // As the text readers read a file (InputFiles.reader): a byte-order mark dropped, then readLine.
        int bom = bytes.length >= 3 && (bytes[0] & 0xFF) == 0xEF && (bytes[1] & 0xFF) == 0xBB
                && (bytes[2] & 0xFF) == 0xBF ? 3 : 0;
        try (BufferedReader r = new BufferedReader(new InputStreamReader(
                new ByteArrayInputStream(bytes, bom, bytes.length - bom), StandardCharsets.UTF_8))) {
            for (String s = r.readLine(); s != null; s = r.readLine()) {
                expected.add(s);
            }
        }
        List<String> actual = new ArrayList<>();
        try (ByteLines lines = new ByteLines(new Trickle(bytes, mostPerRead), ReadLimits.DEFAULTS)) {
            int slot = 0;
            String previous = null;
            while (lines.read(slot)) {
                actual.add(lines.text(slot));
                if (previous != null) {
                    assertEquals(previous, lines.text(1 - slot), "the other slot's line is kept");
                }
                previous = lines.text(slot);
                slot = 1 - slot;
            }
        }
        assertEquals(expected, actual);
    }

    @Provide
    Arbitrary<byte[]> text() {
        Arbitrary<String> piece = Arbitraries.oneOf(
                Arbitraries.strings().alpha().ofMaxLength(40),
                Arbitraries.of("\n", "\r", "\r\n", "\n\r", "{\"event\":\"step\"}", "é€𝄞", " \t "),
                Arbitraries.strings().withChars('x', '"', ',').ofMinLength(60_000).ofMaxLength(140_000));
        return Arbitraries.oneOf(Arbitraries.just(""), Arbitraries.just("\uFEFF"))
                .flatMap(bom -> piece.list().ofMaxSize(14).map(l -> (bom + String.join("", l))
                        .getBytes(StandardCharsets.UTF_8)));
    }

    /** A stream that gives at most {@code most} bytes per read, varying, as a pipe or a slow disk may. */
    private static final class Trickle extends InputStream {
        private final byte[] bytes;
        private final int most;
        private int pos;
        private int turn;

        Trickle(byte[] bytes, int most) {
            this.bytes = bytes;
            this.most = most;
        }

        @Override
        public int read() {
            return pos < bytes.length ? bytes[pos++] & 0xFF : -1;
        }

        @Override
        public int read(byte[] b, int off, int len) {
            if (pos == bytes.length) {
                return -1;
            }
            // long arithmetic: a megabyte read a byte at a time turns past where int * 7919 overflows
            int n = Math.min(Math.min(len, bytes.length - pos), 1 + (int) ((turn++ * 7919L) % most));
            System.arraycopy(bytes, pos, b, off, n);
            pos += n;
            return n;
        }
    }
}
