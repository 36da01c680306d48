package dev.goodput.app;

import dev.goodput.core.derive.Derivation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Files;
import java.nio.file.Path;

import static dev.goodput.app.UiFixture.CLEAN;
import static dev.goodput.app.UiFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Running out of memory while loading is a failed load with a message; the run shown stays. */
@ExtendWith(ApplicationExtension.class)
class OutOfMemoryUiTest {
    /** Reads as the window does, except a file named huge*, which exhausts the heap as a file past the limits would. */
    private static final RunSource HUNGRY = files -> {
        if (files.get(0).getFileName().toString().startsWith("huge")) {
            throw new OutOfMemoryError("Java heap space");
        }
        return RunSource.lenient().read(files);
    };

    @RegisterExtension
    final UiFixture fixture = new UiFixture(HUNGRY);

    @TempDir
    Path dir;

    @Test
    void outOfMemoryFailsTheLoadAndKeepsTheRunShown(FxRobot robot) throws Exception {
        MainWindow w = fixture.window();
        UiFixture.openAndWait(robot, w, CLEAN);
        Derivation shown = w.summary().getDerivation();
        Path huge = Files.copy(CLEAN, dir.resolve("huge.jsonl"));

        UiFixture.openAndWait(robot, w, huge);

        assertTrue(shown == w.summary().getDerivation(), "the run shown stays");
        assertEquals("Could not open huge.jsonl (the run shown stays as it was): out of memory loading huge.jsonl; "
                + "raise the heap (java -Xmx, e.g. -Xmx8g) or lower the step limit in Edit ▸ Preferences "
                + "(--max-steps)", text(robot, "#notice-text"));
    }
}
