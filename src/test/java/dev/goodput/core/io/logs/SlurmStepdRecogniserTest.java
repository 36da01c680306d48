package dev.goodput.core.io.logs;

import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.io.InputException;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.RunLoader;
import dev.goodput.core.model.EndReason;
import dev.goodput.core.model.Run;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * slurmstepd's banners, written by hand in the form Slurm's slurmstepd prints them ("*** JOB %u ON %s CANCELLED AT
 * %s DUE TO TIME LIMIT ***" and its siblings): no public job output with them was found under a permissive licence.
 */
class SlurmStepdRecogniserTest {
    @TempDir
    Path dir;

    private FileEvents read(String text, LoadMode mode) throws Exception {
        Path f = Files.writeString(dir.resolve("slurm-1234.out"), text);
        return new TrainerLogReader(LogFormats.all(), ZoneOffset.UTC, mode).read(f);
    }

    @Test
    void eachReasonBecomesItsEnd() throws Exception {
        FileEvents f = read("""
                slurmstepd: error: *** JOB 1234 ON node07 CANCELLED AT 2024-05-01T12:00:00 DUE TO TIME LIMIT ***
                slurmstepd: error: *** STEP 1234.0 ON node07 CANCELLED AT 2024-05-01T12:00:00 DUE TO TIME LIMIT ***
                slurmstepd: error: *** JOB 1235 ON node08 CANCELLED AT 2024-05-01T13:00:00 ***
                slurmstepd: error: *** JOB 1236 ON node09 CANCELLED AT 2024-05-01T14:00:00 DUE TO PREEMPTION ***
                slurmstepd: error: *** JOB 1237 ON node10 CANCELLED AT 2024-05-01T15:00:00 DUE TO NODE FAILURE, SEE SLURMCTLD LOG FOR DETAILS ***
                slurmstepd: error: *** JOB 1238 ON node11 CANCELLED AT 2024-05-01T16:00:00 DUE TO JOB REQUEUE ***
                """, LoadMode.STRICT);
        assertEquals(Long.valueOf(6), f.formats().get("slurmstepd"));
        List<TrainerEvent> e = f.events().stream().filter(x -> !(x instanceof TrainerEvent.Activity)).toList();
        assertEquals(5, e.size(), e.toString()); // the step's banner of job 1234 adds nothing
        TrainerEvent.End limit = (TrainerEvent.End) e.get(0);
        assertEquals(EndReason.TIME_LIMIT, limit.reason()); // as sacct's TIMEOUT: the same end, the same cause
        assertEquals(Instant.parse("2024-05-01T12:00:00Z").getEpochSecond() * 1_000_000L, limit.timeUs());
        assertTrue(limit.message().contains("job 1234 on node07 cancelled due to time limit"), limit.message());
        assertEquals(EndReason.CANCELLED, ((TrainerEvent.End) e.get(1)).reason());
        assertTrue(((TrainerEvent.End) e.get(1)).message().endsWith("(by a user)"));
        assertEquals(EndReason.PREEMPTED, ((TrainerEvent.End) e.get(2)).reason());
        TrainerEvent.Fault node = (TrainerEvent.Fault) e.get(3);
        assertEquals("node_failure", node.cause());
        assertEquals("node10", node.node());
        assertTrue(e.get(4) instanceof TrainerEvent.Marker);
    }

    @Test
    void aCutBannerIsABadRecordAndMentionsAreNot() throws Exception {
        assertThrows(InputException.class, () -> read("""
                slurmstepd: error: *** JOB 1234 ON node07 CANCELLED AT 2024-05
                some later line
                """, LoadMode.STRICT));
        assertThrows(InputException.class, () -> read("the job was CANCELLED AT noon, said nobody\n",
                LoadMode.STRICT)); // no format's record at all: refused
    }

    /** A Megatron job stopped at its time limit ends there, planned: no disruption. */
    @Test
    void aTimeLimitEndsTheAttemptWithoutADisruption() throws Exception {
        Path log = Files.writeString(dir.resolve("slurm-77.out"), """
                 [2024-05-01 11:59:40] iteration       10/  100000 | consumed samples: 1280 | elapsed time per iteration (ms): 2000.0 | global batch size:   128 |
                 [2024-05-01 11:59:50] iteration       15/  100000 | consumed samples: 1920 | elapsed time per iteration (ms): 2000.0 | global batch size:   128 |
                slurmstepd: error: *** JOB 77 ON node07 CANCELLED AT 2024-05-01T12:00:00 DUE TO TIME LIMIT ***
                """);
        Run run = new RunLoader(LoadMode.STRICT).load(List.of(log));
        assertEquals(EndReason.TIME_LIMIT, run.attempts().get(0).endReason());
        assertEquals(Instant.parse("2024-05-01T12:00:00Z").getEpochSecond() * 1_000_000L,
                run.attempts().get(0).endUs());
        assertEquals(0, GoodputDeriver.derive(run, DerivationSettings.defaults()).report().disruptions());
    }

    @Test
    void takesNoLineOfTheOtherSampleLogs() throws Exception {
        List<Path> logs;
        try (Stream<Path> s = Files.list(Path.of("src/test/resources/logs"))) {
            logs = s.filter(Files::isRegularFile).filter(p -> p.toString().matches(".*\\.(log|txt)")).toList();
        }
        for (Path p : logs) {
            try {
                FileEvents f = new TrainerLogReader(LogFormats.all(), ZoneOffset.UTC, LoadMode.LENIENT).read(p);
                assertNull(f.formats().get("slurmstepd"), p.toString());
            } catch (InputException e) {
                // no format's records at all
            }
        }
    }
}
