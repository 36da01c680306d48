package dev.goodput.core.io;

import dev.goodput.core.model.RunBuilder;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * An ml-goodput export ({"entries": [...]}) is told apart by the names before its entries and read at once; its
 * names after the entries are checked by the reader. That is sound: whenever the reader keeps what it read, detecting
 * the format from the whole first record finds ml-goodput entries too; otherwise it reads nothing, and the file is
 * detected and read as before.
 */
class MlGoodputExportDetectTest {
    @Test
    void anExportCutShortInsideItsEntriesIsKnownByTheNamesBeforeThem() throws Exception {
        // Cut short inside the entries: the names before them already tell the format.
        Path f = write("{\"job_name\": \"j\", \"entries\": [{\"job_name\": \"j\", \"job_start_time\": 1717000000}, {");
        assertTrue(FirstRecord.startsEntriesExport(f, RunLoader::redecides));
        assertEquals(InputFormat.ML_GOODPUT, RunLoader.detect(f));
    }

    @Test
    void aNameBeforeTheEntriesThatTellsAnotherFormatIsDetectedWhole() throws IOException {
        assertFalse(FirstRecord.startsEntriesExport(write("{\"kind\": \"List\", \"entries\": [], \"items\": []}"),
                RunLoader::redecides));
        assertFalse(FirstRecord.startsEntriesExport(write("[{\"entries\": []}]"), RunLoader::redecides));
        assertFalse(FirstRecord.startsEntriesExport(write("{\"entries\": {}}"), RunLoader::redecides));
    }

    @Test
    void aNameAfterTheEntriesThatTellsAnotherFormatReadsNothing() throws Exception {
        Path f = write("{\"entries\": [{\"job_name\": \"j\", \"job_start_time\": 1717000000}], \"event\": \"run\"}");
        assertTrue(FirstRecord.startsEntriesExport(f, RunLoader::redecides));
        RunBuilder run = new RunBuilder();
        assertFalse(new MlGoodputReader().readExport(f, run, LoadMode.LENIENT, RunLoader::redecides));
        assertFalse(run.hasMetadata(), "no name taken");
        assertTrue(run.problems().isEmpty(), "no problem reported");
        assertEquals(0, run.stepCount());
        assertEquals(0, run.build().attempts().size());
        assertEquals(InputFormat.RUN_LOG_JSONL, RunLoader.detect(f));
    }

    @Property(tries = 500)
    void anExportReadAtOnceIsOneTheWholeFirstRecordTellsToo(@ForAll("exports") String text, @ForAll boolean strict)
            throws Exception {
        Path f = write(text);
        try {
            LoadMode mode = strict ? LoadMode.STRICT : LoadMode.LENIENT;
            boolean deferred = FirstRecord.startsEntriesExport(f, RunLoader::redecides);
            boolean kept = deferred && new MlGoodputReader().readExport(f, new RunBuilder(), mode,
                    RunLoader::redecides);
            Statistics.label("read at once").collect(kept ? "kept" : deferred ? "handed back" : "detected whole");
            if (kept) {
                assertEquals(InputFormat.ML_GOODPUT, RunLoader.detect(f), text);
            }
        } finally {
            Files.delete(f);
        }
    }

    @Provide
    Arbitrary<String> exports() {
        Arbitrary<String> name = Arbitraries.of("job_name", "query_time", "event", "log_history", "kind", "items",
                "object", "apiVersion", "global_step", "severity", "entries");
        Arbitrary<String> value = Arbitraries.of("1", "\"j\"", "[]", "{}", "[1, {\"a\": 2}]", "null", "\"Pod\"",
                "\"v1\"", "[{\"kind\": \"Pod\", \"apiVersion\": \"v1\"}]",
                "{\"kind\": \"Event\", \"apiVersion\": \"v1\", \"involvedObject\": {}}");
        Arbitrary<String> field = Combinators.combine(name, value).as((n, v) -> "\"" + n + "\": " + v);
        Arbitrary<String> entries = Arbitraries.of(
                "[]", "[{\"job_name\": \"j\", \"job_start_time\": 1717000000}]",
                "[{\"job_name\": \"j\", \"job_start_time\": 1717000000}, {\"step_count\": 0, \"step_start_time\": "
                        + "1717000010}]", "[{\"step_count\": 0", "[1, 2]", "[{\"kind\": \"Pod\"}]");
        Arbitrary<String> tail = Arbitraries.of("}", "", "}\n{\"event\": \"run\"}", "} trailing", ", }", "}}");
        return Combinators.combine(field.list().ofMaxSize(3), entries, field.list().ofMaxSize(3), tail)
                .as((before, es, after, end) -> {
                    StringBuilder sb = new StringBuilder("{");
                    before.forEach(b -> sb.append(b).append(", "));
                    sb.append("\"entries\": ").append(es);
                    after.forEach(a -> sb.append(", ").append(a));
                    return sb.append(end).toString();
                });
    }

    /** A temporary file (jqwik's tries get no JUnit temporary folder); deleted by the caller or on exit. */
    private static Path write(String text) throws IOException {
        Path f = Files.createTempFile("export", ".json");
        f.toFile().deleteOnExit();
        Files.writeString(f, text);
        return f;
    }
}
