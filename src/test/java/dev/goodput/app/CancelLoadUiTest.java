package dev.goodput.app;

import dev.goodput.core.model.Run;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static dev.goodput.app.UiFixture.CLEAN;
import static dev.goodput.app.UiFixture.CLEAN_NAME;
import static dev.goodput.app.UiFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Cancelling a slow load: the run shown before stays, the status bar says "Load cancelled", and the cancelled load's
 * result, should it still arrive, is dropped. The big run log is held at the reader's door until the test has
 * clicked Cancel, so the click never races the load.
 */
@ExtendWith(ApplicationExtension.class)
class CancelLoadUiTest {
    private static final long BIG_STEPS = 3_000_000;
    private static final RunSource REAL = RunSource.lenient();

    @RegisterExtension
    final UiFixture fixture = new UiFixture(this::read);
    private final CountDownLatch readingBig = new CountDownLatch(1);
    private final CountDownLatch releaseBig = new CountDownLatch(1);
    private final CountDownLatch bigDone = new CountDownLatch(1);

    @TempDir
    Path dir;

    /** Reads as the app does, except that a file named big* holds its load until the test releases it. */
    private Run read(List<Path> files) throws Exception {
        if (!files.get(0).getFileName().toString().startsWith("big")) {
            return REAL.read(files);
        }
        try {
            readingBig.countDown();
            // Cancel interrupts this thread; wait on regardless, as the real readers read on (they do not heed
            // interrupts), so that the cancelled load really does finish later.
            while (true) {
                try {
                    releaseBig.await();
                    break;
                } catch (InterruptedException e) {
                    // keep waiting
                }
            }
            return REAL.read(files);
        } finally {
            bigDone.countDown();
        }
    }

    @AfterEach
    void close() {
        releaseBig.countDown();
    }

    @Test
    void cancellingKeepsThePreviousRun(FxRobot robot) throws Exception {
        UiFixture.openAndWait(robot, fixture.window(), CLEAN);
        var shown = fixture.window().summary().getDerivation();
        Path big = bigRunLog(dir.resolve("big.jsonl"));

        robot.interact(() -> fixture.window().open(List.of(big)));
        assertTrue(readingBig.await(10, TimeUnit.SECONDS), "the load started");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(fixture.window().loadStatus().isLoading());
        assertEquals("big.jsonl", text(robot, "#load-file"));
        assertEquals(LoadRunTask.READING, text(robot, "#load-stage"));
        assertTrue(UiFixture.showing(robot.lookup("#load-progress").query()));
        assertTrue(UiFixture.showing(robot.lookup("#cancel-load").query()));
        // The run shown before stays on screen while the next one loads.
        assertEquals(CLEAN_NAME, text(robot, "#run-name"));

        robot.clickOn("#cancel-load");

        assertFalse(fixture.window().loadStatus().isLoading());
        assertEquals("Load cancelled", text(robot, "#status-outcome"));
        assertFalse(UiFixture.showing(robot.lookup("#cancel-load").query()));
        assertEquals(CLEAN_NAME, text(robot, "#run-name"));
        assertEquals("98.09%", text(robot, "#figure-infra"));
        assertSame(shown, fixture.window().summary().getDerivation());
        assertEquals(List.of(CLEAN), fixture.window().summary().filesProperty());

        // Let the cancelled read finish: its run must not replace the one shown.
        releaseBig.countDown();
        assertTrue(bigDone.await(60, TimeUnit.SECONDS));
        WaitForAsyncUtils.waitForFxEvents();
        assertSame(shown, fixture.window().summary().getDerivation());
        assertEquals("Load cancelled", text(robot, "#status-outcome"));
        // A cancelled open is not remembered.
        assertEquals(List.of(List.of(CLEAN.toAbsolutePath())), fixture.window().recentFiles().entriesProperty());
    }

    @Test
    void cancellingTheFirstLoadLeavesTheWindowEmpty(FxRobot robot) throws Exception {
        Path big = bigRunLog(dir.resolve("big.jsonl"));
        robot.interact(() -> fixture.window().open(List.of(big)));
        assertTrue(readingBig.await(10, TimeUnit.SECONDS));
        robot.interact(() -> fixture.window().cancelLoad());

        assertEquals(SummaryViewModel.State.EMPTY, fixture.window().summary().stateProperty().get());
        assertEquals("Load cancelled", fixture.window().loadStatus().outcomeProperty().get());
    }

    /** A run log whose one step_range record expands to millions of steps: a small file that is slow to load. */
    private static Path bigRunLog(Path file) throws Exception {
        return Files.writeString(file, """
                {"schema":1,"event":"run","name":"big","accelerators":8}
                {"event":"job_start","time":0}
                {"event":"step_range","first":1,"last":%d,"start":0,"end":%d}
                {"event":"job_end","time":%d,"reason":"completed"}
                """.formatted(BIG_STEPS, BIG_STEPS, BIG_STEPS));
    }
}
