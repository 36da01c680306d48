package dev.goodput.app.attribution;

import atlantafx.base.theme.PrimerLight;
import dev.goodput.app.CutText;
import dev.goodput.core.attribution.Overlay;
import javafx.application.Application;
import javafx.scene.Parent;
import javafx.scene.Scene;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.scene.text.Text;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The attribution table's columns under the app's theme, on the BLOOM-176B sample: headers whole at the ~470 px the
 * table gets in a 1280×720 window and when wide, columns as wide as their content, cut cells with a tooltip.
 */
@ExtendWith(ApplicationExtension.class)
class AttributionColumnsUiTest {
    private final AttributionSession session = new AttributionSession();
    private StackPane holder;
    private AttributionTablePanel panel;

    @Start
    void start(Stage stage) throws Exception {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        session.load(BloomSample.derive(), Overlay.EMPTY);
        panel = new AttributionTablePanel(new AttributionRows(session));
        holder = new StackPane(panel);
        stage.setScene(new Scene(holder, 470, 400));
        stage.sizeToScene(); // the stage is the same for every test: the last one's width is not this one's
        stage.show();
    }

    @SuppressWarnings("unchecked")
    private TableView<AttributionRow> table() {
        return (TableView<AttributionRow>) panel.lookup("#attribution-table");
    }

    private List<String> cutHeaders() {
        return CutText.under((Parent) table().lookup(".column-header-background"));
    }

    private TableColumn<AttributionRow, ?> column(String title) {
        return table().getColumns().stream().filter(c -> c.getText().equals(title)).findFirst().orElseThrow();
    }

    private TableCell<?, ?> timeCell(FxRobot robot) {
        return robot.lookup(".table-cell").match((TableCell<?, ?> c) -> c.getIndex() == 0
                && c.getTableColumn() == column("Time (UTC)")).queryAs(TableCell.class);
    }

    @Test
    void headersAreWholeInANarrowTableAndTheTimeDropsItsYear(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), cutHeaders(), "headers cut at 470 px");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "03-11 19:42:00".equals(timeCell(robot).getText()));
        TableCell<?, ?> time = timeCell(robot);
        assertEquals(List.of(), CutText.under(time), "the time is shown whole");
        assertNotNull(time.getTooltip());
        assertEquals("2022-03-11 19:42:00 UTC", time.getTooltip().getText());
        double firstThree = List.of("Time (UTC)", "Duration", "Cause").stream()
                .mapToDouble(t -> column(t).getWidth()).sum();
        assertTrue(firstThree <= 470, "time, duration and cause fit the narrow table: "
                + table().getColumns().stream().map(c -> c.getText() + "=" + c.getWidth()).toList());
    }

    @Test
    void aWideTableGivesItsSpareWidthToCauseAndMessageAndCutCellsShowTheirText(FxRobot robot) throws Exception {
        robot.interact(() -> holder.getScene().getWindow().setWidth(1900));
        WaitForAsyncUtils.waitForFxEvents();
        assertEquals(List.of(), cutHeaders(), "headers cut at 1900 px");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "2022-03-11 19:42:00".equals(timeCell(robot).getText()));
        double used = table().getColumns().stream().mapToDouble(TableColumn::getWidth).sum();
        assertTrue(used > 1700 && used <= 1900, "the columns fill the table: " + used);
        assertTrue(column("Layer").getWidth() < 140, "a column of short texts stays narrow");

        // Every cell shown cut has its whole text as a tooltip; whole ones have none of their own.
        List<TableCell<?, ?>> cells = new java.util.ArrayList<>();
        robot.lookup(".table-cell").match((TableCell<?, ?> c) -> !c.isEmpty() && c.getText() != null
                && !c.getText().isEmpty()).queryAllAs(TableCell.class).forEach(cells::add);
        assertFalse(cells.isEmpty());
        for (TableCell<?, ?> c : cells) {
            boolean cut = c.getChildrenUnmodifiable().stream()
                    .anyMatch(n -> n instanceof Text && !((Text) n).getText().equals(c.getText()));
            if (cut) {
                assertNotNull(c.getTooltip(), "a cut cell has a tooltip: " + c.getText());
                assertEquals(c.getText(), c.getTooltip().getText());
            }
        }
    }
}
