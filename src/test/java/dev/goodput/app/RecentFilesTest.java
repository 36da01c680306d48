package dev.goodput.app;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.prefs.Preferences;
import java.util.stream.IntStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

class RecentFilesTest {
    private final Preferences prefs = TestPreferences.fresh();

    @TempDir
    Path dir;

    @AfterEach
    void forget() {
        TestPreferences.remove(prefs);
    }

    @Test
    void newestFirstWithoutDuplicatesAndRememberedAcrossStarts() throws Exception {
        RecentFiles recent = new RecentFiles(prefs);
        List<Path> a = List.of(file("a.jsonl"));
        List<Path> bc = List.of(file("b.jsonl"), file("c with | and % and spaces.csv"));
        recent.add(a);
        recent.add(bc);
        recent.add(a);

        assertEquals(List.of(a, bc), recent.entriesProperty());
        // A later start reads the same list back from the store.
        assertEquals(List.of(a, bc), new RecentFiles(prefs).entriesProperty());
        assertEquals(Optional.of(a), new RecentFiles(prefs).last());
    }

    @Test
    void keepsTheTenMostRecent() throws Exception {
        RecentFiles recent = new RecentFiles(prefs);
        for (int i = 0; i < 12; i++) {
            recent.add(List.of(file(i + ".jsonl")));
        }
        List<List<Path>> expected = IntStream.iterate(11, i -> i >= 2, i -> i - 1)
                .mapToObj(i -> List.of(dir.resolve(i + ".jsonl"))).toList();
        assertEquals(RecentFiles.MAX, recent.entriesProperty().size());
        assertEquals(expected, recent.entriesProperty());
        assertEquals(expected, new RecentFiles(prefs).entriesProperty());
    }

    @Test
    void clearForgetsEverything() throws Exception {
        RecentFiles recent = new RecentFiles(prefs);
        recent.add(List.of(file("a.jsonl")));
        recent.clear();
        assertTrue(recent.entriesProperty().isEmpty());
        assertTrue(new RecentFiles(prefs).entriesProperty().isEmpty());
        assertEquals(0, prefs.keys().length);
    }

    @Test
    void remembersAbsolutePaths() throws Exception {
        RecentFiles recent = new RecentFiles(prefs);
        recent.add(List.of(Path.of("sample-runs/clean-small/../clean-small/run.jsonl")));
        assertEquals(List.of(List.of(Path.of("sample-runs/clean-small/run.jsonl").toAbsolutePath())),
                recent.entriesProperty());
    }

    @Test
    void reopensAFolderOpenedLast() throws Exception {
        RecentFiles recent = new RecentFiles(prefs);
        Path logs = Files.createDirectory(dir.resolve("logs"));
        recent.add(List.of(logs));
        assertEquals(Optional.of(List.of(logs.toAbsolutePath())), recent.last());
    }

    @Test
    void doesNotReopenFilesThatAreGone() throws Exception {
        RecentFiles recent = new RecentFiles(prefs);
        Path gone = file("gone.jsonl");
        recent.add(List.of(gone));
        Files.delete(gone);
        assertEquals(Optional.empty(), recent.last());
        // It stays in the menu, where opening it explains what is wrong.
        assertEquals(1, recent.entriesProperty().size());
    }

    @Test
    void ignoresEntriesItCannotRead() {
        prefs.put("recent.0", "%zz");
        prefs.put("recent.1", "");
        prefs.put("recent.2", "%2Fruns%2Fa.jsonl");
        assertEquals(List.of(List.of(Path.of("/runs/a.jsonl"))), new RecentFiles(prefs).entriesProperty());
    }

    private Path file(String name) throws Exception {
        return Files.writeString(dir.resolve(name), "{}\n");
    }
}
