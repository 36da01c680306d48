package dev.goodput.app.workspace;

import dev.goodput.chart.colour.CauseColourBook;
import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.workspace.CauseColourChoices;
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
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * The workspace behind the run shown: its file (null while untitled), inputs, settings and notes, what was last
 * saved, and so whether there are unsaved changes. The overlay itself lives in the attribution session, and the
 * cause colours in the colour book; this combines them with the rest when saving. Colours the user chose are
 * changes to save; a colour given to a new cause as it was first drawn is saved with the next save, but alone
 * changes nothing worth saving. Input paths are kept absolute and made relative to the workspace's
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
    /** The colours the user chose, by cause id (RGB). */
    private Map<String, Integer> chosenColours = Map.of();
    /** The colours given to causes as they were drawn, read when saving. */
    private final Supplier<Map<String, Integer>> givenColours;
    /** The notices about the inputs of the run shown (without a failed open's). */
    private List<String> inputNotices = List.of();

    /** @param appFolder where untitled workspaces autosave; colours given are the session book's */
    public WorkspaceDocument(Path appFolder) {
        this(appFolder, CauseColourBook.session()::assigned);
    }

    /**
     * @param appFolder    where untitled workspaces autosave
     * @param givenColours the colours given so far to causes outside the catalogue, by cause id
     */
    public WorkspaceDocument(Path appFolder, Supplier<Map<String, Integer>> givenColours) {
        this.appFolder = appFolder;
        this.givenColours = givenColours;
    }

    /** A workspace was opened (or run files, as an untitled one). Recovered edits count as unsaved. */
    public void open(OpenedWorkspace opened) {
        current = opened.workspace();
        overlay = current.overlay();
        chosenColours = current.colours().chosen();
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
        chosenColours = Map.of();
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

    /** The colours the user chose changed (a colour set or reset, undone or redone). */
    public void setChosenColours(Map<String, Integer> chosen) {
        chosenColours = new CauseColourChoices(chosen, Map.of()).chosen();
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

    /** The whole workspace as it is now, inputs by absolute path, with every colour chosen or given. */
    public Workspace snapshot() {
        return current.withOverlay(overlay).withColours(new CauseColourChoices(chosenColours, Map.of())
                .withGiven(current.colours().given()).withGiven(givenColours.get()));
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
        Workspace chosenOnly = ws.withColours(new CauseColourChoices(ws.colours().chosen(), Map.of()));
        return file.get() != null ? chosenOnly
                : chosenOnly.withInputs(List.of()).withSettings(ws.settings().withWindow(null));
    }

    /**
     * An untitled workspace with no edits, no colours chosen and the default settings (its window aside) holds
     * nothing worth saving.
     */
    private static boolean settingsOnly(Workspace ws) {
        return ws.settings().withWindow(null).equals(WorkspaceSettings.defaults()) && ws.notes().isEmpty()
                && ws.colours().chosen().isEmpty();
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
