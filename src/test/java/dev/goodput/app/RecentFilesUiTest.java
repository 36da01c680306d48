package dev.goodput.app;

import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static dev.goodput.app.UiFixture.CLEAN;
import static dev.goodput.app.UiFixture.CLEAN_NAME;
import static dev.goodput.app.UiFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * File ▸ Open Recent lists the runs opened, newest first, opens them again and can be cleared; the next start reopens
 * the run opened last. All on a throw-away preferences node, never the user's.
 */
@ExtendWith(ApplicationExtension.class)
class RecentFilesUiTest {
    @RegisterExtension
    final UiFixture fixture = new UiFixture();

    @TempDir
    Path dir;

    @Test
    void theMenuListsOpenedRunsAndOpensThemAgain(FxRobot robot) throws Exception {
        Path first = Files.copy(CLEAN, dir.resolve("first_run.jsonl"));
        Path second = Files.copy(UiFixture.BLOOM, dir.resolve("second.jsonl"));
        UiFixture.openAndWait(robot, fixture.window(), first);
        UiFixture.openAndWait(robot, fixture.window(), second);
        assertEquals(List.of(List.of(second), List.of(first)), fixture.window().recentFiles().entriesProperty());

        // Underscores in file names are shown as they are, not taken as mnemonics.
        UiFixture.clickMenu(robot, "#menu-file", "#open-recent", RecentFilesMenu.label(List.of(first)));
        UiFixture.waitUntilIdle(fixture.window());

        assertEquals(CLEAN_NAME, text(robot, "#run-name"));
        assertEquals(List.of(List.of(first), List.of(second)), fixture.window().recentFiles().entriesProperty());
    }

    @Test
    void theNextStartReopensTheRunOpenedLast(FxRobot robot) throws Exception {
        Path last = Files.copy(UiFixture.BLOOM, dir.resolve("last.jsonl"));
        UiFixture.openAndWait(robot, fixture.window(), CLEAN);
        UiFixture.openAndWait(robot, fixture.window(), last);

        // A second window on the same preferences stands in for the next start of the app.
        AtomicReference<MainWindow> next = new AtomicReference<>();
        robot.interact(() -> {
            MainWindow w = fixture.create(new Stage());
            w.show(StartupFiles.resolve(List.of(), Path.of(""), w.recentFiles().last()));
            next.set(w);
        });
        try {
            UiFixture.waitUntilIdle(next.get());
            assertEquals(List.of(last.toAbsolutePath()), next.get().summary().filesProperty());
            assertEquals(fixture.window().summary().runNameProperty().get(),
                    next.get().summary().runNameProperty().get());
        } finally {
            robot.interact(() -> next.get().stage().close());
        }
    }

    @Test
    void clearRecentEmptiesTheMenuAndTheStore(FxRobot robot) {
        UiFixture.openAndWait(robot, fixture.window(), CLEAN);

        Menu recent = openRecentMenu();
        assertEquals(List.of(RecentFilesMenu.label(List.of(CLEAN.toAbsolutePath())), "", RecentFilesMenu.CLEAR),
                texts(recent));

        UiFixture.clickMenu(robot, "#menu-file", "#open-recent", RecentFilesMenu.CLEAR);

        assertTrue(fixture.window().recentFiles().entriesProperty().isEmpty());
        assertTrue(new RecentFiles(fixture.prefs).entriesProperty().isEmpty());
        assertEquals(List.of(RecentFilesMenu.NONE, "", RecentFilesMenu.CLEAR), texts(recent));
        assertTrue(recent.getItems().get(0).isDisable());
        assertTrue(recent.getItems().get(2).isDisable());
    }

    private Menu openRecentMenu() {
        MenuBar bar = (MenuBar) fixture.window().stage().getScene().lookup(".menu-bar");
        return (Menu) bar.getMenus().get(0).getItems().stream()
                .filter(item -> "open-recent".equals(item.getId())).findFirst().orElseThrow();
    }

    private static List<String> texts(Menu menu) {
        return menu.getItems().stream().map(item -> item.getText() == null ? "" : item.getText()).toList();
    }
}
