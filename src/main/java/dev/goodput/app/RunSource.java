package dev.goodput.app;

import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.LoadOptions;
import dev.goodput.core.load.RunReader;
import dev.goodput.core.model.Run;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads run files into one run: the step of the loading pipeline ({@link dev.goodput.core.load.RunPipeline}) the
 * window lets tests replace, to hold back a load and catch it in progress. The workbench reads leniently (a bad
 * record becomes a problem in the Problems panel, not a failed open).
 */
@FunctionalInterface
interface RunSource {
    /** How the window reads: leniently, formats detected by content, times without a zone in UTC. */
    LoadOptions OPTIONS = LoadOptions.of(LoadMode.LENIENT);

    Run read(List<Path> files) throws Exception;

    static RunSource lenient() {
        RunReader loader = RunReader.loader();
        return files -> loader.read(files, OPTIONS);
    }
}
