package dev.goodput.app.workspace;

import dev.goodput.core.workspace.RecoveryFile;
import dev.goodput.core.workspace.Workspace;
import dev.goodput.core.workspace.WorkspaceStore;

import java.nio.file.Path;
import java.util.List;

/** What the user asked to open: run files, a workspace file (or its autosave), or the workspace shown, again. */
public sealed interface OpenRequest {
    /** Run logs and profiles, as one run with no attributions yet. */
    record Files(List<Path> files) implements OpenRequest {
        public Files {
            files = List.copyOf(files);
        }
    }

    /**
     * A saved workspace.
     *
     * @param file     the workspace file the edits belong to; null for an untitled workspace's autosave
     * @param readFrom what to read: {@code file} itself, or its recovery file when the user restores autosaved edits
     */
    record WorkspaceFile(Path file, Path readFrom) implements OpenRequest {
    }

    /** The workspace shown (inputs by absolute path), read again from its inputs: Reload. */
    record Snapshot(Workspace workspace, Path file) implements OpenRequest {
    }

    /** True for a workspace's autosave file. */
    static boolean isRecovery(Path file) {
        return file.getFileName().toString().endsWith(RecoveryFile.SUFFIX);
    }

    /** True when {@code files} is one workspace (or workspace autosave) file rather than run files. */
    static boolean isWorkspace(List<Path> files) {
        if (files.size() != 1) {
            return false;
        }
        String name = files.get(0).getFileName().toString();
        return name.endsWith(WorkspaceStore.EXTENSION)
                || name.endsWith(WorkspaceStore.EXTENSION
                + RecoveryFile.SUFFIX);
    }
}
