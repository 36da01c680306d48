package dev.goodput.app;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.stage.Stage;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Wires the workbench together: one view model, the loader that feeds it and the view that shows it.
 * Opens the files named on the command line, else the bundled sample run.
 */
public final class WorkbenchApp extends Application {
    private static final double WIDTH = 1280;
    private static final double HEIGHT = 800;

    // One daemon thread: loads are sequential, and a pending load must not keep the JVM alive on exit.
    private final ExecutorService loader = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "run-loader");
        t.setDaemon(true);
        return t;
    });

    @Override
    public void start(Stage stage) {
        SummaryViewModel model = new SummaryViewModel();
        RunOpener opener = new RunOpener(model, loader);
        RunFileChooser chooser = new RunFileChooser(stage);
        Runnable openDialog = () -> chooser.choose().ifPresent(opener::open);

        BorderPane root = new BorderPane(new SummaryView(model, openDialog).node());
        root.setTop(menuBar(openDialog));
        Scene scene = new Scene(root, WIDTH, HEIGHT);
        scene.getStylesheets().add(WorkbenchStyles.stylesheet());
        stage.setScene(scene);
        stage.titleProperty().bind(model.titleProperty());
        stage.show();
        // Start with nothing focused, so the table does not look selected before the user touches it.
        root.requestFocus();

        opener.open(StartupFiles.resolve(getParameters().getUnnamed(), Path.of("")));
    }

    @Override
    public void stop() {
        loader.shutdownNow();
    }

    private static MenuBar menuBar(Runnable openDialog) {
        MenuItem open = new MenuItem("Open…");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> openDialog.run());
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> Platform.exit());
        Menu file = new Menu("File");
        file.getItems().addAll(List.of(open, quit));
        return new MenuBar(file);
    }
}
