package dev.goodput.app;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Which files the workbench opens at start-up: the ones named on the command line; else the ones opened last (if
 * they are still there); else, on a first start, the bundled sample.
 */
final class StartupFiles {
    /** Relative to the working directory, which is the project root under {@code ./mvnw javafx:run}. */
    static final Path SAMPLE = Path.of("sample-runs", "clean-small", "run.jsonl");

    private StartupFiles() {
    }

    /** The files to open; empty when there is nothing to reopen and the sample is not there (an empty start). */
    static List<Path> resolve(List<String> args, Path workingDir, Optional<List<Path>> lastOpened) {
        if (!args.isEmpty()) {
            return args.stream().map(workingDir::resolve).toList();
        }
        if (lastOpened.isPresent()) {
            return lastOpened.get();
        }
        Path sample = workingDir.resolve(SAMPLE);
        return Files.isRegularFile(sample) ? List.of(sample) : List.of();
    }
}
