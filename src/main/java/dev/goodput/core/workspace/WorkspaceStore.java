package dev.goodput.core.workspace;

import dev.goodput.core.io.AtomicFile;
import dev.goodput.core.io.InputException;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Opening and saving workspace files: saves are atomic and never touch the inputs. */
public final class WorkspaceStore {
    public static final String EXTENSION = ".goodput";

    private WorkspaceStore() {
    }

    /** Reads a workspace, first clearing the temporary file a killed save may have left beside it. */
    public static Loaded<Workspace> load(Path file) throws IOException, InputException {
        AtomicFile.removeStaleTemps(file);
        return WorkspaceJson.read(file);
    }

    /**
     * Writes the workspace whole or not at all (clearing what an earlier killed save left), then deletes its
     * recovery file, which holds nothing the saved file
     * does not. (An untitled workspace's recovery lives elsewhere: the app deletes that one after Save As.)
     *
     * @param ws its relative input paths must already be relative to {@code file}'s folder
     *           (see {@link Workspace#rebase})
     */
    public static void save(Workspace ws, Path file) throws IOException {
        refuseInputs(ws, file);
        AtomicFile.removeStaleTemps(file);
        AtomicFile.writeText(file, out -> WorkspaceJson.write(ws, out));
        RecoveryFile.of(file).delete();
    }

    /** Inputs are never modified: saving a workspace over one of its own inputs would destroy it. */
    private static void refuseInputs(Workspace ws, Path file) throws IOException {
        Path target = file.toAbsolutePath().normalize();
        for (Path in : ws.inputPaths(target.getParent())) {
            Path input = in.toAbsolutePath().normalize();
            if (input.equals(target) || Files.exists(target) && Files.exists(input) && Files.isSameFile(input,
                    target)) {
                throw new IOException("refusing to save the workspace over its input " + in);
            }
        }
    }
}
