package dev.goodput.app.export;

import atlantafx.base.theme.PrimerLight;
import dev.goodput.app.CutText;
import dev.goodput.chart.export.ChartFormat;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.Dialog;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;

/** The chart export dialog over a 1280×720 window: every label, check box and choice shown whole. */
@ExtendWith(ApplicationExtension.class)
class ChartExportDialogUiTest {
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        // The app's theme (a user-agent stylesheet, so dialogs have it too): its fonts and paddings are what cut.
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        stage.setScene(new Scene(new StackPane(), 1280, 720));
        stage.show();
    }

    @Test
    void noLabelIsCut(FxRobot robot) {
        ChartExportSettings initial = new ChartExportSettings(ChartFormat.PNG, 2, ChartSizePreset.SLIDE, true,
                "BLOOM-176B on Jean Zay: where the time went", "Goodput 71.9% of the measurement window, "
                + "2022-03-11 → 2022-07-05 UTC");
        @SuppressWarnings("unchecked")
        Dialog<ChartExportSettings>[] dialog = new Dialog[1];
        robot.interact(() -> {
            dialog[0] = ChartExportDialog.create(stage, "waterfall", initial);
            dialog[0].show();
        });
        WaitForAsyncUtils.waitForFxEvents();
        try {
            List<String> cut = CutText.under(dialog[0].getDialogPane());
            assertEquals(List.of(), cut, "labels shown cut");
        } finally {
            robot.interact(() -> dialog[0].close());
        }
    }
}
