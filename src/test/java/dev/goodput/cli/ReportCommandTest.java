package dev.goodput.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class ReportCommandTest {
    private static final String CLEAN = "sample-runs/clean-small/run.jsonl";

    @TempDir
    Path dir;

    @Test
    void jsonReportHasTheDocumentedContract() throws Exception {
        CliRun r = CliRun.of("report", CLEAN, "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode j = new ObjectMapper().readTree(r.out());
        assertEquals("goodput-report/1", j.get("schema").asText());
        for (String f : List.of("start", "end", "seconds")) {
            assertTrue(j.get("window").has(f), f);
        }
        JsonNode g = j.get("goodput");
        double infra = g.get("infra").asDouble();
        double framework = g.get("framework").asDouble();
        double model = g.get("model").asDouble();
        assertEquals(infra * framework * model, g.get("overall").asDouble(), 1e-12);
        assertTrue(j.get("available_seconds").isNumber());
        assertTrue(j.get("productive_seconds").isNumber());
        double sum = j.get("productive_seconds").asDouble();
        for (JsonNode b : j.get("badput")) {
            assertTrue(b.has("layer") && b.has("cause") && b.has("seconds") && b.has("fraction"));
            if (!b.get("layer").asText().equals("model")) {
                sum += b.get("seconds").asDouble();
            }
        }
        assertEquals(j.get("window").get("seconds").asDouble(), sum, 1e-6);
        assertEquals(0, j.get("disruptions").asInt());
        assertEquals("start", j.get("waterfall").get(0).get("kind").asText());
        JsonNode last = j.get("waterfall").get(j.get("waterfall").size() - 1);
        assertEquals("end", last.get("kind").asText());
        assertEquals(g.get("overall").asDouble(), last.get("remaining").asDouble(), 1e-12);
        assertTrue(j.get("warnings").isArray());
        assertEquals("6nd", j.get("mfu").get("convention").asText());
    }

    @Test
    void jsonReportDetailsEachRestartOfTheBloomRun() throws Exception {
        JsonNode j = CliRun.of("report", dev.goodput.testing.SampleRuns.BLOOM, "--format", "json").json();
        assertEquals("goodput-report/1", j.get("schema").asText());
        assertEquals(1, j.get("schema_minor").asInt());
        JsonNode details = j.get("disruption_details");
        // 15 disruptions (11 GPU failures, 4 eval hangs) and 25 planned restarts (11 kill-switch cancels, 13 time limits and the
        // emergency maintenance's preemption); the last job's cancel ends the run and restarts nothing.
        assertEquals(40, details.size());
        int unplanned = 0;
        for (JsonNode d : details) {
            unplanned += d.get("planned").asBoolean() ? 0 : 1;
            for (String f : List.of("time", "root_cause", "cascades", "source", "rule", "detection_seconds",
                    "queue_seconds", "init_seconds", "restore_seconds", "rollback_seconds", "planned")) {
                assertTrue(d.has(f), f);
            }
        }
        assertEquals(j.get("disruptions").asInt(), unplanned);
        // The documented crash: "One of the GPUs crashed at 2022-03-21_13:34:34 JZ time ... we lost 7.3h of work".
        JsonNode crash = details.get(2);
        assertEquals("2022-03-21T12:34:34Z", crash.get("time").asText());
        assertEquals("faulty_gpu", crash.get("root_cause").asText());
        assertEquals(dev.goodput.testing.SampleRuns.BLOOM + ":276", crash.get("source").asText());
        JsonNode timeLimit = details.get(1); // the 03-14 job reached 99 h 50 min on 03-18
        assertTrue(timeLimit.get("planned").asBoolean());
        assertEquals("time_limit", timeLimit.get("root_cause").asText());
        assertEquals(180.0, timeLimit.get("queue_seconds").asDouble(), 1e-9); // 3 min queued
        assertEquals(0.0, timeLimit.get("rollback_seconds").asDouble(), 1e-9); // it saved before it exited
        assertEquals(300.0, crash.get("queue_seconds").asDouble(), 1e-9); // job end -> next array element
        assertEquals(480.0, crash.get("init_seconds").asDouble(), 1e-9); // 8 min startup
        assertEquals(240.0, crash.get("restore_seconds").asDouble(), 1e-9); // 4 min checkpoint load
        double rolledBackHours = crash.get("rollback_seconds").asDouble() / 3600;
        assertTrue(rolledBackHours > 7.2 && rolledBackHours < 7.3, "" + rolledBackHours);
        JsonNode maintenance = details.get(3);
        assertTrue(maintenance.get("planned").asBoolean());
        assertEquals("preemption", maintenance.get("root_cause").asText());
        assertEquals(4 * 3600.0, maintenance.get("queue_seconds").asDouble(), 1e-9);
        CliRun text = CliRun.of("report", dev.goodput.testing.SampleRuns.BLOOM);
        assertTrue(text.out().contains("Cost by root cause"), text.out());
        assertTrue(text.out().contains("preemption (planned)"), text.out());
    }

    @Test
    void everyFormatPrintsTheSameGoodputs() throws Exception {
        JsonNode j = CliRun.of("report", CLEAN, "--format", "json").json();
        String infraPct = String.format(java.util.Locale.ROOT, "%.2f%%", j.get("goodput").get("infra").asDouble() * 100);
        CliRun text = CliRun.of("report", CLEAN);
        assertEquals(0, text.code());
        assertTrue(text.out().contains("infra " + infraPct), text.out());
        CliRun md = CliRun.of("report", CLEAN, "--format", "markdown");
        assertTrue(md.out().startsWith("# Goodput report: clean-small"));
        assertTrue(md.out().contains("| " + infraPct + " |"));
        CliRun csv = CliRun.of("report", CLEAN, "--format", "csv");
        List<CSVRecord> rows = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).build()
                .parse(new StringReader(csv.out())).getRecords();
        CSVRecord infraRow = rows.stream().filter(x -> x.get("section").equals("goodput")
                && x.get("layer").equals("infra")).findFirst().orElseThrow();
        assertEquals(j.get("goodput").get("infra").asDouble(), Double.parseDouble(infraRow.get("fraction")), 1e-15);
    }

    @Test
    void windowOptionRestrictsTheReport() throws Exception {
        CliRun r = CliRun.of("report", CLEAN, "--format", "json", "--window", "2025-03-03T09:10:00Z", "1740993600");
        assertEquals(0, r.code(), r.err());
        JsonNode w = new ObjectMapper().readTree(r.out()).get("window");
        assertEquals(600.0, w.get("seconds").asDouble(), 1e-9); // 09:10 -> 09:20 (epoch 1740993600)
        JsonNode g = new ObjectMapper().readTree(r.out()).get("goodput");
        assertEquals(1.0, g.get("infra").asDouble(), 1e-12); // no provisioning in that window
    }

    @Test
    void badInputExitsNonZeroWithOneLineNamingFileAndLine() throws Exception {
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, "{\"event\":\"job_start\",\"time\":0}\n{\"event\":\"step\",\"step\":\"two\",\"start\":1}\n");
        CliRun r = CliRun.of("report", bad.toString());
        assertEquals(2, r.code());
        String line = r.err().strip();
        assertFalse(line.contains("\n"), line);
        assertEquals("goodput: error: " + bad + ":2: expected \"step\" to be a whole number (64-bit), found \"two\"", line);
        CliRun missing = CliRun.of("report", dir.resolve("nope.jsonl").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().contains("nope.jsonl: file not found"), missing.err());
    }

    @Test
    void lenientModeReportsSkippedLinesAsWarnings() throws Exception {
        Path bad = dir.resolve("bad.jsonl");
        Files.writeString(bad, Files.readString(Path.of(CLEAN)).replace("\"step\": 10,", "\"step\": \"ten\","));
        CliRun r = CliRun.of("report", bad.toString(), "--lenient", "--format", "json");
        assertEquals(0, r.code(), r.err());
        JsonNode warnings = new ObjectMapper().readTree(r.out()).get("warnings");
        boolean found = false;
        for (JsonNode w : warnings) {
            found |= w.get("severity").asText().equals("error") && w.get("source").asText().endsWith(":14");
        }
        assertTrue(found, warnings.toString());
    }

    @Test
    void unknownFormatIsAUsageError() {
        CliRun r = CliRun.of("report", CLEAN, "--format", "xml");
        assertEquals(1, r.code());
        assertTrue(r.err().contains("expected --format text, json, csv or markdown"));
    }

    @Test
    void usageErrorsExitWithOneAndSayWhatIsWrong() {
        CliRun none = CliRun.of();
        assertEquals(1, none.code());
        assertTrue(none.err().startsWith("goodput: error: Missing required subcommand"), none.err());
        CliRun badOption = CliRun.of("report", CLEAN, "--frobnicate");
        assertEquals(1, badOption.code());
        assertTrue(badOption.err().contains("Unknown option: '--frobnicate'"), badOption.err());
        CliRun badWindow = CliRun.of("report", CLEAN, "--window", "noon", "1740993600");
        assertEquals(1, badWindow.code()); // a malformed option value is a usage error
        assertTrue(badWindow.err().contains("expected the window start as ISO-8601"), badWindow.err());
    }
}
