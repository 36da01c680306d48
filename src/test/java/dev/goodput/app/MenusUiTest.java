package dev.goodput.app;

import javafx.application.Application;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuBar;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.ToggleButton;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import static dev.goodput.app.UiFixture.CLEAN;
import static dev.goodput.app.UiFixture.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The theme toggle (toolbar and View menu, remembered), Reload on F5, and Help ▸ About. */
@ExtendWith(ApplicationExtension.class)
class MenusUiTest {
    @RegisterExtension
    final UiFixture fixture = new UiFixture();

    @AfterEach
    void close() {
        // The theme is global to the JavaFX application: leave it light for the next test class.
        Application.setUserAgentStylesheet(Theme.LIGHT.userAgentStylesheet());
    }

    @Test
    void theToolbarAndTheViewMenuSwitchTheThemeAndItIsRemembered(FxRobot robot) {
        assertEquals(Theme.LIGHT.userAgentStylesheet(), Application.getUserAgentStylesheet());

        robot.clickOn("#tool-theme");
        assertEquals(Theme.DARK.userAgentStylesheet(), Application.getUserAgentStylesheet());
        assertEquals("DARK", fixture.prefs.get("theme", ""));
        assertTrue(robot.lookup("#tool-theme").queryAs(ToggleButton.class).isSelected());

        UiFixture.clickMenu(robot, "#menu-view", "Light theme");
        assertEquals(Theme.LIGHT.userAgentStylesheet(), Application.getUserAgentStylesheet());
        assertEquals("LIGHT", fixture.prefs.get("theme", ""));
        assertFalse(robot.lookup("#tool-theme").queryAs(ToggleButton.class).isSelected());
        MenuBar bar = (MenuBar) fixture.window().stage().getScene().lookup(".menu-bar");
        var viewMenu = bar.getMenus().stream().filter(m -> "menu-view".equals(m.getId())).findFirst().orElseThrow();
        RadioMenuItem light = (RadioMenuItem) viewMenu.getItems().stream()
                .filter(i -> "menu-theme-light".equals(i.getId())).findFirst().orElseThrow();
        RadioMenuItem dark = (RadioMenuItem) viewMenu.getItems().stream()
                .filter(i -> "menu-theme-dark".equals(i.getId())).findFirst().orElseThrow();
        assertTrue(light.isSelected());
        assertFalse(dark.isSelected());
    }

    @Test
    void f5ReloadsTheRunShown(FxRobot robot) {
        UiFixture.openAndWait(robot, fixture.window(), CLEAN);
        var before = fixture.window().summary().getDerivation();

        robot.clickOn("#run-name").type(KeyCode.F5);
        UiFixture.waitUntilIdle(fixture.window());

        assertTrue(fixture.window().summary().getDerivation() != before, "a new derivation was read");
        assertEquals(UiFixture.CLEAN_NAME, text(robot, "#run-name"));
    }

    @Test
    void aboutNamesTheVersionAndLicence(FxRobot robot) {
        UiFixture.clickMenu(robot, "#menu-help", "About " + SummaryViewModel.APP_NAME);

        DialogPane about = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertEquals(SummaryViewModel.APP_NAME + " " + AboutDialog.version(), about.getHeaderText());
        assertTrue(about.getContentText().contains("Apache-2.0"));
        robot.clickOn("OK");
        assertTrue(robot.lookup(".dialog-pane").tryQuery().isEmpty());
    }
}
