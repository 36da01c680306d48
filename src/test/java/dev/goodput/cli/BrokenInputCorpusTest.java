package dev.goodput.cli;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

/**
 * The broken-input corpus (src/test/resources/broken/README.md): each hostile input under {@code broken/<area>/}
 * is given to the CLI in process as its {@code .expect} file says, and the exit code, the exact {@code goodput:}
 * lines of standard error and the JSON values named must come out. Inputs are read from the source tree, so the
 * path printed is the one written in the .expect files ({@code INPUT}).
 */
class BrokenInputCorpusTest {
    static final Path ROOT = Path.of("src/test/resources/broken");
    /** A guard against hangs, far above any case's time: a hang is a failure, not a slow test. */
    private static final Duration HANG = Duration.ofSeconds(120);

    @TestFactory
    Stream<DynamicNode> corpus() throws IOException {
        List<DynamicNode> areas = new ArrayList<>();
        for (Path area : sorted(ROOT)) {
            if (Files.isDirectory(area)) {
                areas.add(DynamicContainer.dynamicContainer(area.getFileName().toString(), cases(area)));
            }
        }
        assertFalse(areas.isEmpty(), "no areas under " + ROOT);
        return areas.stream();
    }

    private static Stream<DynamicNode> cases(Path area) throws IOException {
        List<DynamicNode> tests = new ArrayList<>();
        for (Path entry : sorted(area)) {
            String name = entry.getFileName().toString();
            if (name.endsWith(CorpusCase.SUFFIX)) {
                Path input = entry.resolveSibling(name.substring(0, name.length() - CorpusCase.SUFFIX.length()));
                tests.add(DynamicTest.dynamicTest(name, entry.toUri(), () -> run(entry, input)));
            } else if (!Files.exists(entry.resolveSibling(name + CorpusCase.SUFFIX))) {
                tests.add(DynamicTest.dynamicTest(name + " (orphan)", entry.toUri(),
                        () -> fail(entry + ": expected " + entry.getFileName() + CorpusCase.SUFFIX
                                + " beside it saying what must happen (see " + ROOT.resolve("README.md") + ")")));
            }
        }
        return tests.stream();
    }

    private static void run(Path expectFile, Path input) throws IOException {
        // The input may be a dangling or looping link on purpose: only the link itself must be there.
        assertTrue(Files.exists(input, java.nio.file.LinkOption.NOFOLLOW_LINKS),
                expectFile + ": expected its input " + input + " beside it");
        CorpusCase c = CorpusCase.parse(expectFile, input.toString());
        CliRun r = assertTimeoutPreemptively(HANG, () -> CliRun.of(c.args().toArray(String[]::new)),
                () -> expectFile + ": the CLI did not finish within " + HANG.toSeconds() + " s");
        String context = expectFile + " (" + c.why() + ")\n  args: " + String.join(" ", c.args())
                + "\n  stderr:\n" + r.err().indent(4) + "  ";
        assertEquals(c.exit(), r.code(), context + "exit code");
        assertEquals(String.join("\n", c.stderr()), String.join("\n", goodputLines(r.err())),
                context + "the goodput: lines of standard error");
        if (!c.json().isEmpty()) {
            JsonNode doc;
            try {
                doc = new ObjectMapper().readTree(r.out());
            } catch (IOException e) {
                throw new AssertionError(context + "standard output is not JSON: " + e.getMessage(), e);
            }
            for (CorpusCase.JsonCheck check : c.json()) {
                JsonNode at = doc.at(JsonPointer.compile(check.pointer()));
                assertTrue(matches(check.value(), at), context + "json " + check.pointer() + ": expected "
                        + check.value() + ", found " + (at.isMissingNode() ? "nothing" : at.toString()));
            }
        }
    }

    /** The lines the CLI says itself ("goodput: error: …", "goodput: warning: …"); usage text is not checked. */
    private static List<String> goodputLines(String err) {
        return err.lines().filter(l -> l.startsWith("goodput:")).toList();
    }

    /** A number equals by value (0.5 = 0.50), anything else as JSON, or as text when the value is not JSON. */
    static boolean matches(String expected, JsonNode actual) {
        if (actual.isMissingNode()) {
            return expected.equals("<missing>");
        }
        JsonNode want;
        try {
            want = new ObjectMapper().readTree(expected);
        } catch (IOException e) {
            want = null;
        }
        if (want != null && want.isNumber() && actual.isNumber()) {
            return new BigDecimal(want.asText()).compareTo(actual.decimalValue()) == 0;
        }
        if (want != null && !want.isMissingNode()) {
            return want.equals(actual);
        }
        return actual.isValueNode() && expected.equals(actual.asText());
    }

    private static List<Path> sorted(Path dir) throws IOException {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(p -> !p.getFileName().toString().equals("README.md")).sorted().toList();
        }
    }
}
