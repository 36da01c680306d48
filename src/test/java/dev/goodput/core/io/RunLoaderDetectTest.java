package dev.goodput.core.io;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;

/**
 * A file starting with '[' is a JSON array of records only when a record (or the array's end) follows; trainer log
 * lines start with bracketed prefixes (times, ranks, logger names) and are read as trainer logs.
 */
class RunLoaderDetectTest {
    @TempDir
    Path dir;

    @Test
    void bracketedLogPrefixesAreTrainerLogs() throws Exception {
        for (String first : new String[]{
                "[2024-03-07 15:27:02,646] [INFO] [logging.py:96:log_dist] [Rank 0] step=10, skipped=0",
                " [2024-04-06 02:55:45] iteration        2/     100 | consumed samples:          256 |",
                "[Rank 1] (after 1 iterations) memory (MB) | allocated: 15045.1",
                "[titan] 2026-05-20 03:18:30,018 - root - INFO - step:  2  loss: 12.0",
                "[rank1]:[E626 06:24:44.903] [PG 0 Rank 1] Watchdog caught collective operation timeout",
                "[after dataloaders are built] datetime: 2023-07-16 10:56:55"}) {
            assertEquals(InputFormat.TRAINER_LOG, RunLoader.detect(write(first + "\nmore\n")), first);
        }
    }

    @Test
    void jsonArraysOfRecordsAreStillJson() throws Exception {
        assertEquals(InputFormat.ML_GOODPUT, RunLoader.detect(write("[{\"job_name\": \"a\", \"job_start_time\": 1}]")));
        assertEquals(InputFormat.ML_GOODPUT,
                RunLoader.detect(write("[\n  {\n    \"step_count\": 3, \"step_start_time\": 1704070805.0}\n]")));
        assertEquals(InputFormat.RUN_LOG_JSONL, RunLoader.detect(write("{\"event\": \"job_start\", \"time\": 0}\n")));
    }

    private Path write(String text) throws Exception {
        return Files.writeString(Files.createTempFile(dir, "log", ".txt"), text);
    }
}
