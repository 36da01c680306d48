package dev.goodput.app.attribution;
// STUB (lead worktree only)
public interface TagPrompt { java.util.Optional<TagRequest> ask(TagPromptContext ctx); }
