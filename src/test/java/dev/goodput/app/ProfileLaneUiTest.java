package dev.goodput.app;

import dev.goodput.app.timeline.TimelinePanel;
import dev.goodput.app.timeline.TimelineView;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** A profiler trace opened beside a run log gives the model layer and its own lane on the timeline. */
@ExtendWith(ApplicationExtension.class)
class ProfileLaneUiTest {
    private static final Path TRACE = Path.of("src/test/resources/traces/tracelens/h100__Qwen_Qwen1.5-0.5B-Chat__1016005.json.gz");
    /** The trace's ProfilerStep#6 began at baseTimeNanoseconds + ts: 1752839461.731896 s (epoch). */
    private static final double PROFILED_AT = 1752839461.731896;

    @RegisterExtension
    final UiFixture fixture = new UiFixture();

    @TempDir
    Path dir;

    @Test
    void theProfileSetsTheModelGoodputAndShowsWhereItWasRecorded(FxRobot robot) throws Exception {
        // One H100 serving for 20 minutes around the profiled step; the log knows no FLOPs and no peak.
        StringBuilder log = new StringBuilder("{\"schema\":1,\"event\":\"run\",\"name\":\"qwen\",\"accelerators\":1}\n");
        double t0 = PROFILED_AT - 600;
        log.append(String.format(Locale.ROOT, "{\"event\":\"job_start\",\"time\":%.6f}%n", t0));
        for (int i = 0; i < 1200; i++) {
            log.append(String.format(Locale.ROOT, "{\"event\":\"step\",\"step\":%d,\"start\":%.6f,\"end\":%.6f}%n", i,
                    t0 + i, t0 + i + 1));
        }
        log.append(String.format(Locale.ROOT, "{\"event\":\"job_end\",\"time\":%.6f,\"reason\":\"completed\"}%n",
                t0 + 1200));
        Path runLog = dir.resolve("qwen.jsonl");
        Files.writeString(runLog, log.toString());

        UiFixture.openAndWait(robot, fixture.window(), runLog, TRACE);
        assertNotNull(fixture.window().summary().profilesProperty().get());
        double mfu = 6_006_026_832_832.0 / (0.047151395 * 989.4e12);
        assertEquals(mfu, fixture.window().summary().getDerivation().report().goodput().model(), 1e-9);
        assertEquals(Figures.percent(mfu), robot.lookup("#figure-model").queryLabeled().getText());

        TimelineView view = ((TimelinePanel) fixture.window().view().getTimeline()).view();
        assertEquals(1, view.profilesProperty().get().size());
        var span = view.profilesProperty().get().get(0);
        assertTrue(span.startUs() > fixture.window().summary().getDerivation().window().startUs());
        assertTrue(span.label().startsWith("rank -1 · MFU 12.9%"), span.label());
        assertTrue(span.details().startsWith("Profile: " + TRACE), span.details());
    }
}
