package dev.goodput.cli;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Trainer logs through `goodput report`: detected by content or named by --log-format, placed by --tz and --start. */
class TrainerLogInputsTest {
    private static final String MLPERF =
            "src/test/resources/logs/mlperf_v4.0__NVIDIA__eos_n64_ngc24.04_nemo__gpt3__result_0.txt";
    private static final String HF_STATE = "src/test/resources/logs/hf_trainer__qlora_fork__trainer_state.json";

    @TempDir
    Path dir;

    @Test
    void aNamedFormatReadsTheLogAsDetectionDoesAndAnotherFindsNothing() {
        String detected = CliRun.ok("report", MLPERF, "--format", "json").out();
        assertEquals(detected, CliRun.ok("report", MLPERF, "--format", "json", "--log-format", "mlperf").out());
        CliRun wrong = CliRun.of("report", MLPERF, "--log-format", "megatron");
        assertEquals(2, wrong.code());
        assertTrue(wrong.err().startsWith("goodput: error: " + MLPERF + ": expected a run log or trainer log"),
                wrong.err());
    }

    @Test
    void timesWithoutAZoneAreInTheZoneGiven() throws Exception {
        Path log = torchtitanLog(dir.resolve("stdout.log"));
        Instant utc = windowStart(CliRun.ok("report", log.toString(), "--format", "json").json());
        Instant newYork = windowStart(CliRun.ok("report", log.toString(), "--format", "json",
                "--tz", "America/New_York").json());
        Instant forTheFile = windowStart(CliRun.ok("report", log.toString(), "--format", "json",
                "--tz", "Asia/Tokyo", "--tz", log + "=America/New_York").json());
        Instant forTheFolder = windowStart(CliRun.ok("report", dir.toString(), "--format", "json",
                "--tz", dir + "=America/New_York").json());
        // The first step's line is at 03:18:05; the next report 5 s later says a step takes 5 s, so the first ran from
        // 03:18:00 (a first report reaches back by its own duration).
        assertEquals(Instant.parse("2026-05-20T03:18:00.018Z"), utc);
        assertEquals(Duration.ofHours(4), Duration.between(utc, newYork)); // EDT in May
        assertEquals(newYork, forTheFile);
        assertEquals(newYork, forTheFolder);
    }

    /**
     * sacct's records beside the jobs' logs (the hand-written run of SlurmJobsByHandTest): the window opens at the first
     * submission; a log moved past its job by --clock-offset is warned about with the offset that brings it back.
     */
    @Test
    void schedulerRecordsBesideTheLogsAndAClockOffset() throws Exception {
        String dir = "src/test/resources/logs/handmade/";
        String[] files = {dir + "sacct_2001-2003.txt", dir + "slurm-2001.out", dir + "slurm-2002.out",
                dir + "slurm-2003.out"};
        JsonNode j = CliRun.ok(concat(files, "report", "--format", "json")).json();
        assertEquals(Instant.parse("2024-05-01T09:50:00Z"), windowStart(j));
        assertEquals(2640, j.get("window").get("seconds").asDouble(), 1e-9);
        JsonNode moved = CliRun.ok(concat(files, "report", "--format", "json", "--clock-offset",
                dir + "slurm-2003.out=120")).json();
        // Its last line, 10:33:35, moves to 10:35:35: 95 s past the job's end (10:34:00); 120 − 95 = 25 s puts it back.
        boolean warned = false;
        for (JsonNode w : moved.get("warnings")) {
            warned |= w.get("message").asText().equals("slurm-2003.out ends 95 s after job 2003 ended "
                    + "(sacct_2001-2003.txt:10); if the clocks differ, --clock-offset " + dir + "slurm-2003.out=25 "
                    + "fixes it");
        }
        assertTrue(warned, moved.get("warnings").toString());
    }

    private static String[] concat(String[] files, String... args) {
        String[] all = new String[args.length + files.length];
        System.arraycopy(args, 0, all, 0, args.length);
        System.arraycopy(files, 0, all, args.length, files.length);
        return all;
    }

    @Test
    void aLogWithoutTimesIsPlacedAtTheStartGiven() throws Exception {
        JsonNode j = CliRun.ok("report", HF_STATE, "--format", "json", "--start", "2024-05-01T12:00:00Z").json();
        assertEquals(Instant.parse("2024-05-01T12:00:00Z"), windowStart(j));
        JsonNode epoch = CliRun.ok("report", HF_STATE, "--format", "json", "--start", "1714564800").json();
        assertEquals(j, epoch);
    }

    private static Instant windowStart(JsonNode report) {
        return Instant.parse(report.get("window").get("start").asText());
    }

    /** torchtitan step lines, their times written without a zone, every 5 s. */
    private static Path torchtitanLog(Path file) throws Exception {
        StringBuilder sb = new StringBuilder();
        for (int i = 1; i <= 6; i++) {
            sb.append(String.format(Locale.ROOT, "[titan] 2026-05-20 03:18:%02d,018 - root - INFO - step: %2d  "
                    + "loss: 12.0  memory: 60.1GiB(33.7%%)  tps: 8,911  tflops: 180.76  mfu: 8.13%%%n", i * 5, i));
        }
        return Files.writeString(file, sb.toString());
    }
}
