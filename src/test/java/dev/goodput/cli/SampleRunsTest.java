package dev.goodput.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Every bundled sample run reports, in every format, and gives the goodputs its README promises
 * (the README's "| infra | 98.09% |" rows), so README and code cannot drift apart.
 */
class SampleRunsTest {
    private static final Pattern EXPECTED = Pattern.compile("^\\|\\s*(infra|framework|model|overall)\\s*\\|\\s*"
            + "([0-9.]+)%\\s*\\|", Pattern.MULTILINE);

    @TestFactory
    Stream<DynamicTest> everySampleReportsWhatItsReadmeSays() throws IOException {
        List<DynamicTest> tests = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(Path.of("sample-runs"))) {
            for (Path dir : dirs.filter(Files::isDirectory).sorted().toList()) {
                tests.add(DynamicTest.dynamicTest(dir.getFileName().toString(), () -> check(dir)));
            }
        }
        assertTrue(tests.size() >= 1);
        return tests.stream();
    }

    private static void check(Path dir) throws IOException {
        List<String> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.map(Path::toString).filter(f -> f.matches(".*\\.(jsonl|csv|json)(\\.gz)?$")).sorted().toList();
        }
        assertFalse(files.isEmpty(), "no run files in " + dir);
        String readme = Files.readString(dir.resolve("README.md"));
        Matcher m = EXPECTED.matcher(readme);
        List<String[]> expected = new ArrayList<>();
        while (m.find()) {
            expected.add(new String[]{m.group(1), m.group(2)});
        }
        assertEquals(4, expected.size(), dir + "/README.md must give infra, framework, model and overall");
        for (String format : List.of("text", "json", "csv", "markdown")) {
            List<String> args = new ArrayList<>(List.of("report", "--format", format));
            args.addAll(files);
            String out = CliRun.ok(args.toArray(String[]::new)).out();
            assertFalse(out.isBlank(), format);
            if (format.equals("json")) {
                JsonNode g = new ObjectMapper().readTree(out).get("goodput");
                for (String[] e : expected) {
                    String actual = String.format(Locale.ROOT, "%.2f", g.get(e[0]).asDouble() * 100);
                    assertEquals(e[1], actual, dir + ": " + e[0] + " goodput");
                }
            }
        }
    }
}
