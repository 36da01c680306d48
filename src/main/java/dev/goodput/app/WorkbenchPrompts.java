package dev.goodput.app;

import dev.goodput.app.attribution.ConflictDialog;
import dev.goodput.app.attribution.FaultRoleDialog;
import dev.goodput.app.attribution.FaultRolePrompt;
import dev.goodput.app.attribution.MergePrompt;
import dev.goodput.app.attribution.RuleDialog;
import dev.goodput.app.attribution.RulePrompt;
import dev.goodput.app.attribution.SplitDialog;
import dev.goodput.app.attribution.SplitPrompt;
import dev.goodput.app.attribution.TagDialog;
import dev.goodput.app.attribution.TagPrompt;
import dev.goodput.app.workspace.FxWorkspacePrompts;
import dev.goodput.app.workspace.WorkspacePrompts;
import dev.goodput.core.attribution.Overlay;
import javafx.stage.Stage;

import java.util.function.Supplier;

/** Every question the window asks the user, in one place, so tests can answer them without dialogs. */
record WorkbenchPrompts(WorkspacePrompts workspace, TagPrompt tag, SplitPrompt split, FaultRolePrompt faultRole,
                        RulePrompt rule, MergePrompt merge, CauseColourPrompt colour) {
    /**
     * The real dialogs, over the workbench window.
     *
     * @param mine the overlay being edited, which a merge's conflicts are decided against
     */
    static WorkbenchPrompts dialogs(Stage owner, Supplier<Overlay> mine) {
        return new WorkbenchPrompts(new FxWorkspacePrompts(() -> owner), TagDialog.prompt(owner),
                SplitDialog.prompt(owner), FaultRoleDialog.prompt(owner), RuleDialog.prompt(() -> owner),
                ConflictDialog.prompt(() -> owner, mine), CauseColourDialog.prompt(() -> owner));
    }
}
