package dev.goodput.app.attribution;
// STUB
public interface MergePrompt { java.util.Optional<dev.goodput.core.attribution.Overlay> ask(dev.goodput.core.workspace.MergeResult r); }
