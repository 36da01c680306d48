package dev.goodput.core.io;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.LongRange;

import java.util.SplittableRandom;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The eight-bytes-at-a-time search finds what a byte-at-a-time loop finds, at any offset and bound. */
class LineBreaksProperties {
    /** Bytes that stress the bit trick: the breaks, bytes one bit away from them, and bytes at and above 0x80. */
    private static final byte[] TRICKY = {'\n', '\r', 0x0B, 0x0C, 0x0E, 0x09, 0x08, 0x00, 0x01, (byte) 0x8A,
            (byte) 0x8D, (byte) 0x80, (byte) 0xFF, 0x7F, '{', '"', '0', 'Z'};

    @Property(tries = 2000)
    void findsWhatAByteLoopFinds(@ForAll @LongRange(min = 0, max = 1_000_000_000L) long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        byte[] b = new byte[r.nextInt(1, 80)];
        int density = 1 + r.nextInt(40);
        for (int i = 0; i < b.length; i++) {
            b[i] = r.nextInt(density) == 0 ? TRICKY[r.nextInt(TRICKY.length)]
                    : (byte) (r.nextBoolean() ? 'a' + r.nextInt(26) : r.nextInt(256));
        }
        int from = r.nextInt(b.length + 1);
        int to = from + r.nextInt(b.length - from + 1);
        assertEquals(byteLoop(b, from, to, true), LineBreaks.lineEnd(b, from, to));
        assertEquals(byteLoop(b, from, to, false), LineBreaks.newline(b, from, to));
    }

    private static int byteLoop(byte[] b, int from, int to, boolean cr) {
        int k = from;
        while (k < to && b[k] != '\n' && !(cr && b[k] == '\r')) {
            k++;
        }
        return k;
    }
}
