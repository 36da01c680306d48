package dev.goodput.app.timeline;

import dev.goodput.chart.timeline.FrameLayout;
import dev.goodput.core.derive.Derivation;
import dev.goodput.testing.SampleRuns;
import javafx.scene.Scene;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * BLOOM's timeline at its minimum height: the gutter's lane names (the thin checkpoints lane's and the step time's
 * with its scale under it among them) never touch or overlap: each name's box is at least a lane gap from the next.
 */
@ExtendWith(ApplicationExtension.class)
class TimelineGutterUiTest {
    private TimelineView view;

    @Start
    void start(Stage stage) {
        Derivation d = SampleRuns.derive(SampleRuns.BLOOM);
        view = new TimelineView();
        view.derivationProperty().set(d);
        stage.setScene(new Scene(view, 740, view.minHeight(-1)));
        stage.sizeToScene();
        stage.show();
    }

    @Test
    void laneNamesDoNotOverlapAtTheMinimumHeight(FxRobot robot) {
        assertEquals(view.minHeight(-1), view.getHeight(), 1, "at the minimum");
        List<GutterLabels.Block> blocks = view.labelBlocks();
        assertTrue(blocks.stream().anyMatch(b -> b.lane() == TimelineLane.CHECKPOINTS), blocks.toString());
        for (int i = 1; i < blocks.size(); i++) {
            GutterLabels.Block above = blocks.get(i - 1);
            GutterLabels.Block below = blocks.get(i);
            // As far apart as the lanes themselves, so two names never read as one two-line label.
            assertTrue(above.bottom() + FrameLayout.GAP <= below.top() + 0.01, above + " crowds " + below);
        }
        GutterLabels.Block last = blocks.get(blocks.size() - 1);
        assertTrue(last.bottom() <= view.getHeight(), last + " inside the view");
    }
}
