package dev.goodput.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.goodput.core.io.LoadOptions;
import dev.goodput.core.io.logs.LinePattern;
import dev.goodput.core.io.logs.LogFormats;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** {@code --line-pattern [FILE=]REGEX} and {@code --line-time-format [FILE=]FORMAT}: parsed, checked, applied. */
class LinePatternOptionTest {
    private static final String SLURMCTLD = "src/test/resources/logs/slurmctld__trinity_issue506_excerpt.log";
    private static final String JOURNAL = "src/test/resources/logs/slurmd_journal__cluster_toolkit_issue1600_excerpt.log";
    /** slurmctld's "Nodes c002 not responding" lines, with or without ", setting DOWN". */
    private static final String NOT_RESPONDING =
            "^\\[(?<time>[^\\]]+)\\] error: (?<message>Nodes (?<node>\\S+) not responding.*)";
    /** A logrus line: the regex has '=' of its own, and "^time" names no file. */
    private static final String LOGRUS = "^time=\"(?<time>[^\"]+)\" level=error msg=\"(?<message>[^\"]*)\"";

    private static LoadOptions options(String... args) throws CommandFailure {
        ReportCommand report = new ReportCommand();
        CommandLine cl = new CommandLine(report);
        cl.parseArgs(args);
        return report.inputs.loadOptions(cl);
    }

    private static String usageError(String... args) {
        CliRun r = CliRun.of(args);
        assertEquals(1, r.code(), r.err());
        return r.err().strip();
    }

    @Test
    void aPatternForAllFilesAndOneForAFileWithItsTimeFormat() throws Exception {
        LoadOptions o = options("--line-pattern", LOGRUS, "--line-pattern", SLURMCTLD + "=" + NOT_RESPONDING,
                "--line-pattern", JOURNAL + "=^(?<time>\\w{3} \\d\\d [\\d:]{8}) (?<message>.*)",
                "--line-time-format", JOURNAL + "=MMM dd HH:mm:ss");
        assertEquals(LinePattern.of(LOGRUS, null), o.linePattern());
        assertEquals(Map.of(Path.of(SLURMCTLD), LinePattern.of(NOT_RESPONDING, null), Path.of(JOURNAL),
                LinePattern.of("^(?<time>\\w{3} \\d\\d [\\d:]{8}) (?<message>.*)", "MMM dd HH:mm:ss")),
                o.filePatterns());
        assertEquals(LinePattern.of(LOGRUS, null), o.linePatternOf(Path.of("other.log")));

        LoadOptions shared = options("--line-pattern", SLURMCTLD + "=" + NOT_RESPONDING, "--line-time-format",
                "yyyy-MM-dd'T'HH:mm:ss.SSS");
        assertEquals("yyyy-MM-dd'T'HH:mm:ss.SSS", shared.linePatternOf(Path.of(SLURMCTLD)).timeFormat(),
                "a format for all files applies to a file's pattern without its own");

        LoadOptions none = options();
        assertNull(none.linePattern());
        assertEquals(Map.of(), none.filePatterns());
        assertEquals(LogFormats.PATTERN, options("--log-format", "pattern", "--line-pattern", LOGRUS).formatId());
    }

    @Test
    void badPatternsAndFormatsAreOneUsageErrorEach() {
        assertEquals("goodput: error: --line-pattern: expected the named groups (?<time>…) and (?<message>…) in "
                + "the pattern, found no group named message in \"^(?<time>\\S+) (?<msg>.*)\"",
                usageError("report", SLURMCTLD, "--line-pattern", "^(?<time>\\S+) (?<msg>.*)"));
        assertEquals("goodput: error: --line-pattern: expected a Java regular expression, found \"(?<time>\\S+ "
                + "(?<message>.*)\" (Unclosed group at index 26)",
                usageError("report", SLURMCTLD, "--line-pattern", "(?<time>\\S+ (?<message>.*)"));
        assertTrue(usageError("report", SLURMCTLD, "--line-pattern", NOT_RESPONDING, "--line-time-format",
                "HH:mm:ss").startsWith("goodput: error: --line-time-format: expected a time format with a date (or "
                + "a month and day) and a time of day, found \"HH:mm:ss\""));
        assertEquals("goodput: error: expected --line-pattern with --line-time-format: the format is of its time "
                + "group", usageError("report", SLURMCTLD, "--line-time-format", "yyyy-MM-dd HH:mm:ss"));
        assertEquals("goodput: error: expected a --line-pattern FILE=REGEX for the file of --line-time-format "
                + "FILE=FORMAT, found none for \"" + JOURNAL + "\"", usageError("report", SLURMCTLD,
                "--line-pattern", NOT_RESPONDING, "--line-time-format", JOURNAL + "=MMM dd HH:mm:ss"));
        assertEquals("goodput: error: expected one --line-pattern REGEX (and any number of --line-pattern "
                + "FILE=REGEX), found two: " + NOT_RESPONDING + " and " + LOGRUS,
                usageError("report", SLURMCTLD, "--line-pattern", NOT_RESPONDING, "--line-pattern", LOGRUS));
        assertEquals("goodput: error: expected --line-pattern with --log-format pattern: it reads text logs by a "
                + "line pattern alone", usageError("report", SLURMCTLD, "--log-format", "pattern"));
        assertEquals("goodput: error: expected --line-pattern FILE=REGEX to name a run file read (or its folder), "
                + "found \"" + JOURNAL + "\"", usageError("report", SLURMCTLD, "--line-pattern",
                JOURNAL + "=" + NOT_RESPONDING));
    }

    @Test
    void aSlurmctldLogReadByItsPatternGivesTheRunItsFaultsInTheFilesZone() throws Exception {
        // Five "not responding" lines: 12:20:19.846 (c002) to 12:38:42.447 (c002, setting DOWN); no other format
        // reads this log, so a pattern for all files takes the same lines.
        for (String given : new String[]{SLURMCTLD + "=" + NOT_RESPONDING, NOT_RESPONDING}) {
            JsonNode j = CliRun.ok("report", SLURMCTLD, "--line-pattern", given, "--format", "json").json();
            assertEquals("2015-11-10T12:20:19.846Z", j.get("window").get("start").asText(), given);
            assertEquals("2015-11-10T12:38:42.447Z", j.get("window").get("end").asText(), given);
        }
        JsonNode cet = CliRun.ok("report", SLURMCTLD, "--line-pattern", NOT_RESPONDING, "--tz",
                SLURMCTLD + "=Europe/Amsterdam", "--format", "json").json();
        assertEquals("2015-11-10T11:20:19.846Z", cet.get("window").get("start").asText());
        // Without the pattern the file has nothing any format reads.
        CliRun none = CliRun.of("report", SLURMCTLD, "--format", "json");
        assertEquals(2, none.code());
        assertTrue(none.err().contains("expected a run log or trainer log records; none found in 10 lines"),
                none.err());
    }

    @Test
    void goodputFormatsListsThePatternFormNamingTheOption() {
        String out = CliRun.ok("formats").out();
        assertTrue(out.contains("  pattern            Any log with a pattern (--line-pattern)"), out);
        assertTrue(out.contains("takes: only with --line-pattern [FILE=]REGEX"), out);
    }
}
