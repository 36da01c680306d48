package dev.goodput.app;

import dev.goodput.testing.RunawayRuleWorkspace;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Path;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Issue 14: a shared workspace's rule whose pattern backtracks without end is disabled, and the window says so in
 * Problems (the status bar counts it) instead of hanging or silently not applying the rule.
 */
@ExtendWith(ApplicationExtension.class)
class RuleBudgetUiTest {
    @RegisterExtension
    final UiFixture fixture = new UiFixture();

    @TempDir
    Path dir;

    @Test
    void aRunawayRuleIsListedInProblems(FxRobot robot) throws Exception {
        Path ws = RunawayRuleWorkspace.write(dir);
        MainWindow w = fixture.window();
        UiFixture.openAndWait(robot, w, ws);

        String expected = "Warning: attribution rules: " + RunawayRuleWorkspace.WARNING;
        assertTrue(w.summary().problemsProperty().contains(expected), () -> w.summary().problemsProperty().toString());
        assertEquals("2 warnings", w.summary().problemCountProperty().get()); // and the model layer's missing FLOPs
    }
}
