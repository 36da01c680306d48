package dev.goodput.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** docs/run-log.schema.json accepts every line the project ships, and rejects what the reader rejects. */
class RunLogSchemaTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonSchema schema() throws Exception {
        return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                .getSchema(JSON.readTree(Files.readString(Path.of("docs/run-log.schema.json"))));
    }

    @Test
    void everyLineOfTheCleanSampleIsValid() throws Exception {
        JsonSchema s = schema();
        List<String> lines = Files.readAllLines(Path.of("sample-runs/clean-small/run.jsonl"));
        for (int i = 0; i < lines.size(); i++) {
            Set<ValidationMessage> errors = s.validate(JSON.readTree(lines.get(i)));
            assertTrue(errors.isEmpty(), "line " + (i + 1) + ": " + errors);
        }
    }

    @Test
    void theDocumentedExampleIsValid() throws Exception {
        JsonSchema s = schema();
        String doc = Files.readString(Path.of("docs/run-log-format.md"));
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("```json\\n(.*?)```", java.util.regex.Pattern.DOTALL)
                .matcher(doc);
        assertTrue(m.find());
        for (String line : m.group(1).split("\n")) {
            assertTrue(s.validate(JSON.readTree(line)).isEmpty(), line);
        }
    }

    @Test
    void linesMissingRequiredFieldsAreInvalid() throws Exception {
        JsonSchema s = schema();
        for (String bad : List.of("{\"time\":1}", "{\"event\":\"step\",\"start\":1}",
                "{\"event\":\"job_start\"}", "{\"event\":\"phase\",\"phase\":\"evaluation\",\"start\":1}",
                "{\"event\":\"job_start\",\"time\":\"2024-05-01T12:00:00\"}")) {
            JsonNode node = JSON.readTree(bad);
            assertFalse(s.validate(node).isEmpty(), bad + " should be invalid");
        }
    }
}
