package dev.goodput.app;

import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.RunLoader;
import dev.goodput.core.model.Run;

import java.nio.file.Path;
import java.util.List;

/**
 * Reads files into one run. The workbench reads leniently (a bad record becomes a problem in the Problems panel,
 * not a failed open); tests substitute a source they can hold back, to catch a load in progress.
 */
@FunctionalInterface
interface RunSource {
    Run read(List<Path> files) throws Exception;

    static RunSource lenient() {
        RunLoader loader = new RunLoader(LoadMode.LENIENT);
        return loader::load;
    }
}
