package dev.goodput.app.workspace;

import dev.goodput.core.workspace.Workspace;

import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A workspace ready to derive: its inputs named by absolute path, and what the user should know about them.
 *
 * @param file      the workspace file, or null while untitled
 * @param workspace inputs (absolute paths, fingerprints of the bytes read now), settings, overlay and notes
 * @param readable  the input files that are there to read
 * @param warnings  inputs changed or missing since the save, fields not understood; empty when all is as saved
 * @param recovered true when the edits come from an autosave, not from the saved file: they are unsaved
 */
public record OpenedWorkspace(Path file, Workspace workspace, List<Path> readable, List<String> warnings,
                              boolean recovered) {
    public OpenedWorkspace {
        readable = List.copyOf(readable);
        warnings = List.copyOf(warnings);
    }

    /** The inputs the workspace names that are not there to read (missing or unreadable): the run lacks them. */
    public List<Path> missing() {
        Set<Path> read = readable.stream().map(p -> p.toAbsolutePath().normalize()).collect(Collectors.toSet());
        return workspace.inputs().stream().map(i -> Path.of(i.path()).toAbsolutePath().normalize())
                .filter(p -> !read.contains(p)).toList();
    }
}
