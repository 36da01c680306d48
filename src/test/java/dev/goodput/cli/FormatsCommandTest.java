package dev.goodput.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goodput.core.io.logs.LogFormat;
import dev.goodput.core.io.logs.LogFormats;
import org.junit.jupiter.api.Test;

import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code goodput formats} lists every format read: the structured files and every trainer-log recogniser. */
class FormatsCommandTest {
    private static final List<String> STRUCTURED = List.of("run-log", "run-log-csv", "ml-goodput", "hf-trainer-state",
            "kubernetes");

    @Test
    void theTextListsEveryTrainerLogFormatWithItsExampleAndWhatItTakes() {
        String out = CliRun.ok("formats").out();
        for (LogFormat f : LogFormats.all()) {
            assertTrue(out.contains("  " + f.id() + " "), f.id());
            assertTrue(out.contains(f.name()), f.name());
            assertTrue(out.contains("e.g.   " + f.example()), f.example());
            assertTrue(out.contains("takes: " + f.takes()), f.takes());
        }
        for (String id : STRUCTURED) {
            assertTrue(out.contains("  " + id + " "), id);
        }
        assertTrue(out.contains("Canonical run log, JSON Lines"), out);
        assertTrue(out.contains("ml-goodput-measurement"), out);
        assertTrue(out.contains("trainer_state.json"), out);
        assertTrue(out.indexOf("Structured files") < out.indexOf("Trainer logs"), out);
    }

    @Test
    void theJsonListsTheSameWithTheIdsLogFormatTakes() throws Exception {
        JsonNode j = CliRun.ok("formats", "--format", "json").json();
        assertEquals(FormatsCommand.SCHEMA, j.get("schema").asText());
        JsonNode formats = j.get("formats");
        assertEquals(STRUCTURED.size() + LogFormats.all().size(), formats.size());
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < formats.size(); i++) {
            JsonNode f = formats.get(i);
            assertTrue(ids.add(f.get("id").asText()), "ids are unique: " + f);
            boolean trainer = i >= STRUCTURED.size();
            assertEquals(trainer ? "trainer-log" : "structured", f.get("kind").asText());
            assertEquals(trainer, f.get("log_format_option").asBoolean());
            assertEquals(trainer ? LogFormats.all().get(i - STRUCTURED.size()).id() : STRUCTURED.get(i),
                    f.get("id").asText());
            for (String field : List.of("name", "example", "takes")) {
                assertFalse(f.get(field).asText().isBlank(), field + " of " + f);
            }
        }
    }

    @Test
    void anUnknownOutputFormatIsAUsageError() {
        CliRun r = CliRun.of("formats", "--format", "xml");
        assertEquals(1, r.code());
        assertEquals("goodput: error: expected --format text or json, found \"xml\"", r.err().strip());
    }

    @Test
    void theHelpNamesTheCommand() {
        assertTrue(CliRun.ok("--help").out().contains("formats"));
    }
}
