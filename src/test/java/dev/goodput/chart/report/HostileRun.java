package dev.goodput.chart.report;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.goodput.testing.SampleRuns;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The clean sample with markup where text goes: a run name full of HTML and XML specials, and a bad step
 * number (read leniently, it becomes a warning quoting it), to check that exports escape what they print.
 */
public final class HostileRun {
    public static final String NAME = "<script>alert(\"name\")</script> & 'co' ]]> --> <b>bold</b>";
    public static final String BAD_VALUE = "<img src=x onerror=alert(1)>";

    private HostileRun() {
    }

    /** Writes the run log into {@code dir}; read it with {@code LoadMode.LENIENT} (or {@code --lenient}). */
    public static Path write(Path dir) throws IOException {
        String log = Files.readString(Path.of(SampleRuns.CLEAN))
                .replace("\"name\": \"clean-small (GPT 1.3B on 8x A100)\"",
                        "\"name\": " + new ObjectMapper().writeValueAsString(NAME))
                .replace("\"step\": 10,", "\"step\": " + new ObjectMapper().writeValueAsString(BAD_VALUE) + ",");
        if (!log.contains("alert(1)") || !log.contains("alert(\\\"name\\\")")) {
            throw new IllegalStateException("the clean sample changed: cannot make the hostile run from it");
        }
        Path file = dir.resolve("hostile.jsonl");
        Files.writeString(file, log);
        return file;
    }
}
