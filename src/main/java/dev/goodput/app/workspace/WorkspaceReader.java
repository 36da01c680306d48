package dev.goodput.app.workspace;

import dev.goodput.core.io.InputException;
import dev.goodput.core.workspace.InputCheck;
import dev.goodput.core.workspace.InputRef;
import dev.goodput.core.workspace.InputStatus;
import dev.goodput.core.workspace.Loaded;
import dev.goodput.core.workspace.Workspace;
import dev.goodput.core.workspace.WorkspaceStore;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns an {@link OpenRequest} into an {@link OpenedWorkspace}: reads the workspace file, compares its inputs with
 * the files on disk and names them by absolute path. Hashes every input, so it runs off the FX thread (in the
 * load task). Plain run files become an untitled workspace with no attributions.
 */
public final class WorkspaceReader {
    private WorkspaceReader() {
    }

    public static OpenedWorkspace read(OpenRequest request) throws IOException, InputException {
        // Java 17: no pattern matching in switch yet.
        if (request instanceof OpenRequest.Files f) {
            return ofFiles(f.files());
        }
        if (request instanceof OpenRequest.WorkspaceFile w) {
            return ofFile(w.file(), w.readFrom());
        }
        OpenRequest.Snapshot s = (OpenRequest.Snapshot) request;
        return checked(s.file(), s.workspace(), null, List.of(), false);
    }

    private static OpenedWorkspace ofFiles(List<Path> files) throws IOException, InputException {
        List<InputRef> refs = new ArrayList<>();
        for (Path f : files) {
            refs.add(InputRef.describe(f, null));
        }
        Workspace ws = Workspace.EMPTY.withInputs(refs);
        return new OpenedWorkspace(null, ws, files, List.of(), false);
    }

    private static OpenedWorkspace ofFile(Path file, Path readFrom) throws IOException, InputException {
        Loaded<Workspace> loaded = WorkspaceStore.load(readFrom);
        Path folder = readFrom.toAbsolutePath().normalize().getParent();
        List<String> warnings = loaded.warnings().stream().map(w -> readFrom.getFileName() + ": " + w).toList();
        return checked(file, loaded.value(), folder, warnings, !readFrom.equals(file));
    }

    /** Checks the inputs against the disk: changed ones take their new fingerprint, missing ones are kept. */
    private static OpenedWorkspace checked(Path file, Workspace ws, Path folder, List<String> readWarnings,
                                           boolean recovered) {
        List<InputRef> refs = new ArrayList<>();
        List<Path> readable = new ArrayList<>();
        List<String> warnings = new ArrayList<>(readWarnings);
        for (InputStatus s : InputCheck.of(ws, folder).inputs()) {
            String absolute = s.file().toAbsolutePath().normalize().toString();
            if (s instanceof InputStatus.Changed c) {
                refs.add(new InputRef(absolute, c.now()));
                readable.add(s.file());
                warnings.add(c.describe() + "; attributions that still match were re-applied");
            } else {
                refs.add(new InputRef(absolute, s.ref().fingerprint()));
                if (s instanceof InputStatus.Unchanged) {
                    readable.add(s.file());
                } else {
                    warnings.add(s.describe()); // missing or unreadable: kept, so a later open finds it again
                }
            }
        }
        return new OpenedWorkspace(file, ws.withInputs(refs), readable, warnings, recovered);
    }
}
