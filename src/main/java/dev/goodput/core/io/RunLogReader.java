package dev.goodput.core.io;

import dev.goodput.core.model.RunBuilder;

import java.io.IOException;
import java.nio.file.Path;

/** Reads one input file's facts into a run being built. */
public interface RunLogReader {
    void read(Path file, RunBuilder run, LoadMode mode) throws IOException, InputException;
}
