package dev.goodput.core.io.logs;

import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.io.InputException;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.LoadOptions;
import dev.goodput.core.io.RunLoader;
import dev.goodput.core.model.Problem;
import dev.goodput.core.model.Run;
import dev.goodput.core.report.CauseShare;
import dev.goodput.core.report.GoodputReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Stitching on inputs that broke it in review: New Year, summer time, copies, hangs, ranks, restarts, cut files. */
class StitchingEdgeCasesTest {
    @TempDir
    Path dir;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private static String iteration(String stamp, long n, double ms) {
        return String.format(Locale.ROOT, " [%s] iteration %8d/ %7d | consumed samples: %12d | elapsed time per "
                + "iteration (ms): %.1f | global batch size:   128 | lm loss: 2.0E+00 | loss scale: 1.0 | number of "
                + "skipped iterations:   0 | number of nan iterations:   0 |", stamp, n, 100_000, n * 128, ms);
    }

    private Path write(String name, String text) throws Exception {
        return Files.writeString(dir.resolve(name), text);
    }

    private static Run load(LoadOptions options, Path... files) throws InputException {
        return new RunLoader(options).load(List.of(files));
    }

    private static GoodputReport derive(Run run) {
        return GoodputDeriver.derive(run, DerivationSettings.defaults()).report();
    }

    private static double seconds(GoodputReport r, String cause) {
        return r.badput().stream().filter(c -> c.cause().equals(cause)).mapToDouble(CauseShare::seconds).sum();
    }

    /** glog times without a year across New Year: 9 s of run, not a year. */
    @Test
    void yearlessTimesCrossNewYear() throws Exception {
        String step = " metric_logger.py:214] completed step: %d, seconds: 1.000, TFLOP/s/device: 0.861, "
                + "Tokens/s/device: 164.297, total_weights: 6965, loss: 0.693%n";
        Path log = write("maxtext.log", String.format(Locale.ROOT, "I1231 23:59:58.230209 1" + step
                + "I0101 00:00:05.230209 1" + step + "I0101 00:00:06.230209 1" + step, 1, 2, 3));
        long start = Instant.parse("2024-12-31T23:59:00Z").getEpochSecond() * 1_000_000L;
        Run run = load(LoadOptions.of(LoadMode.STRICT).withStart(start), log);
        GoodputReport r = derive(run);
        assertEquals(9.0, r.windowSeconds(), 1e-6);
        assertEquals(Instant.parse("2025-01-01T00:00:06.230209Z"), Instant.ofEpochSecond(0,
                r.windowEndUs() * 1000));
    }

    /** Reports every 5 min through the night summer time ends in Paris: the repeated hour is no restart. */
    @Test
    void theEndOfSummerTimeIsNoRestart() throws Exception {
        StringBuilder b = new StringBuilder();
        LocalDateTime t = LocalDateTime.of(2024, 10, 27, 1, 0);
        ZoneId paris = ZoneId.of("Europe/Paris");
        // The wall clock as the log wrote it: 01:00 … 02:55 (summer), 02:00 … 02:55 again (winter), … 03:55.
        Instant i = t.atZone(paris).toInstant();
        long n = 0;
        for (int k = 0; k < 48; k++, i = i.plusSeconds(300)) {
            n += 10;
            b.append(iteration(STAMP.format(LocalDateTime.ofInstant(i, paris)), n, 30_000)).append('\n');
        }
        Path log = write("dst.log", b.toString());
        Run run = load(LoadOptions.of(LoadMode.STRICT).withZone(paris), log);
        GoodputReport r = derive(run);
        assertEquals(0, r.disruptions());
        assertEquals(480, run.steps().number(run.steps().size() - 1));
        for (int k = 1; k < run.steps().size(); k++) {
            assertTrue(run.steps().startUs(k) >= run.steps().endUs(k - 1), "step " + k + " overlaps the one before");
        }
        assertTrue(run.problems().stream().anyMatch(p -> p.message().contains("time goes back")), run.problems()
                .toString());
    }

    /** Each node's rank 0 prints every step: the second copy, milliseconds later, is not a restart. */
    @Test
    void theSameStepFromTwoNodesCountsOnce() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int k = 1; k <= 10; k++) {
            for (int node = 0; node < 2; node++) {
                b.append(String.format(Locale.ROOT, "[rank0]:[titan] 2026-05-20 03:18:%02d,%03d - root - INFO - "
                        + "step: %2d  loss: 12.0  memory: 60.1GiB(33.7%%)  tps: 8,911  tflops: 180.76  mfu: 8.13%%%n",
                        10 + k, node * 3, k));
            }
        }
        Run run = load(LoadOptions.of(LoadMode.STRICT), write("twonode.log", b.toString()));
        assertEquals(10, run.steps().size());
        assertEquals(0, derive(run).disruptions());
    }

    /** Steps, then two hours of nothing, then the NCCL watchdog: a hang inside the attempt, its time the fault's. */
    @Test
    void aSilenceEndedByAFaultIsAHang() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int k = 1; k <= 10; k++) {
            b.append(iteration(String.format(Locale.ROOT, "2024-05-01 12:00:%02d", 10 + 2 * k), k, 2000)).append('\n');
        }
        b.append("[rank3]:[E501 14:00:30.000000000 ProcessGroupNCCL.cpp:632] [Rank 3] Watchdog caught collective "
                + "operation timeout: WorkNCCL(SeqNum=812, OpType=ALLREDUCE, NumelIn=1, NumelOut=1, "
                + "Timeout(ms)=7200000) ran for 7200020 milliseconds before timing out.\n");
        Run run = load(LoadOptions.of(LoadMode.STRICT), write("hang.log", b.toString()));
        assertEquals(1, run.attempts().size());
        GoodputReport r = derive(run);
        assertEquals(1, r.disruptions());
        assertEquals(0, seconds(r, "unattributed_downtime"), 1e-9);
        assertTrue(seconds(r, "nccl_watchdog_timeouts") > 7190, r.badput().toString());
    }

    /** Megatron prints "Evaluating" from rank 0 and "validation loss" from the last rank: both are read. */
    @Test
    void anEvaluationStartedAndEndedByDifferentRanks() throws Exception {
        String text = "[default0]: [2024-05-01 12:00:00] start\n"
                + "[default7]:" + iteration("2024-05-01 12:01:40", 10, 10_000) + "\n"
                + "[default0]: [2024-05-01 12:01:41] Evaluating iter 1/10\n"
                + "[default0]: [2024-05-01 12:02:10] Evaluating iter 10/10\n"
                + "[default7]: [2024-05-01 12:02:40]  validation loss at iteration 10 | lm loss value: 2.0 | "
                + "lm loss PPL: 7.0 |\n"
                + "[default7]:" + iteration("2024-05-01 12:04:20", 20, 10_000) + "\n";
        GoodputReport r = derive(load(LoadOptions.of(LoadMode.STRICT), write("evalranks.log", text)));
        assertEquals(59, seconds(r, "evaluation"), 1e-6);
    }

    /**
     * Iterations 10–50, a load of iteration 30, then 40 again: the restart starts at the load, whose iteration says
     * the report at 40 covers 31–40: 90 executed, 70 kept, 20 (31–50 of the first try) wasted.
     */
    @Test
    void aRestartFromTheIterationsKeepsTheLoadBeforeIt() throws Exception {
        StringBuilder b = new StringBuilder(" [2024-05-01 12:00:00] some startup line\n");
        for (int k = 1; k <= 5; k++) {
            b.append(iteration(STAMP.format(LocalDateTime.of(2024, 5, 1, 12, 0).plusSeconds(100L * k)), 10 * k,
                    10_000)).append('\n');
        }
        b.append(" [2024-05-01 12:09:20] loading checkpoint from /ckpt at iteration 30\n");
        b.append(" [2024-05-01 12:10:00]   successfully loaded checkpoint from /ckpt at iteration 30\n");
        for (int k = 4; k <= 7; k++) {
            b.append(iteration(STAMP.format(LocalDateTime.of(2024, 5, 1, 12, 10, 5).plusSeconds(100L * (k - 3))),
                    10 * k, 10_000)).append('\n');
        }
        Run run = load(LoadOptions.of(LoadMode.STRICT), write("regress.log", b.toString()));
        assertEquals(2, run.attempts().size());
        assertEquals(90, run.steps().size());
        GoodputReport r = derive(run);
        assertEquals(200, seconds(r, "wasted_progress"), 1e-6);
        assertEquals(40, seconds(r, "checkpoint_restore"), 1e-6);
    }

    /** A gzip log cut while it was copied: strict refuses it; lenient keeps the lines before the cut. */
    @Test
    void aCutGzipKeepsItsLinesWhenLenient() throws Exception {
        StringBuilder b = new StringBuilder();
        for (int k = 1; k <= 20_000; k++) {
            b.append(iteration(STAMP.format(LocalDateTime.of(2024, 5, 1, 12, 0).plusSeconds(2L * k)), k, 2000))
                    .append('\n');
        }
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(b.toString().getBytes(StandardCharsets.UTF_8));
        }
        byte[] all = bytes.toByteArray();
        Path cut = Files.write(dir.resolve("cut.log.gz"), java.util.Arrays.copyOf(all, all.length * 2 / 3));
        assertThrows(InputException.class, () -> load(LoadOptions.of(LoadMode.STRICT), cut));
        Run run = load(LoadOptions.of(LoadMode.LENIENT), cut);
        assertTrue(run.steps().size() > 5_000, "steps " + run.steps().size());
        assertTrue(run.problems().stream().anyMatch(p -> p.severity() == Problem.Severity.ERROR
                && p.message().contains("the lines before it are kept")), run.problems().toString());
    }

    /** A file whose lines end in a lone carriage return names its bad line by number. */
    @Test
    void carriageReturnLinesAreCounted() throws Exception {
        String cutLine = " [2024-05-01 12:00:06] iteration        3/  100000 | consumed samples:          384 | ela";
        Path log = write("cr.log", iteration("2024-05-01 12:00:02", 1, 2000) + "\r"
                + iteration("2024-05-01 12:00:04", 2, 2000) + "\r" + cutLine + "\r"
                + iteration("2024-05-01 12:00:08", 4, 2000) + "\r");
        InputException e = assertThrows(InputException.class, () -> load(LoadOptions.of(LoadMode.STRICT), log));
        assertTrue(e.getMessage().startsWith(log + ":3: "), e.getMessage());
    }
}
