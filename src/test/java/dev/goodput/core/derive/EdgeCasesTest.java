package dev.goodput.core.derive;

import dev.goodput.core.io.InputException;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.RunLoader;
import dev.goodput.core.model.Layer;
import dev.goodput.core.model.Run;
import dev.goodput.core.report.CauseShare;
import dev.goodput.core.report.GoodputReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static dev.goodput.core.derive.ReportLookup.seconds;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Odd but legal inputs found in review: each once gave a wrong number or a crash. */
class EdgeCasesTest {
    private static final double EPS = 1e-9;
    private static final String HEADER = "{\"schema\":1,\"event\":\"run\",\"name\":\"edge\",\"accelerators\":1}\n";

    @TempDir
    Path dir;

    @Test
    void anInferredRestartBeginsAfterTheCrashNotAtAPhaseOfTheOldAttempt() throws Exception {
        // Data loading at 30..35 belongs to the attempt that crashed at 50; the restart (no job_start logged,
        // found from step 2 repeating) begins with its restore at 200.
        GoodputReport r = report(HEADER + """
                {"event":"job_start","time":0}
                {"event":"step","step":1,"start":0,"end":10}
                {"event":"step","step":2,"start":10,"end":20}
                {"event":"step","step":3,"start":20,"end":30}
                {"event":"phase","phase":"data_loading","start":30,"end":35}
                {"event":"fault","time":50,"cause":"gpu_xid_79"}
                {"event":"phase","phase":"checkpoint_restore","start":200,"end":220}
                {"event":"step","step":2,"start":220,"end":230}
                {"event":"step","step":3,"start":230,"end":240}
                {"event":"step","step":4,"start":240,"end":250}
                {"event":"job_end","time":250,"reason":"completed"}
                """);
        assertEquals(1, r.disruptions());
        assertEquals(165.0, seconds(r, "gpu_xid_79"), EPS); // 35 -> 200
        assertEquals(5.0, seconds(r, "data_loading"), EPS);
        assertEquals(150.0, r.reliability().mttrSeconds(), EPS); // fault 50 -> restart 200
    }

    @Test
    void withoutJobStartsACrashAtTheEndIsStillADisruption() throws Exception {
        GoodputReport r = report(HEADER + """
                {"event":"step","step":1,"start":0}
                {"event":"step","step":2,"start":10}
                {"event":"step","step":3,"start":20}
                {"event":"step","step":4,"start":30}
                {"event":"fault","time":35,"cause":"faulty_gpu"}
                """);
        assertEquals(1, r.disruptions());
        // Step 4 started at 30 and never ended; the job died somewhere before the fault was logged at 35:
        // all of 30..35 goes to the fault, as it would with a job_start logged.
        assertEquals(5.0, seconds(r, "faulty_gpu"), EPS);
        assertEquals(30.0, r.productiveSeconds(), EPS);
    }

    @Test
    void withoutJobStartsLoggedQueueTimeIsInfraDowntime() throws Exception {
        Run run = load(HEADER + """
                {"event":"downtime","kind":"queue","start":0,"end":100}
                {"event":"step","step":1,"start":100,"end":110}
                {"event":"step","step":2,"start":110,"end":120}
                {"event":"step","step":3,"start":120,"end":130}
                """);
        // The default window starts with the job (here its first step); a window from the queue's start
        // shows the queue as infra downtime, not as startup inside the job.
        assertEquals(30.0, GoodputDeriver.derive(run, DerivationSettings.defaults()).report().windowSeconds(), EPS);
        long t0 = run.downtimes().get(0).startUs();
        GoodputReport r = GoodputDeriver.derive(run, DerivationSettings.defaults()
                .withWindow(new Window(t0, t0 + 130_000_000L))).report();
        assertEquals(100.0, seconds(r, "queue"), EPS);
        assertEquals(130.0, r.windowSeconds(), EPS);
        assertEquals(30.0 / 130.0, r.goodput().infra(), EPS);
    }

    @Test
    void aPhaseNamingTheModelLayerCountsAsFrameworkTime() throws Exception {
        GoodputReport r = report(HEADER + """
                {"event":"job_start","time":0}
                {"event":"step","step":1,"start":0,"end":40}
                {"event":"phase","phase":"numerics_check","start":40,"end":60,"layer":"model"}
                {"event":"step","step":2,"start":60,"end":100}
                {"event":"job_end","time":100,"reason":"completed"}
                """);
        assertEquals(20.0, seconds(r, "numerics_check"), EPS);
        assertTrue(r.badput().stream().filter(c -> c.cause().equals("numerics_check"))
                .allMatch(c -> c.layer() == Layer.FRAMEWORK));
        assertEquals(0.8, r.goodput().framework(), EPS);
        assertTrue(r.warnings().stream().anyMatch(p -> p.message().contains("names the model layer")));
    }

    @Test
    void aStepRangeOfMillionsOfStepsInterpolatesWithoutOverflow() throws Exception {
        Run run = load(HEADER + """
                {"event":"job_start","time":0}
                {"event":"step_range","first":1,"last":5000000,"start":0,"end":2000000}
                {"event":"job_end","time":2000000,"reason":"completed"}
                """);
        assertEquals(5_000_000, run.steps().size());
        long base = run.steps().startUs(0);
        assertEquals(base + 400_000L * 4_999_999L, run.steps().startUs(4_999_999)); // 2e12 µs / 5e6 steps
        assertEquals(base + 2_000_000L * 1_000_000L, run.steps().endUs(4_999_999));
        GoodputReport r = GoodputDeriver.derive(run, DerivationSettings.defaults()).report();
        assertEquals(1.0, r.goodput().framework(), EPS);
        assertTrue(r.warnings().stream().noneMatch(p -> p.message().contains("outside every job attempt")));
    }

    @Test
    void aHugeWindowOverManyAcceleratorsDoesNotOverflow() throws Exception {
        Run run = load("{\"schema\":1,\"event\":\"run\",\"name\":\"big\",\"accelerators\":16384}\n" + """
                {"event":"job_start","time":1000000000}
                {"event":"step","step":1,"start":1000000000,"end":1000000010}
                {"event":"job_end","time":1000000010,"reason":"completed"}
                """);
        GoodputReport r = GoodputDeriver.derive(run, DerivationSettings.defaults()
                .withWindow(new Window(0, 2_000_000_000L * 1_000_000L))).report();
        for (CauseShare c : r.badput()) {
            assertTrue(c.seconds() >= 0 && c.fraction() >= 0, c.toString());
        }
        assertEquals(10.0 / 2e9, r.goodput().infra(), 1e-15);
    }

    @Test
    void aZeroLengthAttemptKeepsItsEndReason() throws Exception {
        GoodputReport r = report(HEADER + """
                {"event":"job_start","time":0}
                {"event":"step","step":1,"start":0,"end":10}
                {"event":"job_end","time":10,"reason":"completed"}
                {"event":"job_start","time":20}
                {"event":"job_end","time":20,"reason":"preempted"}
                {"event":"job_start","time":30}
                {"event":"step","step":2,"start":30,"end":40}
                {"event":"job_end","time":40,"reason":"completed"}
                """);
        assertEquals(10.0, seconds(r, "preemption"), EPS);
        // A preemption followed by another attempt is a planned restart, not a disruption.
        assertEquals(0, r.disruptions());
        assertTrue(r.warnings().stream().noneMatch(p -> p.message().contains("job end with no job start")));
    }

    @Test
    void aFaultAtTheInstantOfTheJobStartEndsThatAttempt() throws Exception {
        GoodputReport r = report(HEADER + """
                {"event":"job_start","time":0}
                {"event":"fault","time":0,"cause":"bad_node"}
                {"event":"job_end","time":60,"reason":"fault"}
                {"event":"job_start","time":100}
                {"event":"step","step":1,"start":100,"end":110}
                {"event":"job_end","time":110,"reason":"completed"}
                """);
        assertEquals(100.0, seconds(r, "bad_node"), EPS);
        assertEquals(0.0, seconds(r, "program_startup"), EPS);
    }

    @Test
    void duplicatedRecordsFromOverlappingFilesAreCountedOnce() throws Exception {
        String log = HEADER + """
                {"event":"job_start","time":0}
                {"event":"step","step":1,"start":0,"end":10}
                {"event":"step","step":2,"start":10,"end":20}
                {"event":"step","step":3,"start":20,"end":30}
                {"event":"job_end","time":30,"reason":"completed"}
                """;
        Path a = write("a.jsonl", log);
        Path b = write("b.jsonl", log);
        Run run = new RunLoader(LoadMode.STRICT).load(List.of(a, b));
        GoodputReport r = GoodputDeriver.derive(run, DerivationSettings.defaults()).report();
        assertEquals(3, run.steps().size());
        assertEquals(1, run.attempts().size());
        assertEquals(0, r.disruptions());
        assertEquals(1.0, r.goodput().framework(), EPS);
        assertTrue(r.warnings().stream().anyMatch(p -> p.message().contains("duplicate step records ignored")));
    }

    @Test
    void aWindowWithNoJobRunningHasZeroInfraAndUndefinedFramework() throws Exception {
        Run run = load(HEADER + """
                {"event":"job_start","time":1000}
                {"event":"step","step":1,"start":1000,"end":1010}
                {"event":"job_end","time":1010,"reason":"completed"}
                """);
        GoodputReport outside = GoodputDeriver.derive(run, DerivationSettings.defaults()
                .withWindow(new Window(0, 500_000_000L))).report();
        assertEquals(0.0, outside.goodput().infra(), EPS);
        assertNull(outside.goodput().framework());
        assertNull(outside.goodput().overall());
        GoodputReport empty = GoodputDeriver.derive(run, DerivationSettings.defaults()
                .withWindow(new Window(5, 5))).report();
        assertNull(empty.goodput().infra());
        assertTrue(empty.warnings().stream().anyMatch(p -> p.message().contains("window is empty")));
    }

    @Test
    void aTruncatedGzipKeepsTheLinesBeforeTheCutWhenLenient() throws Exception {
        StringBuilder sb = new StringBuilder(HEADER).append("{\"event\":\"job_start\",\"time\":0}\n");
        for (int i = 0; i < 20_000; i++) {
            sb.append("{\"event\":\"step\",\"step\":").append(i).append(",\"start\":").append(i * 10)
                    .append(",\"end\":").append(i * 10 + 10).append("}\n");
        }
        Path gz = dir.resolve("cut.jsonl.gz");
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            out.write(sb.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] whole = Files.readAllBytes(gz);
        Files.write(gz, java.util.Arrays.copyOf(whole, whole.length / 2));
        InputException strict = assertThrows(InputException.class,
                () -> new RunLoader(LoadMode.STRICT).load(List.of(gz)));
        assertTrue(strict.getMessage().contains("the file ends early"), strict.getMessage());
        Run lenient = new RunLoader(LoadMode.LENIENT).load(List.of(gz));
        assertTrue(lenient.steps().size() > 1000 && lenient.steps().size() < 20_000);
    }

    @Test
    void stepNumbersBeyondDoublePrecisionStayDistinct() throws Exception {
        Run run = load(HEADER + """
                {"event":"job_start","time":0}
                {"event":"step","step":9007199254740992,"start":0,"end":10}
                {"event":"step","step":9007199254740993,"start":10,"end":20}
                {"event":"job_end","time":20,"reason":"completed"}
                """);
        assertEquals(9007199254740993L, run.steps().number(1));
        assertEquals(0, GoodputDeriver.derive(run, DerivationSettings.defaults()).report().disruptions());
        InputException e = assertThrows(InputException.class, () -> load(HEADER
                + "{\"event\":\"job_start\",\"time\":0,\"accelerators_in_use\":4294967304}\n"));
        assertTrue(e.getMessage().contains("expected \"accelerators_in_use\" to be a count"), e.getMessage());
    }

    @Test
    void anEndBeforeTheStartSaysBothTimes() {
        InputException e = assertThrows(InputException.class, () -> load(HEADER
                + "{\"event\":\"step\",\"step\":1,\"time\":100,\"end\":99}\n"));
        assertTrue(e.getMessage().endsWith("expected the end (1970-01-01T00:01:39Z) not before the start "
                + "(1970-01-01T00:01:40Z)"), e.getMessage());
    }

    private GoodputReport report(String jsonl) throws Exception {
        return GoodputDeriver.derive(load(jsonl), DerivationSettings.defaults()).report();
    }

    private Run load(String jsonl) throws InputException, IOException {
        return new RunLoader(LoadMode.STRICT).load(List.of(write("run.jsonl", jsonl)));
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }
}
