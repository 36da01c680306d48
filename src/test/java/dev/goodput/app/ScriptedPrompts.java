package dev.goodput.app;

import dev.goodput.app.attribution.MergePrompt;
import dev.goodput.app.attribution.TagPrompt;
import dev.goodput.app.attribution.TagPromptContext;
import dev.goodput.app.attribution.TagRequest;
import dev.goodput.app.workspace.WorkspacePrompts;
import dev.goodput.core.attribution.Overlay;
import dev.goodput.core.workspace.MergeResult;

import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The window's questions answered by the test: each answer is set beforehand (by default: keep autosaves for
 * later, discard unsaved changes, cancel every chooser and dialog), and every question asked is recorded.
 */
final class ScriptedPrompts implements WorkspacePrompts {
    final List<String> asked = new ArrayList<>();
    volatile Restore restore = Restore.LATER;
    volatile Unsaved unsaved = Unsaved.DISCARD;
    volatile Path saveTo;
    volatile Path exportTo;
    volatile Path importFrom;
    volatile Function<TagPromptContext, Optional<TagRequest>> tag = ctx -> Optional.empty();
    volatile Function<MergeResult, Optional<Overlay>> merge = r -> Optional.empty();
    /** The colour chosen for a cause (opaque ARGB); empty: cancelled. */
    volatile Optional<Integer> colour = Optional.empty();

    WorkbenchPrompts asWorkbench() {
        TagPrompt tagPrompt = ctx -> {
            asked.add("tag: " + ctx.title());
            return tag.apply(ctx);
        };
        MergePrompt mergePrompt = r -> {
            asked.add("merge: " + r.conflicts().size() + " conflicts");
            return merge.apply(r);
        };
        return new WorkbenchPrompts(this, tagPrompt, row -> Optional.empty(), ctx -> Optional.empty(),
                editor -> Optional.empty(), mergePrompt, (cause, current) -> {
                    asked.add("colour: " + cause);
                    return colour;
                });
    }

    @Override
    public Restore askRestore(String what, FileTime savedAt, boolean opening) {
        asked.add("restore: " + what);
        return restore;
    }

    @Override
    public Unsaved askUnsaved(String name) {
        asked.add("unsaved: " + name);
        return unsaved;
    }

    @Override
    public Optional<Path> chooseWorkspaceToSave(String suggestedName) {
        asked.add("save as: " + suggestedName);
        return Optional.ofNullable(saveTo);
    }

    @Override
    public Optional<Path> chooseAttributionsToExport(String suggestedName) {
        asked.add("export: " + suggestedName);
        return Optional.ofNullable(exportTo);
    }

    @Override
    public Optional<Path> chooseAttributionsToImport() {
        return Optional.ofNullable(importFrom);
    }
}
