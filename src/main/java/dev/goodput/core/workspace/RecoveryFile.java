package dev.goodput.core.workspace;

import dev.goodput.core.io.AtomicFile;
import dev.goodput.core.io.InputException;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * The autosave of a workspace's unsaved edits, so a crash or kill loses none: {@code NAME.goodput.recovery}
 * beside {@code NAME.goodput}, or in the app's own folder for an untitled workspace. It is a workspace file
 * itself (same format, same folder, so its relative input paths mean the same), written atomically after each
 * edit and deleted by a real save. The app decides how often to write it; each write is one small atomic file.
 */
public record RecoveryFile(Path path) {
    public static final String SUFFIX = ".recovery";

    public RecoveryFile {
        path = path.toAbsolutePath().normalize();
        if (!path.getFileName().toString().endsWith(SUFFIX)) {
            throw new IllegalArgumentException("a recovery file's name ends in " + SUFFIX + ": " + path);
        }
    }

    /** The recovery of the workspace saved at {@code workspaceFile}. */
    public static RecoveryFile of(Path workspaceFile) {
        Path ws = workspaceFile.toAbsolutePath().normalize();
        return new RecoveryFile(ws.resolveSibling(ws.getFileName() + SUFFIX));
    }

    /**
     * The recovery of an untitled workspace, kept in {@code appFolder} under {@code name} (e.g. "untitled-1").
     * Its inputs should be named by absolute paths ({@link InputRef#describe} with no folder).
     */
    public static RecoveryFile untitled(Path appFolder, String name) {
        return of(appFolder.resolve(name + WorkspaceStore.EXTENSION));
    }

    /** The workspace file this recovers; it may not exist (untitled, or never saved). */
    public Path workspaceFile() {
        String name = path.getFileName().toString();
        return path.resolveSibling(name.substring(0, name.length() - SUFFIX.length()));
    }

    /** Replaces the recovery with {@code ws}, atomically: a kill mid-write leaves the previous autosave whole. */
    public void write(Workspace ws) throws IOException {
        AtomicFile.writeText(path, out -> WorkspaceJson.write(ws, out));
    }

    public Loaded<Workspace> read() throws IOException, InputException {
        AtomicFile.removeStaleTemps(path);
        return WorkspaceJson.read(path);
    }

    /** After a save, or when the user declines the recovery. */
    public void delete() throws IOException {
        Files.deleteIfExists(path);
    }

    /**
     * An unsaved recovery to offer back: one whose workspace is missing, or which is not older than its workspace
     * and differs from it. (A save killed after writing the workspace but before deleting the recovery leaves
     * one identical to the workspace: nothing to offer.)
     *
     * @param workspaceExists false for an untitled or never-saved workspace
     */
    public record Recovery(RecoveryFile file, FileTime savedAt, boolean workspaceExists) {
    }

    /**
     * The unsaved recoveries in {@code folder}, newest first: what the app offers back on start. That is also
     * when nothing writes there, so it clears every temporary file a killed save or autosave left in the folder.
     */
    public static List<Recovery> find(Path folder) throws IOException {
        AtomicFile.removeStaleTemps(folder, name -> name.endsWith(WorkspaceStore.EXTENSION)
                || name.endsWith(WorkspaceStore.EXTENSION + SUFFIX));
        List<Recovery> found = new ArrayList<>();
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(folder,
                p -> p.getFileName().toString().endsWith(WorkspaceStore.EXTENSION + SUFFIX))) {
            for (Path p : entries) {
                new RecoveryFile(p).pending().ifPresent(found::add);
            }
        }
        found.sort(Comparator.comparing(Recovery::savedAt).reversed());
        return found;
    }

    /** This recovery, when it holds edits its workspace file does not. */
    public Optional<Recovery> pending() throws IOException {
        if (!Files.isRegularFile(path)) {
            return Optional.empty();
        }
        FileTime saved = Files.getLastModifiedTime(path);
        Path ws = workspaceFile();
        if (!Files.exists(ws)) {
            return Optional.of(new Recovery(this, saved, false));
        }
        // Not older (equal counts: a coarse clock may give an edit right after a save the save's time), and
        // different; a recovery older than its workspace is stale (the file was saved since, elsewhere).
        boolean notOlder = saved.compareTo(Files.getLastModifiedTime(ws)) >= 0;
        return notOlder && Files.mismatch(path, ws) != -1 ? Optional.of(new Recovery(this, saved, true))
                : Optional.empty();
    }
}
