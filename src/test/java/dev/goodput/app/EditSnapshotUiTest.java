package dev.goodput.app;

import dev.goodput.app.attribution.AttributionRow;
import dev.goodput.core.model.Layer;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.util.WaitForAsyncUtils;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * One edit made as the attribution table makes it, on the BLOOM-176B run at 1280×720: the row picked stays picked,
 * now with its new cause. With {@code -Dgoodput.snapshots=DIR} the window after the edit is saved as "edit-after",
 * to compare by eye with one taken on a build that rebuilt the rows whole.
 */
@ExtendWith(ApplicationExtension.class)
class EditSnapshotUiTest {
    @RegisterExtension
    final UiFixture fixture = new UiFixture();

    @Test
    void aTaggedRowStaysPickedWithItsNewCause(FxRobot robot) {
        MainWindow w = fixture.window();
        robot.interact(() -> {
            Stage stage = w.stage();
            stage.setMaximized(false);
            stage.setWidth(1280);
            stage.setHeight(720);
            stage.centerOnScreen();
        });
        UiFixture.openAndWait(robot, w, UiFixture.BLOOM);
        @SuppressWarnings("unchecked")
        TableView<AttributionRow> table = (TableView<AttributionRow>) robot.lookup("#attribution-table")
                .<TableView<?>>query();
        int at = -1;
        for (int i = 0; i < table.getItems().size() && at < 0; i++) {
            if (table.getItems().get(i).unattributed()) {
                at = i;
            }
        }
        assertTrue(at >= 0, "the run has unattributed downtime");
        int row = at;
        AttributionRow picked = table.getItems().get(row);
        robot.interact(() -> {
            table.getSelectionModel().select(row);
            table.scrollTo(Math.max(0, row - 2));
        });
        robot.interact(() -> w.session().apply(w.session().tagging().tag(picked.piece(), "faulty_gpu", Layer.INFRA,
                "")));
        WaitForAsyncUtils.waitForFxEvents(5);
        AttributionRow now = table.getSelectionModel().getSelectedItem();
        assertEquals(picked.startUs(), now.startUs(), "the row picked stays picked");
        assertEquals("faulty_gpu", now.cause().id());
        assertEquals(1, table.getSelectionModel().getSelectedItems().size());
        Snapshots.save(w, "edit-after");
    }
}
