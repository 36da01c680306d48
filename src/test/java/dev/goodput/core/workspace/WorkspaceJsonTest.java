package dev.goodput.core.workspace;

import dev.goodput.core.io.InputException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class WorkspaceJsonTest {
    @TempDir
    Path dir;

    @Test
    void roundTripKeepsEverythingToTheMicrosecond() throws Exception {
        Workspace ws = TestWorkspaces.rich();
        Path file = dir.resolve("post-mortem.goodput");
        WorkspaceStore.save(ws, file);
        Loaded<Workspace> back = WorkspaceStore.load(file);
        assertEquals(ws, back.value());
        assertEquals(2, back.fileVersion());
        assertFalse(back.migrated());
        assertTrue(back.warnings().isEmpty(), back.warnings().toString());
        // Written again, the same bytes: a file only changes where the workspace did.
        Path again = dir.resolve("again.goodput");
        WorkspaceStore.save(back.value(), again);
        assertEquals(-1, Files.mismatch(file, again));
    }

    @Test
    void fileIsReadableJsonWithTheDocumentedHeaderAndTimes() throws Exception {
        String text = write(TestWorkspaces.rich());
        assertTrue(text.startsWith("{\n  \"format\" : \"goodput-workspace\",\n  \"version\" : 2,\n"), text);
        assertTrue(text.contains("\"start\" : \"2025-03-03T09:10:00.000001Z\""), text);
        assertTrue(text.contains("\"end\" : \"1970-01-01T00:00:00.000007Z\""), text);
        assertTrue(text.contains("\"start\" : \"1969-12-31T23:59:58.500000Z\""), text);
        assertTrue(text.contains("\"from\" : null"), text);
        assertTrue(text.contains("\"flop_convention\" : \"palm\""), text);
        assertFalse(text.contains("\r"), "'\\n' line ends on every platform");
    }

    @Test
    void causeColoursChosenAndGivenAreKeptAsHexByCauseId() throws Exception {
        Workspace ws = TestWorkspaces.rich().withColours(new CauseColourChoices(
                java.util.Map.of("faulty_gpu", 0xE69F00, "cluster_migration", 0x123456),
                java.util.Map.of("cluster_migration", 0xFF3C1E)));
        String text = write(ws);
        assertTrue(text.contains("\"colours\" : {\n    \"chosen\" : {\n      \"cluster_migration\" : \"#123456\",\n"
                + "      \"faulty_gpu\" : \"#e69f00\"\n    },\n    \"given\" : {\n      \"cluster_migration\" : \"#ff3c1e\""),
                text);
        Loaded<Workspace> back = read(text);
        assertEquals(ws, back.value());
        assertTrue(back.warnings().isEmpty(), back.warnings().toString());
        // A choice clears back to the cause's own colour; an old id is read as its catalogue id.
        assertEquals(java.util.Map.of("cluster_migration", 0x123456),
                ws.colours().withChosen("faulty_gpu", -1).chosen());
        assertEquals(java.util.Map.of("faulty_gpu", 0xABCDEF), read("""
                {"format": "goodput-workspace", "version": 2, "colours": {"chosen": {"gpu_failure": "#ABCDEF"}}}
                """).value().colours().chosen());
        assertError("ws.goodput:2: expected the colour of \"faulty_gpu\" to be #rrggbb, found \"orange\"", """
                {"format": "goodput-workspace", "version": 2,
                 "colours": {"chosen": {"faulty_gpu": "orange"}}}""");
    }

    @Test
    void theEmptyWorkspaceAndAMinimalFileAgree() throws Exception {
        assertEquals(Workspace.EMPTY, read("{\"format\": \"goodput-workspace\", \"version\": 2}").value());
        assertEquals(Workspace.EMPTY, read(write(Workspace.EMPTY)).value());
    }

    @Test
    void badJsonIsReportedAtItsLine() {
        InputException e = assertThrows(InputException.class, () -> read("""
                {
                  "format": "goodput-workspace",
                  "version": 2,
                  "tags": [
                    {"id": "a" "start": "2025-03-03T09:00:00Z"}
                  ]
                }
                """));
        assertEquals("ws.goodput:5: expected a comma to separate an object's fields, found '\"'", e.getMessage());
        assertEquals(5, e.source().line());
    }

    @Test
    void badValuesAreReportedAtTheirLine() {
        String head = "{\n  \"format\": \"goodput-workspace\",\n  \"version\": 2,\n  \"tags\": [\n";
        assertError("ws.goodput:6: expected \"layer\" to be infra, framework or model, found \"hardware\"", head + """
                    {"id": "a", "start": "2025-03-03T09:00:00Z", "end": "2025-03-03T09:01:00Z",
                     "cause": "faulty_gpu", "layer": "hardware"}
                  ]
                }""");
        assertError("ws.goodput:5: expected \"start\" to be an ISO-8601 UTC time such as 2025-03-03T09:10:00.000000Z "
                + "(not an ISO-8601 time), found \"yesterday\"", head + """
                    {"id": "a", "start": "yesterday", "end": "2025-03-03T09:01:00Z", "cause": "x", "layer": "infra"}
                  ]
                }""");
        assertError("ws.goodput:5: expected \"start\" to be an ISO-8601 UTC time such as 2025-03-03T09:10:00.000000Z "
                + "(finer than a microsecond), found \"2025-03-03T09:00:00.0000001Z\"", head + """
                    {"id": "a", "start": "2025-03-03T09:00:00.0000001Z", "end": "2025-03-03T09:01:00Z"}
                  ]
                }""");
        assertError("ws.goodput:5: expected a \"cause\" field (a cause id)", head + """
                    {"id": "a", "start": "2025-03-03T09:00:00Z", "end": "2025-03-03T09:01:00Z",
                     "layer": "infra"}
                  ]
                }""");
        assertError("ws.goodput:6: expected a tag id used once, found \"a\" again (first at line 5)", head + """
                    {"id": "a", "start": "2025-03-03T09:00:00Z", "end": "2025-03-03T09:01:00Z", "cause": "x", "layer": "infra"},
                    {"id": "a", "start": "2025-03-03T09:02:00Z", "end": "2025-03-03T09:03:00Z", "cause": "y", "layer": "infra"}
                  ]
                }""");
        assertError("ws.goodput:3: expected \"rules\" to be an array, found 7", """
                {"format": "goodput-workspace",
                 "version": 2,
                 "rules": 7}""");
        assertError("ws.goodput:4: expected \"message\" to be a Java regular expression (Unclosed group near index 5), "
                + "found \"(NCCL\"", """
                {"format": "goodput-workspace", "version": 2,
                 "rules": [
                   {"id": "r", "cause": "x", "layer": "infra",
                    "message": "(NCCL"}
                 ]}""");
        assertError("ws.goodput:1: expected \"format\": \"goodput-workspace\", found \"goodput-report/1\"",
                "{\"schema\": 1, \"format\": \"goodput-report/1\"}");
        assertError("ws.goodput:1: expected a JSON object, found an empty file", "");
    }

    @Test
    void aNewerVersionIsRefusedWithAClearMessage() {
        assertError("ws.goodput:3: expected versions 1 to 2 of goodput-workspace, found version 3: the file was "
                + "written by a newer Goodput Workbench; update it to open this file", """
                {
                  "format": "goodput-workspace",
                  "version": 3,
                  "tags": [{"something": "new"}]
                }""");
        assertError("ws.goodput:1: expected versions 1 to 2 of goodput-workspace, found version 0",
                "{\"format\": \"goodput-workspace\", \"version\": 0}");
    }

    @Test
    void unknownFieldsAreSkippedWithAWarningAndNotKept() throws Exception {
        Loaded<Workspace> l = read("""
                {
                  "format": "goodput-workspace",
                  "version": 2,
                  "colour": "blue",
                  "tags": [
                    {"id": "a", "start": "2025-03-03T09:00:00Z", "end": "2025-03-03T09:01:00Z", "cause": "x",
                     "layer": "infra", "confidence": 0.9}
                  ]
                }""");
        assertEquals(1, l.value().overlay().tags().size());
        assertEquals("[ws.goodput:4: ignored unknown field \"colour\" in the workspace (written by a newer version?); "
                        + "saving drops it, ws.goodput:7: ignored unknown field \"confidence\" in a tag (written by a "
                        + "newer version?); saving drops it]",
                l.warnings().toString());
        assertFalse(write(l.value()).contains("confidence"));
    }

    private void assertError(String expected, String json) {
        InputException e = assertThrows(InputException.class, () -> read(json));
        assertEquals(expected, e.getMessage());
    }

    static Loaded<Workspace> read(String json) throws Exception {
        return WorkspaceJson.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "ws.goodput");
    }

    static String write(Workspace ws) throws Exception {
        StringWriter w = new StringWriter();
        WorkspaceJson.write(ws, w);
        return w.toString();
    }
}
