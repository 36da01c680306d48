package dev.goodput.core.io;

import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.model.Run;
import dev.goodput.core.report.CauseShare;
import dev.goodput.core.report.GoodputReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The cases of ml-goodput-measurement's own unit tests (goodput_test.py at 57092cf), whose expected numbers
 * were reproduced by running the library: where its rules are sound we give the same goodput
 * (productive ÷ total time); where they are not we differ on purpose (docs/ml-goodput-measurement.md).
 */
class MlGoodputReaderTest {
    private static final double T0 = 1704070800.0;
    private static final double EPS = 1e-9;

    @TempDir
    Path dir;

    @Test
    void basicRunMatchesTheLibrarysSeventyFivePercent() throws Exception {
        // test_goodput_calculator: job 0..20, steps 0..4 at 5,8,11,14,17 -> productive 15, goodput 75%.
        GoodputReport r = report(array(
                entry("job_start_time", 0),
                step(0, 5), step(1, 8), step(2, 11), step(3, 14), step(4, 17),
                entry("job_end_time", 20)));
        assertEquals(20.0, r.windowSeconds(), EPS);
        assertEquals(15.0, r.productiveSeconds(), EPS);
        assertEquals(0.75, productiveShare(r), EPS);
    }

    @Test
    void programStartupCaseMatchesTheLibrarysSixtyPercent() throws Exception {
        // test_badput_calculator_program_startup: tpu 0-1, prep 1-3, data 3-5, steps at 5,13,16,19,22, end 25:
        // productive 15 (60%), TPU init 1, prep 2, sync data 2, startup 5 (first step 8 s vs typical 3 s).
        GoodputReport r = report(jsonLines(
                entry("job_start_time", 0), entry("tpu_init_start_time", 0), entry("tpu_init_end_time", 1),
                entry("training_prep_start_time", 1), entry("training_prep_end_time", 3),
                entry("data_loading_start_time", 3), entry("data_loading_end_time", 5),
                step(0, 5), step(1, 13), step(2, 16), step(3, 19), step(4, 22), entry("job_end_time", 25)));
        assertEquals(0.60, productiveShare(r), EPS);
        assertEquals(1.0, lost(r, "provisioning"), EPS);
        assertEquals(2.0, lost(r, "training_prep"), EPS);
        assertEquals(2.0, lost(r, "data_loading"), EPS);
        assertEquals(5.0, lost(r, "program_startup"), EPS);
    }

    @Test
    void newestFirstExportsAreReadOldestFirst() throws Exception {
        // `gcloud logging read` lists newest first: the same entries reversed give the same report.
        String[] entries = {entry("job_start_time", 0), entry("tpu_init_start_time", 0), entry("tpu_init_end_time", 1),
                entry("training_prep_start_time", 1), entry("training_prep_end_time", 3),
                step(0, 5), step(1, 13), step(2, 16), step(3, 19), step(4, 22), entry("job_end_time", 25)};
        String[] reversed = new String[entries.length];
        for (int i = 0; i < entries.length; i++) {
            reversed[i] = entries[entries.length - 1 - i];
        }
        GoodputReport forward = report(array(entries));
        GoodputReport backward = report(write("newest-first.json", "[\n" + String.join(",\n", reversed) + "\n]\n"));
        assertEquals(forward.goodput(), backward.goodput());
        assertEquals(1.0, lost(backward, "provisioning"), EPS);
        assertTrue(backward.warnings().stream().anyMatch(w -> w.message().contains("newest first")));
    }

    @Test
    void wastedProgressAndDisruptionMatchTheLibrary() throws Exception {
        // test_badput_calculator_wasted_progress_and_disruptions: as above to step 4 at 22; restart at 30,
        // steps 2,3,4 at 35,43,46, end 49: productive 15 of 49 (30.612%), wasted 6, one disruption,
        // 8 s from the last step start to the restart.
        GoodputReport r = report(wrapped(
                entry("job_start_time", 0), entry("tpu_init_start_time", 0), entry("tpu_init_end_time", 1),
                entry("training_prep_start_time", 1), entry("training_prep_end_time", 3),
                entry("data_loading_start_time", 3), entry("data_loading_end_time", 5),
                step(0, 5), step(1, 13), step(2, 16), step(3, 19), step(4, 22),
                entry("job_start_time", 30), step(2, 35), step(3, 43), step(4, 46), entry("job_end_time", 49)));
        assertEquals(15.0 / 49.0, productiveShare(r), EPS);
        assertEquals(6.0, lost(r, "wasted_progress"), EPS);
        assertEquals(8.0, lost(r, "unattributed_downtime"), EPS);
        assertEquals(1, r.disruptions());
    }

    @Test
    void customBadputEventMatchesTheLibrary() throws Exception {
        // test_badput_calculator_custom_sync_badput: custom 'eval_step' 21..26 inside step 4's span:
        // productive 30 of 41 (73.171%), custom 5 s.
        GoodputReport r = report(array(
                entry("job_start_time", 0), entry("tpu_init_start_time", 0), entry("tpu_init_end_time", 1),
                step(0, 6), step(1, 9), step(2, 12), step(3, 15), step(4, 18),
                custom("eval_step", "start", 21), custom("eval_step", "end", 26),
                step(5, 26), step(6, 29), step(7, 32), step(8, 35), step(9, 38), entry("job_end_time", 41)));
        assertEquals(30.0 / 41.0, productiveShare(r), EPS);
        assertEquals(5.0, lost(r, "eval_step"), EPS);
    }

    @Test
    void orbaxCheckpointEntriesBecomeBlockingSavesAndRestores() throws Exception {
        // Case B plus Orbax's save of step 1 (6 s blocking) and restore of step 1 (2 s): the library gives
        // save 6, restore 2 and productive 9. We place the save just before step 2 starts (inside step 1's
        // span) and the restore just before the first step after the restart.
        GoodputReport r = report(array(
                entry("job_start_time", 0),
                step(0, 5), step(1, 13),
                "{\"job_name\":\"j\",\"step\":1,\"event_type\":\"save\",\"directory\":\"gs://b/p\","
                        + "\"checkpoint_manager_blocking_duration_secs\":6}",
                step(2, 22), step(3, 25), step(4, 28),
                entry("job_start_time", 30),
                "{\"job_name\":\"j\",\"step\":1,\"event_type\":\"restore\",\"checkpoint_manager_duration_secs\":2}",
                step(2, 35), step(3, 38), step(4, 41), entry("job_end_time", 44)));
        assertEquals(6.0, lost(r, "checkpoint_save"), EPS);
        assertEquals(2.0, lost(r, "checkpoint_restore"), EPS);
    }

    @Test
    void restartFromStepZeroKeepsTheSecondAttemptAndWastesTheFirst() throws Exception {
        // The library throws attempt 1's 12 s of steps into OTHER; we call them wasted progress.
        GoodputReport r = report(array(
                entry("job_start_time", 0), step(0, 5), step(1, 8), step(2, 11), step(3, 14), step(4, 17),
                entry("job_start_time", 25), step(0, 30), step(1, 33), step(2, 36), step(3, 39), step(4, 42),
                entry("job_end_time", 45)));
        assertEquals(12.0, lost(r, "wasted_progress"), EPS);
        assertEquals(15.0, r.productiveSeconds(), EPS);
        assertEquals(1, r.disruptions());
    }

    @Test
    void restartAtAnUnrecordedStepIsDowntimeNotAProductiveStep() throws Exception {
        // The library counts 17..30 as one long productive step 4 (goodput 87.18%); the job_start at 25 says
        // the job was down: productive 15 + 9 = 24 of 39.
        GoodputReport r = report(array(
                entry("job_start_time", 0), step(0, 5), step(1, 8), step(2, 11), step(3, 14), step(4, 17),
                entry("job_start_time", 25), step(5, 30), step(6, 33), step(7, 36), entry("job_end_time", 39)));
        assertEquals(1, r.disruptions());
        assertEquals(8.0, lost(r, "unattributed_downtime"), EPS);
        assertTrue(productiveShare(r) < 0.70, "downtime must not count as productive");
    }

    @Test
    void anEarlierAttemptsJobEndDoesNotEndTheRun() throws Exception {
        // Attempt 1 ends cleanly at 20; attempt 2 runs 25..53. The library would end the run at 20 (and
        // raise); the window here runs to the last event.
        GoodputReport r = report(array(
                entry("job_start_time", 0), step(0, 2), step(1, 5), step(2, 8), step(3, 11), step(4, 14),
                entry("job_end_time", 20),
                entry("job_start_time", 25), step(3, 30), step(4, 33), step(5, 36), step(6, 39),
                entry("job_end_time", 53)));
        assertEquals(53.0, r.windowSeconds(), EPS);
    }

    @Test
    void badTimeValueNamesFileLineAndExpectation() throws IOException {
        Path p = write("bad.json", "[\n" + entry("job_start_time", 0) + ",\n"
                + "{\"job_name\":\"j\",\"step_count\":0,\"step_start_time\":\"soon\"}\n]");
        InputException e = assertThrows(InputException.class,
                () -> new RunLoader(LoadMode.STRICT).load(List.of(p)));
        assertTrue(e.getMessage().startsWith(p + ":3: expected \"step_start_time\" to be"), e.getMessage());
    }

    @Test
    void aCheckpointStepThatIsNoWholeNumberIsRefusedNotReadAsStepZero() throws IOException {
        Path p = write("nan-step.json", "[\n" + entry("job_start_time", 0) + ",\n"
                + "{\"event_type\":\"save\",\"step\":\"NaN\",\"checkpoint_manager_blocking_duration_secs\":2}\n]");
        InputException e = assertThrows(InputException.class,
                () -> new RunLoader(LoadMode.STRICT).load(List.of(p)));
        assertEquals(p + ":3: expected \"step\" to be a whole number, found \"NaN\"", e.getMessage());
    }

    // --- helpers ---

    private GoodputReport report(Path file) throws InputException {
        Run run = new RunLoader(LoadMode.STRICT).load(List.of(file));
        return GoodputDeriver.derive(run, DerivationSettings.defaults()).report();
    }

    /** ml-goodput's "goodput": productive ÷ total job time (our infra × framework). */
    private static double productiveShare(GoodputReport r) {
        return r.productiveSeconds() / r.windowSeconds();
    }

    private static double lost(GoodputReport r, String cause) {
        return r.badput().stream().filter(c -> c.cause().equals(cause)).mapToDouble(CauseShare::seconds).sum();
    }

    private Path array(String... entries) throws IOException {
        return write("entries.json", "[\n" + String.join(",\n", entries) + "\n]\n");
    }

    private Path jsonLines(String... entries) throws IOException {
        return write("entries.jsonl", String.join("\n", entries) + "\n");
    }

    /** Cloud Logging export form: {"entries": [{"jsonPayload": {...}}, ...]}. */
    private Path wrapped(String... entries) throws IOException {
        StringBuilder sb = new StringBuilder("{\"entries\": [\n");
        for (int i = 0; i < entries.length; i++) {
            sb.append("{\"severity\":\"INFO\",\"jsonPayload\":").append(entries[i]).append('}')
                    .append(i + 1 < entries.length ? ",\n" : "\n");
        }
        return write("export.json", sb.append("]}\n").toString());
    }

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    private static String entry(String key, double t) {
        return String.format(Locale.ROOT, "{\"job_name\":\"j\",\"%s\":%.6f}", key, T0 + t);
    }

    private static String step(int n, double t) {
        return String.format(Locale.ROOT, "{\"job_name\":\"j\",\"step_count\":%d,\"step_start_time\":%.6f}", n, T0 + t);
    }

    private static String custom(String type, String edge, double t) {
        return String.format(Locale.ROOT,
                "{\"job_name\":\"j\",\"custom_badput_event_type\":\"%s\",\"custom_badput_event_%s_time\":%.6f}",
                type, edge, T0 + t);
    }
}
