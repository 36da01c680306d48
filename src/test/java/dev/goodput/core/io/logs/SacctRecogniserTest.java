package dev.goodput.core.io.logs;

import dev.goodput.core.io.InputException;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.Times;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static dev.goodput.core.io.logs.MegatronTestFiles.utc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * sacct's records, on real outputs (src/test/resources/logs, NOTICE.md): {@code --parsable2} of the cluster_utils
 * issue and of a real Slurm run in slurm_sim_tools, the fixed-width table of an OLCF issue and of a soperator pull
 * request; and on the hand-written three-job run in both forms.
 */
class SacctRecogniserTest {
    private static final Path DIR = Path.of("src/test/resources/logs");
    private static final Path HANDMADE = DIR.resolve("handmade");

    @TempDir
    Path dir;

    private static List<TrainerEvent.SchedulerJob> rows(FileEvents f) {
        return MegatronTestFiles.of(f, TrainerEvent.SchedulerJob.class);
    }

    private static FileEvents read(Path file, ZoneId zone, LoadMode mode) throws Exception {
        return new TrainerLogReader(LogFormats.all(), zone, mode).read(file);
    }

    private FileEvents read(String text) throws Exception {
        return read(Files.writeString(dir.resolve("sacct.txt"), text), ZoneOffset.UTC, LoadMode.STRICT);
    }

    private InputException refused(String text) {
        return assertThrows(InputException.class, () -> read(text));
    }

    @Test
    void parsable2JobsAndStepsWithoutTimes() throws Exception {
        FileEvents f = read(DIR.resolve("slurm_sacct_parsable2__cluster_utils_issue87_excerpt.txt"), ZoneOffset.UTC,
                LoadMode.STRICT);
        assertEquals(Long.valueOf(17), f.formats().get("slurm-sacct")); // the header and 16 rows
        List<TrainerEvent.SchedulerJob> r = rows(f);
        assertEquals(16, r.size());
        TrainerEvent.SchedulerJob job = r.get(0);
        assertEquals("239023", job.jobId());
        assertNull(job.stepId());
        assertEquals(SchedulerState.COMPLETED, job.state());
        assertEquals(List.of("galvani-cn001"), job.nodes());
        assertEquals("0:0", job.exitCode());
        assertEquals(Times.UNKNOWN, job.startUs());
        assertEquals(Times.UNKNOWN, job.timeUs());
        assertEquals("batch", r.get(1).stepId());
        assertEquals("extern", r.get(2).stepId());
        TrainerEvent.SchedulerJob step = r.get(3);
        assertEquals("239023", step.jobId());
        assertEquals("0", step.stepId());
        assertEquals(SchedulerState.CANCELLED, step.state());
        assertEquals("0:10", step.exitCode());
        assertEquals("src/test/resources/logs/slurm_sacct_parsable2__cluster_utils_issue87_excerpt.txt:5",
                step.source().toString());
    }

    /** A real Slurm run's accounting: times in the file's zone (the cluster's, Buffalo), host lists expanded. */
    @Test
    void parsable2WithTimesReadInTheFilesZone() throws Exception {
        Path file = DIR.resolve("slurm_sim_tools__micro_cluster_real_slurm_run__sacct_parsable2_excerpt.txt");
        List<TrainerEvent.SchedulerJob> r = rows(read(file, ZoneId.of("America/New_York"), LoadMode.STRICT));
        assertEquals(12, r.size());
        TrainerEvent.SchedulerJob j1007 = r.get(6);
        assertEquals("1007", j1007.jobId());
        assertEquals("jobid_1007", j1007.name());
        assertEquals(utc("2021-02-12T03:46:13"), j1007.submitUs()); // 22:46:13 EST
        assertEquals(utc("2021-02-12T03:46:14"), j1007.startUs());
        assertEquals(utc("2021-02-12T04:11:14"), j1007.endUs());
        assertEquals(j1007.startUs(), j1007.timeUs());
        assertEquals(List.of("m1", "m2"), j1007.nodes());
        assertEquals(0, j1007.accelerators()); // no AllocTRES column (ReqGRES is what was asked, not allocated)
        assertEquals(List.of("b1", "g1", "m3", "m4", "n1", "n2", "n3", "n4"), r.get(8).nodes());
        TrainerEvent.SchedulerJob timeout = r.get(11);
        assertEquals("1149", timeout.jobId());
        assertEquals(SchedulerState.TIMEOUT, timeout.state());
        assertEquals(utc("2021-02-12T07:04:25"), timeout.endUs());
    }

    /** OLCF's table: cut names and states, a job resized after losing a node, then its time limit. */
    @Test
    void fixedWidthTableWithCutValues() throws Exception {
        FileEvents f = read(DIR.resolve("slurm_sacct_default__olcf_test_harness_issue254_excerpt.txt"),
                ZoneOffset.UTC, LoadMode.STRICT);
        assertEquals(Long.valueOf(8), f.formats().get("slurm-sacct")); // header, dashes, 6 rows
        List<TrainerEvent.SchedulerJob> r = rows(f);
        assertEquals(6, r.size());
        assertEquals("x", r.get(0).jobId());
        assertEquals("oblex_nod+", r.get(0).name()); // a cut name is kept as written
        assertEquals(SchedulerState.RESIZING, r.get(0).state());
        assertEquals("batch", r.get(1).stepId()); // x.bat+
        assertEquals("extern", r.get(2).stepId()); // x.ext+
        assertEquals("0", r.get(3).stepId());
        assertEquals(SchedulerState.COMPLETED, r.get(3).state());
        assertEquals(SchedulerState.CANCELLED, r.get(4).state());
        assertEquals("0:9", r.get(4).exitCode());
        assertEquals(SchedulerState.TIMEOUT, r.get(5).state());
        assertNull(r.get(5).stepId());
    }

    @Test
    void fixedWidthTableWithSpaceAfterEveryColumn() throws Exception {
        List<TrainerEvent.SchedulerJob> r = rows(read(DIR.resolve("slurm_sacct_default__soperator_pr321_excerpt.txt"),
                ZoneOffset.UTC, LoadMode.STRICT));
        assertEquals(7, r.size());
        assertEquals("19", r.get(0).jobId());
        assertEquals("0", r.get(0).stepId());
        assertEquals("20", r.get(1).jobId());
        assertEquals(SchedulerState.FAILED, r.get(1).state());
        assertEquals("sleep", r.get(1).name());
        assertEquals(SchedulerState.COMPLETED, r.get(6).state());
    }

    /** The hand-written run as -P and as the fixed-width table: the same rows (the table cuts the job's name). */
    @Test
    void theTableAndParsable2SayTheSame() throws Exception {
        List<TrainerEvent.SchedulerJob> p = rows(read(HANDMADE.resolve("sacct_2001-2003.txt"), ZoneOffset.UTC,
                LoadMode.STRICT));
        List<TrainerEvent.SchedulerJob> t = rows(read(HANDMADE.resolve("sacct_2001-2003_table.txt"), ZoneOffset.UTC,
                LoadMode.STRICT));
        assertEquals(12, p.size());
        assertEquals(p.size(), t.size());
        for (int i = 0; i < p.size(); i++) {
            assertEquals(withoutNameAndSource(p.get(i)), withoutNameAndSource(t.get(i)), "row " + i);
        }
        assertEquals("gpt-pretrain", p.get(0).name());
        assertEquals("gpt-pretr+", t.get(0).name());
        assertEquals(16, p.get(0).accelerators());
        assertEquals(8, p.get(1).accelerators());
        assertEquals(List.of("node01", "node03"), p.get(8).nodes());
    }

    private static List<Object> withoutNameAndSource(TrainerEvent.SchedulerJob j) {
        return List.of(j.jobId(), String.valueOf(j.stepId()), j.submitUs(), j.startUs(), j.endUs(), j.state(),
                String.valueOf(j.reason()), j.nodes(), String.valueOf(j.exitCode()), j.accelerators(), j.timeUs());
    }

    /** Columns in any order, and --parsable's bar after the last column: the same rows. */
    @Test
    void anyColumnOrderAndATrailingBar() throws Exception {
        List<String> lines = Files.readAllLines(HANDMADE.resolve("sacct_2001-2003.txt"));
        int[] order = {9, 4, 2, 8, 0, 6, 3, 1, 7, 5};
        StringBuilder shuffled = new StringBuilder();
        for (String line : lines) {
            String[] cells = line.split("\\|", -1);
            List<String> out = new ArrayList<>();
            for (int k : order) {
                out.add(cells[k]);
            }
            shuffled.append(String.join("|", out)).append("|\n");
        }
        List<TrainerEvent.SchedulerJob> p = rows(read(HANDMADE.resolve("sacct_2001-2003.txt"), ZoneOffset.UTC,
                LoadMode.STRICT));
        List<TrainerEvent.SchedulerJob> s = rows(read(shuffled.toString()));
        assertEquals(p.size(), s.size());
        for (int i = 0; i < p.size(); i++) {
            assertEquals(withoutNameAndSource(p.get(i)), withoutNameAndSource(s.get(i)), "row " + i);
            assertEquals(p.get(i).name(), s.get(i).name());
        }
    }

    @Test
    void statesAsSacctWritesThem() throws Exception {
        List<TrainerEvent.SchedulerJob> r = rows(read("""
                JobID|State|Start|End|Elapsed
                1479763|CANCELLED by 302137|2023-02-21T14:37:07|2023-02-21T15:26:29|00:49:22
                1479764|OUT_OF_MEMORY|2023-02-21T14:37:07|Unknown|01:00:00
                1479765|RUNNING|2023-02-21T14:37:07|Unknown|1-02:03:04
                1479766|PENDING|None|Unknown|00:00:00
                1479767|COMPLETING|2023-02-21T14:37:07|Unknown|00:01:00
                1479768|REQUEUE_HOLD|2023-02-21T14:37:07|2023-02-21T14:38:07|00:01:00
                1479769_3|NODE_FAIL|2023-02-21T14:37:07|2023-02-21T14:38:07|00:01:00
                1479770+1|BOOT_FAIL|2023-02-21T14:37:07|2023-02-21T14:37:37|00:00:30
                1479770+1.0|CANCELLED|2023-02-21T14:37:07|2023-02-21T14:37:37|00:00:30
                """));
        assertEquals(SchedulerState.CANCELLED, r.get(0).state());
        assertEquals("by 302137", r.get(0).reason());
        // No End: Start + Elapsed, when the job is over.
        assertEquals(SchedulerState.OUT_OF_MEMORY, r.get(1).state());
        assertEquals(utc("2023-02-21T15:37:07"), r.get(1).endUs());
        assertEquals(SchedulerState.RUNNING, r.get(2).state());
        assertEquals(Times.UNKNOWN, r.get(2).endUs()); // still running: 1-02:03:04 so far is no end
        assertEquals(SchedulerState.PENDING, r.get(3).state());
        assertEquals(Times.UNKNOWN, r.get(3).startUs());
        assertEquals(SchedulerState.RUNNING, r.get(4).state());
        assertEquals("COMPLETING", r.get(4).reason());
        assertEquals(SchedulerState.REQUEUED, r.get(5).state());
        assertEquals("REQUEUE_HOLD", r.get(5).reason());
        assertEquals("1479769_3", r.get(6).jobId());
        assertEquals("1479770+1", r.get(7).jobId());
        assertEquals("1479770+1", r.get(8).jobId());
        assertEquals("0", r.get(8).stepId());
        assertEquals((86_400 + 2 * 3600 + 3 * 60 + 4) * 1_000_000L, SacctValues.elapsedUs("1-02:03:04"));
        assertEquals(65_500_000L, SacctValues.elapsedUs("01:05.500"));
        assertEquals(-1, SacctValues.elapsedUs("INVALID"));
    }

    @Test
    void gpusOfAllocTres() {
        assertEquals(8, SacctValues.tresGpus("billing=8,cpu=64,gres/gpu=8,mem=500G,node=1"));
        assertEquals(8, SacctValues.tresGpus("cpu=2,mem=8G,gres/gpu=8,gres/gpu:a100=8")); // typed too: once
        assertEquals(6, SacctValues.tresGpus("cpu=2,gres/gpu:a100=4,gres/gpu:v100=2"));
        assertEquals(16, SacctValues.tresGpus("billing=16,cpu=128,gres/gpu=16,me+")); // cut after the GPUs
        assertEquals(0, SacctValues.tresGpus("billing=16,cpu=1+"));
        assertEquals(0, SacctValues.tresGpus("billing=1,cpu=1,mem=7996M,node=1"));
        assertEquals(4, SacctValues.gresGpus("gpu:a100:4(IDX:0-3)"));
    }

    @Test
    void aLineWithBarsIsNoHeaderWithoutSacctsNames() throws Exception {
        // No format's record at all: refused as no trainer log, not read as a table.
        assertThrows(InputException.class, () -> read("name|state|value\nalpha|ok|1\n"));
        assertThrows(InputException.class, () -> read("Name|State|Elapsed\nalpha|COMPLETED|00:01:00\n"));
        FileEvents f = read("""
                JobID|State
                1|COMPLETED
                the table ended | here, and this is no row
                """);
        assertEquals(1, rows(f).size());
    }

    @Test
    void badRowsNameTheLineAndWhatWasExpected() {
        InputException state = refused("JobID|State|Start\n1001|COMPLETED|2024-05-01T10:00:00\n"
                + "1002|EXPLODED|2024-05-01T10:00:00\n1003|COMPLETED|None\n");
        assertTrue(state.getMessage().startsWith(dir.resolve("sacct.txt") + ":3: "), state.getMessage());
        assertTrue(state.getMessage().contains("expected a job state"), state.getMessage());
        assertTrue(state.getMessage().contains("found \"EXPLODED\""), state.getMessage());

        InputException time = refused("JobID|State|Start\n1001|COMPLETED|yesterday\n1002|COMPLETED|None\n");
        assertTrue(time.getMessage().contains(":2: "), time.getMessage());
        assertTrue(time.getMessage().contains("expected a time (2024-05-01T12:00:00), Unknown or None in the Start "
                + "column, found \"yesterday\""), time.getMessage());

        InputException noState = refused("JobID|JobName|Start\n1001|x|None\n");
        assertTrue(noState.getMessage().contains(":1: "), noState.getMessage());
        assertTrue(noState.getMessage().contains("expected a State column"), noState.getMessage());

        InputException fields = refused("JobID|State|Start\n1001|COMPLETED\n1002|COMPLETED|None\n");
        assertTrue(fields.getMessage().contains(":2: "), fields.getMessage());
        assertTrue(fields.getMessage().contains("expected 3 fields apart by '|'"), fields.getMessage());

        InputException nodes = refused("JobID|State|NodeList\n1001|COMPLETED|node[01-\n1002|COMPLETED|n1\n");
        assertTrue(nodes.getMessage().contains("expected a Slurm host list"), nodes.getMessage());
    }

    @Test
    void lenientSkipsABadRowWithAWarning() throws Exception {
        Path f = Files.writeString(dir.resolve("sacct.txt"), "JobID|State\n1001|EXPLODED\n1002|FAILED\n");
        FileEvents e = read(f, ZoneOffset.UTC, LoadMode.LENIENT);
        assertEquals(1, rows(e).size());
        assertEquals("1002", rows(e).get(0).jobId());
        Problem p = e.problems().get(0);
        assertEquals(2, p.source().line());
        assertTrue(p.message().contains("expected a job state"), p.message());
    }

    @Test
    void theFormatIsListed() {
        LogFormat f = LogFormats.byId("slurm-sacct");
        assertTrue(f.example().contains("|COMPLETED|"), f.example());
        assertTrue(Arrays.stream(new String[]{"slurmstepd", "node"}).allMatch(id -> LogFormats.byId(id) != null));
    }
}
