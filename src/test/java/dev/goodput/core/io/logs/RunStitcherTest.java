package dev.goodput.core.io.logs;

import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.io.InputException;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.LoadOptions;
import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.JobAttempt;
import dev.goodput.core.model.Run;
import dev.goodput.core.model.RunBuilder;
import dev.goodput.core.model.Source;
import dev.goodput.core.model.Times;
import dev.goodput.core.report.CauseShare;
import dev.goodput.core.report.GoodputReport;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The stitching rules of docs/derivation.md ("Trainer logs") on events written by hand. */
class RunStitcherTest {
    private static final long T0 = Instant.parse("2024-05-01T10:00:00Z").toEpochMilli() * 1000;

    private static long at(int minutes, int seconds) {
        return T0 + (minutes * 60L + seconds) * 1_000_000L;
    }

    /** Events of one file, each on its own line. */
    private static final class Log {
        final String file;
        final List<TrainerEvent> events = new ArrayList<>();

        Log(String file) {
            this.file = file;
        }

        Source line() {
            return new Source(file, events.size() + 1);
        }

        Log steps(long t, long last, int count, double stepSeconds) {
            events.add(new TrainerEvent.Steps(t, line(), last, count, Times.fromSeconds(stepSeconds), -1, -1,
                    Double.NaN, Double.NaN, 0));
            return this;
        }

        Log add(java.util.function.Function<Source, TrainerEvent> e) {
            events.add(e.apply(line()));
            return this;
        }

        FileEvents done() {
            return new FileEvents(file, events, Map.of("test", (long) events.size()), events.size(), List.of());
        }
    }

    private static Run stitch(FileEvents... files) throws InputException {
        RunBuilder b = new RunBuilder();
        RunStitcher.stitch(List.of(files), b, LoadOptions.of(LoadMode.STRICT));
        return b.build();
    }

    /**
     * Two jobs: the first saves at iteration 20, runs to 40 and dies of an NCCL timeout; the second restores
     * iteration 20, repeats 21–40 and finishes at 50. By hand (seconds of the 2,400 s window, 10:00 → 10:40):
     * productive 200 (steps 1–20) + 300 (steps 21–50 again) = 500; program_startup 200 (10:00 → first step
     * 10:03:20) + 60 (10:30 → restore) + 80 (restore end → first step 10:33:20) = 340; checkpoint_save 30;
     * checkpoint_restore 60; wasted_progress 200 (steps 21–40 of the first job); shutdown 100 (10:38:20 →
     * 10:40); nccl_watchdog_timeouts 30 (last step → fault) + 60 (fault → last line) + 1,080 (no job, 10:12 → 10:30) = 1,170.
     */
    @Test
    void crashRollbackRestoreAndSavesAddUpByHand() throws Exception {
        FileEvents job1 = new Log("job1.log")
                .add(s -> new TrainerEvent.Launch(at(0, 0), s, "start"))
                .add(s -> new TrainerEvent.Setting(Times.UNKNOWN, s, TrainerEvent.SettingKey.WORLD_SIZE, "8"))
                .steps(at(5, 0), 10, 10, 10)
                .steps(at(6, 40), 20, 10, 10)
                .add(s -> new TrainerEvent.CheckpointSave(at(6, 40), s, 20, TrainerEvent.Edge.START, -1))
                .add(s -> new TrainerEvent.CheckpointSave(at(7, 10), s, 20, TrainerEvent.Edge.END, -1))
                .steps(at(8, 50), 30, 10, 10)
                .steps(at(10, 30), 40, 10, 10)
                .add(s -> new TrainerEvent.Fault(at(11, 0), s, "nccl_watchdog_timeouts", "Watchdog caught collective "
                        + "operation timeout", 3, "node7", null))
                .add(s -> new TrainerEvent.Activity(at(0, 0), s, at(12, 0), s))
                .done();
        FileEvents job2 = new Log("job2.log")
                .add(s -> new TrainerEvent.Launch(at(30, 0), s, "start"))
                .add(s -> new TrainerEvent.CheckpointLoad(at(31, 0), s, 20, TrainerEvent.Edge.START, -1))
                .add(s -> new TrainerEvent.CheckpointLoad(at(32, 0), s, 20, TrainerEvent.Edge.END, -1))
                .steps(at(35, 0), 30, 10, 10)
                .steps(at(36, 40), 40, 10, 10)
                .steps(at(38, 20), 50, 10, 10)
                .add(s -> new TrainerEvent.End(at(40, 0), s, EndReason.COMPLETED, "done"))
                .add(s -> new TrainerEvent.Activity(at(30, 0), s, at(40, 0), s))
                .done();
        // Given in the wrong order: files are ordered by time.
        Run run = stitch(job2, job1);
        assertEquals(2, run.attempts().size());
        JobAttempt first = run.attempts().get(0);
        assertEquals(at(0, 0), first.startUs());
        assertEquals(at(12, 0), first.endUs());
        assertEquals(EndReason.FAULT, first.endReason());
        assertTrue(first.why().contains("job1.log"), first.why());
        assertEquals(EndReason.COMPLETED, run.attempts().get(1).endReason());
        assertEquals(8, run.metadata().acceleratorCount());
        assertEquals(70, run.steps().size());

        GoodputReport r = GoodputDeriver.derive(run, DerivationSettings.defaults()).report();
        assertEquals(2400, r.windowSeconds(), 1e-9);
        assertEquals(500, r.productiveSeconds(), 1e-6);
        assertEquals(340, seconds(r, "program_startup"), 1e-6);
        assertEquals(30, seconds(r, "checkpoint_save"), 1e-6);
        assertEquals(60, seconds(r, "checkpoint_restore"), 1e-6);
        assertEquals(200, seconds(r, "wasted_progress"), 1e-6);
        assertEquals(100, seconds(r, "shutdown"), 1e-6);
        assertEquals(1170, seconds(r, "nccl_watchdog_timeouts"), 1e-6);
        assertEquals(1230.0 / 2400, r.goodput().infra(), 1e-12);
        assertEquals(500.0 / 1230, r.goodput().framework(), 1e-12);
        assertNull(r.goodput().model());
    }

    /** Iteration numbers that go back inside one log are a restart even with no banner; it starts at the load. */
    @Test
    void aRepeatedIterationStartsANewAttemptAtTheCheckpointLoad() throws Exception {
        FileEvents log = new Log("one.log")
                .steps(at(1, 40), 10, 10, 10)
                .steps(at(3, 20), 20, 10, 10)
                .add(s -> new TrainerEvent.Fault(at(3, 30), s, "faulty_gpu", "Xid 79", -1, null, null))
                .add(s -> new TrainerEvent.CheckpointLoad(at(5, 0), s, 10, TrainerEvent.Edge.START, -1))
                .add(s -> new TrainerEvent.CheckpointLoad(at(5, 30), s, 10, TrainerEvent.Edge.END, -1))
                .steps(at(7, 10), 20, 10, 10)
                .add(s -> new TrainerEvent.Activity(at(0, 0), s, at(7, 10), s))
                .done();
        Run run = stitch(log);
        assertEquals(2, run.attempts().size());
        assertEquals(EndReason.FAULT, run.attempts().get(0).endReason());
        assertEquals(at(5, 0), run.attempts().get(0).endUs());
        assertEquals(at(5, 0), run.attempts().get(1).startUs());
        assertTrue(run.attempts().get(1).why().contains("iteration 20"), run.attempts().get(1).why());
        Derivation d = GoodputDeriver.derive(run, DerivationSettings.defaults());
        assertEquals(30, seconds(d.report(), "checkpoint_restore"), 1e-6);
        assertEquals(100, seconds(d.report(), "wasted_progress"), 1e-6); // steps 11–20 of the first attempt
    }

    /** A report without its own time is placed after the previous one by its duration. */
    @Test
    void untimedReportsChainFromTheLastTimedOne() throws Exception {
        FileEvents log = new Log("old-megatron.log")
                .add(s -> new TrainerEvent.Marker(at(0, 0), s, "[before the start of training step]"))
                .steps(Times.UNKNOWN, 100, 100, 2.0)
                .steps(Times.UNKNOWN, 200, 100, 3.0)
                .done();
        Run run = stitch(log);
        assertEquals(200, run.steps().size());
        assertEquals(at(0, 0), run.steps().startUs(0));
        assertEquals(at(8, 20), run.steps().endUs(199)); // 100 × 2 s + 100 × 3 s
    }

    @Test
    void aLogWithoutTimesNeedsAStart() {
        FileEvents log = new Log("bare.txt").steps(Times.UNKNOWN, 1, 1, 5.0).done();
        InputException e = assertThrows(InputException.class, () -> stitch(log));
        assertTrue(e.getMessage().contains("--start"), e.getMessage());
        RunBuilder b = new RunBuilder();
        assertThrows(InputException.class, () -> RunStitcher.stitch(List.of(log), b, LoadOptions.of(LoadMode.STRICT)));
    }

    @Test
    void aLogWithoutTimesIsPlacedAtTheStartGiven() throws Exception {
        FileEvents log = new Log("bare.txt").steps(Times.UNKNOWN, 0, 1, 44.9).steps(Times.UNKNOWN, 1, 1, 5.0).done();
        RunBuilder b = new RunBuilder();
        RunStitcher.stitch(List.of(log), b, LoadOptions.of(LoadMode.STRICT).withStart(T0));
        Run run = b.build();
        assertEquals(T0, run.steps().startUs(0));
        assertEquals(T0 + Times.fromSeconds(49.9), run.steps().endUs(1));
    }

    /** Glog times have no year: another file's full dates give it; without any, the load is refused. */
    @Test
    void yearlessTimesTakeTheYearOfAnotherFile() throws Exception {
        long yearless = LogTime.yearless(5, 1, 10, 1, 40, 0);
        FileEvents glog = new Log("maxtext.log").steps(yearless, 1, 1, 10).done();
        assertThrows(InputException.class, () -> stitch(glog));
        FileEvents dated = new Log("other.log").add(s -> new TrainerEvent.Marker(at(0, 0), s, "start")).done();
        Run run = stitch(glog, dated);
        assertEquals(at(1, 40), run.steps().endUs(0));
    }

    /** Two logs of the same job (two ranks) over the same time count their steps once. */
    @Test
    void overlappingLogsOfOneJobCountStepsOnce() throws Exception {
        FileEvents a = new Log("rank0.log").steps(at(1, 40), 10, 10, 10).steps(at(3, 20), 20, 10, 10).done();
        FileEvents b = new Log("rank1.log").steps(at(1, 40), 10, 10, 10).steps(at(3, 20), 20, 10, 10).done();
        Run run = stitch(a, b);
        assertEquals(1, run.attempts().size());
        assertEquals(20, run.steps().size());
    }

    /** A long silence in a log that reports every few seconds is a restart the log did not announce. */
    @Test
    void aLongSilenceIsARestart() throws Exception {
        FileEvents log = new Log("silent.log")
                .steps(at(0, 10), 1, 1, 10)
                .steps(at(0, 20), 2, 1, 10)
                .add(s -> new TrainerEvent.Activity(at(0, 0), s, at(0, 20), s))
                .steps(at(50, 10), 3, 1, 10)
                .add(s -> new TrainerEvent.Activity(at(50, 0), s, at(50, 10), s))
                .done();
        Run run = stitch(log);
        assertEquals(2, run.attempts().size());
        assertEquals(at(0, 20), run.attempts().get(0).endUs());
        assertTrue(run.attempts().get(1).why().startsWith("a silence of 50 min"), run.attempts().get(1).why());
    }

    /**
     * A node's kernel log (faults only) spanning the day does not become an attempt nor join the jobs' logs into one:
     * its faults are added at their times, and the one inside the job's attempt is its fatal fault.
     */
    @Test
    void aLogOfFaultsOnlyAddsItsFaultsWithoutAnAttempt() throws Exception {
        FileEvents job1 = new Log("job1.log").steps(at(1, 40), 10, 10, 10).steps(at(3, 20), 20, 10, 10)
                .add(s -> new TrainerEvent.Activity(at(0, 0), s, at(4, 0), s)).done();
        FileEvents job2 = new Log("job2.log").steps(at(31, 40), 30, 10, 10)
                .add(s -> new TrainerEvent.Activity(at(30, 0), s, at(32, 0), s)).done();
        FileEvents dmesg = new Log("dmesg.log")
                .add(s -> new TrainerEvent.Fault(at(-60, 0), s, "faulty_gpu", "Xid 79 an hour before", -1, "n1", null))
                .add(s -> new TrainerEvent.Fault(at(3, 30), s, "faulty_gpu", "Xid 79: fallen off the bus", -1, "n1",
                        null))
                .add(s -> new TrainerEvent.Activity(at(-60, 0), s, at(60, 0), s)).done();
        Run run = stitch(job1, dmesg, job2);
        assertEquals(2, run.attempts().size());
        assertEquals(at(0, 0), run.attempts().get(0).startUs());
        assertEquals(at(30, 0), run.attempts().get(1).startUs());
        assertEquals(2, run.faults().size());
        Derivation d = GoodputDeriver.derive(run, DerivationSettings.defaults());
        assertEquals("faulty_gpu", d.attempts().get(0).fatalFault().cause());
    }

    private static double seconds(GoodputReport r, String cause) {
        return r.badput().stream().filter(c -> c.cause().equals(cause)).mapToDouble(CauseShare::seconds).sum();
    }
}
