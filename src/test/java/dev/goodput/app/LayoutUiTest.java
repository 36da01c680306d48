package dev.goodput.app;

import dev.goodput.app.timeline.TimelinePanel;
import javafx.geometry.Bounds;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static dev.goodput.app.UiFixture.BLOOM;
import static dev.goodput.app.UiFixture.CLEAN;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * Room for the work: at 1280×720 the timeline with its axis and a useful part of the attribution table fit without
 * scrolling the page; Problems only when there are problems; the splits are remembered per user and View ▸ Reset
 * Layout puts them back; the badput table's headers are shown whole.
 */
@ExtendWith(ApplicationExtension.class)
class LayoutUiTest {
    @RegisterExtension
    final UiFixture fixture = new UiFixture();

    private void resize(FxRobot robot, double width, double height) {
        robot.interact(() -> {
            Stage stage = fixture.window().stage();
            stage.setMaximized(false);
            stage.setWidth(width);
            stage.setHeight(height);
            stage.centerOnScreen();
        });
        WaitForAsyncUtils.waitForFxEvents(5);
    }

    @Test
    void at1280x720TheTimelineAndEightRowsOfTheAttributionTableFitWithoutScrollingThePage(FxRobot robot) {
        resize(robot, 1280, 720);
        UiFixture.openAndWait(robot, fixture.window(), BLOOM);
        WaitForAsyncUtils.waitForFxEvents(5);

        ScrollPane page = page(fixture.window().view().node());
        Node timeline = ((TimelinePanel) fixture.window().view().getTimeline()).view();
        Bounds axis = timeline.localToScene(timeline.getBoundsInLocal());
        Node status = robot.lookup("#status-files").query().getParent().getParent();
        double statusTop = status.localToScene(status.getBoundsInLocal()).getMinY();
        assertTrue(axis.getMinY() >= 0 && axis.getMaxY() <= statusTop + 0.5,
                () -> "timeline " + axis + ", status bar from " + statusTop);

        TableView<?> table = robot.lookup("#attribution-table").queryTableView();
        assertTrue(fullyShownRows(table) >= 8, () -> fullyShownRows(table) + " rows shown");

        // The status bar cuts only the run's name (whole in its tooltip and the title).
        for (String item : new String[]{"#status-files", "#status-window", "#status-problems", "#status-outcome"}) {
            Labeled label = robot.lookup(item).queryLabeled();
            assertEquals(label.getText(), shownText(label), item);
        }
        assertEquals(fixture.window().summary().runNameProperty().get(),
                robot.lookup("#status-run").queryLabeled().getTooltip().getText());
    }

    @Test
    void problemsAreShownOnlyWhenThereAreProblems(FxRobot robot, @org.junit.jupiter.api.io.TempDir Path dir)
            throws Exception {
        UiFixture.openAndWait(robot, fixture.window(), CLEAN);
        assertFalse(robot.lookup("#problems").tryQuery().map(UiFixture::showing).orElse(false),
                "no Problems panel without problems");
        assertEquals("No problems", UiFixture.text(robot, "#status-problems"));

        List<String> lines = new ArrayList<>(Files.readAllLines(CLEAN));
        lines.add(9, "{\"event\": \"step\", \"step\": 9, \"start\": \"not a time\"");
        Path bad = Files.write(dir.resolve("bad.jsonl"), lines);
        UiFixture.openAndWait(robot, fixture.window(), bad);
        assertTrue(UiFixture.showing(robot.lookup("#problems").query()), "the Problems panel is shown");

        // The status bar's item hides it and shows it again.
        robot.clickOn("#status-problems");
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(robot.lookup("#problems").tryQuery().map(UiFixture::showing).orElse(false));
        robot.clickOn("#status-problems");
        WaitForAsyncUtils.waitForFxEvents();
        assertTrue(UiFixture.showing(robot.lookup("#problems").query()));
    }

    @Test
    void theSplitsAreRememberedAcrossWindowsAndResetLayoutPutsThemBack(FxRobot robot) {
        UiFixture.openAndWait(robot, fixture.window(), CLEAN);
        SplitPane main = robot.lookup("#main-split").queryAs(SplitPane.class);
        SplitPane top = robot.lookup("#top-split").queryAs(SplitPane.class);
        double mainBefore = main.getDividerPositions()[0];
        double topBefore = top.getDividerPositions()[0];

        drag(robot, main, 0, -60);
        drag(robot, top, -80, 0);
        double mainMoved = main.getDividerPositions()[0];
        double topMoved = top.getDividerPositions()[0];
        assertTrue(mainMoved < mainBefore - 0.02, mainBefore + " → " + mainMoved);
        assertTrue(topMoved < topBefore - 0.02, topBefore + " → " + topMoved);

        // A new window on the same preferences, at the same size.
        double width = fixture.window().stage().getWidth();
        double height = fixture.window().stage().getHeight();
        robot.interact(() -> fixture.window().stage().close());
        robot.interact(() -> {
            Stage stage = new Stage();
            MainWindow again = fixture.build(stage);
            again.show(List.of());
            stage.setWidth(width);
            stage.setHeight(height);
        });
        WaitForAsyncUtils.waitForFxEvents(5);
        SplitPane main2 = robot.lookup("#main-split").queryAs(SplitPane.class);
        SplitPane top2 = robot.lookup("#top-split").queryAs(SplitPane.class);
        assertEquals(mainMoved, main2.getDividerPositions()[0], 0.01);
        assertEquals(topMoved, top2.getDividerPositions()[0], 0.01);

        UiFixture.clickMenu(robot, "#menu-view", "#menu-reset-layout");
        WaitForAsyncUtils.waitForFxEvents(5);
        assertEquals(mainBefore, main2.getDividerPositions()[0], 0.01);
        assertEquals(topBefore, top2.getDividerPositions()[0], 0.01);
    }

    @Test
    void theBadputTablesHeadersAreShownWhole(FxRobot robot) {
        resize(robot, 1280, 800);
        UiFixture.openAndWait(robot, fixture.window(), BLOOM);
        // On a short window the breakdown starts hidden: the toolbar shows it.
        if (robot.lookup("#badput").tryQuery().isEmpty()) {
            robot.clickOn("#tool-breakdown");
        }
        WaitForAsyncUtils.waitForFxEvents(5);
        TableView<?> badput = robot.lookup("#badput").queryTableView();
        List<Labeled> headers = new ArrayList<>();
        for (Node n : badput.lookupAll(".column-header .label")) {
            headers.add((Labeled) n);
        }
        assertEquals(badput.getColumns().size(), headers.size());
        for (Labeled header : headers) {
            assertEquals(header.getText(), shownText(header), "header cut");
        }
        // Numbers are never cut either.
        for (Node n : badput.lookupAll(".table-cell.numeric")) {
            Labeled cell = (Labeled) n;
            if (cell.getText() != null && !cell.getText().isEmpty()) {
                assertEquals(cell.getText(), shownText(cell), "number cut");
            }
        }
    }

    private static void drag(FxRobot robot, SplitPane split, double dx, double dy) {
        Node divider = split.lookupAll(".split-pane-divider").stream()
                .filter(d -> d.getParent() == split || d.getParent().getParent() == split).findFirst().orElseThrow();
        Bounds b = divider.localToScreen(divider.getBoundsInLocal());
        robot.drag(b.getCenterX(), b.getCenterY()).moveBy(dx / 2, dy / 2).moveBy(dx / 2, dy / 2).drop();
        WaitForAsyncUtils.waitForFxEvents(3);
    }

    /** What a label draws: its text, or "Lost ..." when cut (its LabeledText, not a graphic's icon glyph). */
    private static String shownText(Labeled label) {
        for (Node n : label.getChildrenUnmodifiable()) {
            if (n instanceof Text && n.getClass().getSimpleName().equals("LabeledText")) {
                return ((Text) n).getText();
            }
        }
        return label.getText();
    }

    private static ScrollPane page(Node root) {
        for (Node n : ((Parent) root).getChildrenUnmodifiable()) {
            if (n instanceof ScrollPane) {
                return (ScrollPane) n;
            }
        }
        throw new AssertionError("no page in " + root);
    }

    /** The table's rows that hold an item and lie wholly inside the table's visible rows. */
    private static int fullyShownRows(TableView<?> table) {
        Node flow = table.lookup(".virtual-flow");
        Node clip = flow.lookup(".clipped-container");
        Bounds area = clip.localToScene(clip.getBoundsInLocal());
        int n = 0;
        for (Node node : table.lookupAll(".table-row-cell")) {
            TableRow<?> row = (TableRow<?>) node;
            if (!row.isVisible() || row.isEmpty() || row.getItem() == null) {
                continue;
            }
            Bounds b = row.localToScene(row.getBoundsInLocal());
            if (b.getMinY() >= area.getMinY() - 0.5 && b.getMaxY() <= area.getMaxY() + 0.5) {
                n++;
            }
        }
        return n;
    }
}
