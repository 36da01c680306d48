package dev.goodput.core.io;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Random;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A gzip file unpacked ahead on its own thread reads exactly as one unpacked in line: bytes, damage and limits. */
class ReadAheadInputTest {
    @TempDir
    Path dir;

    @Property(tries = 30)
    void givesTheSourcesBytesInOrder(@ForAll @IntRange(min = 0, max = 3 * ReadAheadInput.CHUNK_BYTES + 17) int size,
                                     @ForAll @IntRange(min = 1, max = 70_000) int readSize) throws IOException {
        byte[] data = new byte[size];
        new Random(size).nextBytes(data);
        try (InputStream in = ReadAheadInput.of(new java.io.ByteArrayInputStream(data), "test")) {
            assertArrayEquals(data, readAll(in, readSize));
        }
    }

    @Test
    void bigGzipFilesAreReadAheadAndReadTheSame() throws IOException {
        byte[] text = text(3_000_000);
        Path file = gzip(text);
        assertTrue(Files.size(file) > InputFiles.READ_AHEAD_FROM_BYTES, "the test file must be read ahead");
        try (InputStream in = InputFiles.open(file)) {
            assertTrue(in instanceof ReadAheadInput);
            assertArrayEquals(text, readAll(in, 8192));
        }
    }

    @Test
    void damageArrivesWhereItIsAfterTheBytesBeforeIt() throws IOException {
        byte[] text = text(3_000_000);
        byte[] packed = Files.readAllBytes(gzip(text));
        // Cut in the middle: what unpacks before the cut is read, then the same error as read in line.
        Path cut = dir.resolve("cut.json.gz");
        Files.write(cut, Arrays.copyOf(packed, packed.length / 2));
        ByteArrayOutputStream seen = new ByteArrayOutputStream();
        DamagedGzipException ahead = assertThrows(DamagedGzipException.class, () -> {
            try (InputStream in = InputFiles.open(cut)) {
                copy(in, seen);
            }
        });
        ByteArrayOutputStream seenInLine = new ByteArrayOutputStream();
        DamagedGzipException inLine = assertThrows(DamagedGzipException.class, () -> {
            try (InputStream in = GzipInput.of(Files.newInputStream(cut), Files.size(cut), ReadLimits.DEFAULTS)) {
                copy(in, seenInLine);
            }
        });
        assertEquals(inLine.getMessage(), ahead.getMessage());
        assertArrayEquals(seenInLine.toByteArray(), seen.toByteArray());
        assertTrue(seen.size() > 0);
    }

    @Test
    void theDecompressedLimitStopsItAsItStopsAReaderInLine() throws IOException {
        Path file = gzip(text(3_000_000));
        ReadLimits small = ReadLimits.DEFAULTS.with(Limit.DECOMPRESSED_BYTES, 1_000_000);
        ReadLimitException e = assertThrows(ReadLimitException.class, () -> {
            try (InputStream in = InputFiles.open(file, small)) {
                copy(in, new ByteArrayOutputStream());
            }
        });
        assertTrue(e.getMessage().contains("--max-decompressed-bytes"), e.getMessage());
    }

    @Test
    void closingBeforeTheEndStopsItsThread() throws IOException, InterruptedException {
        Path file = gzip(text(6_000_000));
        Thread[] ahead = new Thread[1];
        try (InputStream in = InputFiles.open(file)) {
            assertTrue(in.read() >= 0);
            ahead[0] = Thread.getAllStackTraces().keySet().stream()
                    .filter(t -> t.getName().equals("read ahead " + file.getFileName())).findFirst().orElseThrow();
        }
        ahead[0].join(5_000);
        assertFalse(ahead[0].isAlive());
    }

    private byte[] text(int size) {
        StringBuilder s = new StringBuilder(size + 100);
        Random r = new Random(7);
        while (s.length() < size) {
            s.append("{\"ph\": \"X\", \"ts\": ").append(r.nextInt(1_000_000)).append(".").append(r.nextInt(1000))
                    .append(", \"name\": \"kernel_").append(Long.toHexString(r.nextLong())).append("\"},\n");
        }
        return s.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    private Path gzip(byte[] text) throws IOException {
        Path file = dir.resolve("t" + text.length + ".json.gz");
        try (GZIPOutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text);
        }
        return file;
    }

    private static byte[] readAll(InputStream in, int readSize) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        byte[] b = new byte[readSize];
        int n;
        while ((n = in.read(b, 0, b.length)) >= 0) {
            out.write(b, 0, n);
        }
        return out.toByteArray();
    }

    private static void copy(InputStream in, ByteArrayOutputStream out) throws IOException {
        byte[] b = new byte[8192];
        int n;
        while ((n = in.read(b)) >= 0) {
            out.write(b, 0, n);
        }
    }
}
