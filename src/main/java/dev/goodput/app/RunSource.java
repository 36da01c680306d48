package dev.goodput.app;

import dev.goodput.core.io.LoadMode;
import dev.goodput.core.io.LoadOptions;
import dev.goodput.core.io.ReadLimits;
import dev.goodput.core.load.RunReader;
import dev.goodput.core.model.Run;

import java.nio.file.Path;
import java.util.List;
import java.util.function.Supplier;

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

    /** The options it reads with, which the rest of the load (profiles beside the logs) reads with too. */
    default LoadOptions options() {
        return OPTIONS;
    }

    static RunSource lenient() {
        return lenient(() -> ReadLimits.DEFAULTS);
    }

    /** Lenient, within the limits current at each load (the user's Preferences). */
    static RunSource lenient(Supplier<ReadLimits> limits) {
        RunReader loader = RunReader.loader();
        return new RunSource() {
            @Override
            public Run read(List<Path> files) throws Exception {
                return loader.read(files, options());
            }

            @Override
            public LoadOptions options() {
                return OPTIONS.withLimits(limits.get());
            }
        };
    }
}
