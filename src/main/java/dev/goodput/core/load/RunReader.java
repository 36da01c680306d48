package dev.goodput.core.load;

import dev.goodput.core.io.InputException;
import dev.goodput.core.io.LoadOptions;
import dev.goodput.core.io.RunLoader;
import dev.goodput.core.model.Run;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/** Reads run files (no profiles) into one run: the {@link RunLoader}, or a stand-in a test can hold back. */
@FunctionalInterface
public interface RunReader {
    Run read(List<Path> files, LoadOptions options) throws IOException, InputException;

    /** The real reader: formats detected by content, trainer logs stitched into one run. */
    static RunReader loader() {
        return (files, options) -> new RunLoader(options).load(files);
    }
}
