package dev.goodput.core.io;

import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.Run;
import dev.goodput.core.report.GoodputReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CanonicalRunLogTest {
    private static final String JSONL = String.join("\n",
            "{\"schema\":1,\"event\":\"run\",\"name\":\"tiny\",\"accelerators\":8,\"peak_flops\":1e14,"
                    + "\"flops_per_step\":1.2e15,\"team\":\"kept and ignored\"}",
            "{\"event\":\"job_start\",\"time\":\"2024-05-01T12:00:00Z\",\"cluster\":{\"nested\":[1,2]}}",
            "{\"event\":\"phase\",\"phase\":\"training_prep\",\"start\":\"2024-05-01T12:00:00Z\",\"duration\":4}",
            "{\"event\":\"step\",\"step\":0,\"start\":1714564804,\"end\":1714564807}",
            "{\"event\":\"step\",\"step\":1,\"start\":\"2024-05-01T14:00:07+02:00\",\"duration\":3.0}",
            "",
            "{\"event\":\"step_range\",\"first\":2,\"last\":5,\"start\":1714564810,\"end\":1714564822}",
            "{\"event\":\"checkpoint\",\"step\":5,\"time\":1714564822,\"blocking_seconds\":2}",
            "{\"event\":\"fault\",\"time\":1714564824,\"cause\":\"Faulty GPU\",\"message\":\"Xid 79\",\"node\":\"n7\"}",
            "{\"event\":\"job_end\",\"time\":1714564825,\"reason\":\"fault\"}",
            "{\"event\":\"job_start\",\"time\":1714564840}",
            "{\"event\":\"step\",\"step\":6,\"start\":1714564840,\"end\":1714564843}",
            "{\"event\":\"job_end\",\"time\":1714564843,\"reason\":\"completed\"}") + "\n";

    private static final String CSV = String.join("\n",
            "schema,event,time,start,end,duration,step,first,last,name,accelerators,peak_flops,flops_per_step,phase,"
                    + "blocking_seconds,cause,message,node,reason,extra_column",
            "1,run,,,,,,,,tiny,8,1e14,1.2e15,,,,,,,x",
            ",job_start,2024-05-01T12:00:00Z,,,,,,,,,,,,,,,,,",
            ",phase,,2024-05-01T12:00:00Z,,4,,,,,,,,training_prep,,,,,,",
            ",step,,1714564804,1714564807,,0,,,,,,,,,,,,,",
            ",step,,2024-05-01T14:00:07+02:00,,3.0,1,,,,,,,,,,,,,",
            ",step_range,,1714564810,1714564822,,,2,5,,,,,,,,,,,",
            ",checkpoint,1714564822,,,,5,,,,,,,,2,,,,,",
            ",fault,1714564824,,,,,,,,,,,,,Faulty GPU,\"Xid 79, on n7\",n7,,",
            ",job_end,1714564825,,,,,,,,,,,,,,,,fault,",
            ",job_start,1714564840,,,,,,,,,,,,,,,,,",
            ",step,,1714564840,1714564843,,6,,,,,,,,,,,,,",
            ",job_end,1714564843,,,,,,,,,,,,,,,,completed,") + "\n";

    @TempDir
    Path dir;

    @Test
    void jsonLinesAndCsvFormsGiveTheSameRunAndReport() throws Exception {
        Run fromJson = load(write("tiny.jsonl", JSONL));
        Run fromCsv = load(write("tiny.csv", CSV));
        assertEquals(fromJson.steps(), fromCsv.steps());
        assertEquals(fromJson.attempts().size(), fromCsv.attempts().size());
        GoodputReport a = derive(fromJson);
        GoodputReport b = derive(fromCsv);
        assertEquals(a.goodput(), b.goodput());
        assertEquals(a.badput().size(), b.badput().size());
        assertEquals(7, fromJson.steps().size());
        assertEquals("faulty_gpu", fromJson.faults().get(0).cause());
        // 12:00:00Z + 4 s prep: step 0 at 1714564804 is right after it, and step 1's +02:00 time is 12:00:07Z.
        assertEquals(1714564807L * 1_000_000L, fromJson.steps().startUs(1));
        // Step range 2..5 spans 12 s evenly: 3 s each.
        assertEquals(1714564813L * 1_000_000L, fromJson.steps().startUs(3));
        assertEquals(1, a.disruptions());
        assertEquals(16.0, a.reliability().causes().get(0).mttrSeconds(), 1e-9); // fault 24 s -> restart 40 s
    }

    @Test
    void unknownFieldsAreIgnoredAndUnknownEventsWarn() throws Exception {
        Run run = load(write("x.jsonl", JSONL + "{\"event\":\"gpu_temperature\",\"time\":1714564850,\"c\":81}\n"));
        assertTrue(run.problems().stream().anyMatch(p -> p.severity() == Problem.Severity.WARNING
                && p.message().contains("unknown event type \"gpu_temperature\"") && p.source().line() == 14),
                run.problems().toString());
    }

    @Test
    void aNewerSchemaIsReadWithAWarning() throws Exception {
        Run run = load(write("x.jsonl", JSONL.replace("\"schema\":1", "\"schema\":2")));
        assertTrue(run.problems().stream().anyMatch(p -> p.message().contains("schema version 2 is newer")));
    }

    @Test
    void csvWithByteOrderMarkAndCrLfLineEndsIsRead() throws Exception {
        Path p = dir.resolve("excel.csv");
        Files.writeString(p, "\uFEFF" + CSV.replace("\n", "\r\n"));
        Run run = load(p);
        assertEquals(7, run.steps().size());
        assertEquals(derive(load(write("tiny.jsonl", JSONL))).goodput(), derive(run).goodput());
    }

    @Test
    void gzipInputIsReadTransparently() throws Exception {
        Path gz = dir.resolve("tiny.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(JSONL.getBytes(StandardCharsets.UTF_8));
        }
        assertEquals(7, load(gz).steps().size());
    }

    @Test
    void badLineNamesFileLineAndWhatWasExpected() throws IOException {
        Path p = write("bad.jsonl", JSONL.replace("\"end\":1714564807", "\"end\":\"tomorrow\""));
        InputException e = assertThrows(InputException.class, () -> load(p));
        assertEquals(p + ":4: expected \"end\" to be an ISO-8601 time with offset (2024-05-01T12:00:00Z) or "
                + "epoch seconds, found \"tomorrow\"", e.getMessage());
    }

    @Test
    void localTimeWithoutOffsetIsRejected() throws IOException {
        Path p = write("local.jsonl", "{\"event\":\"job_start\",\"time\":\"2024-05-01T12:00:00\"}\n");
        InputException e = assertThrows(InputException.class, () -> load(p));
        assertTrue(e.getMessage().startsWith(p + ":1: expected \"time\" to be an ISO-8601 time with offset"));
    }

    @Test
    void brokenJsonAndMissingFieldsAreReportedWithTheirLine() throws IOException {
        Path p = write("broken.jsonl", "{\"event\":\"job_start\",\"time\":0}\n{\"event\":\"step\",\"step\":1\n");
        InputException e = assertThrows(InputException.class, () -> load(p));
        assertEquals(p + ":2: expected a closing } for the object; the line ends inside it", e.getMessage());
        Path q = write("nostep.jsonl", "{\"event\":\"step\",\"start\":0}\n");
        assertEquals(q + ":1: expected a \"step\" field with a whole number",
                assertThrows(InputException.class, () -> load(q)).getMessage());
    }

    @Test
    void lenientLoadingKeepsWhatItCouldReadAndReportsTheRest() throws Exception {
        Path p = write("partly.jsonl", JSONL.replace("\"end\":1714564807", "\"end\":\"tomorrow\""));
        Run run = new RunLoader(LoadMode.LENIENT).load(List.of(p));
        assertEquals(6, run.steps().size());
        assertTrue(run.problems().stream().anyMatch(x -> x.severity() == Problem.Severity.ERROR
                && x.source().line() == 4 && x.message().endsWith("line skipped")));
    }

    @Test
    void inputFilesAreNeverModified() throws Exception {
        Path p = write("tiny.jsonl", JSONL);
        byte[] before = Files.readAllBytes(p);
        long modified = Files.getLastModifiedTime(p).toMillis();
        derive(load(p));
        assertTrue(java.util.Arrays.equals(before, Files.readAllBytes(p)));
        assertEquals(modified, Files.getLastModifiedTime(p).toMillis());
    }

    @Test
    void writerOutputReadsBackToTheSameFacts() throws Exception {
        Run original = load(write("tiny.jsonl", JSONL));
        StringWriter out = new StringWriter();
        new RunLogWriter().write(original, out);
        Run again = load(write("again.jsonl", out.toString()));
        assertEquals(original.steps(), again.steps());
        assertEquals(original.attempts().size(), again.attempts().size());
        for (int i = 0; i < original.attempts().size(); i++) {
            assertEquals(original.attempts().get(i).startUs(), again.attempts().get(i).startUs());
            assertEquals(original.attempts().get(i).endUs(), again.attempts().get(i).endUs());
            assertEquals(original.attempts().get(i).endReason(), again.attempts().get(i).endReason());
        }
        assertEquals(original.phases().size(), again.phases().size());
        assertEquals(original.checkpoints(), again.checkpoints().stream().map(c -> new dev.goodput.core.model
                .Checkpoint(c.step(), c.timeUs(), c.blockingUs(), original.checkpoints().get(0).source())).toList());
        assertEquals(derive(original).goodput(), derive(again).goodput());
    }

    @Test
    void hotSparesAndPlannedEndsReadAlikeInBothFormsAndWriteBack() throws Exception {
        String jsonl = String.join("\n",
                "{\"schema\":1,\"event\":\"run\",\"name\":\"spares\",\"accelerators\":16}",
                "{\"event\":\"job_start\",\"time\":0,\"accelerators_allocated\":16,\"accelerators_in_use\":12,"
                        + "\"accelerators_hot_spare\":4}",
                "{\"event\":\"step\",\"step\":1,\"start\":0,\"end\":10}",
                "{\"event\":\"job_end\",\"time\":10,\"reason\":\"time_limit\"}",
                "{\"event\":\"job_start\",\"time\":20,\"accelerators_hot_spare\":4}",
                "{\"event\":\"step\",\"step\":2,\"start\":20,\"end\":30}",
                "{\"event\":\"job_end\",\"time\":30,\"reason\":\"restart\"}") + "\n";
        String csv = String.join("\n",
                "schema,event,time,start,end,step,name,accelerators,accelerators_allocated,accelerators_in_use,"
                        + "accelerators_hot_spare,reason",
                "1,run,,,,,spares,16,,,,",
                ",job_start,0,,,,,,16,12,4,",
                ",step,,0,10,1,,,,,,",
                ",job_end,10,,,,,,,,,time_limit",
                ",job_start,20,,,,,,,,4,",
                ",step,,20,30,2,,,,,,",
                ",job_end,30,,,,,,,,,restart") + "\n";
        Run fromJson = load(write("spares.jsonl", jsonl));
        Run fromCsv = load(write("spares.csv", csv));
        for (Run run : List.of(fromJson, fromCsv)) {
            assertEquals(4, run.attempts().get(0).hotSpares());
            assertEquals(4, run.attempts().get(1).hotSpares());
            assertEquals(dev.goodput.core.model.EndReason.TIME_LIMIT, run.attempts().get(0).endReason());
            assertEquals(dev.goodput.core.model.EndReason.RESTART, run.attempts().get(1).endReason());
        }
        GoodputReport r = derive(fromJson);
        assertEquals(r.badput(), derive(fromCsv).badput());
        // 20 s of jobs with 4 of 16 held in reserve (the second job's 12 in use by default: 16 - 4): 5 s of the
        // 30 s window; the 10 s between the jobs are the time limit's.
        assertEquals(5.0, r.badput().stream().filter(c -> c.cause().equals("hot_spares")).findFirst().orElseThrow()
                .seconds(), 1e-9);
        assertEquals(10.0, r.badput().stream().filter(c -> c.cause().equals("time_limit")).findFirst()
                .orElseThrow().seconds(), 1e-9);
        assertEquals(0, r.disruptions());
        StringWriter out = new StringWriter();
        new RunLogWriter().write(fromJson, out);
        Run again = load(write("again.jsonl", out.toString()));
        assertEquals(fromJson.attempts().stream().map(a -> a.hotSpares() + " " + a.endReason()).toList(),
                again.attempts().stream().map(a -> a.hotSpares() + " " + a.endReason()).toList());
    }

    /**
     * A job start's {@code nodes} in both forms, and written back: the hosts the attempt held, which decide whose
     * faults it is. Job on node01, node02 failing at 600 after steps to 300; an Xid on node07 (another job's) at
     * 400 is not its root: the scheduler's NODE_FAIL at 600 on its nodes is, and takes the last step's end 300 →
     * the next start at 700 (400 s; with the Xid as root, all of it would be faulty_gpu's).
     */
    @Test
    void aJobStartsNodesReadAlikeInBothFormsAndWriteBack() throws Exception {
        String jsonl = String.join("\n",
                "{\"schema\":1,\"event\":\"run\",\"name\":\"nodes\",\"accelerators\":16}",
                "{\"event\":\"job_start\",\"time\":0,\"nodes\":\"node01,node02\"}",
                "{\"event\":\"step_range\",\"first\":1,\"last\":30,\"start\":0,\"end\":300}",
                "{\"event\":\"fault\",\"time\":400,\"cause\":\"faulty_gpu\",\"message\":\"Xid 79\","
                        + "\"node\":\"node07\"}",
                "{\"event\":\"fault\",\"time\":600,\"cause\":\"node_failure\","
                        + "\"message\":\"slurm: job 1 NODE_FAIL\",\"node\":\"node01,node02\"}",
                "{\"event\":\"job_end\",\"time\":600,\"reason\":\"fault\"}",
                "{\"event\":\"job_start\",\"time\":700,\"nodes\":\"node01, node03\"}",
                "{\"event\":\"step_range\",\"first\":31,\"last\":40,\"start\":700,\"end\":800}",
                "{\"event\":\"job_end\",\"time\":800,\"reason\":\"completed\"}") + "\n";
        String csv = String.join("\n",
                "schema,event,time,start,end,first,last,name,accelerators,nodes,cause,message,node,reason",
                "1,run,,,,,,nodes,16,,,,,",
                ",job_start,0,,,,,,,\"node01,node02\",,,,",
                ",step_range,,0,300,1,30,,,,,,,",
                ",fault,400,,,,,,,,faulty_gpu,Xid 79,node07,",
                ",fault,600,,,,,,,,node_failure,slurm: job 1 NODE_FAIL,\"node01,node02\",",
                ",job_end,600,,,,,,,,,,,fault",
                ",job_start,700,,,,,,,\"node01, node03\",,,,",
                ",step_range,,700,800,31,40,,,,,,,",
                ",job_end,800,,,,,,,,,,,completed") + "\n";
        Run fromJson = load(write("nodes.jsonl", jsonl));
        Run fromCsv = load(write("nodes.csv", csv));
        for (Run run : List.of(fromJson, fromCsv)) {
            assertEquals(List.of(List.of("node01", "node02"), List.of("node01", "node03")),
                    run.attempts().stream().map(dev.goodput.core.model.JobAttempt::nodes).toList());
            GoodputReport r = derive(run);
            assertEquals(400.0, r.badput().stream().filter(c -> c.cause().equals("node_failure")).findFirst()
                    .orElseThrow().seconds(), 1e-9);
            assertTrue(r.badput().stream().noneMatch(c -> c.cause().equals("faulty_gpu")), r.badput().toString());
        }
        StringWriter out = new StringWriter();
        new RunLogWriter().write(fromJson, out);
        assertTrue(out.toString().contains("\"nodes\":\"node01,node02\""), out.toString());
        Run again = load(write("again.jsonl", out.toString()));
        assertEquals(fromJson.attempts().stream().map(dev.goodput.core.model.JobAttempt::nodes).toList(),
                again.attempts().stream().map(dev.goodput.core.model.JobAttempt::nodes).toList());
        assertEquals(derive(fromJson).badput(), derive(again).badput());
    }

    /** A fault's {@code rule} in both forms: kept as written, none when absent or blank, carried to the report. */
    @Test
    void aFaultsRuleReadsAlikeInBothForms() throws Exception {
        String jsonl = String.join("\n",
                "{\"schema\":1,\"event\":\"run\",\"name\":\"rules\",\"accelerators\":8}",
                "{\"event\":\"job_start\",\"time\":0}",
                "{\"event\":\"step_range\",\"first\":1,\"last\":10,\"start\":0,\"end\":100}",
                "{\"event\":\"fault\",\"time\":150,\"cause\":\"faulty_gpu\",\"message\":\"Xid (PCI:0000:9b:00): "
                        + "79, GPU has fallen off the bus.\",\"rule\":\"xid_fallen_off_bus\"}",
                "{\"event\":\"fault\",\"time\":160,\"cause\":\"nccl_watchdog_timeouts\",\"rule\":\" \"}",
                "{\"event\":\"job_end\",\"time\":200,\"reason\":\"fault\"}") + "\n";
        String csv = String.join("\n",
                "schema,event,time,start,end,first,last,name,accelerators,cause,message,rule,reason",
                "1,run,,,,,,rules,8,,,,",
                ",job_start,0,,,,,,,,,,",
                ",step_range,,0,100,1,10,,,,,,",
                ",fault,150,,,,,,,faulty_gpu,\"Xid (PCI:0000:9b:00): 79, GPU has fallen off the bus.\","
                        + "xid_fallen_off_bus,",
                ",fault,160,,,,,,,nccl_watchdog_timeouts,,,",
                ",job_end,200,,,,,,,,,,fault") + "\n";
        for (Run run : List.of(load(write("rules.jsonl", jsonl)), load(write("rules.csv", csv)))) {
            assertEquals(java.util.Arrays.asList("xid_fallen_off_bus", null),
                    run.faults().stream().map(dev.goodput.core.model.FaultEvent::rule).toList());
            assertEquals("xid_fallen_off_bus", derive(run).restarts().get(0).rule());
        }
    }

    /**
     * The hand-made SLURM run (three jobs, sacct and Megatron logs: SlurmJobsByHandTest) written as a run log and
     * read back: every fact the derivation uses comes back — the faults with their rules and nodes, the attempts with
     * their node lists — and the report is the same, disruption records included.
     */
    @Test
    void aStitchedRunWrittenAndReadBackKeepsItsRulesAndNodes() throws Exception {
        Path dir = Path.of("src/test/resources/logs/handmade");
        Run stitched = new RunLoader(LoadMode.STRICT).load(List.of(dir.resolve("sacct_2001-2003.txt"),
                dir.resolve("slurm-2001.out"), dir.resolve("slurm-2002.out"), dir.resolve("slurm-2003.out")));
        StringWriter out = new StringWriter();
        new RunLogWriter().write(stitched, out);
        Run again = load(write("slurm-run.jsonl", out.toString()));
        assertEquals(stitched.faults().stream().map(f -> f.timeUs() + " " + f.cause() + " " + f.rule() + " "
                + f.node() + " " + f.layer() + " " + f.message()).toList(), again.faults().stream().map(f -> f.timeUs()
                + " " + f.cause() + " " + f.rule() + " " + f.node() + " " + f.layer() + " " + f.message()).toList());
        assertEquals(java.util.Arrays.asList("slurm_node_failure", "nccl_watchdog_timeout", null),
                again.faults().stream().map(dev.goodput.core.model.FaultEvent::rule).toList());
        assertEquals(stitched.attempts().stream().map(dev.goodput.core.model.JobAttempt::nodes).toList(),
                again.attempts().stream().map(dev.goodput.core.model.JobAttempt::nodes).toList());
        GoodputReport a = derive(stitched);
        GoodputReport b = derive(again);
        assertEquals(a.goodput().infra(), b.goodput().infra(), 1e-12);
        assertEquals(a.badput().stream().map(c -> c.cause() + " " + c.seconds()).toList(),
                b.badput().stream().map(c -> c.cause() + " " + c.seconds()).toList());
        assertEquals(a.restarts().stream().map(r -> r.rootCause() + " " + r.rule()).toList(),
                b.restarts().stream().map(r -> r.rootCause() + " " + r.rule()).toList());
        assertEquals(List.of("node_failure slurm_node_failure", "nccl_watchdog_timeouts nccl_watchdog_timeout"),
                b.restarts().stream().map(r -> r.rootCause() + " " + r.rule()).toList());
    }

    @Test
    void moreHotSparesThanTheUnusedAllocationNamesTheLine() throws IOException {
        Path p = write("spares.jsonl", "{\"event\":\"job_start\",\"time\":0,\"accelerators_allocated\":16,"
                + "\"accelerators_in_use\":12,\"accelerators_hot_spare\":8}\n");
        assertEquals(p + ":1: expected \"accelerators_hot_spare\" (8) to be at most \"accelerators_allocated\" - "
                + "\"accelerators_in_use\" (16 - 12)", assertThrows(InputException.class, () -> load(p)).getMessage());
    }

    /**
     * Issue 14: a peak, a model size or a step's FLOPs that is not a finite positive number is refused naming it,
     * never read as MFU 0 (infinite peak) nor dropped and then called missing (NaN, negative).
     */
    @Test
    void runQuantitiesMustBeFinitePositiveNumbers() throws IOException {
        String[][] cases = {
                {"\"peak_flops\":\"Infinity\"", "peak_flops", "Infinity"},
                {"\"peak_flops\":1e309", "peak_flops", "1e309"},
                {"\"peak_flops\":\"NaN\"", "peak_flops", "NaN"},
                {"\"peak_flops\":-3.12e14", "peak_flops", "-3.12e14"},
                {"\"parameters\":0", "parameters", "0"},
                {"\"tokens_per_step\":-1", "tokens_per_step", "-1"},
                {"\"flops_per_step\":\"-Infinity\"", "flops_per_step", "-Infinity"},
        };
        for (String[] c : cases) {
            Path p = write("quantity.jsonl", "{\"event\":\"run\",\"name\":\"r\"," + c[0] + "}\n"
                    + "{\"event\":\"job_start\",\"time\":0}\n");
            assertEquals(p + ":1: expected \"" + c[1] + "\" to be a finite number above 0, found \"" + c[2] + "\"",
                    assertThrows(InputException.class, () -> load(p)).getMessage(), c[0]);
        }
    }

    /** Issue 14: nothing timed, nothing to measure: refused, never a zero window at 1970-01-01 with exit 0. */
    @Test
    void aRunWithNoTimedRecordIsRefused() throws IOException {
        Path header = write("header.csv", "schema,event,time,start,end,step\n");
        Path runOnly = write("run-only.jsonl", "{\"schema\":1,\"event\":\"run\",\"name\":\"x\"}\n");
        for (Path p : List.of(header, runOnly)) {
            for (LoadMode mode : LoadMode.values()) {
                String m = assertThrows(InputException.class, () -> new RunLoader(mode).load(List.of(p))).getMessage();
                assertTrue(m.startsWith(p + ": expected at least one timed record (job_start, step, phase, downtime, "
                        + "fault or checkpoint); found none, so there is no time to measure"), m);
            }
        }
    }

    @Test
    void theCleanSampleLoadsWithoutProblems() throws Exception {
        Run run = load(Path.of("sample-runs/clean-small/run.jsonl"));
        assertTrue(run.problems().isEmpty(), run.problems().toString());
        assertEquals(600, run.steps().size());
    }

    private Run load(Path p) throws InputException {
        return new RunLoader(LoadMode.STRICT).load(List.of(p));
    }

    private static GoodputReport derive(Run run) {
        return GoodputDeriver.derive(run, DerivationSettings.defaults()).report();
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }
}
