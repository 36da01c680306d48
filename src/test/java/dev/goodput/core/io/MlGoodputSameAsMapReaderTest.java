package dev.goodput.core.io;

import dev.goodput.core.model.Run;
import dev.goodput.core.model.RunBuilder;
import dev.goodput.core.model.Source;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.EdgeCasesMode;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The streaming {@link MlGoodputReader} gives exactly what the reader before it gave ({@link MlGoodputMapReader}):
 * the same run (steps with their lines, attempts, phases, checkpoints, problems in order) or the same refusal, in
 * both modes, on every input the tests hold (the broken-input corpus, the fuzz seeds, the samples) and on generated
 * entry files of every shape, unit and oddity the reader meets.
 */
class MlGoodputSameAsMapReaderTest {
    private static final long MAX_BYTES = 1 << 20;

    @Test
    void everyInputOfTheTestsReadsTheSame() throws IOException {
        List<Path> files = new ArrayList<>();
        for (String root : List.of("src/test/resources", "sample-runs", "docs")) {
            try (Stream<Path> s = Files.walk(Path.of(root))) {
                s.filter(Files::isRegularFile).filter(MlGoodputSameAsMapReaderTest::small).sorted().forEach(files::add);
            }
        }
        int ml = 0;
        for (Path f : files) {
            for (LoadMode mode : LoadMode.values()) {
                Outcome before = read(new MlGoodputMapReader(ReadLimits.DEFAULTS), f, mode);
                assertEquals(before, read(new MlGoodputReader(), f, mode), f + " " + mode);
                ml += before.run() != null && before.run().steps().size() > 0 ? 1 : 0;
            }
        }
        assertTrue(ml >= 10, "expected ml-goodput inputs among the tests' files, found " + ml);
    }

    @Test
    void theBenchInputsShapeReadsTheSame() throws IOException {
        StringBuilder sb = new StringBuilder("{\"job_name\": \"bench\", \"query_time\": 1717000100.0, \"entries\": [");
        sb.append("{\"job_name\": \"bench\", \"job_start_time\": 1717000000.0}");
        for (int i = 0; i < 500; i++) {
            sb.append(String.format(Locale.ROOT, ", {\"job_name\": \"bench\", \"step_count\": %d, "
                    + "\"step_start_time\": %.1f}", i, 1717000060.0 + 1.5 * i));
        }
        Path f = Files.createTempFile("bench", ".json");
        try {
            Files.writeString(f, sb.append("]}").toString());
            Outcome before = read(new MlGoodputMapReader(ReadLimits.DEFAULTS), f, LoadMode.STRICT);
            assertEquals(500, before.run().steps().size());
            assertEquals(before, read(new MlGoodputReader(), f, LoadMode.STRICT));
        } finally {
            Files.delete(f);
        }
    }

    /** Sometimes with a string limit that numbers and job names reach (their text counted as it was). */
    @Property(tries = 1000, edgeCases = EdgeCasesMode.MIXIN)
    void generatedEntryFilesReadTheSame(@ForAll("files") String text, @ForAll boolean strict,
                                        @ForAll @IntRange(min = 0, max = 3) int limit) throws IOException {
        Path f = Files.createTempFile("entries", ".json");
        try {
            Files.writeString(f, text);
            LoadMode mode = strict ? LoadMode.STRICT : LoadMode.LENIENT;
            ReadLimits limits = limit == 0 ? ReadLimits.DEFAULTS.with(Limit.STRING_BYTES, 11) : ReadLimits.DEFAULTS;
            Outcome before = read(new MlGoodputMapReader(limits), f, mode);
            Statistics.label("outcome").collect(before.refusal() != null ? "refused"
                    : before.run().problems().isEmpty() ? "clean" : "with problems");
            assertEquals(before, read(new MlGoodputReader(limits), f, mode), text);
        } finally {
            Files.delete(f);
        }
    }

    // --- generated files ---

    private static final List<String> KEYS = List.of("job_name", "job_start_time", "job_end_time", "step_start_time",
            "step_count", "tpu_init_start_time", "tpu_init_end_time", "training_prep_start_time",
            "training_prep_end_time", "data_loading_start_time", "data_loading_end_time", "custom_badput_event_type",
            "custom_badput_event_start_time", "custom_badput_event_end_time", "event_type", "step",
            "checkpoint_manager_blocking_duration_secs", "checkpoint_manager_duration_secs", "timestamp",
            "query_time", "receiveTimestamp", "other_time", "severity", "directory");
    private static final List<String> REPEATED = List.of("step_start_time", "step_count", "other_time", "timestamp");

    @Provide
    Arbitrary<String> files() {
        Arbitrary<List<String>> entries = entry().list().ofMinSize(0).ofMaxSize(12);
        return Combinators.combine(entries, Arbitraries.integers().between(0, 5), Arbitraries.of(true, false))
                .as(MlGoodputSameAsMapReaderTest::file);
    }

    /** The entries as an array, JSON Lines, an "entries" object (with fields around it), or one per payload. */
    private static String file(List<String> entries, int shape, boolean reversed) {
        List<String> es = new ArrayList<>(entries);
        if (reversed) {
            java.util.Collections.reverse(es);
        }
        return switch (shape) {
            case 0 -> "[\n" + String.join(",\n", es) + "\n]\n";
            case 1 -> String.join("\n", es) + "\n";
            case 2 -> "{\"job_name\": \"top\", \"query_time\": 1717000100.5, \"entries\": [\n" + String.join(",\n", es)
                    + "\n], \"step_count\": 3}";
            case 3 -> "{\"entries\": [" + String.join(", ", es.stream()
                    .map(e -> "{\"severity\": \"INFO\", \"timestamp\": \"2024-05-29T16:28:00Z\", \"jsonPayload\": "
                            + e + "}").toList()) + "]}";
            case 4 -> "[" + String.join(", ", es.stream().map(e -> "{\"payload\": " + e + ", \"x\": [1, {\"a\": 2}]}")
                    .toList()) + "]";
            default -> es.isEmpty() ? "[]" : "[" + String.join(",", es) + ", 7]";
        };
    }

    private static Arbitrary<String> entry() {
        Arbitrary<String> field = Combinators.combine(Arbitraries.of(KEYS), value())
                .as((k, v) -> "\"" + k + "\": " + v);
        Arbitrary<String> step = Combinators.combine(Arbitraries.integers().between(0, 30),
                        Arbitraries.integers().between(0, 400))
                .as((n, t) -> String.format(Locale.ROOT, "{\"job_name\": \"j\", \"step_count\": %d, "
                        + "\"step_start_time\": %d.25}", n, 1717000000 + t));
        Arbitrary<String> odd = field.list().ofMinSize(1).ofMaxSize(6).map(fs -> "{" + String.join(", ", fs) + "}");
        // Few keys, many fields: a key given twice, blank or null in between, is common here.
        Arbitrary<String> repeated = Combinators.combine(Arbitraries.of(REPEATED), value()).as((k, v) -> "\"" + k
                + "\": " + v).list().ofMinSize(2).ofMaxSize(8).map(fs -> "{" + String.join(", ", fs) + "}");
        return Arbitraries.frequencyOf(Tuple.of(3, step), Tuple.of(2, odd), Tuple.of(1, repeated));
    }

    /** Times in every unit and form, whole numbers, texts, blanks, nulls, structures. */
    private static Arbitrary<String> value() {
        Arbitrary<Integer> offset = Arbitraries.integers().between(0, 400);
        return Arbitraries.oneOf(
                offset.map(t -> String.valueOf(1717000000 + t)),
                offset.map(t -> (1717000000 + t) + ".5"),
                offset.map(t -> (1717000000 + t) + ".1234567"),
                offset.map(t -> (1717000000 + t) + ".000001"),
                offset.map(t -> (1717000000L + t) * 1000 + ""),
                offset.map(t -> (1717000000L + t) * 1_000_000 + ".5"),
                offset.map(t -> (1717000000L + t) * 1_000_000_000 + ""),
                offset.map(t -> "\"" + (1717000000 + t) + "\""),
                offset.map(t -> "\" " + (1717000000 + t) * 1000L + " \""),
                offset.map(t -> "1.717" + t + "e9"),
                offset.map(t -> "\"2024-05-29T16:" + String.format(Locale.ROOT, "%02d", t % 60) + ":00Z\""),
                Arbitraries.integers().between(-3, 40).map(String::valueOf),
                Arbitraries.of("0", "-0", "2.0", "2.5", "1e400", "123456789012345678901", "-5", "0.000",
                        "\"\"", "\"  \"", "null", "true", "false", "\"save\"", "\" Restore \"", "\"eval\"",
                        "\"soon\"", "\"NaN\"", "[1, 2]", "{\"a\": {\"b\": 1}}", "\"j\"", "\"job\"",
                        "9999999999.999999", "10000000000", "99999999999.5", "1717000000.0000005",
                        "1717000000.00000050", "123456789012345678", "1234567890123456789", "-123456789012345678",
                        "1.0", "7e0"));
    }

    // --- comparison ---

    /** What a read gave: a run and its steps' lines, or a refusal's class and message. */
    private record Outcome(Run run, List<Source> stepSources, String refusal) {
    }

    private static Outcome read(RunLogReader reader, Path file, LoadMode mode) {
        RunBuilder builder = new RunBuilder();
        try {
            reader.read(file, builder, mode);
        } catch (IOException | InputException | RuntimeException e) {
            return new Outcome(null, null, e.getClass().getName() + ": " + e.getMessage());
        }
        Run run = builder.build();
        List<Source> lines = new ArrayList<>();
        for (int i = 0; i < run.steps().size(); i++) {
            lines.add(run.steps().source(i));
        }
        return new Outcome(run, lines, null);
    }

    private static boolean small(Path f) {
        try {
            return Files.size(f) <= MAX_BYTES;
        } catch (IOException e) {
            return false;
        }
    }
}
