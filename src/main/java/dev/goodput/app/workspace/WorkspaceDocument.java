package dev.goodput.app.workspace;

import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.derive.Window;
import dev.goodput.core.workspace.InputRef;
import dev.goodput.core.workspace.RecoveryFile;
import dev.goodput.core.workspace.Workspace;
import dev.goodput.core.workspace.WorkspaceSettings;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyListProperty;
import javafx.beans.property.ReadOnlyListWrapper;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The workspace behind the run shown: its file (null while untitled), inputs, settings and notes, what was last
 * saved, and so whether there are unsaved changes. The overlay itself lives in the attribution session; this
 * combines it with the rest when saving. Input paths are kept absolute and made relative to the workspace's
 * folder only when written. Call on the FX thread.
 */
public final class WorkspaceDocument {
    private final Path appFolder;
    private final ReadOnlyObjectWrapper<Path> file = new ReadOnlyObjectWrapper<>(this, "file");
    private final ReadOnlyBooleanWrapper dirty = new ReadOnlyBooleanWrapper(this, "dirty");
    private final ReadOnlyStringWrapper name = new ReadOnlyStringWrapper(this, "name", "");
    private final ReadOnlyBooleanWrapper open = new ReadOnlyBooleanWrapper(this, "open");
    private final ReadOnlyListWrapper<String> notices = new ReadOnlyListWrapper<>(
            this, "notices", FXCollections.observableArrayList());
    private Workspace current = Workspace.EMPTY;
    /** What the file holds (null: nothing saved yet); dirty when the current state differs from it. */
    private Workspace saved;
    /** Restored from an autosave: unsaved until saved, whatever it holds (it may undo what the file has). */
    private boolean restored;
    private Overlay overlay = Overlay.EMPTY;
    /** The notices about the inputs of the run shown (without a failed open's). */
    private List<String> inputNotices = List.of();

    /** @param appFolder where untitled workspaces autosave */
    public WorkspaceDocument(Path appFolder) {
        this.appFolder = appFolder;
    }

    /** A workspace was opened (or run files, as an untitled one). Recovered edits count as unsaved. */
    public void open(OpenedWorkspace opened) {
        current = opened.workspace();
        overlay = current.overlay();
        saved = opened.recovered() ? null : current;
        restored = opened.recovered();
        file.set(opened.file());
        open.set(true);
        refresh();
    }

    /** No run: nothing to save. */
    public void close() {
        current = Workspace.EMPTY;
        overlay = Overlay.EMPTY;
        saved = null;
        restored = false;
        file.set(null);
        open.set(false);
        inputNotices = List.of();
        notices.clear();
        refresh();
    }

    /** The inputs read again (Reload): their fingerprints now; edits and settings stay as they are. */
    public void setInputs(List<InputRef> inputs) {
        current = current.withInputs(inputs);
        refresh();
    }

    /** The overlay changed (an edit, undo or redo). */
    public void setOverlay(Overlay o) {
        overlay = Objects.requireNonNull(o);
        refresh();
    }

    /** The user chose another measurement window. */
    public void setWindow(Window w) {
        current = current.withSettings(current.settings().withWindow(w));
        refresh();
    }

    public WorkspaceSettings settings() {
        return current.settings();
    }

    /** The whole workspace as it is now, inputs by absolute path. */
    public Workspace snapshot() {
        return current.withOverlay(overlay);
    }

    /** The workspace as written to {@code target}: inputs inside its folder are named relative to it. */
    public Workspace snapshotFor(Path target) {
        return snapshot().rebase(null, target.toAbsolutePath().normalize().getParent());
    }

    /** {@code written} (a {@link #snapshot()}) is now in {@code target}; edits since then stay unsaved. */
    public void markSaved(Path target, Workspace written) {
        file.set(target.toAbsolutePath().normalize());
        saved = written;
        restored = false;
        refresh();
    }

    /**
     * Where edits autosave: beside the workspace file, or for an untitled workspace in the app's folder under a
     * name made from its inputs, so opening the same run files again finds it.
     */
    public RecoveryFile recoveryFile() {
        Path f = file.get();
        return f != null ? RecoveryFile.of(f) : RecoveryFile.untitled(appFolder, untitledName(current));
    }

    /** Where an untitled workspace of these run files autosaves (whether or not it exists). */
    public RecoveryFile untitledRecovery(List<Path> files) {
        return RecoveryFile.untitled(appFolder, untitledName(files.stream()
                .map(f -> f.toAbsolutePath().normalize().toString()).toList()));
    }

    /** The folder untitled workspaces autosave in. */
    public Path appFolder() {
        return appFolder;
    }

    /** "untitled-" and a digest of the input paths. */
    static String untitledName(Workspace ws) {
        return untitledName(ws.inputs().stream().map(InputRef::path).toList());
    }

    private static String untitledName(List<String> inputPaths) {
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            inputPaths.forEach(p -> sha.update((p + "\n").getBytes(StandardCharsets.UTF_8)));
            return "untitled-" + HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private void refresh() {
        Workspace now = snapshot();
        boolean changed = open.get() && (restored || (saved == null ? !now.overlay().isEmpty() || !settingsOnly(now)
                : !kept(now).equals(kept(saved))));
        dirty.set(changed);
        Path f = file.get();
        name.set(f != null ? f.getFileName().toString() : "untitled");
    }

    /**
     * What of {@code ws} is worth saving. Plain run files (an untitled workspace) keep no measurement window and no
     * fingerprints: looking at another window, or reading the files again after they grew, is no work to lose. A
     * saved workspace keeps both; its window is one of its settings, and changing it is a change to save.
     */
    private Workspace kept(Workspace ws) {
        return file.get() != null ? ws : ws.withInputs(List.of()).withSettings(ws.settings().withWindow(null));
    }

    /** An untitled workspace with no edits and the default settings (its window aside) holds nothing worth saving. */
    private static boolean settingsOnly(Workspace ws) {
        return ws.settings().withWindow(null).equals(WorkspaceSettings.defaults()) && ws.notes().isEmpty();
    }

    /**
     * What the user should know about the run shown: inputs changed or missing since the save, an open that failed
     * while it was shown; empty when all is well.
     */
    public ReadOnlyListProperty<String> noticesProperty() {
        return notices.getReadOnlyProperty();
    }

    /** What the user should know about the inputs just read; replaces every notice shown. */
    public void setNotices(List<String> lines) {
        inputNotices = List.copyOf(lines);
        notices.setAll(inputNotices);
    }

    /**
     * A file could not be opened, and this run stays shown: said after the notices about its inputs, in place of
     * the last such failure, until the next (re)load.
     */
    public void openFailed(String line) {
        List<String> all = new ArrayList<>(inputNotices);
        all.add(line);
        notices.setAll(all);
    }

    /** The workspace file, or null while untitled. */
    public ReadOnlyObjectProperty<Path> fileProperty() {
        return file.getReadOnlyProperty();
    }

    public Path getFile() {
        return file.get();
    }

    /** True when there are edits or settings the file does not hold. */
    public ReadOnlyBooleanProperty dirtyProperty() {
        return dirty.getReadOnlyProperty();
    }

    public boolean isDirty() {
        return dirty.get();
    }

    /** True while a run is shown (there is something to save). */
    public ReadOnlyBooleanProperty openProperty() {
        return open.getReadOnlyProperty();
    }

    /** The file's name, or "untitled". */
    public ReadOnlyStringProperty nameProperty() {
        return name.getReadOnlyProperty();
    }
}
