package dev.goodput.core.load;

import dev.goodput.core.io.InputException;
import dev.goodput.testing.SampleRuns;
import dev.goodput.testing.TestInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static dev.goodput.testing.TestInputs.RANK0;
import static dev.goodput.testing.TestInputs.RANK1;
import static dev.goodput.testing.TestInputs.fifo;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

/** Inputs as the user names them turned into the files read: folders expanded, profiles apart, special files refused. */
class RunFilesTest {
    static final Path CLEAN = Path.of(SampleRuns.CLEAN);

    @TempDir
    Path dir;

    @Test
    void aFolderIsItsFilesByNameWithoutHiddenFilesOrSubfolders() throws Exception {
        Path logs = Files.createDirectory(dir.resolve("logs"));
        Path b = Files.writeString(logs.resolve("slurm-2.out"), "b\n");
        Path a = Files.writeString(logs.resolve("slurm-10.out"), "a\n");
        Files.writeString(logs.resolve(".nfs0001"), "hidden\n");
        Files.createDirectory(logs.resolve("checkpoints"));
        Files.writeString(logs.resolve("checkpoints").resolve("latest.txt"), "deeper\n");

        assertEquals(List.of(a, b), RunFiles.list(List.of(logs)));
        RunFiles files = RunFiles.of(List.of(logs));
        assertEquals(List.of(a, b), files.logs());
        assertEquals(List.of(), files.profiles());
    }

    @Test
    void filesAndFoldersKeepTheirOrderAndAFileIsReadOnce() throws Exception {
        Path logs = Files.createDirectory(dir.resolve("logs"));
        Path one = Files.writeString(logs.resolve("1.log"), "1\n");
        Path two = Files.writeString(logs.resolve("2.log"), "2\n");
        Path first = Files.writeString(dir.resolve("first.log"), "0\n");
        assertEquals(List.of(first, one, two), RunFiles.list(List.of(first, logs, logs.resolve("./2.log"), first)));
    }

    @Test
    void aFolderOfTracesStaysProfilesOneTracePerRank() throws Exception {
        Path ranks = Files.createDirectory(dir.resolve("ranks"));
        Path r1 = Files.copy(RANK1, ranks.resolve(RANK1.getFileName()));
        Path r0 = Files.copy(RANK0, ranks.resolve(RANK0.getFileName()));
        RunFiles files = RunFiles.of(List.of(CLEAN, ranks));
        assertEquals(List.of(CLEAN), files.logs());
        assertEquals(List.of(r0, r1), files.profiles());
        assertEquals(List.of(CLEAN, r0, r1), files.all());
    }

    @Test
    void aMissingFileIsLeftToTheReaderToReport() throws Exception {
        Path gone = dir.resolve("gone.log");
        assertEquals(List.of(gone), RunFiles.of(List.of(gone)).logs());
    }

    @Test
    void anEmptyFolderIsAnError() throws Exception {
        Path empty = Files.createDirectory(dir.resolve("empty"));
        Files.writeString(empty.resolve(".hidden"), "x\n");
        InputException e = assertThrows(InputException.class, () -> RunFiles.list(List.of(empty)));
        assertEquals(empty + ": expected run files in the folder, found none (hidden files and subfolders are not "
                + "read)", e.getMessage());
    }

    @Test
    void aSymbolicLinkToARegularFileIsRead() throws Exception {
        Path target = Files.writeString(dir.resolve("real.log"), "x\n");
        Path link;
        try {
            link = Files.createSymbolicLink(dir.resolve("link.log"), target);
        } catch (UnsupportedOperationException | java.io.IOException e) {
            assumeTrue(false, "no symbolic links here");
            return;
        }
        assertEquals(List.of(link), RunFiles.list(List.of(link)));
    }

    @Test
    void aNamedPipeIsRefusedNamingItBeforeAnythingReadsIt() throws Exception {
        Path fifo = fifo(dir.resolve("pipe.log"));
        InputException e = assertThrows(InputException.class, () -> RunFiles.of(List.of(CLEAN, fifo)));
        assertEquals(fifo + ": expected a regular file or a folder, found a FIFO (named pipe) (only regular files "
                + "are read)", e.getMessage());
    }

    @Test
    void aLoopOfSymbolicLinksIsRefusedAsSuchNotAsMissing() throws Exception {
        Path loop = TestInputs.linkLoop(dir.resolve("a.log"), dir.resolve("b.log"));
        InputException e = assertThrows(InputException.class, () -> RunFiles.list(List.of(loop)));
        assertEquals(loop + ": expected a file, found a loop of symbolic links", e.getMessage());
    }

    @Test
    void aNamedPipeInsideAFolderIsRefusedToo() throws Exception {
        Path logs = Files.createDirectory(dir.resolve("logs"));
        Files.writeString(logs.resolve("a.log"), "x\n");
        Path fifo = fifo(logs.resolve("b.log"));
        InputException e = assertThrows(InputException.class, () -> RunFiles.list(List.of(logs)));
        assertTrue(e.getMessage().startsWith(fifo + ": expected a regular file or a folder, found a FIFO"),
                e.getMessage());
    }

    @Test
    void zonesPerFileOrFolderFollowTheFilesRead() throws Exception {
        Path logs = Files.createDirectory(dir.resolve("logs"));
        Path a = Files.writeString(logs.resolve("a.log"), "a\n");
        Path b = Files.writeString(logs.resolve("b.log"), "b\n");
        Path c = Files.writeString(dir.resolve("c.log"), "c\n");
        RunFiles files = RunFiles.of(List.of(logs, c));
        ZoneId paris = ZoneId.of("Europe/Paris");
        ZoneId chicago = ZoneId.of("America/Chicago");
        // The folder's zone for its files, a file's own zone over its folder's; keys compared as absolute paths.
        Map<Path, ZoneId> given = Map.of(logs.toAbsolutePath(), paris, logs.resolve("../logs/b.log"), chicago,
                dir.resolve("typo.log"), chicago);
        assertEquals(Map.of(a, paris, b, chicago), files.zonesFor(given));
        assertEquals(List.of(dir.resolve("typo.log")), files.unmatched(given));
    }
}
