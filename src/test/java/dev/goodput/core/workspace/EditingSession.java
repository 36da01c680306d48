package dev.goodput.core.workspace;

import java.io.PrintStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * The child process of {@link KillTest}: an editing session as the app runs one. It resumes from the recovery if
 * it holds unsaved edits (else the saved workspace), then makes edit after edit, autosaving each to the recovery
 * file and saving the workspace every few edits, and says so on stdout only once each write has returned.
 *
 * <p>Arguments: WORKSPACE INPUT EDITS SAVE_EVERY.
 */
public final class EditingSession {
    private EditingSession() {
    }

    public static void main(String[] args) throws Exception {
        Path file = Path.of(args[0]);
        Path input = Path.of(args[1]);
        int edits = Integer.parseInt(args[2]);
        int saveEvery = Integer.parseInt(args[3]);
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);

        RecoveryFile recovery = RecoveryFile.of(file);
        Workspace ws;
        if (recovery.pending().isPresent()) {
            ws = recovery.read().value();
        } else if (Files.exists(file)) {
            ws = WorkspaceStore.load(file).value();
        } else {
            ws = Workspace.EMPTY.withInputs(List.of(InputRef.describe(input, file.getParent())));
        }
        // The app checks its inputs on opening: reading them must leave them as they are.
        if (!InputCheck.of(ws, file.getParent()).allUnchanged()) {
            throw new IllegalStateException("the input changed: " + InputCheck.of(ws, file.getParent()).warnings());
        }
        // Warm up (class loading, Jackson's set-up) so kills land among writes rather than before the first.
        WorkspaceJson.write(ws, Writer.nullWriter());
        int done = ws.overlay().tags().size();
        out.println("resumed " + done);
        for (int n = done + 1; n <= done + edits; n++) {
            ws = TestWorkspaces.withEdit(ws, n);
            recovery.write(ws);
            out.println("autosaved " + n);
            if (n % saveEvery == 0) {
                WorkspaceStore.save(ws, file);
                out.println("saved " + n);
            }
        }
        out.println("done");
    }
}
