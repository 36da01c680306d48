package dev.goodput.app;

import dev.goodput.app.export.ExportActions;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableBooleanValue;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Consumer;

/** What the menus and the toolbar can do, so both offer the same commands with the same enablement. */
record WorkbenchCommands(Runnable openDialog, Consumer<List<Path>> open, Runnable reload,
                         ObservableBooleanValue canReload, RecentFiles recent, ObjectProperty<Theme> theme,
                         Runnable about, Runnable quit, ExportActions export, ObservableBooleanValue canExport,
                         WorkspaceCommands workspace, EditCommands edit,
                         ViewCommands view, Runnable preferences) {
}
