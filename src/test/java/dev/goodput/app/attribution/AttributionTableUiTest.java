package dev.goodput.app.attribution;

import dev.goodput.core.attribution.FaultRole;
import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.model.CauseCatalog;
import dev.goodput.core.model.Layer;
import dev.goodput.core.report.GoodputReport;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The attribution table on its own, headless, on the BLOOM-176B sample; dialogs are answered by injected prompts. */
@ExtendWith(ApplicationExtension.class)
class AttributionTableUiTest {
    private static Derivation bloom;

    private final AttributionSession session = new AttributionSession();
    private final List<TagPromptContext> asked = new ArrayList<>();
    private final List<String> notices = new ArrayList<>();
    private AttributionTablePanel panel;
    private TableView<AttributionRow> table;
    private GoodputReport original;

    @BeforeAll
    static void load() throws Exception {
        bloom = BloomSample.derive();
    }

    @Start
    void start(Stage stage) {
        session.load(bloom, Overlay.EMPTY);
        original = session.derivationProperty().get().report();
        panel = new AttributionTablePanel(new AttributionRows(session));
        panel.setNotifier(notices::add);
        panel.setTagPrompt(context -> {
            asked.add(context);
            return Optional.of(new TagRequest(CauseCatalog.CHECKPOINT_RESTORE, "psu-swap", false));
        });
        stage.setScene(new Scene(panel, 1400, 600));
        stage.show();
        table = lookupTable();
    }

    @SuppressWarnings("unchecked")
    private TableView<AttributionRow> lookupTable() {
        return (TableView<AttributionRow>) panel.lookup("#attribution-table");
    }

    private String counts(FxRobot robot) {
        return robot.lookup("#attribution-counts").queryAs(Label.class).getText();
    }

    /** The cell of the table's row {@code row} in the column titled {@code column}. */
    private TableCell<?, ?> cell(FxRobot robot, int row, String column) {
        return robot.lookup("#attribution-table .table-cell")
                .match((TableCell<?, ?> c) -> c.getIndex() == row && c.getTableColumn() != null
                        && column.equals(c.getTableColumn().getText()) && !c.isEmpty())
                .queryAs(TableCell.class);
    }

    @Test
    void filterUnattributedSelectAllTagAsOneStepThenUndo(FxRobot robot) {
        assertTrue(counts(robot).startsWith("1203 of 1203 intervals · 15 of 15 faults · 3.67 d unattributed"),
                counts(robot));
        robot.clickOn("#attribution-unattributed-only");
        assertEquals(9, table.getItems().size());
        assertTrue(table.getItems().stream().allMatch(AttributionRow::unattributed));
        assertTrue(counts(robot).startsWith("9 of 1203 intervals · 0 of 15 faults"), counts(robot));

        robot.clickOn(cell(robot, 0, "Time (UTC)"));
        robot.press(KeyCode.SHIFT);
        robot.clickOn(cell(robot, 8, "Time (UTC)"));
        robot.release(KeyCode.SHIFT);
        assertEquals(9, panel.selectedRowsProperty().get().size());
        robot.clickOn("#attribution-tag");

        assertEquals(1, asked.size());
        assertEquals("Tag 9 intervals", asked.get(0).title());
        assertEquals(CauseCatalog.UNATTRIBUTED_DOWNTIME, asked.get(0).initialCause(), "the cause they share");
        assertFalse(asked.get(0).range());
        assertEquals("Undo Tag 9 intervals as Checkpoint restore", session.undoTextProperty().get());
        GoodputReport tagged = session.derivationProperty().get().report();
        assertTrue(tagged.goodput().infra() > original.goodput().infra());
        assertEquals(original.goodput().overall(), tagged.goodput().overall(), 1e-12);

        // Still filtered to unattributed: nothing left, and the table says why.
        assertTrue(table.getItems().isEmpty());
        assertEquals(AttributionRows.NO_MATCH, ((Label) table.getPlaceholder()).getText());
        assertTrue(counts(robot).endsWith("· no unattributed"), counts(robot));

        robot.clickOn("#attribution-unattributed-only");
        robot.clickOn("#attribution-search").write("psu-swap");
        assertEquals(9, table.getItems().size());
        assertEquals("Checkpoint restore", cell(robot, 0, "Cause").getText());
        assertEquals("Framework", cell(robot, 0, "Layer").getText());
        assertEquals("you", cell(robot, 0, "Assigned by").getText());
        assertEquals("psu-swap", cell(robot, 0, "Note").getText());

        robot.interact(session::undo);
        assertEquals(original.goodput(), session.derivationProperty().get().report().goodput());
        assertTrue(table.getItems().isEmpty(), "the note is gone with the tags");
        robot.interact(robot.lookup("#attribution-search").queryAs(TextField.class)::clear);
        assertTrue(counts(robot).startsWith("1203 of 1203 intervals · 15 of 15 faults · 3.67 d"), counts(robot));
        assertTrue(notices.isEmpty(), notices.toString());
    }

    @Test
    void editACauseCellByTypingWithCompletionAndUndo(FxRobot robot) {
        robot.clickOn("#attribution-unattributed-only");
        AttributionRow first = table.getItems().get(0);
        TableCell<?, ?> cell = cell(robot, 0, "Cause");
        robot.doubleClickOn(cell);
        CauseField editor = robot.lookup("#attribution-cause-editor").queryAs(CauseField.class);
        assertNotNull(editor);
        // The editor starts from the row's cause, all of it selected, so typing replaces it.
        assertEquals("Unattributed downtime", editor.getText());
        assertEquals(editor.getText(), editor.getSelectedText());
        assertFalse(editor.isListShowing(), "no list before anything is typed");

        // "nccl" lists the NCCL cause, under the cell; Enter takes it and commits.
        robot.write("nccl");
        assertTrue(editor.isListShowing());
        assertEquals("nccl_watchdog_timeouts",
                editor.suggestions().getSelectionModel().getSelectedItem().cause().id());
        javafx.geometry.Bounds cellOnScreen = cell.localToScreen(cell.getBoundsInLocal());
        javafx.stage.Window list = editor.suggestions().getScene().getWindow();
        assertEquals(cellOnScreen.getMinX(), list.getX(), 12, "the list opens at the cell, not far from it");
        assertTrue(list.getY() >= cellOnScreen.getMaxY() - 12 && list.getY() <= cellOnScreen.getMaxY() + 12,
                "the list opens just under the cell: " + list.getY() + " vs " + cellOnScreen);
        robot.type(KeyCode.ENTER);

        assertEquals("Undo Tag as NCCL Watchdog Timeouts", session.undoTextProperty().get());
        AttributionRow now = panel.rows().allRows().stream().filter(r -> r.startUs() == first.startUs() && !r.isFault())
                .findFirst().orElseThrow();
        assertEquals("nccl_watchdog_timeouts", now.cause().id());
        assertEquals(Layer.INFRA, now.layer());
        assertEquals(8, table.getItems().size(), "no longer unattributed, so filtered out");

        robot.clickOn("#attribution-unattributed-only");
        int at = table.getItems().indexOf(now);
        robot.interact(() -> table.scrollTo(at));
        assertEquals("NCCL Watchdog Timeouts", cell(robot, at, "Cause").getText());

        robot.interact(session::undo);
        assertEquals(original.goodput(), session.derivationProperty().get().report().goodput());
        assertEquals("Unattributed downtime", cell(robot, at, "Cause").getText());
    }

    @Test
    void theListMovesWithUpAndDownAndEnterOnTheUnchangedCauseChangesNothing(FxRobot robot) {
        robot.clickOn("#attribution-unattributed-only");
        robot.doubleClickOn(cell(robot, 0, "Cause"));
        CauseField editor = robot.lookup("#attribution-cause-editor").queryAs(CauseField.class);
        robot.type(KeyCode.ENTER);
        assertFalse(session.canUndoProperty().get(), "Enter on the cause as it was is no edit");

        // (Elsewhere first: a click right after the last double-click would count as a third click.)
        robot.clickOn(cell(robot, 2, "Time (UTC)")).doubleClickOn(cell(robot, 0, "Cause"));
        editor = robot.lookup("#attribution-cause-editor").queryAs(CauseField.class);
        robot.write("gpu");
        List<String> listed = editor.suggestions().getItems().stream().map(s -> s.cause().id()).toList();
        String secondLabel = editor.suggestions().getItems().get(1).cause().label();
        assertEquals("faulty_gpu", listed.get(0), "the run's own GPU cause first: " + listed);
        robot.type(KeyCode.DOWN).type(KeyCode.DOWN).type(KeyCode.UP);
        assertEquals(1, editor.suggestions().getSelectionModel().getSelectedIndex());
        robot.type(KeyCode.ESCAPE);
        assertFalse(editor.isListShowing(), "Escape closes the list");
        assertEquals("gpu", editor.getText(), "and leaves the text");
        robot.type(KeyCode.DOWN);
        assertTrue(editor.isListShowing(), "Down opens it again");
        robot.type(KeyCode.DOWN).type(KeyCode.ENTER);
        assertEquals("Undo Tag as " + secondLabel, session.undoTextProperty().get());
        assertTrue(panel.rows().allRows().stream().anyMatch(r -> r.cause().id().equals(listed.get(1))),
                "the second entry, picked with Down, was taken");
    }

    @Test
    void aClickOnAListedCauseTakesIt(FxRobot robot) {
        robot.clickOn("#attribution-unattributed-only");
        robot.doubleClickOn(cell(robot, 0, "Cause"));
        CauseField editor = robot.lookup("#attribution-cause-editor").queryAs(CauseField.class);
        robot.write("restore");
        assertTrue(editor.isListShowing());
        robot.clickOn(robot.from(editor.suggestions()).lookup(".list-cell").match((javafx.scene.control.ListCell<?> c)
                -> c.getIndex() == 0).queryAs(javafx.scene.control.ListCell.class));
        assertEquals("Undo Tag as Checkpoint restore", session.undoTextProperty().get());
    }

    @Test
    void aNewCauseCanBeTypedAndEscapeCancels(FxRobot robot) {
        robot.clickOn("#attribution-unattributed-only");
        robot.doubleClickOn(cell(robot, 0, "Cause"));
        robot.write("Bad PSU").type(KeyCode.ESCAPE);
        assertFalse(session.canUndoProperty().get(), "Escape cancels");
        // (Elsewhere first: a click right after the last double-click would count as a third click.)
        robot.clickOn(cell(robot, 2, "Time (UTC)")).doubleClickOn(cell(robot, 0, "Cause"));
        assertEquals("Unattributed downtime", robot.lookup("#attribution-cause-editor").queryAs(CauseField.class)
                .getText(), "a cancelled edit's text does not come back");

        robot.write("Bad PSU!").type(KeyCode.ENTER);
        assertEquals("Undo Tag as Bad PSU", session.undoTextProperty().get());
        assertTrue(panel.rows().allRows().stream().anyMatch(r -> r.cause().id().equals("bad_psu")
                && r.layer() == Layer.INFRA), "a new cause, in the row's layer");
    }

    @Test
    void splitMergeAndFaultRoleThroughTheButtons(FxRobot robot) {
        panel.setSplitPrompt(row -> Optional.of("12:00:00"));
        robot.clickOn("#attribution-unattributed-only");
        AttributionRow first = table.getItems().get(0);
        robot.clickOn(cell(robot, 0, "Time (UTC)"));
        robot.clickOn("#attribution-split");
        assertEquals(10, table.getItems().size());
        assertEquals("Undo Split interval", session.undoTextProperty().get());
        assertEquals(first.startUs(), panel.selectedRowProperty().get().startUs(), "the left half stays selected");

        robot.clickOn(cell(robot, 0, "Time (UTC)"));
        robot.press(KeyCode.SHIFT);
        robot.clickOn(cell(robot, 1, "Time (UTC)"));
        robot.release(KeyCode.SHIFT);
        robot.clickOn("#attribution-merge");
        assertEquals(9, table.getItems().size());
        assertEquals(first.endUs(), table.getItems().get(0).endUs());
        assertEquals("Undo Merge intervals", session.undoTextProperty().get());

        // A refused edit is told, not thrown.
        panel.setSplitPrompt(row -> Optional.of("not a time"));
        robot.clickOn(cell(robot, 0, "Time (UTC)"));
        robot.clickOn("#attribution-split");
        assertEquals(1, notices.size());
        assertTrue(notices.get(0).startsWith("Type a time"), notices.get(0));

        robot.clickOn("#attribution-unattributed-only");
        robot.clickOn("#attribution-search").write("cudaerror");
        int fault = table.getItems().indexOf(table.getItems().stream().filter(AttributionRow::isFault).findFirst()
                .orElseThrow());
        panel.setFaultRolePrompt(context -> {
            assertEquals(14, context.others().size());
            return Optional.of(new FaultRoleRequest(FaultRole.Kind.ROOT_CAUSE, null, "the first crash"));
        });
        robot.clickOn(cell(robot, fault, "Time (UTC)"));
        assertTrue(robot.lookup("#attribution-split").query().isDisabled(), "a fault cannot be split");
        robot.clickOn("#attribution-fault-role");
        assertEquals("root cause", cell(robot, fault, "Role").getText());
        assertEquals("the first crash", cell(robot, fault, "Note").getText());
        assertTrue(robot.lookup("#attribution-go-root").query().isDisabled(), "a root cause links to no root");

        // Another fault as a cascade of that one: its role links back, and "Go to root" follows the link.
        AttributionRow rootRow = table.getItems().get(fault);
        robot.interact(() -> panel.rows().clearFilters());
        AttributionRow other = table.getItems().stream().filter(r -> r.isFault() && !r.equals(rootRow)
                && r.startUs() > rootRow.startUs()).findFirst().orElseThrow();
        robot.interact(() -> panel.rows().setFaultRole(other, FaultRole.Kind.CASCADE, rootRow, ""));
        int at = table.getItems().indexOf(table.getItems().stream()
                .filter(r -> r.isFault() && r.startUs() == other.startUs()).findFirst().orElseThrow());
        robot.interact(() -> table.getSelectionModel().clearAndSelect(at));
        assertTrue(panel.selectedRowProperty().get().roleText().startsWith("cascade of"));
        robot.clickOn("#attribution-go-root");
        assertEquals(rootRow.faultRef(), panel.selectedRowProperty().get().faultRef());
    }

    @Test
    void revealSelectsTheRowAtATime(FxRobot robot) {
        AttributionRow last = panel.rows().allRows().stream().filter(AttributionRow::unattributed)
                .reduce((a, b) -> b).orElseThrow();
        robot.clickOn("#attribution-layer-filter");
        robot.interact(() -> panel.rows().layerFilterProperty().set(Layer.FRAMEWORK));
        robot.interact(() -> panel.reveal(last.startUs() + 1));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(last, panel.selectedRowProperty().get());
        assertEquals(null, panel.rows().layerFilterProperty().get(), "the filter hid it, so it was cleared");
        int at = table.getItems().indexOf(last);
        assertEquals("Unattributed downtime", cell(robot, at, "Cause").getText(), "scrolled into view");
    }

    @Test
    void tagDialogKeepsAKnownCausesLayerAndLetsANewCauseChooseOne(FxRobot robot) {
        TagDialog[] dialog = new TagDialog[1];
        CauseChoices choices = panel.rows().causeChoicesProperty().get();
        robot.interact(() -> dialog[0] = new TagDialog(new TagPromptContext("Tag 09:00 → 10:00", choices, true,
                CauseCatalog.UNATTRIBUTED_DOWNTIME)));
        CauseField cause = (CauseField) dialog[0].getDialogPane().lookup("#tag-cause");
        @SuppressWarnings("unchecked")
        javafx.scene.control.ChoiceBox<Layer> layer =
                (javafx.scene.control.ChoiceBox<Layer>) dialog[0].getDialogPane().lookup("#tag-layer");
        assertNotNull(dialog[0].getDialogPane().lookup("#tag-only-unattributed"), "offered for a range");
        assertTrue(layer.isDisabled(), "a known cause keeps its layer");

        robot.interact(() -> cause.setText("Checkpoint restore"));
        assertEquals(Layer.FRAMEWORK, layer.getValue());
        assertTrue(layer.isDisabled());
        robot.interact(() -> {
            cause.setText("Bad PSU");
            layer.setValue(Layer.FRAMEWORK);
        });
        assertFalse(layer.isDisabled(), "a new cause's layer is chosen");
        TagRequest request = dialog[0].request().orElseThrow();
        assertEquals("bad_psu", request.cause().id());
        assertEquals(Layer.FRAMEWORK, request.cause().layer());
    }
}
