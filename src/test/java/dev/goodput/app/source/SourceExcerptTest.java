package dev.goodput.app.source;

import dev.goodput.testing.FaultRuns;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The lines around a record's line, read as the readers read its file, on the real run285 log (208 lines). */
class SourceExcerptTest {
    private static final Path LOG = FaultRuns.RUN285_LOG;

    @Test
    void theWatchdogsLineWithFiftyLinesEitherSide() throws Exception {
        List<String> all = Files.readAllLines(LOG);
        FileTime modified = Files.getLastModifiedTime(LOG);
        byte[] bytes = Files.readAllBytes(LOG);
        SourceExcerpt e = SourceExcerpt.read(LOG, 41, 50);
        // Lines 1..91: forty before it (the file starts there), fifty after.
        assertEquals(1, e.firstLine());
        assertEquals(91, e.lines().size());
        assertTrue(e.found());
        assertEquals(40, e.index());
        assertTrue(e.lines().get(e.index()).contains("Watchdog caught collective operation timeout"));
        assertEquals(all.subList(0, 91), e.lines());
        assertEquals("", e.problem());
        // Read, never written.
        assertEquals(modified, Files.getLastModifiedTime(LOG));
        assertArrayEquals(bytes, Files.readAllBytes(LOG));
    }

    @Test
    void aLineNearTheEndShowsWhatFollowsIt() throws Exception {
        List<String> all = Files.readAllLines(LOG);
        SourceExcerpt e = SourceExcerpt.read(LOG, 200, 50);
        assertEquals(150, e.firstLine());
        assertEquals(all.subList(149, 208), e.lines()); // 150..208: fifty before, the eight the file has after
        assertEquals(50, e.index());
        assertEquals("Root Cause (first observed failure):", e.lines().get(e.index()));
    }

    @Test
    void aCompressedCopyReadsTheSame(@TempDir Path dir) throws Exception {
        Path gz = dir.resolve("run285.log.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(LOG, out);
        }
        SourceExcerpt plain = SourceExcerpt.read(LOG, 125, 50);
        SourceExcerpt packed = SourceExcerpt.read(gz, 125, 50);
        assertEquals(plain.lines(), packed.lines());
        assertEquals(plain.firstLine(), packed.firstLine());
        assertTrue(packed.lines().get(packed.index()).contains("closing signal SIGTERM"));
    }

    @Test
    void aFileThatIsGoneSaysSo(@TempDir Path dir) {
        Path gone = dir.resolve("slurm-2002.out");
        SourceExcerpt e = SourceExcerpt.read(gone, 27, 50);
        assertFalse(e.found());
        assertTrue(e.lines().isEmpty());
        assertEquals(gone + " is not there any more: was it moved or deleted after the run was read?", e.problem());
    }

    @Test
    void aLinePastTheEndShowsTheFilesLastLinesAndSaysWhy() throws Exception {
        List<String> all = Files.readAllLines(LOG);
        SourceExcerpt e = SourceExcerpt.read(LOG, 500, 50);
        assertFalse(e.found());
        assertEquals(159, e.firstLine());
        assertEquals(all.subList(158, 208), e.lines());
        assertEquals(LOG + " has 208 lines: line 500 is past its end (has the file changed since the run was read?)",
                e.problem());
    }

    @Test
    void aRecordWithoutALineShowsTheStartAndMarksNothing() throws Exception {
        SourceExcerpt e = SourceExcerpt.read(LOG, 0, 50);
        assertFalse(e.found());
        assertEquals(1, e.firstLine());
        assertEquals(51, e.lines().size());
        assertEquals("The record names no line: the file's first lines are shown", e.problem());
    }

    @Test
    void aVeryLongLineIsCut(@TempDir Path dir) throws Exception {
        Path f = dir.resolve("one-line.json");
        Files.writeString(f, "{\"items\": [" + "0,".repeat(5000) + "0]}\nsecond\n");
        SourceExcerpt e = SourceExcerpt.read(f, 1, 50);
        assertEquals(SourceExcerpt.MAX_CHARS, e.lines().get(0).length());
        assertTrue(e.lines().get(0).endsWith("…"));
        assertEquals("second", e.lines().get(1));
    }
}
