package dev.goodput.core.io.logs;

import dev.goodput.core.io.InputException;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.LoadOptions;
import dev.goodput.core.io.RunLoader;
import dev.goodput.core.model.FaultEvent;
import dev.goodput.core.model.Layer;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static dev.goodput.core.io.logs.TorchElasticTestSupport.of;
import static dev.goodput.core.io.logs.TorchElasticTestSupport.resource;
import static dev.goodput.core.io.logs.TorchElasticTestSupport.utc;
import static dev.goodput.core.io.logs.TorchElasticTestSupport.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Any log read with a user's pattern, on real lines of node, NCCL, Kubernetes operator and SLURM daemon logs. */
class PatternLogRecogniserTest {
    static final Path XID119 = resource("gpud__dmesg_xid119_gsp_timeout_xe9680.log");
    static final Path XID13 = resource("gpud__dmesg_xid13_xid43_excerpt.log");
    static final Path NCCL = resource("nccl_watchdog_timeout__basicsr_issue737_excerpt.log");
    static final Path KUBEFLOW = resource("kubeflow_trainer_issue2008__pytorchjob_crashloopbackoff_excerpt.log");
    static final Path SLURMCTLD = resource("slurmctld__trinity_issue506_excerpt.log");
    static final Path JOURNAL = resource("slurmctld_journal__openhpc_issue95_excerpt.log");
    static final Path SLURMD = resource("slurmd_journal__cluster_toolkit_issue1600_excerpt.log");
    static final Path KERNEL = resource("kernel_fault_lines__github_issues.log");
    static final Path NEW_YEAR = resource("handmade/journal_xid_across_new_year.log");

    /** A dmesg -T or plain dmesg driver line: the bracketed stamp, the Xid and its PCI device. */
    static final String DMESG_XID = "^\\[(?<time>[^\\]]+)\\] NVRM: (?<message>Xid \\(PCI:(?<node>[^)]+)\\): .*)";

    /** The file read with the pattern alone ({@code --log-format pattern}). */
    private static List<TrainerEvent.Fault> faults(Path file, String regex) throws Exception {
        return faults(file, LinePattern.of(regex, null), ZoneOffset.UTC);
    }

    private static List<TrainerEvent.Fault> faults(Path file, LinePattern p, ZoneId zone) throws Exception {
        FileEvents f = new TrainerLogReader(List.of(LogFormats.pattern(p)), zone, LoadMode.STRICT).read(file);
        List<TrainerEvent.Fault> faults = of(f, TrainerEvent.Fault.class);
        assertEquals(faults.size(), f.formats().get(LogFormats.PATTERN), "one fault per line taken");
        return faults;
    }

    private static LoadOptions forFile(Path file, String regex) {
        return LoadOptions.of(LoadMode.STRICT).withFilePatterns(Map.of(file, LinePattern.of(regex, null)));
    }

    @Test
    void dmesgTXidLinesEachAFaultAtItsTimeOnItsDevice() throws Exception {
        List<TrainerEvent.Fault> faults = faults(XID119, DMESG_XID);
        assertEquals(List.of(3L, 38L, 40L, 42L, 43L), faults.stream().map(x -> x.source().line()).toList(),
                "the five Xid lines; the GSP history and call trace are not matched");
        assertEquals(List.of(utc(2025, 2, 23, 16, 24, 18, 0), utc(2025, 2, 23, 16, 24, 24, 0),
                        utc(2025, 2, 23, 16, 24, 30, 0), utc(2025, 2, 23, 16, 27, 12, 0), utc(2025, 2, 23, 16, 30, 13, 0)),
                faults.stream().map(TrainerEvent.Fault::timeUs).toList());
        TrainerEvent.Fault first = faults.get(0);
        assertEquals("gpu_system_processor", first.cause());
        assertEquals("xid_gsp", first.rule());
        assertEquals(Layer.INFRA, first.layer());
        assertEquals("0000:9b:00", first.node());
        assertEquals(-1, first.rank());
        assertEquals("Xid (PCI:0000:9b:00): 119, pid=2024380, name=nvidia-smi, Timeout after 6s of waiting for RPC "
                + "response from GPU4 GSP! Expected function 103 (GSP_RM_ALLOC) (0x2081 0x4).", first.message());
        assertTrue(faults.get(3).message().contains("name=cache_mgr_main"), "repeats are not grouped");
    }

    @Test
    void isoKernelLinesAfterTheirLevelToTheMicrosecond() throws Exception {
        List<TrainerEvent.Fault> faults = faults(XID13,
                "^kern\\s+:\\w+\\s*: (?<time>\\S+) NVRM: (?<message>Xid \\(PCI:(?<node>[^)]+)\\): \\d+,.*)");
        assertEquals(17, faults.size());
        assertEquals(utc(2025, 1, 21, 4, 41, 44, 283_302), faults.get(0).timeUs());
        assertEquals(utc(2025, 1, 21, 4, 41, 44, 287_197), faults.get(16).timeUs());
        assertEquals(List.of("software_bug"), faults.stream().map(TrainerEvent.Fault::cause).distinct().toList());
        assertEquals("xid_application_fault", faults.get(16).rule());
        assertEquals("0000:38:00", faults.get(16).node());
        assertTrue(faults.get(16).message().startsWith("Xid (PCI:0000:38:00): 43, pid=2924364, name=pt_main_thread"));
    }

    @Test
    void ncclWatchdogLinesWithTheirRanksAndC10Times() throws Exception {
        List<TrainerEvent.Fault> faults = faults(NCCL, "^\\[rank(?<rank>\\d+)\\]:\\[(?<time>E\\d{3,4} [\\d:.]+) "
                + "\\S+\\] (?<message>\\[Rank \\d+\\] Watchdog caught collective operation timeout: .*)");
        assertEquals(List.of(1, 0, 2), faults.stream().map(TrainerEvent.Fault::rank).toList());
        assertEquals(List.of(1L, 3L, 5L), faults.stream().map(x -> x.source().line()).toList());
        assertEquals(LogTime.yearless(6, 26, 6, 24, 44, 903_881), faults.get(0).timeUs(),
                "c10's E626 06:24:44.903881913: no year, ns cut to µs");
        assertEquals(LogTime.yearless(6, 26, 6, 24, 44, 159_932), faults.get(1).timeUs());
        assertEquals("nccl_watchdog_timeouts", faults.get(2).cause());
        assertEquals("nccl_watchdog_timeout", faults.get(2).rule());
        assertNull(faults.get(2).node());
        assertTrue(faults.get(2).message().endsWith("Timeout(ms)=600000) ran for 600061 milliseconds before timing "
                + "out."), faults.get(2).message());
    }

    @Test
    void kubeflowOperatorLinesLogrusAndZap() throws Exception {
        List<TrainerEvent.Fault> exits = faults(KUBEFLOW, "^time=\"(?<time>[^\"]+)\" level=\\w+ "
                + "msg=\"(?<message>Pod: \\S+ exited with code [1-9][0-9]*)\"");
        assertEquals(1, exits.size());
        TrainerEvent.Fault exit = exits.get(0);
        assertEquals(6, exit.source().line());
        assertEquals(utc(2024, 2, 21, 9, 32, 29, 0), exit.timeUs());
        assertEquals("Pod: kubeflow.pytorch-simple-worker-0 exited with code 1", exit.message());
        assertEquals("unattributed_downtime", exit.cause(), "no rule names a pod's exit code: for the analyst");
        assertNull(exit.rule());

        List<TrainerEvent.Fault> zap = faults(KUBEFLOW, "^(?<time>[0-9.e+]+)\\t\\w+\\t(?<message>.*)");
        assertEquals(List.of(3L, 4L), zap.stream().map(x -> x.source().line()).toList());
        assertEquals(utc(2024, 2, 21, 9, 31, 59, 323_319), zap.get(0).timeUs(), "1.708507919323319e+09 s");
        assertEquals(utc(2024, 2, 21, 9, 32, 29, 839_316), zap.get(1).timeUs(), "1.7085079498393168e+09 s");
        assertTrue(zap.get(0).message().startsWith("events\tError pod pytorch-simple-worker-0 container pytorch "
                + "waiting message: back-off 40s restarting failed container=pytorch"), zap.get(0).message());
    }

    @Test
    void slurmctldNodesSetDownInTheFilesZone() throws Exception {
        String downs = "^\\[(?<time>[^\\]]+)\\] error: (?<message>Nodes (?<node>\\S+) not responding, setting DOWN)$";
        List<TrainerEvent.Fault> faults = faults(SLURMCTLD, LinePattern.of(downs, null), ZoneId.of("Europe/Amsterdam"));
        assertEquals(List.of(9L, 10L), faults.stream().map(x -> x.source().line()).toList(),
                "the two 'setting DOWN' lines, not the three plain 'not responding' ones");
        assertEquals(List.of("c001", "c002"), faults.stream().map(TrainerEvent.Fault::node).toList());
        assertEquals(utc(2015, 11, 10, 11, 32, 2, 284_000), faults.get(0).timeUs(), "12:32:02.284 CET");
        assertEquals(utc(2015, 11, 10, 11, 38, 42, 447_000), faults.get(1).timeUs());
        assertEquals("Nodes c001 not responding, setting DOWN", faults.get(0).message());
        assertEquals("node_failure", faults.get(0).cause());
        assertEquals("slurm_node_down", faults.get(0).rule());
    }

    @Test
    void journalLinesWithoutAYearPlacedByTheRunsStart() throws Exception {
        String errors = "^(?<time>\\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d) (?<node>\\S+) slurmctld\\[\\d+\\]: "
                + "(?<message>error: .*)";
        Run run = new RunLoader(forFile(JOURNAL, errors).withStart(utc(2021, 2, 24, 0, 0, 0, 0)))
                .load(List.of(JOURNAL));
        assertEquals(6, run.faults().size());
        FaultEvent first = run.faults().get(0);
        assertEquals(utc(2021, 2, 24, 9, 21, 38, 0), first.timeUs());
        assertEquals("nrel-control.novalocal", first.node());
        assertEquals("error: Duplicated NodeHostName nrel-hpc-0 in the config file", first.message());
        assertEquals(JOURNAL + ":1", first.source().toString());
        assertEquals("error: Duplicated NodeHostName nrel-express-1 in the config file",
                run.faults().get(5).message());

        String fatal = "^(?<time>\\w{3} \\d\\d \\d\\d:\\d\\d:\\d\\d) (?<node>\\S+) slurmd\\[\\d+\\]: slurmd: "
                + "(?<message>fatal: .*)";
        for (String format : new String[]{null, "MMM dd HH:mm:ss"}) {
            LoadOptions o = LoadOptions.of(LoadMode.STRICT).withStart(utc(2023, 8, 1, 0, 0, 0, 0))
                    .withFilePatterns(Map.of(SLURMD, LinePattern.of(fatal, format)));
            List<FaultEvent> slurmd = new RunLoader(o).load(List.of(SLURMD)).faults();
            assertEquals(1, slurmd.size(), String.valueOf(format));
            assertEquals(utc(2023, 8, 9, 22, 11, 24, 0), slurmd.get(0).timeUs(), "Aug 09, zero-padded");
            assertEquals("fatal: Unable to determine this slurmd's NodeName", slurmd.get(0).message());
            assertEquals("hpccameco-controller", slurmd.get(0).node());
            assertEquals(2, slurmd.get(0).source().line());
        }
    }

    @Test
    void yearlessTimesGoOnIntoTheNextYearAcrossNewYear() throws Exception {
        String journal = "^(?<time>\\w{3} [ \\d]\\d \\d\\d:\\d\\d:\\d\\d) (?<node>\\S+) kernel: \\[[ \\d.]+\\] NVRM: "
                + "(?<message>Xid .*)";
        Run run = new RunLoader(forFile(NEW_YEAR, journal).withStart(utc(2024, 12, 31, 12, 0, 0, 0)))
                .load(List.of(NEW_YEAR));
        assertEquals(List.of(utc(2024, 12, 31, 23, 59, 58, 0), utc(2025, 1, 1, 0, 0, 3, 0),
                utc(2025, 1, 1, 0, 20, 3, 0)), run.faults().stream().map(FaultEvent::timeUs).toList());
        assertEquals(List.of("gpu_hbm3_memory", "gpu_hbm3_memory", "faulty_gpu"),
                run.faults().stream().map(FaultEvent::cause).toList());
        assertEquals("worker4", run.faults().get(2).node());
        // The same lines with a start in the new year: the December line goes back into the old one.
        Run after = new RunLoader(forFile(NEW_YEAR, journal).withStart(utc(2025, 1, 1, 6, 0, 0, 0)))
                .load(List.of(NEW_YEAR));
        assertEquals(utc(2024, 12, 31, 23, 59, 58, 0), after.faults().get(0).timeUs());
        assertEquals(utc(2025, 1, 1, 0, 20, 3, 0), after.faults().get(2).timeUs());
    }

    @Test
    void aMatchedLineWithoutAReadableTimeIsABadRecordNamingItsLine() throws Exception {
        // Line 9 is plain dmesg: "[24128.834365] NVRM: Xid ...", seconds since boot.
        InputException e = assertThrows(InputException.class,
                () -> new RunLoader(forFile(KERNEL, DMESG_XID)).load(List.of(KERNEL)));
        assertEquals(KERNEL + ":9: Any log with a pattern (--line-pattern): expected a time in the time group: "
                + PatternTime.FORMS + "; found \"24128.834365\"", e.getMessage());
        // Lenient: a warning, and the dmesg -T lines before it are faults.
        LoadOptions lenient = LoadOptions.of(LoadMode.LENIENT).withFilePatterns(forFile(KERNEL, DMESG_XID)
                .filePatterns());
        Run run = new RunLoader(lenient).load(List.of(KERNEL));
        assertTrue(run.problems().stream().anyMatch(p -> p.severity() == Problem.Severity.WARNING
                && p.source().line() == 9 && p.message().endsWith("found \"24128.834365\"; line skipped")),
                run.problems().toString());
        List<FaultEvent> byPattern = run.faults().stream().filter(f -> f.source().line() <= 3).toList();
        assertEquals(List.of(utc(2024, 4, 5, 21, 29, 39, 0), utc(2024, 8, 30, 11, 43, 9, 0),
                utc(2024, 8, 30, 11, 43, 14, 0)), byPattern.stream().map(FaultEvent::timeUs).toList());
        assertEquals(List.of("faulty_gpu", "software_bug", "unattributed_downtime"),
                byPattern.stream().map(FaultEvent::cause).toList());
    }

    @Test
    void aTimeNotOfTheGivenFormatIsABadRecord(@TempDir Path dir) throws Exception {
        LinePattern p = LinePattern.of("^\\[(?<time>[^\\]]+)\\] error: (?<message>.*)", "dd/MMM/yyyy:HH:mm:ss");
        Path f = write(dir, "slurmctld.log", "[2015-11-10T12:20:19.846] error: Nodes c002 not responding\nnext\n");
        BadRecordAt bad = badRecord(f, p);
        assertEquals(f + ":1: Any log with a pattern (--line-pattern): expected a time of the form "
                + "dd/MMM/yyyy:HH:mm:ss in the time group, found \"2015-11-10T12:20:19.846\"", bad.message());
    }

    private record BadRecordAt(String message) {
    }

    private static BadRecordAt badRecord(Path file, LinePattern p) {
        InputException e = assertThrows(InputException.class, () -> new TrainerLogReader(
                List.of(LogFormats.pattern(p)), ZoneOffset.UTC, LoadMode.STRICT).read(file));
        return new BadRecordAt(e.getMessage());
    }

    @Test
    void aPatternThatBacktracksWithoutEndIsStoppedOnTheLine(@TempDir Path dir) throws Exception {
        // (.*a){10}b on 40 a's and no b tries each way to cut them in ten (Java's regex remembers failed
        // positions of simple loops such as (a+)+, not of this one); the budget stops it after 10,000 reads per
        // character, about 1.4 million here.
        LinePattern p = LinePattern.of("^(?<time>\\S+) (?<message>(.*a){10}b)", null);
        Path f = write(dir, "x.log", "2024-05-01T12:00:00Z " + "a".repeat(40) + "!\nlast\n");
        assertEquals(f + ":1: Any log with a pattern (--line-pattern): expected the line pattern to decide within "
                + "10000 reads per character; it backtracks too much on this line (anchor it with ^, and prefer "
                + "[^\"]*, \\S+ or a possessive .*+ to .*)", badRecord(f, p).message());
        // The same pattern on a line it matches soon is read.
        Path ok = write(dir, "ok.log", "2024-05-01T12:00:00Z " + "a".repeat(12) + "b\n");
        assertEquals(1, faults(ok, p, ZoneOffset.UTC).size());
    }

    @Test
    void aPatternForAFileIsTriedFirstOneForAllFilesLast() throws Exception {
        // Given for the file, the pattern takes the five Xid lines before the node format groups them.
        Run own = new RunLoader(forFile(XID119, DMESG_XID)).load(List.of(XID119));
        assertEquals(5, own.faults().size());
        assertEquals("0000:9b:00", own.faults().get(0).node());
        // Given for all files, it only sees lines no built-in format took: the node format's three faults stay.
        Run all = new RunLoader(LoadOptions.of(LoadMode.STRICT).withLinePattern(LinePattern.of(DMESG_XID, null)))
                .load(List.of(XID119));
        assertEquals(3, all.faults().size());
        assertEquals("PCI:0000:9b:00", all.faults().get(0).node());
        // The torchrun-side format reads NCCL watchdog lines; a pattern for all files leaves them to it.
        String watchdog = "^\\[rank(?<rank>\\d+)\\]:\\[(?<time>E\\d{3,4} [\\d:.]+) \\S+\\] (?<message>.*Watchdog.*)";
        FileEvents read = new TrainerLogReader(List.of(LogFormats.byId("torchelastic"),
                LogFormats.pattern(LinePattern.of(watchdog, null))), ZoneOffset.UTC, LoadMode.STRICT).read(NCCL);
        assertFalse(read.formats().containsKey(LogFormats.PATTERN), read.formats().toString());
    }

    @Test
    void aLinePatternForAFileMakesItATextLogAndLogFormatPatternNeedsOne(@TempDir Path dir) throws Exception {
        // A JSON-lines log would be taken for a run log by its first character; its own pattern says otherwise.
        Path json = write(dir, "events.jsonl", "{\"ts\": \"2024-05-01T12:00:00Z\", \"level\": \"error\", \"msg\": "
                + "\"NCCL WARN NET/IB : Got completion from peer 10.0.0.2 with error 12\"}\n");
        LoadOptions o = LoadOptions.of(LoadMode.STRICT).withFilePatterns(Map.of(json, LinePattern.of(
                "\"ts\": \"(?<time>[^\"]+)\", \"level\": \"error\", \"msg\": \"(?<message>[^\"]*)\"", null)));
        List<FaultEvent> faults = new RunLoader(o).load(List.of(json)).faults();
        assertEquals(1, faults.size());
        assertEquals("network_switch_cable", faults.get(0).cause());
        assertEquals(utc(2024, 5, 1, 12, 0, 0, 0), faults.get(0).timeUs());

        InputException none = assertThrows(InputException.class, () -> new RunLoader(LoadOptions.of(LoadMode.STRICT)
                .withFormat(LogFormats.PATTERN)).load(List.of(SLURMCTLD)));
        assertEquals(SLURMCTLD + ": expected a --line-pattern for this file: --log-format pattern reads text logs by "
                + "a line pattern alone", none.getMessage());
    }

    @Test
    void aFileTheGivenPatternNeverMatchesIsRefusedNamingWhatIsRead() throws Exception {
        InputException e = assertThrows(InputException.class, () -> new RunLoader(LoadOptions.of(LoadMode.STRICT)
                .withFormat(LogFormats.PATTERN).withFilePatterns(Map.of(SLURMCTLD, LinePattern.of(
                        "^(?<time>\\S+) (?<message>FATAL.*)", null)))).load(List.of(SLURMCTLD)));
        assertEquals(SLURMCTLD + ": expected a run log or trainer log records; none found in 10 lines (read: the "
                + "canonical run log, ml-goodput-measurement entries, Hugging Face trainer_state.json, Any log with a "
                + "pattern (--line-pattern); see `goodput formats`)", e.getMessage());
    }

    @Test
    void theUnboundEntryReadsNothingAndEveryFormatIsListed() {
        LogFormat listed = LogFormats.byId("pattern");
        assertEquals(LogFormats.all().get(LogFormats.all().size() - 1), listed);
        assertTrue(listed.takes().contains("--line-pattern"), listed.takes());
        assertEquals(listed.name(), LogFormats.pattern(LinePattern.of(DMESG_XID, null)).name());
    }
}
