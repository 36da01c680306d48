package dev.goodput.app;

import dev.goodput.app.attribution.MergePrompt;
import dev.goodput.app.attribution.TagPrompt;
import dev.goodput.app.workspace.FxWorkspacePrompts;
import dev.goodput.app.workspace.WorkspacePrompts;
import javafx.stage.Stage;

/** Every question the window asks the user, in one place, so tests can answer them without dialogs. */
record WorkbenchPrompts(WorkspacePrompts workspace, TagPrompt tag, MergePrompt merge) {
    /** The real dialogs, over the workbench window. */
    static WorkbenchPrompts dialogs(Stage owner) {
        return new WorkbenchPrompts(new FxWorkspacePrompts(() -> owner), ctx -> java.util.Optional.empty(),
                r -> java.util.Optional.empty()); // TODO real dialogs from the attribution package
    }
}
