package dev.goodput.cli;

import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.LoadOptions;
import dev.goodput.core.io.logs.LogFormat;
import dev.goodput.core.io.logs.LogFormats;
import dev.goodput.core.model.Times;
import dev.goodput.testing.TestInputs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * What {@code report} and {@code export} read: folders, the options for trainer logs (--log-format, --tz, --start)
 * and their usage errors, and files that are not regular files.
 */
class RunInputsTest {
    private static final String CLEAN = "sample-runs/clean-small/run.jsonl";

    @TempDir
    Path dir;

    @Test
    void theLoadOptionsAreWhatTheOptionsSay() throws Exception {
        LoadOptions o = options("--log-format", "MEGATRON", "--tz", "Europe/Paris", "--tz", "a.log=+02:00",
                "--tz", "logs/=America/Chicago", "--start", "2024-05-01T12:00:00Z", "--lenient");
        assertEquals(LoadMode.LENIENT, o.mode());
        assertEquals("megatron", o.formatId());
        assertEquals(ZoneId.of("Europe/Paris"), o.zone());
        assertEquals(Map.of(Path.of("a.log"), ZoneOffset.ofHours(2), Path.of("logs"), ZoneId.of("America/Chicago")),
                o.fileZones());
        assertEquals(1_714_564_800_000_000L, o.startUs());

        LoadOptions defaults = options();
        assertEquals(LoadOptions.of(LoadMode.STRICT), defaults);
        assertEquals(ZoneOffset.UTC, defaults.zone());
        assertEquals(Times.UNKNOWN, defaults.startUs());
        assertEquals(1_714_564_800_500_000L, options("--start", "1714564800.5").startUs());
    }

    @Test
    void anUnknownLogFormatIsAUsageErrorListingTheIds() {
        CliRun r = CliRun.of("report", CLEAN, "--log-format", "fairseq");
        assertEquals(1, r.code());
        StringBuilder ids = new StringBuilder();
        for (LogFormat f : LogFormats.all()) {
            ids.append(ids.length() == 0 ? "" : ", ").append(f.id());
        }
        assertEquals("goodput: error: expected --log-format to be one of " + ids + ", found \"fairseq\"",
                r.err().strip());
    }

    @Test
    void badZonesAreUsageErrors() {
        CliRun bad = CliRun.of("report", CLEAN, "--tz", "Mars/Olympus");
        assertEquals(1, bad.code());
        assertEquals("goodput: error: expected --tz to be a time-zone id (UTC, Europe/Paris, +02:00) or FILE=ZONE, "
                + "found \"Mars/Olympus\"", bad.err().strip());
        CliRun badForFile = CliRun.of("report", CLEAN, "--tz", CLEAN + "=+25:00");
        assertEquals(1, badForFile.code());
        assertTrue(badForFile.err().contains("found \"" + CLEAN + "=+25:00\""), badForFile.err());
        CliRun twice = CliRun.of("report", CLEAN, "--tz", "UTC", "--tz", "Europe/Paris");
        assertEquals(1, twice.code());
        assertEquals("goodput: error: expected one --tz ZONE (and any number of --tz FILE=ZONE), found two: UTC "
                + "and Europe/Paris", twice.err().strip());
        CliRun noFile = CliRun.of("report", CLEAN, "--tz", "=UTC");
        assertEquals(1, noFile.code());
        CliRun otherFile = CliRun.of("report", CLEAN, "--tz", "slurm-1.out=UTC");
        assertEquals(1, otherFile.code());
        assertEquals("goodput: error: expected --tz FILE=ZONE to name a run file read (or its folder), found "
                + "\"slurm-1.out\"", otherFile.err().strip());
    }

    @Test
    void zonesAndAStartForAFileThatHasItsOwnChangeNothing() throws Exception {
        String plain = CliRun.ok("report", CLEAN, "--format", "json").out();
        assertEquals(plain, CliRun.ok("report", CLEAN, "--format", "json", "--tz", "Asia/Tokyo",
                "--tz", CLEAN + "=-05:00", "--start", "2020-01-01T00:00:00Z").out());
    }

    @Test
    void clockOffsetsPerFileInMicroseconds() throws Exception {
        LoadOptions o = options("--clock-offset", "rank0.log=63", "--clock-offset", "logs/=-1.5");
        assertEquals(Map.of(Path.of("rank0.log"), 63_000_000L, Path.of("logs"), -1_500_000L), o.clockOffsets());
        assertEquals(Map.of(), options().clockOffsets());
    }

    @Test
    void badClockOffsetsAreUsageErrors() {
        CliRun noFile = CliRun.of("report", CLEAN, "--clock-offset", "63");
        assertEquals(1, noFile.code());
        assertEquals("goodput: error: expected --clock-offset FILE=SECONDS (e.g. rank0.log=63), found \"63\"",
                noFile.err().strip());
        CliRun notSeconds = CliRun.of("report", CLEAN, "--clock-offset", CLEAN + "=a minute");
        assertEquals(1, notSeconds.code());
        assertEquals("goodput: error: expected --clock-offset FILE=SECONDS with a number of seconds (63, -1.5), "
                + "found \"" + CLEAN + "=a minute\"", notSeconds.err().strip());
        CliRun otherFile = CliRun.of("report", CLEAN, "--clock-offset", "slurm-1.out=63");
        assertEquals(1, otherFile.code());
        assertEquals("goodput: error: expected --clock-offset FILE=SECONDS to name a run file read (or its folder), "
                + "found \"slurm-1.out\"", otherFile.err().strip());
    }

    @Test
    void aBadStartIsAUsageError() {
        CliRun r = CliRun.of("report", CLEAN, "--start", "yesterday");
        assertEquals(1, r.code());
        assertTrue(r.err().startsWith("goodput: error: expected --start as ISO-8601 with offset "
                + "(2024-05-01T12:00:00Z) or epoch seconds, found \"yesterday\""), r.err());
    }

    @Test
    void aFolderIsReadAsTheFilesInIt() throws Exception {
        Path run = Files.createDirectory(dir.resolve("run"));
        Path log = Files.copy(Path.of(CLEAN), run.resolve("run.jsonl"));
        Files.writeString(run.resolve(".DS_Store"), "hidden");
        Files.createDirectory(run.resolve("old"));
        String ofFile = CliRun.ok("report", log.toString(), "--format", "json").out();
        assertEquals(ofFile, CliRun.ok("report", run.toString(), "--format", "json").out());
        // A folder of run files and a folder of profiles side by side: the same as naming the files.
        Path ranks = Files.createDirectory(dir.resolve("ranks"));
        Files.copy(TestInputs.RANK0, ranks.resolve("rank-0.json.gz"));
        Files.copy(TestInputs.RANK1, ranks.resolve("rank-1.json.gz"));
        assertEquals(CliRun.ok("report", log.toString(), ranks.resolve("rank-0.json.gz").toString(),
                        ranks.resolve("rank-1.json.gz").toString(), "--format", "json").out(),
                CliRun.ok("report", run.toString(), ranks.toString(), "--format", "json").out());
    }

    @Test
    void aFolderOfProfilesAloneIsNoRun() throws Exception {
        Path ranks = Files.createDirectory(dir.resolve("ranks"));
        Files.copy(TestInputs.RANK0, ranks.resolve("rank-0.json.gz"));
        CliRun r = CliRun.of("report", ranks.toString());
        assertEquals(1, r.code());
        assertEquals("goodput: error: expected at least one run log besides the profiles (use `goodput profile` "
                + "for profiles alone)", r.err().strip());
    }

    @Test
    void aNamedPipeIsRefusedWithOneLineNamingIt() throws Exception {
        Path fifo = TestInputs.fifo(dir.resolve("stdout.log"));
        CliRun r = CliRun.of("report", CLEAN, fifo.toString());
        assertEquals(2, r.code());
        assertEquals("goodput: error: " + fifo + ": expected a regular file or a folder, found a FIFO (named pipe) "
                + "(only regular files are read)", r.err().strip());
        // In a folder too, and in lenient mode: it is never opened.
        Path logs = Files.createDirectory(dir.resolve("logs"));
        Files.copy(Path.of(CLEAN), logs.resolve("a.jsonl"));
        Path inside = TestInputs.fifo(logs.resolve("b.log"));
        CliRun lenient = CliRun.of("report", logs.toString(), "--lenient");
        assertEquals(2, lenient.code());
        assertTrue(lenient.err().startsWith("goodput: error: " + inside + ": expected a regular file"),
                lenient.err());
    }

    private static LoadOptions options(String... args) throws CommandFailure {
        ReportCommand report = new ReportCommand();
        CommandLine cl = new CommandLine(report);
        cl.parseArgs(args);
        return report.inputs.loadOptions(cl);
    }
}
