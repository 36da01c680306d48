package dev.goodput.app;

import dev.goodput.core.model.Problem;
import dev.goodput.core.model.Source;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PartialLoadTest {
    private static final Source RUN_10 = new Source("/data/run.jsonl", 10);

    @Test
    void eachReadErrorLeftSomethingOutAndTheFirstIsNamed() {
        PartialLoad p = PartialLoad.of(List.of(
                Problem.warning(new Source("/data/run.jsonl", 2), "a second run header replaces the first one"),
                Problem.error(RUN_10, "expected a JSON object; line skipped"),
                Problem.error(new Source("/data/other.log", 1), "expected a year"),
                Problem.error(new Source("/data/run.jsonl", 40), "expected more data; the lines before it are kept")),
                List.of());
        assertEquals(new PartialLoad(3, 0, "/data/run.jsonl:10: expected a JSON object; line skipped"), p);
        assertEquals("Partial: 3 read errors", p.badge());
        assertTrue(p.detail().contains("\nFirst: /data/run.jsonl:10: expected a JSON object; line skipped\n"),
                p.detail());
    }

    @Test
    void warningsLeaveNothingOut() {
        PartialLoad p = PartialLoad.of(List.of(Problem.warning(RUN_10, "w")), List.of());
        assertFalse(p.isPartial());
        assertEquals(PartialLoad.COMPLETE, p);
        assertEquals("", p.badge());
        assertEquals("", p.detail());
    }

    @Test
    void missingInputsOfAWorkspaceWereNotRead() {
        Path gone = Path.of("/data/b.log");
        PartialLoad p = PartialLoad.of(List.of(), List.of(gone, Path.of("/data/c.log")));
        assertEquals("Partial: 2 inputs missing", p.badge());
        assertTrue(p.detail().contains("First: " + gone + ": not there to read"), p.detail());
        assertEquals("Partial: 1 read error, 1 input missing",
                PartialLoad.of(List.of(Problem.error(RUN_10, "e")), List.of(gone)).badge());
    }
}
