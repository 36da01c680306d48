package dev.goodput.app.timeline;

import dev.goodput.chart.ChartStyle;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.derive.DerivationSettings;
import dev.goodput.core.derive.GoodputDeriver;
import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.RunLoader;
import javafx.scene.Scene;
import javafx.scene.image.PixelReader;
import javafx.scene.image.WritableImage;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.awt.Color;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The timeline rendered in the dark theme, sampled as an eye would read it: the gutter's lane labels and the axis's
 * labels stand out from what is behind them (≥ 4.5:1), and the lanes' outlines show (≥ 3:1).
 */
@ExtendWith(ApplicationExtension.class)
class TimelineDarkThemeUiTest {
    private TimelineView view;

    @Start
    void start(Stage stage) throws Exception {
        Derivation d = GoodputDeriver.derive(new RunLoader(LoadMode.STRICT).load(
                List.of(Path.of("sample-runs/clean-small/run.jsonl"))), DerivationSettings.defaults());
        view = new TimelineView();
        view.chartStyleProperty().set(ChartStyle.screenDark());
        view.derivationProperty().set(d);
        // The scene's own fill is white (as a light window's would be): the timeline must paint its own page.
        stage.setScene(new Scene(view, 1200, 260));
        stage.show();
    }

    @Test
    void labelsAxisAndOutlinesReadOnTheDarkTheme(FxRobot robot) {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = view.snapshot(null, null));
        PixelReader px = image[0].getPixelReader();
        Color background = ChartStyle.screenDark().background();
        TimelineView.LaneBand state = view.band(TimelineLane.RUN_STATE);
        // "Run state" in the gutter, left of the lanes.
        double labelContrast = bestContrast(px, 4, (int) state.top(), (int) TimelineView.GUTTER - 10,
                (int) (state.top() + state.height()), background);
        assertTrue(labelContrast >= 4.5, "gutter label contrast " + labelContrast);
        // The calendar labels above the lanes.
        double axisContrast = bestContrast(px, (int) TimelineView.GUTTER, 2, (int) TimelineView.GUTTER + 120, 16,
                background);
        assertTrue(axisContrast >= 4.5, "axis label contrast " + axisContrast);
        // The attempts lane's outline, in the gutter's edge column (left of the first bar).
        int y = (int) (view.band(TimelineLane.ATTEMPTS).top() + view.band(TimelineLane.ATTEMPTS).height() / 2);
        double outline = bestContrast(px, (int) TimelineView.GUTTER - 4, y, (int) TimelineView.GUTTER, y + 1,
                background);
        assertTrue(outline >= 3, "lane outline contrast " + outline);
        // And the page itself is the theme's, not the scene's white.
        javafx.scene.paint.Color page = px.getColor(2, (int) (view.getHeight() - 2));
        assertTrue(ChartStyle.contrast(awt(page), background) < 1.1, "page " + page);
    }

    /**
     * The contrast between the lightest and darkest pixels in [x0, x1) × [y0, y1): text (or a line) against what is
     * behind it there, whatever that is. {@code background} is only the theme's, for the message.
     */
    private static double bestContrast(PixelReader px, int x0, int y0, int x1, int y1, Color background) {
        Color lightest = null;
        Color darkest = null;
        for (int y = y0; y < y1; y++) {
            for (int x = x0; x < x1; x++) {
                Color c = awt(px.getColor(x, y));
                double l = ChartStyle.relativeLuminance(c);
                if (lightest == null || l > ChartStyle.relativeLuminance(lightest)) {
                    lightest = c;
                }
                if (darkest == null || l < ChartStyle.relativeLuminance(darkest)) {
                    darkest = c;
                }
            }
        }
        return ChartStyle.contrast(lightest, darkest);
    }

    private static Color awt(javafx.scene.paint.Color c) {
        return new Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue());
    }
}
