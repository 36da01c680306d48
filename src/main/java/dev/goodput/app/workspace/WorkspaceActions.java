package dev.goodput.app.workspace;

import dev.goodput.app.attribution.AttributionSession;
import dev.goodput.app.attribution.MergePrompt;
import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.workspace.AttributionFile;
import dev.goodput.core.workspace.Loaded;
import dev.goodput.core.workspace.MergeResult;
import dev.goodput.core.workspace.OverlayMerge;
import dev.goodput.core.workspace.RecoveryFile;
import dev.goodput.core.workspace.Workspace;
import dev.goodput.core.workspace.WorkspaceStore;
import javafx.concurrent.Task;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Collectors;

/**
 * File ▸ Save Workspace, Save As, Export and Import Attributions: asks through {@link WorkspacePrompts}, writes
 * and reads off the FX thread, and reports in the status line. Saves are atomic (the store writes a temporary file
 * and renames it); after a save its autosave is removed. Call on the FX thread.
 */
public final class WorkspaceActions {
    private final WorkspaceDocument document;
    private final AttributionSession session;
    private final Autosaver autosaver;
    private final WorkspacePrompts prompts;
    private final MergePrompt merge;
    private final Executor executor;
    private final Consumer<String> status;
    private final Consumer<List<Path>> remember;
    /** The save running in the background, if any: saves run one at a time. */
    private Task<?> saving;

    /**
     * @param status   one-line outcomes for the status bar
     * @param remember adds a saved workspace to the recent files
     */
    public WorkspaceActions(WorkspaceDocument document, AttributionSession session, Autosaver autosaver,
                            WorkspacePrompts prompts, MergePrompt merge, Executor executor, Consumer<String> status,
                            Consumer<List<Path>> remember) {
        this.document = document;
        this.session = session;
        this.autosaver = autosaver;
        this.prompts = prompts;
        this.merge = merge;
        this.executor = executor;
        this.status = status;
        this.remember = remember;
    }

    /** Saves to the workspace's file, or asks for one while untitled. */
    public void save() {
        if (document.getFile() == null) {
            saveAs();
        } else {
            saveTo(document.getFile());
        }
    }

    public void saveAs() {
        chooseTarget().ifPresent(target -> saveTo(target));
    }

    /**
     * Asks where to save. A name typed without the extension gets it; if that names another existing file, which
     * the file chooser's own overwrite question did not cover, nothing is overwritten.
     */
    private Optional<Path> chooseTarget() {
        Optional<Path> chosen = prompts.chooseWorkspaceToSave(suggestedName());
        if (chosen.isEmpty()) {
            return chosen;
        }
        Path target = withExtension(chosen.get());
        if (!target.equals(chosen.get()) && Files.exists(target)
                && !target.toAbsolutePath().normalize().equals(document.getFile())) {
            status.accept(target.getFileName() + " exists already: not overwritten. Save As again, naming it "
                    + "with its extension to replace it.");
            return Optional.empty();
        }
        return Optional.of(target);
    }

    /**
     * Saves on the FX thread and says whether it worked: for closing, where the window must not go before the
     * save is done. A workspace file is small (the overlay, not the data), so this is quick.
     */
    public boolean saveNow() {
        waitForSave();
        Path target = document.getFile();
        if (target == null) {
            Optional<Path> chosen = chooseTarget();
            if (chosen.isEmpty()) {
                return false;
            }
            target = chosen.get();
        }
        Workspace written = document.snapshot();
        RecoveryFile before = document.recoveryFile();
        Workspace onDisk = document.snapshotFor(target);
        Path file = target;
        try {
            autosaver.whileIdle(() -> WorkspaceStore.save(onDisk, file));
        } catch (IOException | RuntimeException e) {
            status.accept("Could not save " + target + ": " + e.getMessage());
            return false;
        }
        saved(target, written, before);
        return true;
    }

    /**
     * Before the run shown is replaced or the window closes: true to go on. Unsaved changes are saved or discarded
     * as the user says; discarding also removes their autosave.
     */
    public boolean confirmClose() {
        if (!document.isDirty()) {
            return true;
        }
        autosaver.flush();
        switch (prompts.askUnsaved(document.nameProperty().get())) {
            case SAVE:
                return saveNow();
            case DISCARD:
                autosaver.discard(document.recoveryFile());
                return true;
            default:
                return false;
        }
    }

    /** Writes the overlay (tags, rules, fault roles) to a file a teammate can import. */
    public void exportAttributions() {
        Overlay overlay = session.overlayProperty().get();
        prompts.chooseAttributionsToExport(baseName() + AttributionFile.EXTENSION).ifPresent(target ->
                run(() -> {
                    AttributionFile.export(overlay, target);
                    return null;
                }, done -> status.accept("Exported " + overlay.tags().size() + " tags and " + overlay.rules().size()
                        + " rules to " + target.getFileName()), "Could not export to " + target));
    }

    /** Reads a teammate's attributions and merges them in as one undoable step, asking about conflicts. */
    public void importAttributions() {
        if (!session.isLoaded()) {
            status.accept("Open a run before importing attributions into it.");
            return;
        }
        var into = session.base();
        prompts.chooseAttributionsToImport().ifPresent(source -> run(() -> AttributionFile.read(source),
                loaded -> {
                    if (session.base() == into) { // not into a run opened while the file was read
                        merge(source, loaded);
                    }
                }, "Could not import " + source));
    }

    private void merge(Path source, Loaded<Overlay> theirs) {
        MergeResult result = OverlayMerge.merge(session.overlayProperty().get(), theirs.value());
        Optional<Overlay> merged = result.conflicts().isEmpty() ? Optional.of(result.merged()) : merge.ask(result);
        merged.ifPresent(o -> {
            session.replaceOverlay(o, "Import attributions from " + source.getFileName());
            String warnings = theirs.warnings().isEmpty() ? "" : " (" + theirs.warnings().stream().map(Object::toString)
                    .collect(Collectors.joining("; ")) + ")";
            status.accept("Imported " + source.getFileName() + ": " + result.conflicts().size() + " conflicts"
                    + warnings);
        });
    }

    private void saveTo(Path target) {
        if (saving != null && !saving.isDone()) {
            status.accept("Still saving: try again in a moment");
            return;
        }
        Workspace written = document.snapshot();
        Workspace onDisk = document.snapshotFor(target);
        RecoveryFile before = document.recoveryFile();
        saving = run(() -> {
            autosaver.whileIdle(() -> WorkspaceStore.save(onDisk, target));
            return null;
        }, done -> saved(target, written, before), "Could not save " + target);
    }

    /** A save started in the background finishes its writing first (its outcome is handled as usual). */
    private void waitForSave() {
        if (saving != null) {
            try {
                saving.get(10, TimeUnit.SECONDS);
            } catch (Exception e) {
                // its failure is reported by its own handler
            }
        }
    }

    private void saved(Path target, Workspace written, RecoveryFile before) {
        document.markSaved(target, written);
        if (!before.equals(document.recoveryFile())) {
            autosaver.discard(before); // Save As: the untitled (or old) autosave is not wanted any more
        }
        if (document.isDirty()) {
            autosaver.flush(); // edited while the save ran: those edits autosave now, not after a pause
        } else {
            autosaver.discard(document.recoveryFile());
        }
        remember.accept(List.of(document.getFile()));
        status.accept("Saved " + target.getFileName());
    }

    private <T> Task<T> run(Callable<T> work, Consumer<T> done, String failure) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return work.call();
            }
        };
        task.setOnSucceeded(e -> done.accept(task.getValue()));
        task.setOnFailed(e -> status.accept(failure + ": " + task.getException().getMessage()));
        executor.execute(task);
        return task;
    }

    private String suggestedName() {
        return baseName() + WorkspaceStore.EXTENSION;
    }

    private String baseName() {
        Path f = document.getFile();
        if (f != null) {
            String n = f.getFileName().toString();
            return n.endsWith(WorkspaceStore.EXTENSION) ? n.substring(0, n.length() - WorkspaceStore.EXTENSION.length())
                    : n;
        }
        var d = session.derivationProperty().get();
        String run = d == null ? "workspace" : d.report().runName();
        String safe = run.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^-+|-+$", "");
        return safe.isEmpty() ? "workspace" : safe;
    }

    static Path withExtension(Path p) {
        String n = p.getFileName().toString();
        return n.endsWith(WorkspaceStore.EXTENSION) ? p : p.resolveSibling(n + WorkspaceStore.EXTENSION);
    }
}
