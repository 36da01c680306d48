package dev.goodput.app.workspace;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Optional;

/** The questions workspace commands ask the user; dialogs in the app, scripted answers in tests. */
public interface WorkspacePrompts {
    /**
     * What to do with edits autosaved but never saved. LATER keeps them: when asked while opening their run or
     * workspace, that open is cancelled (the edits cannot be kept aside while the same workspace is edited anew).
     */
    enum Restore { RESTORE, DISCARD, LATER }

    /** What to do with unsaved changes before closing the workspace. */
    enum Unsaved { SAVE, DISCARD, CANCEL }

    /**
     * @param what    the run or workspace the edits belong to
     * @param opening true when asked while opening that run or workspace (LATER then cancels the open)
     */
    Restore askRestore(String what, FileTime savedAt, boolean opening);

    Unsaved askUnsaved(String name);

    Optional<Path> chooseWorkspaceToSave(String suggestedName);

    Optional<Path> chooseAttributionsToExport(String suggestedName);

    Optional<Path> chooseAttributionsToImport();
}
