package dev.goodput.app.attribution;
// STUB
public record TagRequest(dev.goodput.core.model.Cause cause, String note, boolean onlyUnattributed) { }
