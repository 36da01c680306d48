package dev.goodput.app;

import dev.goodput.app.attribution.AttributionRow;
import dev.goodput.app.attribution.CauseField;
import dev.goodput.app.attribution.ClockText;
import dev.goodput.core.attribution.AttributedInterval;
import dev.goodput.core.attribution.FaultRole;
import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.model.Layer;
import dev.goodput.core.report.CauseShare;
import dev.goodput.core.report.GoodputReport;
import dev.goodput.core.report.HumanFormat;
import dev.goodput.core.workspace.RecoveryFile;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Labeled;
import javafx.scene.control.ListCell;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The window with its real dialogs, not scripted answers: the tag, split and fault role dialogs of the attribution
 * table and the workspace alerts (unsaved changes, autosaved edits to restore), each shown, typed into and answered
 * as a user would, with Cancel leaving everything as it was. (The rule and merge conflict dialogs have tests of
 * their own: RuleEditorUiTest, ConflictDialogUiTest. File choosers cannot be driven headless.)
 */
@ExtendWith(ApplicationExtension.class)
class RealDialogsUiTest {
    private static final long HOUR = 3_600_000_000L;
    private static final long DAY = 24 * HOUR;

    @RegisterExtension
    final UiFixture fixture = UiFixture.withRealDialogs();
    private MainWindow window;

    @BeforeEach
    void window() {
        window = fixture.window();
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void tagSelectedTagsTheRowWithTheCauseTypedInTheTagDialogAndCancelChangesNothing(FxRobot robot)
            throws Exception {
        UiFixture.openAndWait(robot, window, UiFixture.BLOOM);
        TableView<AttributionRow> table = table(robot);
        robot.clickOn("#attribution-unattributed-only");
        AttributionRow gap = table.getItems().stream().max(Comparator.comparingLong(AttributionRow::durationUs))
                .orElseThrow();
        select(robot, table, gap);
        GoodputReport before = report();
        long revision = revision();

        // Cancel, after typing a cause: nothing happens.
        robot.clickOn("#attribution-tag");
        DialogPane pane = dialog(robot, "Tag ");
        assertEquals("Tag " + HumanFormat.clockRange(gap.startUs(), gap.endUs(), " → "), pane.getHeaderText());
        CauseField cause = robot.from(pane).lookup("#tag-cause").queryAs(CauseField.class);
        assertEquals("Unattributed downtime", cause.getText(), "re-tagging one row starts from its cause");
        retype(robot, cause, "gpu fail");
        robot.write(" on node 7");
        clickAndWaitClosed(robot, pane, pane.lookupButton(ButtonType.CANCEL));
        assertEquals(revision, revision(), "Cancel changes nothing");
        assertTrue(window.session().overlayProperty().get().isEmpty());
        assertEquals(before, report());

        // The next dialog starts from the row's cause again: what was typed and cancelled is gone.
        robot.clickOn("#attribution-tag");
        pane = dialog(robot, "Tag ");
        cause = robot.from(pane).lookup("#tag-cause").queryAs(CauseField.class);
        assertEquals("Unattributed downtime", cause.getText(), "a cancelled dialog's text does not come back");

        // "checkpoint r" lists the restore cause first; Tab takes it as the list names it.
        retype(robot, cause, "checkpoint r");
        assertTrue(cause.isListShowing());
        assertEquals("checkpoint_restore", cause.suggestions().getSelectionModel().getSelectedItem().cause().id());
        robot.type(KeyCode.TAB);
        assertFalse(cause.isListShowing());
        assertEquals("Checkpoint restore", cause.getText());
        ChoiceBox<?> layer = robot.from(pane).lookup("#tag-layer").queryAs(ChoiceBox.class);
        assertEquals(Layer.FRAMEWORK, layer.getValue(), "a known cause brings its layer");
        assertTrue(layer.isDisabled());
        robot.clickOn(robot.from(pane).lookup("#tag-note").queryAs(TextField.class)).write("restore after a node swap");
        Node ok = pane.lookupButton(ButtonType.OK);
        assertFalse(ok.isDisabled());
        clickAndWaitClosed(robot, pane, ok);

        assertEquals(revision + 1, revision(), "one edit");
        assertEquals("Undo Tag as Checkpoint restore", window.session().undoTextProperty().get());
        AttributedInterval now = window.session().attribution().at(gap.startUs()).orElseThrow();
        assertEquals("checkpoint_restore", now.cause().id());
        assertTrue(table.getItems().stream().noneMatch(r -> r.startUs() == gap.startUs()),
                "no longer unattributed, so filtered out");
        robot.clickOn("#attribution-unattributed-only");
        AttributionRow row = table.getItems().stream().filter(r -> !r.isFault() && r.startUs() == gap.startUs())
                .findFirst().orElseThrow();
        assertEquals("Checkpoint restore", row.cause().label());
        assertEquals(Layer.FRAMEWORK, row.layer());
        assertEquals("restore after a node swap", row.note());
        assertEquals(AttributionRow.YOU, row.assignedBy());

        // Re-derived, by hand: the gap's lost accelerator-time moves from infra to framework as a restore.
        GoodputReport after = report();
        double gapSeconds = gap.durationUs() / 1e6 * gap.piece().interval().acceleratorsInUse()
                / before.accelerators();
        double available = before.availableSeconds() + gapSeconds;
        assertEquals(available / before.windowSeconds(), after.goodput().infra(), 1e-12);
        assertEquals(before.productiveSeconds() / available, after.goodput().framework(), 1e-12);
        assertEquals(before.goodput().overall(), after.goodput().overall(), 1e-12);
        assertEquals(seconds(before, "unattributed_downtime") - gapSeconds, seconds(after, "unattributed_downtime"),
                1e-6);
        assertEquals(seconds(before, "checkpoint_restore") + gapSeconds, seconds(after, "checkpoint_restore"), 1e-6);
        assertEquals(Figures.percent(after.goodput().infra()), UiFixture.text(robot, "#figure-infra"));
        assertEquals(Figures.percent(after.goodput().framework()), UiFixture.text(robot, "#figure-framework"));
        assertNotEquals(Figures.percent(before.goodput().infra()), UiFixture.text(robot, "#figure-infra"));
        assertTrue(window.document().isDirty());
    }

    @Test
    void aTagDialogCancelledWithEscapeForgetsWhatWasTyped(FxRobot robot) throws Exception {
        UiFixture.openAndWait(robot, window, UiFixture.BLOOM);
        TableView<AttributionRow> table = table(robot);
        robot.clickOn("#attribution-unattributed-only");
        select(robot, table, table.getItems().get(0));
        long revision = revision();

        robot.clickOn("#attribution-tag");
        DialogPane pane = dialog(robot, "Tag ");
        Window dialogWindow = pane.getScene().getWindow();
        CauseField cause = robot.from(pane).lookup("#tag-cause").queryAs(CauseField.class);
        retype(robot, cause, "gpu");
        robot.type(KeyCode.ESCAPE); // closes the list, if one is shown
        robot.write(" fail on node 7");
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !dialogWindow.isShowing());
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(revision, revision(), "Escape cancels");

        robot.clickOn("#attribution-tag");
        pane = dialog(robot, "Tag ");
        cause = robot.from(pane).lookup("#tag-cause").queryAs(CauseField.class);
        assertEquals("Unattributed downtime", cause.getText(), "the next dialog starts from the row's cause");
        clickAndWaitClosed(robot, pane, pane.lookupButton(ButtonType.CANCEL));
        assertEquals(revision, revision());
    }

    @Test
    void splitAtATimeTypedInTheSplitDialogMakesTwoIntervalsAndCancelChangesNothing(FxRobot robot)
            throws Exception {
        UiFixture.openAndWait(robot, window, UiFixture.BLOOM);
        TableView<AttributionRow> table = table(robot);
        robot.clickOn("#attribution-unattributed-only");
        AttributionRow gap = table.getItems().stream().filter(r -> r.durationUs() > 2 * HOUR).findFirst()
                .orElseThrow(() -> new AssertionError("the sample has an unattributed gap over two hours"));
        int count = table.getItems().size();
        select(robot, table, gap);
        GoodputReport before = report();
        long revision = revision();
        String typed = HumanFormat.clock(gap.startUs() + HOUR); // "yyyy-MM-dd HH:mm:ss UTC", as times are shown
        long at = ClockText.parse(typed).orElseThrow();

        robot.clickOn("#attribution-split");
        DialogPane pane = dialog(robot, "Split ");
        TextField time = robot.from(pane).lookup("#split-time").queryAs(TextField.class);
        assertEquals(ClockText.clock(gap.startUs() + gap.durationUs() / 2), time.getText(), "the middle is offered");
        retype(robot, time, typed);
        clickAndWaitClosed(robot, pane, pane.lookupButton(ButtonType.CANCEL));
        assertEquals(revision, revision(), "Cancel changes nothing");
        assertEquals(count, table.getItems().size());
        assertEquals(before, report());

        robot.clickOn("#attribution-split");
        pane = dialog(robot, "Split ");
        time = robot.from(pane).lookup("#split-time").queryAs(TextField.class);
        retype(robot, time, typed);
        clickAndWaitClosed(robot, pane, pane.lookupButton(ButtonType.OK));

        assertEquals(revision + 1, revision(), "one edit");
        assertEquals("Undo Split interval", window.session().undoTextProperty().get());
        assertEquals(count + 1, table.getItems().size(), "two unattributed intervals where there was one");
        AttributionRow left = table.getSelectionModel().getSelectedItem();
        assertEquals(gap.startUs(), left.startUs(), "the left half stays selected");
        assertEquals(at, left.endUs());
        AttributionRow right = table.getItems().stream().filter(r -> !r.isFault() && r.startUs() == at).findFirst()
                .orElseThrow();
        assertEquals(gap.endUs(), right.endUs());
        assertTrue(left.unattributed() && right.unattributed(), "both halves keep the cause");
        GoodputReport after = report();
        assertEquals(before.goodput().infra(), after.goodput().infra(), 1e-12, "a split moves no time");
        assertEquals(before.goodput().overall(), after.goodput().overall(), 1e-12);
        assertEquals(seconds(before, "unattributed_downtime"), seconds(after, "unattributed_downtime"), 1e-6);

        // OK on the time offered splits at the middle: of the right half, then of its own right half, whose
        // middle is past midnight (a bare clock time would be read on the interval's first day).
        AttributionRow piece = right;
        boolean pastMidnight = false;
        for (int i = 0; i < 2; i++) {
            select(robot, table, piece);
            long middle = piece.startUs() + piece.durationUs() / 2;
            pastMidnight |= Math.floorDiv(middle, DAY) != Math.floorDiv(piece.startUs(), DAY);
            long offeredAt = ClockText.parse(HumanFormat.clock(middle)).orElseThrow(); // to the second
            robot.clickOn("#attribution-split");
            pane = dialog(robot, "Split ");
            time = robot.from(pane).lookup("#split-time").queryAs(TextField.class);
            assertEquals(Optional.of(offeredAt), ClockText.parse(time.getText(), piece.startUs()),
                    "the offered text \"" + time.getText() + "\" means the middle of " + piece.timeText());
            clickAndWaitClosed(robot, pane, pane.lookupButton(ButtonType.OK));
            assertEquals(revision + 2 + i, revision(), "split at the offered time");
            AttributionRow halfLeft = table.getSelectionModel().getSelectedItem();
            assertEquals(piece.startUs(), halfLeft.startUs());
            assertEquals(offeredAt, halfLeft.endUs());
            piece = table.getItems().stream().filter(r -> !r.isFault() && r.startUs() == offeredAt).findFirst()
                    .orElseThrow(() -> new AssertionError("no right half at " + HumanFormat.clock(offeredAt)));
            assertEquals(right.endUs(), piece.endUs());
        }
        assertTrue(pastMidnight, "the sample's gap has a piece whose middle is on a later day than its start");
        assertEquals(count + 3, table.getItems().size());
    }

    @Test
    void aCascadeChosenInTheFaultRoleDialogLinksTheFaultToItsRootAndCancelChangesNothing(FxRobot robot)
            throws Exception {
        UiFixture.openAndWait(robot, window, UiFixture.BLOOM);
        TableView<AttributionRow> table = table(robot);
        robot.clickOn("#attribution-search").write("cudaerror");
        AttributionRow fault = table.getItems().stream().filter(AttributionRow::isFault).findFirst().orElseThrow();
        assertNull(fault.role());
        select(robot, table, fault);
        long revision = revision();

        robot.clickOn("#attribution-fault-role");
        DialogPane pane = dialog(robot, "Role of the ");
        assertTrue(robot.from(pane).lookup("#fault-role-none").queryAs(RadioButton.class).isSelected(),
                "no role yet");
        robot.clickOn(robot.from(pane).lookup("#fault-role-root").queryAs(RadioButton.class));
        clickAndWaitClosed(robot, pane, pane.lookupButton(ButtonType.CANCEL));
        assertEquals(revision, revision(), "Cancel changes nothing");
        assertTrue(window.session().overlayProperty().get().faultRoles().isEmpty());

        robot.clickOn("#attribution-fault-role");
        pane = dialog(robot, "Role of the ");
        ComboBox<?> rootFault = robot.from(pane).lookup("#fault-role-root-fault").queryAs(ComboBox.class);
        Node ok = pane.lookupButton(ButtonType.OK);
        assertTrue(rootFault.isDisabled(), "a root is chosen only for a cascade");
        robot.clickOn(robot.from(pane).lookup("#fault-role-cascade").queryAs(RadioButton.class));
        assertFalse(rootFault.isDisabled());
        assertTrue(ok.isDisabled(), "a cascade needs its root");
        AttributionRow root = (AttributionRow) rootFault.getItems().get(0);
        assertNotEquals(fault.faultRef(), root.faultRef(), "the fault itself is not offered");
        String rootText = root.timeText() + " · " + root.cause().label() + " · " + root.source();
        robot.clickOn(rootFault);
        ListCell<?> choice = robot.lookup(".combo-box-popup .list-cell")
                .match((ListCell<?> c) -> rootText.equals(c.getText())).queryAs(ListCell.class);
        robot.clickOn(choice);
        assertEquals(root, rootFault.getValue());
        assertFalse(ok.isDisabled());
        robot.clickOn(robot.from(pane).lookup("#fault-role-note").queryAs(TextField.class))
                .write("ranks died with it");
        clickAndWaitClosed(robot, pane, ok);

        assertEquals(revision + 1, revision(), "one edit");
        AttributionRow now = table.getItems().stream()
                .filter(r -> r.isFault() && r.faultRef().equals(fault.faultRef())).findFirst().orElseThrow();
        assertTrue(now.roleText().startsWith("cascade of"), now.roleText());
        assertTrue(now.roleText().contains(root.source()), now.roleText());
        assertEquals(FaultRole.Kind.CASCADE, now.role().kind());
        assertEquals(root.faultRef(), now.role().root());
        assertEquals("ranks died with it", now.note());
        assertEquals(now, table.getSelectionModel().getSelectedItem(), "the fault stays selected");
        assertEquals(now.roleText(), cell(robot, table.getItems().indexOf(now), "Role").getText());
    }

    @Test
    void closeWithUnsavedEditsAsksInAnAlertWhereCancelKeepsThemAndDontSaveClosesTheRun(FxRobot robot)
            throws Exception {
        UiFixture.openAndWait(robot, window, UiFixture.BLOOM);
        tagFirstUnattributed(robot, window);
        Overlay edits = window.session().overlayProperty().get();
        UiFixture.flushAutosave(window);
        RecoveryFile recovery = window.document().recoveryFile();
        assertTrue(Files.exists(recovery.path()));
        long revision = revision();

        UiFixture.clickMenu(robot, "#menu-file", "#menu-close");
        DialogPane pane = dialog(robot, "Save the changes to ");
        assertEquals("Save the changes to untitled?", pane.getHeaderText());
        clickAndWaitClosed(robot, pane, pane.lookupButton(ButtonType.CANCEL));
        assertEquals(SummaryViewModel.State.READY, window.summary().stateProperty().get(), "Cancel keeps the run");
        assertEquals(edits, window.session().overlayProperty().get());
        assertEquals(revision, revision());
        assertTrue(window.document().isDirty());

        UiFixture.clickMenu(robot, "#menu-file", "#menu-close");
        pane = dialog(robot, "Save the changes to ");
        clickAndWaitClosed(robot, pane, button(pane, "Don't save"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> window.summary().stateProperty().get() == SummaryViewModel.State.EMPTY);
        UiFixture.waitUntilIdle(window);
        assertFalse(window.document().openProperty().get());
        assertFalse(window.document().isDirty());
        assertTrue(UiFixture.showing(robot.lookup((Labeled l) -> l.getText() != null
                && l.getText().startsWith("Open a run log")).query()), "the empty state invites to open a run");
        UiFixture.flushAutosave(window);
        assertFalse(Files.exists(recovery.path()), "discarded edits leave no autosave to offer back");
    }

    @Test
    void openingARunWithAutosavedEditsAsksInAnAlertAndRestoreEditsBringsThemBack(FxRobot robot) throws Exception {
        UiFixture.openAndWait(robot, window, UiFixture.BLOOM);
        tagFirstUnattributed(robot, window);
        Overlay edits = window.session().overlayProperty().get();
        GoodputReport edited = report();
        UiFixture.flushAutosave(window);
        assertTrue(Files.exists(window.document().recoveryFile().path()));

        // A second window on the same app folder (as after a crash) opens the same run: the alert asks first.
        AtomicReference<MainWindow> next = new AtomicReference<>();
        robot.interact(() -> next.set(fixture.build(new Stage())));
        try {
            Platform.runLater(() -> next.get().show(List.of(UiFixture.BLOOM))); // waits in the alert
            DialogPane pane = dialog(robot, "Edits to ");
            assertEquals(next.get().stage(), ((Stage) pane.getScene().getWindow()).getOwner(),
                    "the alert is over the window opening the run");
            assertTrue(pane.getContentText().contains("Cancel keeps them and does not open it"),
                    pane.getContentText());
            clickAndWaitClosed(robot, pane, button(pane, "Restore edits"));
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS,
                    () -> edits.equals(next.get().session().overlayProperty().get()));
            UiFixture.waitUntilIdle(next.get());
            assertEquals(SummaryViewModel.State.READY, next.get().summary().stateProperty().get());
            // The same figures (the restored run names its input by its absolute path, so compare the figures).
            GoodputReport restored = next.get().summary().getDerivation().report();
            assertEquals(edited.goodput(), restored.goodput());
            assertEquals(edited.badput(), restored.badput());
            assertTrue(next.get().document().isDirty(), "restored edits are still unsaved");
        } finally {
            robot.interact(() -> next.get().stage().close());
        }
    }

    // ---- helpers ----

    private GoodputReport report() {
        return window.summary().getDerivation().report();
    }

    private long revision() {
        return window.session().revisionProperty().get();
    }

    @SuppressWarnings("unchecked")
    private static TableView<AttributionRow> table(FxRobot robot) {
        return robot.lookup("#attribution-table").queryAs(TableView.class);
    }

    /** Clicks the row, as a user picks it. */
    private static void select(FxRobot robot, TableView<AttributionRow> table, AttributionRow row) {
        int i = table.getItems().indexOf(row);
        assertTrue(i >= 0, "the row is in the table");
        robot.interact(() -> table.scrollTo(i));
        robot.clickOn(cell(robot, i, "Time (UTC)"));
        assertEquals(row, table.getSelectionModel().getSelectedItem());
        assertEquals(1, table.getSelectionModel().getSelectedItems().size());
    }

    /** The cell of the table's row {@code row} in the column titled {@code column}. */
    private static TableCell<?, ?> cell(FxRobot robot, int row, String column) {
        return robot.lookup("#attribution-table .table-cell")
                .match((TableCell<?, ?> c) -> c.getIndex() == row && c.getTableColumn() != null
                        && column.equals(c.getTableColumn().getText()) && !c.isEmpty())
                .queryAs(TableCell.class);
    }

    /** The dialog showing whose header starts with {@code header}, once it shows. */
    private static DialogPane dialog(FxRobot robot, String header) throws TimeoutException {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> findDialog(robot, header).isPresent());
        WaitForAsyncUtils.waitForFxEvents();
        return findDialog(robot, header).orElseThrow();
    }

    private static Optional<DialogPane> findDialog(FxRobot robot, String header) {
        return robot.lookup(".dialog-pane").match((DialogPane p) -> p.getScene() != null
                && p.getScene().getWindow() != null && p.getScene().getWindow().isShowing()
                && p.getHeaderText() != null && p.getHeaderText().startsWith(header)).tryQuery();
    }

    /** One of an alert's own buttons, by its text. */
    private static Node button(DialogPane pane, String text) {
        ButtonType type = pane.getButtonTypes().stream().filter(t -> t.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no \"" + text + "\" in " + pane.getButtonTypes()));
        return pane.lookupButton(type);
    }

    /** Clicks a button of the dialog and waits until the dialog has gone and its answer has been acted on. */
    private static void clickAndWaitClosed(FxRobot robot, DialogPane pane, Node button) throws TimeoutException {
        assertTrue(button instanceof Button, String.valueOf(button));
        Window dialogWindow = pane.getScene().getWindow();
        robot.clickOn(button);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !dialogWindow.isShowing());
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Replaces a field's text by typing, as a user does: click in it, select all, type. */
    private static void retype(FxRobot robot, TextField field, String text) {
        robot.clickOn(field).push(KeyCode.CONTROL, KeyCode.A).write(text);
    }

    private static double seconds(GoodputReport r, String cause) {
        return r.badput().stream().filter(s -> s.cause().equals(cause)).mapToDouble(CauseShare::seconds).sum();
    }

    /** The first unattributed downtime tagged as a failed GPU, straight through the session (not under test). */
    private static void tagFirstUnattributed(FxRobot robot, MainWindow w) {
        robot.interact(() -> {
            AttributedInterval gap = w.session().attribution()
                    .nextUnattributed(w.session().base().window().startUs() - 1).orElseThrow();
            w.session().apply(w.session().tagging().tag(gap, "faulty_gpu", Layer.INFRA, "node 17, Xid 79"));
        });
        assertTrue(w.document().isDirty());
    }
}
