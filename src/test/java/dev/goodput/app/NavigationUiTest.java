package dev.goodput.app;

import dev.goodput.app.timeline.TimelinePanel;
import dev.goodput.app.timeline.TimelineView;
import dev.goodput.chart.CauseKey;
import dev.goodput.chart.timeline.TimelineViewport;
import dev.goodput.app.timeline.TimelineLane;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.DialogPane;
import javafx.scene.control.MenuBar;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import static dev.goodput.app.UiFixture.BLOOM;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Navigation that is found and works wherever the focus is: the timeline's keys from the whole window (but typed
 * into text fields), Escape clearing the highlight, the View menu's zoom, and Help ▸ Keyboard Shortcuts on F1.
 */
@ExtendWith(ApplicationExtension.class)
class NavigationUiTest {
    @RegisterExtension
    final UiFixture fixture = new UiFixture();

    private TimelineView timeline() {
        return ((TimelinePanel) fixture.window().view().getTimeline()).view();
    }

    private long span() {
        TimelineViewport v = timeline().viewportProperty().get();
        return v.span();
    }

    @Test
    void wZoomsTheTimelineWhileTheAttributionTableHasTheFocus(FxRobot robot) {
        UiFixture.openAndWait(robot, fixture.window(), BLOOM);
        TableView<?> table = robot.lookup("#attribution-table").queryTableView();
        robot.interact(table::requestFocus);
        long before = span();

        robot.type(KeyCode.W);

        assertTrue(table.isFocused(), "the focus stays in the table");
        assertTrue(span() < before, before + " → " + span());
    }

    @Test
    void wTypesIntoTheSearchFieldAndLeavesTheTimeline(FxRobot robot) {
        UiFixture.openAndWait(robot, fixture.window(), BLOOM);
        TextField search = robot.lookup("#attribution-search").queryAs(TextField.class);
        robot.clickOn(search);
        long before = span();

        robot.type(KeyCode.W);

        assertEquals("w", search.getText());
        assertEquals(before, span());
    }

    @Test
    void escapeClearsTheHighlightAndTheSelection(FxRobot robot) {
        UiFixture.openAndWait(robot, fixture.window(), BLOOM);
        CauseKey cause = fixture.window().summary().getDerivation().report().badput().stream()
                .map(c -> new CauseKey(c.layer(), c.cause())).findFirst().orElseThrow();
        robot.interact(() -> fixture.window().highlightProperty().set(cause));
        robot.interact(() -> robot.lookup("#attribution-table").queryTableView().requestFocus());
        assertNotNull(fixture.window().highlightProperty().get());

        robot.type(KeyCode.ESCAPE);

        assertNull(fixture.window().highlightProperty().get());
    }

    @Test
    void viewLanesAndShowLegendFollowTheTimelineBothWays(FxRobot robot) {
        UiFixture.openAndWait(robot, fixture.window(), BLOOM);
        TimelinePanel panel = (TimelinePanel) fixture.window().view().getTimeline();

        UiFixture.clickMenu(robot, "#menu-view", "#menu-lanes", "#menu-lane-faults");
        assertFalse(panel.laneVisibleProperty(TimelineLane.FAULTS).get());

        robot.interact(() -> panel.legendVisibleProperty().set(false));
        MenuBar bar = (MenuBar) fixture.window().stage().getScene().lookup(".menu-bar");
        CheckMenuItem legend = (CheckMenuItem) bar.getMenus().stream().flatMap(m -> m.getItems().stream())
                .filter(i -> "menu-show-legend".equals(i.getId())).findFirst().orElseThrow();
        assertFalse(legend.isSelected());
    }

    @Test
    void everyMenuKeyComesFromTheShortcutsTableAndEveryMenuRowOfItIsInTheMenus() {
        MenuBar bar = (MenuBar) fixture.window().stage().getScene().lookup(".menu-bar");
        java.util.Map<String, javafx.scene.input.KeyCombination> menuKeys = new java.util.HashMap<>();
        java.util.Deque<javafx.scene.control.MenuItem> items = new java.util.ArrayDeque<>();
        bar.getMenus().forEach(items::add);
        while (!items.isEmpty()) {
            javafx.scene.control.MenuItem item = items.pop();
            if (item instanceof javafx.scene.control.Menu) {
                items.addAll(((javafx.scene.control.Menu) item).getItems());
            }
            if (item.getAccelerator() != null) {
                menuKeys.put(item.getId(), item.getAccelerator());
            }
        }
        menuKeys.forEach((id, key) -> assertEquals(KeyboardShortcuts.accelerator(id), key, id));
        for (KeyboardShortcuts.Shortcut s : KeyboardShortcuts.ALL) {
            if (s.id().startsWith("menu-")) {
                assertEquals(s.keys().get(0), menuKeys.get(s.id()), s.id());
            }
        }
        assertEquals(KeyboardShortcuts.ALL.size(),
                KeyboardShortcuts.ALL.stream().map(KeyboardShortcuts.Shortcut::id).distinct().count(), "unique ids");
    }

    @Test
    void viewZoomInZoomsAndF1ListsTheShortcuts(FxRobot robot) {
        UiFixture.openAndWait(robot, fixture.window(), BLOOM);
        long before = span();
        UiFixture.clickMenu(robot, "#menu-view", "#menu-zoom-in");
        assertTrue(span() < before, before + " → " + span());

        robot.interact(() -> robot.lookup("#attribution-table").queryTableView().requestFocus());
        robot.type(KeyCode.F1);
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane dialog = robot.lookup("#shortcuts-dialog").queryAs(DialogPane.class);
        assertNotNull(dialog);
        Labeled open = robot.lookup("#shortcut-menu-open").queryLabeled();
        assertEquals(KeyboardShortcuts.accelerator("menu-open").getDisplayText(), open.getText());
        assertEquals("W", robot.lookup("#shortcut-timeline-zoom-in").queryLabeled().getText());
        robot.clickOn("Close");
    }
}
