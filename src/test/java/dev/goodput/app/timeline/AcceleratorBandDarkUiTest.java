package dev.goodput.app.timeline;

import dev.goodput.chart.ChartStyle;
import dev.goodput.chart.timeline.AcceleratorColumns;
import dev.goodput.chart.timeline.TimelineLanes;
import dev.goodput.core.derive.Derivation;
import dev.goodput.core.model.CauseCatalog;
import dev.goodput.testing.SampleRuns;
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

import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BLOOM's hot spares on the dark theme: their catalogue colour (a dark olive, the same on every theme) is close to the
 * dark page, so the band they take in the accelerators lane carries an edge of its own that reads against the page
 * (≥ 3:1), sampled as an eye would see it.
 */
@ExtendWith(ApplicationExtension.class)
class AcceleratorBandDarkUiTest {
    private final Derivation d = SampleRuns.derive(SampleRuns.BLOOM);
    private TimelineView view;

    @Start
    void start(Stage stage) {
        view = new TimelineView();
        view.chartStyleProperty().set(ChartStyle.screenDark());
        view.derivationProperty().set(d);
        stage.setScene(new Scene(view, 740, view.minHeight(-1)));
        stage.sizeToScene();
        stage.show();
    }

    @Test
    void theHotSpareBandHasAnEdgeThatReadsOnTheDarkPage(FxRobot robot) {
        WritableImage[] image = new WritableImage[1];
        robot.interact(() -> image[0] = view.snapshot(null, null));
        PixelReader px = image[0].getPixelReader();
        Color page = ChartStyle.screenDark().background();
        Color inUse = ChartStyle.screenDark().acceleratorsInUse();
        int spare = AcceleratorColumns.partColour(TimelineLanes.of(d).categories(), CauseCatalog.HOT_SPARES);
        assertTrue(ChartStyle.contrast(new Color(spare), page) < 3, "the catalogue colour alone is weak on the page");
        TimelineView.LaneBand lane = view.band(TimelineLane.ACCELERATORS);
        int checked = 0;
        // Columns through the run's productive middle (BLOOM holds 32 hot spares there).
        for (int x = (int) TimelineView.GUTTER + 100; x < view.getWidth() - 100; x += 97) {
            int y = (int) Math.ceil(lane.top());
            // The band: from the lane's top down to where the accelerators in use begin.
            double best = 1;
            boolean sawSpare = false;
            for (; y < lane.top() + lane.height() && !same(awt(px.getColor(x, y)), inUse); y++) {
                Color c = awt(px.getColor(x, y));
                sawSpare |= same(c, new Color(spare));
                best = Math.max(best, ChartStyle.contrast(c, page));
            }
            if (sawSpare) {
                checked++;
                assertTrue(best >= 3, "column " + x + ": band edge contrast " + best);
            }
        }
        assertTrue(checked >= 3, "hot-spare columns sampled: " + checked);
    }

    private static boolean same(Color a, Color b) {
        return Math.abs(a.getRed() - b.getRed()) <= 2 && Math.abs(a.getGreen() - b.getGreen()) <= 2
                && Math.abs(a.getBlue() - b.getBlue()) <= 2;
    }

    private static Color awt(javafx.scene.paint.Color c) {
        return new Color((float) c.getRed(), (float) c.getGreen(), (float) c.getBlue());
    }
}
