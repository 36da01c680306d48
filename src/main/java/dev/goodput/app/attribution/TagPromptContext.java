package dev.goodput.app.attribution;
// STUB
public record TagPromptContext(String title, CauseChoices choices, boolean range, dev.goodput.core.model.Cause initial) { }
