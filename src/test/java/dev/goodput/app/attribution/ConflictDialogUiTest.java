package dev.goodput.app.attribution;

import dev.goodput.core.attribution.FaultRole;
import dev.goodput.core.attribution.FaultRole.FaultRef;
import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.attribution.Rule;
import dev.goodput.core.attribution.Tag;
import dev.goodput.core.model.Layer;
import dev.goodput.core.workspace.MergeResult;
import dev.goodput.core.workspace.MergeResult.Side;
import dev.goodput.core.workspace.OverlayMerge;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.RadioButton;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The merge conflict dialog, headless: a conflict of each kind, settled row by row and all at once. */
@ExtendWith(ApplicationExtension.class)
class ConflictDialogUiTest {
    private static final long T0 = 1_740_992_400_000_000L;
    private static final long MINUTE = 60_000_000L;
    private static final FaultRef GPU = new FaultRef("run.jsonl:120", T0 + 10 * MINUTE);
    private static final FaultRef NCCL = new FaultRef("rank3.log:88", T0 + 10 * MINUTE + 2_000_000);
    private static final Overlay MINE = new Overlay(
            List.of(new Tag("m1", T0 + 10 * MINUTE, T0 + 12 * MINUTE, "faulty_gpu", Layer.INFRA, null, "")),
            List.of(new Rule("r1", "NCCL", "NCCL.*timeout", null, Long.MIN_VALUE, Long.MAX_VALUE, "nccl_watchdog_timeouts",
                    Layer.INFRA, true)),
            List.of(new FaultRole(NCCL, FaultRole.Kind.ROOT_CAUSE, null, "")));
    private static final Overlay THEIRS = new Overlay(
            List.of(new Tag("t1", T0 + 10 * MINUTE, T0 + 12 * MINUTE, "nccl_watchdog_timeouts", Layer.FRAMEWORK, null, "")),
            List.of(new Rule("r1", "NCCL", "NCCL", null, Long.MIN_VALUE, Long.MAX_VALUE, "network_switch_cable",
                    Layer.INFRA, true)),
            List.of(new FaultRole(NCCL, FaultRole.Kind.CASCADE, GPU, "")));

    private final MergeResult result = OverlayMerge.merge(MINE, THEIRS);
    private final MergeViewModel model = new MergeViewModel(MINE, result);
    private Stage stage;
    private ConflictDialog dialog;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300)); // a dialog's owner has a scene
        stage.show();
    }

    private void open(FxRobot robot) {
        robot.interact(() -> {
            dialog = new ConflictDialog(stage, model);
            dialog.show();
        });
    }

    private RadioButton choice(FxRobot robot, int row, String styleClass) {
        ListCell<?> cell = robot.lookup("#merge-conflicts .list-cell")
                .match((ListCell<?> c) -> c.getItem() == model.choices().get(row)).queryAs(ListCell.class);
        return robot.from(cell).lookup("." + styleClass).queryAs(RadioButton.class);
    }

    @Test
    void eachRowChoosesASideAndImportGivesTheSettledOverlay(FxRobot robot) {
        open(robot);
        ListView<?> list = robot.lookup("#merge-conflicts").queryListView();
        assertEquals(3, list.getItems().size());
        assertTrue(choice(robot, 0, ConflictDialog.MINE_CHOICE).isSelected());
        assertFalse(choice(robot, 0, ConflictDialog.THEIRS_CHOICE).isSelected());
        assertTrue(robot.lookup("#merge-conflicts .label").match((Label l) -> l.getText().equals(
                result.conflicts().get(1).describe())).tryQuery().isPresent(), "each row says what differs");
        assertEquals("Nothing new comes from the file; 3 conflicts",
                robot.lookup("#merge-summary").queryAs(Label.class).getText());

        robot.clickOn(choice(robot, 1, ConflictDialog.THEIRS_CHOICE));
        assertEquals(List.of(Side.MINE, Side.THEIRS, Side.MINE),
                model.choices().stream().map(MergeViewModel.Choice::getSide).toList());
        assertEquals("1 rule comes from the file; 3 conflicts, 1 taking theirs",
                robot.lookup("#merge-summary").queryAs(Label.class).getText());

        robot.clickOn("#merge-ok");
        assertFalse(dialog.isShowing());
        assertEquals(result.resolve(result.conflicts().get(1), Side.THEIRS).merged(), dialog.getResult());
    }

    @Test
    void allAtOnceAndCancel(FxRobot robot) {
        open(robot);
        robot.clickOn("#merge-all-theirs");
        for (int i = 0; i < 3; i++) {
            assertTrue(choice(robot, i, ConflictDialog.THEIRS_CHOICE).isSelected(), "row " + i);
            assertFalse(choice(robot, i, ConflictDialog.MINE_CHOICE).isSelected(), "row " + i);
        }
        assertEquals(THEIRS.tags(), model.resolved().tags());
        assertEquals(THEIRS.rules(), model.resolved().rules());
        assertEquals(THEIRS.faultRoles(), model.resolved().faultRoles());
        robot.clickOn("#merge-all-mine");
        assertTrue(choice(robot, 2, ConflictDialog.MINE_CHOICE).isSelected());
        assertEquals(MINE, model.resolved());

        Node cancel = dialog.getDialogPane().lookupButton(javafx.scene.control.ButtonType.CANCEL);
        robot.clickOn(cancel);
        assertFalse(dialog.isShowing());
        assertNull(dialog.getResult());
    }
}
