package dev.goodput.core.classify;

import dev.goodput.core.model.CauseCatalog;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/fault-causes.md says what the code does: its catalogue, its old ids and its rules, each with an example. */
class FaultCausesDocTest {
    private static final Pattern CODE = Pattern.compile("`([^`]+)`");

    @Test
    void theCatalogueTableIsTheCatalogue() throws Exception {
        List<String> expected = CauseCatalog.entries().stream().map(e -> "| `" + e.cause().id() + "` | "
                + e.cause().label() + " | " + e.cause().layer().id() + " | " + e.group().label() + " |").toList();
        assertEquals(expected, rows(section("## The cause catalogue")));
    }

    @Test
    void theOldIdsTableIsTheAliasMap() throws Exception {
        Map<String, String> doc = new TreeMap<>();
        for (String row : rows(section("## Old ids"))) {
            List<String> cells = cells(row);
            doc.put(code(cells.get(0)), code(cells.get(1)));
        }
        assertEquals(new TreeMap<>(CauseCatalog.aliases()), doc);
    }

    @Test
    void everyRuleIsDocumentedInFileOrderWithAnExampleItMatches() throws Exception {
        List<String> ids = new ArrayList<>();
        for (String row : rows(section("## Rules"))) {
            List<String> cells = cells(row);
            String id = code(cells.get(0));
            ids.add(id);
            FaultClassifier.Rule rule = FaultClassifier.bundled().rule(id);
            assertEquals("`" + rule.cause() + "` (" + rule.layer().id() + ")", cells.get(2), id);
            String example = code(cells.get(cells.size() - 1));
            assertEquals(id, FaultClassifier.bundled().classify(example).rule(), example);
            String origin = cells.get(cells.size() - 1);
            assertTrue(origin.contains("(real") || origin.contains("(written for this page"), id + ": " + origin);
        }
        assertEquals(FaultClassifier.bundled().rules().stream().map(FaultClassifier.Rule::id).toList(), ids);
    }

    private static String section(String heading) throws Exception {
        String doc = Files.readString(Path.of("docs/fault-causes.md"), StandardCharsets.UTF_8);
        int start = doc.indexOf("\n" + heading + "\n");
        assertTrue(start >= 0, heading);
        int end = doc.indexOf("\n## ", start + heading.length() + 1);
        return doc.substring(start, end < 0 ? doc.length() : end);
    }

    /** The table rows of a section, less its header and separator. */
    private static List<String> rows(String section) {
        List<String> rows = section.lines().filter(l -> l.startsWith("| ")).toList();
        return rows.subList(1, rows.size());
    }

    private static List<String> cells(String row) {
        List<String> cells = new ArrayList<>();
        for (String c : row.substring(1, row.length() - 1).split(" \\| ")) {
            cells.add(c.strip());
        }
        return cells;
    }

    private static String code(String cell) {
        Matcher m = CODE.matcher(cell);
        assertTrue(m.find(), cell);
        return m.group(1);
    }
}
