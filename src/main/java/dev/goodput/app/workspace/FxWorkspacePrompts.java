package dev.goodput.app.workspace;

import dev.goodput.core.report.HumanFormat;
import dev.goodput.core.workspace.AttributionFile;
import dev.goodput.core.workspace.WorkspaceStore;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/** The workspace questions as dialogs and file choosers over the workbench window. */
public final class FxWorkspacePrompts implements WorkspacePrompts {
    private static final FileChooser.ExtensionFilter WORKSPACES =
            new FileChooser.ExtensionFilter("Goodput workspaces", "*" + WorkspaceStore.EXTENSION);
    private static final FileChooser.ExtensionFilter ATTRIBUTIONS =
            new FileChooser.ExtensionFilter("Goodput attributions", "*" + AttributionFile.EXTENSION, "*.json");

    private final Supplier<Window> owner;
    private File folder;

    public FxWorkspacePrompts(Supplier<Window> owner) {
        this.owner = owner;
    }

    @Override
    public Restore askRestore(String what, FileTime savedAt, boolean opening) {
        ButtonType restore = new ButtonType("Restore edits", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Discard them", ButtonBar.ButtonData.NO);
        ButtonType later = new ButtonType(opening ? "Cancel" : "Not now", ButtonBar.ButtonData.CANCEL_CLOSE);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", restore, discard, later);
        a.initOwner(owner.get());
        a.setTitle("Unsaved edits found");
        a.setHeaderText("Edits to " + what + " were autosaved but never saved");
        a.setContentText("Autosaved " + HumanFormat.clock(savedAt.to(TimeUnit.MICROSECONDS)) + ". Restore them? ("
                + (opening ? "Cancel keeps them and does not open it.)" : "Not now keeps them for later.)"));
        ButtonType answer = a.showAndWait().orElse(later);
        return answer == restore ? Restore.RESTORE : answer == discard ? Restore.DISCARD : Restore.LATER;
    }

    @Override
    public Unsaved askUnsaved(String name) {
        ButtonType save = new ButtonType("Save", ButtonBar.ButtonData.YES);
        ButtonType discard = new ButtonType("Don't save", ButtonBar.ButtonData.NO);
        Alert a = new Alert(Alert.AlertType.CONFIRMATION, "", save, discard, ButtonType.CANCEL);
        a.initOwner(owner.get());
        a.setTitle("Unsaved changes");
        a.setHeaderText("Save the changes to " + name + "?");
        a.setContentText("Your attributions and settings are not saved in a workspace file yet.");
        ButtonType answer = a.showAndWait().orElse(ButtonType.CANCEL);
        return answer == save ? Unsaved.SAVE : answer == discard ? Unsaved.DISCARD : Unsaved.CANCEL;
    }

    @Override
    public Optional<Path> chooseWorkspaceToSave(String suggestedName) {
        FileChooser c = chooser("Save workspace", WORKSPACES);
        c.setInitialFileName(suggestedName);
        return remember(c.showSaveDialog(owner.get()));
    }

    @Override
    public Optional<Path> chooseAttributionsToExport(String suggestedName) {
        FileChooser c = chooser("Export attributions and rules", ATTRIBUTIONS);
        c.setInitialFileName(suggestedName);
        return remember(c.showSaveDialog(owner.get()));
    }

    @Override
    public Optional<Path> chooseAttributionsToImport() {
        return remember(chooser("Import a teammate's attributions", ATTRIBUTIONS).showOpenDialog(owner.get()));
    }

    private FileChooser chooser(String title, FileChooser.ExtensionFilter filter) {
        FileChooser c = new FileChooser();
        c.setTitle(title);
        c.getExtensionFilters().addAll(filter, new FileChooser.ExtensionFilter("All files", "*"));
        if (folder != null && folder.isDirectory()) {
            c.setInitialDirectory(folder);
        }
        return c;
    }

    private Optional<Path> remember(File chosen) {
        if (chosen == null) {
            return Optional.empty();
        }
        folder = chosen.getParentFile();
        return Optional.of(chosen.toPath());
    }
}
