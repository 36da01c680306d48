package dev.goodput.app;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

class FileNamesTest {
    @Test
    void namesAFewFilesAndCountsTheRest() {
        assertEquals("", FileNames.of(List.of()));
        assertEquals("run.jsonl", FileNames.of(List.of(Path.of("/runs/a/run.jsonl"))));
        assertEquals("a.jsonl + b.csv", FileNames.of(List.of(Path.of("a.jsonl"), Path.of("/x/b.csv"))));
        assertEquals("a.jsonl + b.csv + 2 more",
                FileNames.of(List.of(Path.of("a.jsonl"), Path.of("b.csv"), Path.of("c"), Path.of("d"))));
    }

    @Test
    void fullPathsForTheTooltip() {
        assertEquals("/runs/a.jsonl\n/runs/b.csv", FileNames.paths(List.of(Path.of("/runs/x/../a.jsonl"),
                Path.of("/runs/b.csv"))));
    }
}
