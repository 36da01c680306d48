package dev.goodput.app;

import dev.goodput.app.workspace.OpenRequest;
import javafx.application.Application;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.prefs.Preferences;

/**
 * Starts the workbench: one {@link MainWindow} on the user's preferences, opening the files named on the command
 * line, else the files opened last, else (first start) the bundled sample run.
 */
public final class WorkbenchApp extends Application {
    /** Where the recent files and the theme are remembered (per user, by java.util.prefs). */
    static final String PREFERENCES_NODE = "dev/goodput/workbench";
    /** Where untitled workspaces autosave (a saved workspace autosaves beside its file). */
    static final Path AUTOSAVE_FOLDER = Path.of(System.getProperty("user.home"), ".goodput-workbench", "autosave");

    // Daemon threads: a load still running must not keep the JVM alive on exit. A pool rather than one thread,
    // so that a cancelled load still finishing its last step never delays the next open.
    private final ExecutorService loader = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "run-loader");
        t.setDaemon(true);
        return t;
    });

    private MainWindow window;

    @Override
    public void start(Stage stage) {
        StartupTrace.mark("JavaFX started");
        Preferences prefs = Preferences.userRoot().node(PREFERENCES_NODE);
        List<String> named = getParameters().getUnnamed();
        String sampleHome = System.getProperty(StartupFiles.SAMPLE_HOME);
        List<Path> files = StartupFiles.resolve(named, Path.of(""), new RecentFiles(prefs).last(),
                sampleHome == null || sampleHome.isBlank() ? null : Path.of(sampleHome));
        // The files are read while the window is built and shown (about as long, on two cores).
        RunSource lenient = RunSource.lenient(new ReadLimitSettings(prefs)::limits);
        RunSource source = files.isEmpty() || OpenRequest.isWorkspace(files) ? lenient
                : PrefetchedRunSource.start(lenient, files);
        window = new MainWindow(stage, prefs, source, loader, AUTOSAVE_FOLDER,
                (owner, session) -> WorkbenchPrompts.dialogs(owner, () -> session.overlayProperty().get()));
        StartupTrace.mark("window built");
        window.show(files, named.isEmpty());
    }

    @Override
    public void stop() {
        loader.shutdownNow();
        if (window != null) {
            window.shutdown();
        }
    }
}
