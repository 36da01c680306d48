package dev.goodput.app;

import javafx.application.Application;

/**
 * Entry point of the workbench. A plain class (not an {@link Application} subclass) so that the JavaFX
 * launcher check is skipped and the app also starts from the class path, e.g. {@code java -cp ... }.
 */
public final class WorkbenchLauncher {
    private WorkbenchLauncher() {
    }

    public static void main(String[] args) {
        StartupTrace.mark("main");
        Application.launch(WorkbenchApp.class, args);
    }
}
