package dev.goodput.app;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The drop decisions without a robot; {@code FileDropUiTest} drives the same handler through real drag events. */
class FileDropHandlerTest {
    @TempDir
    Path dir;

    @Test
    void opensTheDroppedFilesInTheOrderDragged() throws Exception {
        Path b = Files.writeString(dir.resolve("b.jsonl"), "{}\n");
        Path a = Files.writeString(dir.resolve("a.csv"), "event\n");
        assertEquals(List.of(b, a), FileDropHandler.runFiles(List.of(b.toFile(), a.toFile())));
    }

    @Test
    void passesFoldersOnAndLeavesMissingFilesOut() throws Exception {
        Path run = Files.writeString(dir.resolve("run.jsonl"), "{}\n");
        Path folder = Files.createDirectory(dir.resolve("traces"));
        File missing = dir.resolve("missing.jsonl").toFile();
        assertEquals(List.of(folder, run), FileDropHandler.runFiles(List.of(folder.toFile(), run.toFile(), missing)));
    }

    @Test
    void acceptsADragOfAFolderAloneAndRefusesOneOfNothing() throws Exception {
        Path folder = Files.createDirectory(dir.resolve("logs"));
        assertEquals(List.of(folder), FileDropHandler.runFiles(List.of(folder.toFile())));
        assertEquals(List.of(), FileDropHandler.runFiles(List.of(dir.resolve("gone").toFile())));
        assertEquals(List.of(), FileDropHandler.runFiles(List.of()));
    }
}
