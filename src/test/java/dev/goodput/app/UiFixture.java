package dev.goodput.app;

import dev.goodput.app.attribution.AttributionSession;
import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiFunction;
import java.util.prefs.Preferences;

/**
 * The workbench window as the *UiTest classes build it: the real {@link MainWindow} on a throw-away preferences node
 * and its own loader threads, so tests never touch the user's recent files or theme. A JUnit extension (register it
 * in a field, beside {@code @ExtendWith(ApplicationExtension.class)}): before each test it builds the window on the
 * TestFX stage, after each it cancels loads and drops the preferences.
 */
final class UiFixture implements BeforeEachCallback, AfterEachCallback, AutoCloseable {
    static final Path CLEAN = Path.of("sample-runs", "clean-small", "run.jsonl");
    static final Path BLOOM = Path.of("sample-runs", "bloom-176b", "run.jsonl");
    static final String CLEAN_NAME = "clean-small (GPT 1.3B on 8x A100)";

    final Preferences prefs = TestPreferences.fresh();
    /** Where the window's untitled workspaces autosave: a folder of the test's own. */
    final Path appFolder = temporaryFolder();
    final ScriptedPrompts prompts = new ScriptedPrompts();
    final ExecutorService loader = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "test-run-loader");
        t.setDaemon(true);
        return t;
    });

    private final List<MainWindow> windows = new ArrayList<>();
    private final RunSource source;
    private final BiFunction<Stage, AttributionSession, WorkbenchPrompts> promptsFor;
    private Stage primary;
    private MainWindow window;

    /** The window's own source: lenient, within the read limits set in this fixture's preferences. */
    UiFixture() {
        this.source = RunSource.lenient(() -> new ReadLimitSettings(prefs).limits());
        this.promptsFor = (stage, session) -> prompts.asWorkbench();
    }

    /** With a run source of the test's own (e.g. one that blocks, to catch a load midway). */
    UiFixture(RunSource source) {
        this.source = source;
        this.promptsFor = (stage, session) -> prompts.asWorkbench();
    }

    private UiFixture(BiFunction<Stage, AttributionSession, WorkbenchPrompts> promptsFor) {
        this.source = RunSource.lenient();
        this.promptsFor = promptsFor;
    }

    /** The window as the app builds it: every question asked by a real dialog over it (none scripted). */
    static UiFixture withRealDialogs() {
        return new UiFixture((stage, session) -> WorkbenchPrompts.dialogs(stage,
                () -> session.overlayProperty().get()));
    }

    /** The window built for the current test. */
    MainWindow window() {
        return window;
    }

    @Override
    public void beforeEach(ExtensionContext context) throws TimeoutException {
        primary = FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> window = create(stage, source));
    }

    @Override
    public void afterEach(ExtensionContext context) {
        close();
    }

    /** A window on this fixture's preferences, app folder and loader, not shown yet. */
    MainWindow build(Stage stage) {
        return build(stage, source);
    }

    private MainWindow build(Stage stage, RunSource source) {
        MainWindow window = new MainWindow(stage, prefs, source, loader, appFolder, promptsFor);
        windows.add(window);
        return window;
    }

    MainWindow create(Stage stage, RunSource source) {
        MainWindow window = build(stage, source);
        window.show(List.of());
        // TestFX hands every test the same stage, already shown at the size of an earlier scene: fit it to this one,
        // or clicks near the bottom of the window (the status bar) would land outside it.
        stage.sizeToScene();
        stage.centerOnScreen();
        return window;
    }

    MainWindow create(Stage stage) {
        return create(stage, source);
    }

    /**
     * Cancels what is still loading, so no late result writes to the preferences node removed here, and closes
     * every window but TestFX's own (a dialog a failed step left open would block the next test).
     */
    @Override
    public void close() {
        try {
            WaitForAsyncUtils.asyncFx(() -> {
                for (Window w : List.copyOf(Window.getWindows())) {
                    if (w != primary) {
                        w.hide();
                    }
                }
                windows.forEach(MainWindow::cancelLoad);
            }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("could not cancel the loads of the test's windows", e);
        }
        loader.shutdownNow();
        TestPreferences.remove(prefs);
        deleteTree(appFolder);
    }

    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("goodput-ui-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteTree(Path folder) {
        try (var walk = Files.walk(folder)) {
            walk.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary folder left behind is harmless
        }
    }

    /** Opens the files on the FX thread and waits until the load has ended, however it ended. */
    static void openAndWait(FxRobot robot, MainWindow window, Path... files) {
        robot.interact(() -> window.open(List.of(files)));
        waitUntilIdle(window);
    }

    /** Writes the window's pending autosave now and waits for the write (on the FX thread, as the app does). */
    static void flushAutosave(MainWindow window) {
        try {
            WaitForAsyncUtils.asyncFx(() -> {
                window.flushAutosave();
                return null;
            }).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError("the autosave was not written within 10 s", e);
        }
    }

    static void waitUntilIdle(MainWindow window) {
        try {
            WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !window.loadStatus().isLoading());
        } catch (TimeoutException e) {
            throw new AssertionError("the load did not end within 30 s", e);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /**
     * Clicks through a menu path, e.g. File ▸ Open Recent ▸ an item. Each step waits for the popup to settle, and a
     * step into a submenu moves sideways first, as a person would: a diagonal path crosses the parent menu's other
     * items, which closes the submenu under the pointer.
     */
    static void clickMenu(FxRobot robot, String... queries) {
        for (int i = 0; i < queries.length; i++) {
            WaitForAsyncUtils.waitForFxEvents(3);
            WaitForAsyncUtils.sleep(100, TimeUnit.MILLISECONDS);
            if (i >= 2) {
                Node target = robot.lookup(queries[i]).query();
                Bounds bounds = target.localToScreen(target.getBoundsInLocal());
                Point2D pointer = robot.robotContext().getBaseRobot().retrieveMouse();
                robot.moveTo(new Point2D(bounds.getCenterX(), pointer.getY()));
            }
            robot.clickOn(queries[i]);
        }
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Visible, with every parent visible: what a person sees (a node's own visible flag says less). */
    static boolean showing(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return node.getScene() != null;
    }

    static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryLabeled().getText();
    }
}
