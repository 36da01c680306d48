package dev.goodput.app.source;

import atlantafx.base.theme.PrimerLight;
import dev.goodput.core.model.Source;
import dev.goodput.testing.FaultRuns;
import javafx.application.Application;
import javafx.scene.Scene;
import javafx.scene.control.ListView;
import javafx.scene.input.Clipboard;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The raw-line viewer, headless: the real run285 log at its watchdog's line, a file that is gone, the keyboard. */
@ExtendWith(ApplicationExtension.class)
class SourceLineViewerUiTest {
    private final ExecutorService reader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "test-source-reader");
        t.setDaemon(true);
        return t;
    });
    private Stage stage;
    private SourceLineViewer viewer;

    @Start
    void start(Stage stage) {
        // The app's theme, whose dialogs are narrower than log lines.
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        this.stage = stage;
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> Application.setUserAgentStylesheet(null));
        if (viewer != null) {
            robot.interact(viewer::close);
        }
        reader.shutdownNow();
    }

    private SourceLineViewer open(FxRobot robot, Source source) throws Exception {
        robot.interact(() -> viewer = SourceLineViewer.show(stage, source, reader));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !viewer.statusText().equals("Reading…"));
        WaitForAsyncUtils.waitForFxEvents();
        return viewer;
    }

    @SuppressWarnings("unchecked")
    private ListView<SourceLineViewer.Line> lines(FxRobot robot) {
        return robot.lookup("#source-lines").queryAs(ListView.class);
    }

    @Test
    void theWatchdogsLineIsMarkedAmongTheLinesAroundIt(FxRobot robot) throws Exception {
        Path log = FaultRuns.RUN285_LOG;
        List<String> all = Files.readAllLines(log);
        SourceLineViewer v = open(robot, new Source(log.toString(), 41));
        assertEquals(log + ":41", v.getTitle());
        assertEquals(1000, v.getDialogPane().getWidth(), "wider than the theme's 600 px dialogs: log lines are long");
        assertEquals("Lines 1–91; line 41 is marked", v.statusText());
        assertEquals(91, v.shownLines().size());
        SourceLineViewer.Line marked = v.shownLines().get(40);
        assertEquals(new SourceLineViewer.Line(41, all.get(40), true), marked);
        assertEquals(1, v.shownLines().stream().filter(SourceLineViewer.Line::target).count());
        ListView<SourceLineViewer.Line> list = lines(robot);
        assertEquals(marked, list.getSelectionModel().getSelectedItem());
        assertTrue(list.isFocused(), "the lines have the keyboard");

        // The keyboard: the arrows move through the lines, shortcut-C copies the line picked, Esc closes.
        robot.type(KeyCode.DOWN);
        assertEquals(42, list.getSelectionModel().getSelectedItem().number());
        robot.press(KeyCode.CONTROL).type(KeyCode.C).release(KeyCode.CONTROL);
        String[] copied = new String[1];
        robot.interact(() -> copied[0] = Clipboard.getSystemClipboard().getString());
        assertEquals(all.get(41), copied[0]);
        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertFalse(v.isShowing(), "Esc closes the viewer");
    }

    @Test
    void aFileThatIsGoneSaysSoInTheViewer(FxRobot robot) throws Exception {
        Path gone = Files.createTempDirectory("goodput-gone-").resolve("slurm-2002.out");
        SourceLineViewer v = open(robot, new Source(gone.toString(), 27));
        assertEquals(gone + " is not there any more: was it moved or deleted after the run was read?",
                v.statusText());
        assertTrue(v.shownLines().isEmpty());
        assertTrue(v.isShowing());
        Files.delete(gone.getParent());
    }
}
